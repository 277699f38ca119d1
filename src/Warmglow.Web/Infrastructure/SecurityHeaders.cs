using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// The browser-facing defences, in one place: security headers on every response (a strict Content-Security-Policy
/// with a per-request nonce, no framing, no sniffing, a restrained referrer), HSTS over HTTPS, the reverse-proxy
/// switch (forwarded headers), and the cross-site-request guard for cookie-authenticated API writes.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The request header a same-site script sends with cookie-authenticated API writes (a cross-site form cannot).</summary>
    public const string RequestedWithHeader = "X-Requested-With";

    const string NonceKey = "warmglow.csp-nonce";

    /// <summary>This request's CSP nonce, for the rare inline script that must exist (see <see cref="NonceTagHelper"/>).</summary>
    public static string Nonce(HttpContext http) => (string)(http.Items[NonceKey] ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    /// <summary>
    /// Pages: scripts only from our origin or with this request's nonce; styles only from our stylesheets (no style
    /// attributes: pages use classes, and scripts set sizes through the CSSOM, which CSP allows); nothing framed.
    /// </summary>
    public static string PagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Swagger UI (/api/docs) renders its own inline styles, so it alone may use inline styles; scripts still come
    /// only from our origin (Swashbuckle's page has no inline script), no eval, nothing framed.
    /// </summary>
    public const string DocsPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DocsPath = "/api/docs";

    /// <summary>
    /// Forwarded headers from ForwardedHeaders:* (see README, "Behind a reverse proxy"), and every cookie Secure when
    /// the request came over HTTPS (the antiforgery cookie's default would be never).
    /// </summary>
    public static void AddWarmglowSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Trusted: loopback by default (a proxy on the same machine), plus what the operator lists.
            foreach (var ip in Split(config["ForwardedHeaders:KnownProxies"])) o.KnownProxies.Add(IPAddress.Parse(ip));
            foreach (var net in Split(config["ForwardedHeaders:KnownNetworks"])) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(net));
            var hosts = Split(config["ForwardedHeaders:AllowedHosts"]).ToList();
            if (hosts.Count > 0) o.AllowedHosts = hosts;
        });
        static IEnumerable<string> Split(string? value) =>
            (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>First in the pipeline: forwarded headers (when enabled), then the headers every response carries, then HSTS.</summary>
    public static IApplicationBuilder UseWarmglowSecurityHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled")) app.UseForwardedHeaders();
        app.Use((http, next) =>
        {
            // When the headers go out, not now: the exception handler clears the response's headers before it writes a problem.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var docs = http.Request.Path.StartsWithSegments(DocsPath);
                headers.ContentSecurityPolicy = docs ? DocsPolicy : PagePolicy(Nonce(http));
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(http);
        });
        // HSTS only on HTTPS requests (and never for localhost, ASP.NET Core's default exclusion).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }

    /// <summary>
    /// After authentication: an API write (POST/PUT/PATCH/DELETE under /api) that the session cookie authenticated must
    /// carry <see cref="RequestedWithHeader"/> or a valid antiforgery token. A cross-site page can send the cookie with a
    /// simple request (a form, text/plain) but cannot add a header without a CORS preflight, which Warmglow never grants.
    /// Requests with an Authorization header (bearer tokens, API keys) are not affected: browsers never add those by themselves.
    /// </summary>
    public static IApplicationBuilder UseCookieApiCsrfGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && string.IsNullOrEmpty(request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated == true
            && string.IsNullOrWhiteSpace(request.Headers[RequestedWithHeader])
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-site request refused",
                detail: $"API writes signed in with the browser session must send the header '{RequestedWithHeader}: XMLHttpRequest' " +
                        "(or an antiforgery token). Integrations should use a bearer token instead: POST /api/auth/token.").ExecuteAsync(http);
            return;
        }
        await next(http);
    });
}

/// <summary>
/// Gives a hand-written inline &lt;script&gt; (one without src) this request's CSP nonce. Only scripts written in our
/// Razor files get it; markup that reaches a page from data is encoded text, never a tag helper.
/// Prefer a file under wwwroot/js; this exists so an inline script is never a reason to loosen the policy.
/// </summary>
[HtmlTargetElement("script")]
public sealed class NonceTagHelper(IHttpContextAccessor accessor) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("src") || accessor.HttpContext is not { } http) return;
        var type = output.Attributes["type"]?.Value?.ToString();
        if (type is not null && type.Contains("json", StringComparison.OrdinalIgnoreCase)) return; // data blocks never run
        output.Attributes.SetAttribute("nonce", SecurityHeaders.Nonce(http));
    }
}

