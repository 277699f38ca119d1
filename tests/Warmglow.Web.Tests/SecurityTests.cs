using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteSecurityTests(SqliteApp app) : SecurityTests<SqliteApp>(app);
public sealed class PostgresSecurityTests(PostgresApp app) : SecurityTests<PostgresApp>(app);

/// <summary>Security headers, the cross-site guard on cookie-authenticated API writes, and the public API description.</summary>
public abstract partial class SecurityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    void Ready() => Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    /// <summary>A client holding only the session cookie, as a browser would after signing in.</summary>
    internal static async Task<HttpClient> CookieClientAsync(TestApp app, string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = Antiforgery().Match(await browser.GetStringAsync("/Account/Login")).Groups[1].Value;
        var signIn = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = TestApp.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    const string PartnerCsv = "partner_name,website,industry,size,region,notes,contact_name,contact_email,contact_title,contact_phone\n" +
                              "Cross Site Co,,,,,,,,,\n";

    static StringContent TextPlain(string text) => new(text, Encoding.UTF8, "text/plain");

    async Task<int> PartnerCount(HttpClient bearer) => (await (await bearer.GetAsync("/api/partners")).Read<Paged<PartnerSummary>>()).Total;

    [SkippableFact]
    public async Task CookieOnly_SimpleCrossSiteWrites_AreRefused_WithProblem_AndWriteNothing()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Csrf");
        var bearer = await ws.As(Roles.Admin);
        var cookie = await CookieClientAsync(app, ws.Emails[Roles.Admin]);
        // The cookie does authenticate reads.
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/partners")).StatusCode);

        var refused = await (await cookie.PostAsync("/api/partners/import", TextPlain(PartnerCsv))).Problem(403);
        Assert.Contains("X-Requested-With", refused["detail"]!.GetValue<string>());
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(PartnerCsv)), "file", "partners.csv" } };
        await (await cookie.PostAsync("/api/partners/import", form)).Problem(403);
        await (await cookie.PostAsync("/api/partners", TextPlain("{\"name\":\"Cross Site Co\"}"))).Problem(403);
        Assert.Equal(0, await PartnerCount(bearer));

        var partner = await (await bearer.PostJson("/api/partners", new { name = "Kept" })).Read<PartnerDto>();
        await (await cookie.DeleteAsync($"/api/partners/{partner.Id}")).Problem(403);
        await (await cookie.PutAsync($"/api/partners/{partner.Id}", TextPlain("{\"name\":\"Renamed\",\"version\":0}"))).Problem(403);
        Assert.Equal("Kept", (await (await bearer.GetAsync($"/api/partners/{partner.Id}")).Read<PartnerDto>()).Name);
    }

    [SkippableFact]
    public async Task CookieWithRequestedWithHeader_AndBearerClients_CanWrite()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Csrf ok");
        var bearer = await ws.As(Roles.Admin);
        var cookie = await CookieClientAsync(app, ws.Emails[Roles.Admin]);

        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/partners/import") { Content = TextPlain(PartnerCsv) })
        {
            request.Headers.Add(SecurityHeaders.RequestedWithHeader, "XMLHttpRequest");
            var ok = await cookie.SendAsync(request);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        }
        Assert.Equal(1, await PartnerCount(bearer));

        // Bearer clients (tokens, API keys) never need the header, whatever the content type.
        var viaToken = await bearer.PostAsync("/api/partners/import", TextPlain(PartnerCsv.Replace("Cross Site Co", "Token Co")));
        Assert.Equal(HttpStatusCode.OK, viaToken.StatusCode);
        Assert.Equal(2, await PartnerCount(bearer));
        // And signing in for a token needs no cookie and no header.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostJson("/api/auth/token", new { email = ws.Emails[Roles.Admin], password = TestApp.Password })).StatusCode);
    }

    [SkippableFact]
    public async Task EveryResponse_CarriesSecurityHeaders_AndPagesGetAStrictPolicyWithAFreshNonce()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Headers");
        var cookie = await CookieClientAsync(app, ws.Emails[Roles.Manager]);
        var anon = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var responses = new List<HttpResponseMessage>
        {
            await anon.GetAsync("/Account/Login"), await anon.GetAsync("/api/partners"), await anon.GetAsync("/healthz"),
            await anon.GetAsync("/css/site.css"), await anon.GetAsync("/no-such-page"), await anon.GetAsync("/openapi/v1.json"),
            await cookie.GetAsync("/"), await cookie.GetAsync("/Partners"), await cookie.GetAsync("/api/partners/999999"),
        };
        foreach (var r in responses)
        {
            var url = r.RequestMessage!.RequestUri!.PathAndQuery;
            var csp = Assert.Single(r.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';", csp);
            Assert.True(r.Headers.GetValues("X-Frame-Options").Single() == "DENY", url);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", r.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(r.Headers.Contains("Strict-Transport-Security"), $"HSTS over plain HTTP on {url}");
        }
        var nonces = responses.Select(r => Regex.Match(r.Headers.GetValues("Content-Security-Policy").Single(), "nonce-([^']+)").Groups[1].Value).ToList();
        Assert.Equal(nonces.Count, nonces.Distinct().Count());

        // The pages themselves: no inline handler, no style attribute, no inline script (data blocks aside).
        foreach (var page in new[] { "/", "/Partners", "/Partnerships", "/Revenue", "/Health", "/Agreements", "/Tasks", "/Strategy", "/Scorecards" })
        {
            var html = await cookie.GetStringAsync(page);
            Assert.DoesNotMatch("<[^>]+\\son[a-z]+\\s*=", html);
            Assert.DoesNotMatch("<[^>]+\\sstyle\\s*=", html);
            foreach (Match script in Regex.Matches(html, "<script(?![^>]*\\ssrc=)(?![^>]*application/json)[^>]*>"))
                Assert.Contains("nonce=", script.Value);
        }
    }

    [SkippableFact]
    public async Task ApiDescription_IsPublic_ButTheDataIsNot()
    {
        Ready();
        await app.CreateWorkspaceAsync("Public shape");
        var anon = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var doc = await (await anon.GetAsync("/openapi/v1.json")).Node();
        Assert.NotNull(doc["paths"]!["/api/partners"]);
        Assert.Contains("/api/auth/token", doc["components"]!["securitySchemes"]!["bearer"]!["description"]!.GetValue<string>());
        Assert.Contains("/api/auth/token", doc["info"]!["description"]!.GetValue<string>());

        var docs = await anon.GetAsync("/api/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("swagger-ui", await docs.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/api/docs/index.js")).StatusCode);
        var docsPolicy = docs.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", docsPolicy);
        Assert.Contains("frame-ancestors 'none'", docsPolicy);
        Assert.Equal("DENY", docs.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(HttpStatusCode.MovedPermanently, (await anon.GetAsync("/api/docs")).StatusCode); // → index.html, not a 401

        // Every data endpoint in the document still refuses an anonymous caller.
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            if (path is "/api/auth/token" || !item!.AsObject().ContainsKey("get")) continue;
            var url = Regex.Replace(path, "\\{[^}]+\\}", "1");
            var status = (await anon.GetAsync(url)).StatusCode;
            // A calendar feed's secret URL is its own credential (calendar apps send no sign-in): an unknown token is not found.
            if (path == "/api/calendar/feeds/{token}.ics") { Assert.Equal(HttpStatusCode.NotFound, status); continue; }
            Assert.True(status == HttpStatusCode.Unauthorized, $"GET {url} anonymously: {status}");
        }
    }
}

/// <summary>Warmglow behind a TLS-terminating reverse proxy (ForwardedHeaders:Enabled): HSTS and Secure cookies.</summary>
public sealed class ReverseProxyApp : TestApp
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"warmglow-proxy-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_path}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:Enabled", "true");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
    }
}

/// <summary>Only HTTP behaviour is under test here (no data), so one provider is enough.</summary>
public sealed class ReverseProxyTests(ReverseProxyApp app) : IClassFixture<ReverseProxyApp>
{
    static HttpRequestMessage Get(string url, bool https)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = "warmglow.example";
        if (https) request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    [Fact]
    public async Task OverHttpsAtTheProxy_HstsAndSecureCookies_OverPlainHttp_Neither()
    {
        await app.CreateWorkspaceAsync("Proxied");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var https = await client.SendAsync(Get("/Account/Login", https: true));
        Assert.Contains("max-age=", https.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = https.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("frame-ancestors 'none'", https.Headers.GetValues("Content-Security-Policy").Single());

        var http = await client.SendAsync(Get("/Account/Login", https: false));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        Assert.All(http.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
