using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Assessments;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Measurement;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Portal;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Infrastructure.Modules;

// --demo is a bare switch; keep it away from the configuration parser, which expects "--key value".
var loadDemo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
loadDemo |= builder.Configuration.GetValue<bool>("Demo");
var generate = builder.Configuration.GetValue<int?>("Generate"); // --generate N: N partners of realistic volume

// --- data ---------------------------------------------------------------------------------------
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<Tenant>();
var database = builder.Configuration.ReadDatabaseOptions(builder.Environment);
builder.Services.AddWarmglowDatabase(database);

// --- identity: cookie for the UI, bearer tokens for API clients -------------------------------
builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.MaxFailedAccessAttempts = 8;
    })
    .AddEntityFrameworkStores<WarmglowDb>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<WarmglowClaimsFactory>();
// One key ring in the database, so cookies, bearer tokens and protected secrets work on every instance (docs/decisions/0021).
builder.Services.AddDataProtection().SetApplicationName("Warmglow").PersistKeysToDbContext<WarmglowDb>();
const string AuthScheme = "cookie-or-bearer";
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = AuthScheme;
        o.DefaultAuthenticateScheme = AuthScheme;
        o.DefaultChallengeScheme = AuthScheme;
        o.DefaultForbidScheme = AuthScheme;
    })
    .AddPolicyScheme(AuthScheme, "Cookie, bearer token or API key", o => o.ForwardDefaultSelector = http =>
        ApiKeyHandler.Carries(http.Request) ? ApiKeyHandler.SchemeName // "Bearer wg_…": a personal API key
        : http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme);
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.AccessDeniedPath = "/Account/Denied";
    o.Cookie.Name = "warmglow";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS, also behind a proxy (ForwardedHeaders:Enabled)
    // The API answers 401/403; only pages redirect to sign-in.
    o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
});
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().RequireClaim(WarmglowClaims.Workspace))
    .AddPolicy(Policies.Internal, p => p.RequireClaim(WarmglowClaims.Workspace).RequireRole(Roles.Admin, Roles.Manager, Roles.Executive, Roles.Evaluator))
    .AddPolicy(Policies.Manage, p => p.RequireClaim(WarmglowClaims.Workspace).RequireRole(Roles.Admin, Roles.Manager))
    .AddPolicy(Policies.Admin, p => p.RequireClaim(WarmglowClaims.Workspace).RequireRole(Roles.Admin))
    .AddPolicy(Policies.Oversee, p => p.RequireClaim(WarmglowClaims.Workspace).RequireRole(Roles.Admin, Roles.Manager, Roles.Executive))
    .AddPolicy(Policies.Approve, p => p.RequireClaim(WarmglowClaims.Workspace).RequireRole(Roles.Admin, Roles.Executive));

// --- modules: every part of Warmglow, in order (docs/decisions/0012). A new module is one line here. -----
IWarmglowModule[] modules =
[
    new WorkspacesModule(),
    new UsersModule(),
    new AccountsModule(),
    new AuditModule(),
    new StrategyModule(),
    new PartnersModule(),
    new PartnershipsModule(),
    new DiscoveryModule(),
    new AssessmentsModule(),
    new AgreementsModule(),
    new RevenueModule(),
    new MeasurementModule(),
    new HealthModule(),
    new Warmglow.Web.Features.Governance.GovernanceModule(),
    new Warmglow.Web.Features.Referrals.ReferralsModule(),
    new Warmglow.Web.Features.AccountMapping.AccountMappingModule(),
    new Warmglow.Web.Features.PrivateOverlap.PrivateOverlapModule(),
    new Warmglow.Web.Features.Initiatives.InitiativesModule(),
    new Warmglow.Web.Features.Funds.FundsModule(),
    new Warmglow.Web.Features.Portfolio.PortfolioModule(),
    new Warmglow.Web.Features.Knowledge.KnowledgeModule(),
    new Warmglow.Web.Features.Sunsetting.SunsettingModule(),
    new Warmglow.Web.Features.Reports.ReportsModule(),
    new Warmglow.Web.Features.Onboarding.OnboardingModule(),
    new Warmglow.Web.Features.Clusters.ClustersModule(),
    new TasksModule(),
    new Warmglow.Web.Features.Notifications.NotificationsModule(),
    new Warmglow.Web.Features.Webhooks.WebhooksModule(),
    new PortalModule(),
    new DemoModule(),
];
builder.Services.AddModules(builder.Configuration, modules);

// --- web ----------------------------------------------------------------------------------------
// Everything needs a signed-in user (fallback policy) unless a module says otherwise; each module authorizes its own
// page folders (IWarmglowModule.AuthorizePages) and handlers stricter than their page carry [RequirePolicy].
builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new RequirePolicyFilter()));
// Bad JSON throws, so the exception handler can say which field failed and why (the default is a bare 400).
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Enums by name only (as the OpenAPI document says): a number such as "kind": 999 is a 400 naming the field, not a 500.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info = new OpenApiInfo { Title = "Warmglow API", Version = "v1", Description = "Partnership management: strategy, partners, partnerships and their lifecycle, discovery and vetting, agreements, revenue-share ledger and statements, measurement (metrics, scorecards, ROI), health (surveys, engagement, alerts), tasks, audit." };
    doc.Components ??= new OpenApiComponents();
    doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
    doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.Http, Scheme = "bearer",
        Description = "POST /api/auth/token with e-mail and password, then send 'Authorization: Bearer <accessToken>'; or a personal API key (account menu → API keys) as 'Authorization: Bearer wg_…'.",
    };
    return Task.CompletedTask;
}).AddWarmglowConventions()); // operationIds, summaries, security, 4xx problems, tags: lint-clean (tools/openapi-lint)
builder.Services.AddHealthChecks().AddDbContextCheck<WarmglowDb>("database");
builder.Services.AddWarmglowSecurity(builder.Configuration); // forwarded headers (ForwardedHeaders:Enabled, see README), Secure cookies

var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);
await EnsureRolesAsync(app.Services);
await AccountSetup.UpgradeAsync(app.Services);
if (args.Contains("reset-admin")) // the operator's way back in: prints a one-time reset link, starts no web server
{
    Environment.ExitCode = await AccountSetup.ResetAdminAsync(app.Services, app.Configuration, Console.Out);
    return;
}
if (loadDemo) await DemoLoader.EnsureDemoWorkspaceAsync(app.Services, app.Logger);
var demoLinks = loadDemo ? await AccountSetup.IssueDemoLinksAsync(app.Services) : [];
if (generate is > 0) await DataGenerator.RunAsync(app.Services, generate.Value, app.Logger);

app.UseWarmglowSecurityHeaders(); // first: every response, errors included, carries CSP and friends
// Status code pages sit outside the exception handler so that a page's NotFound renders the friendly /Error page.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseExceptionHandler();
app.UseStaticFiles();
// The API's shape is public (its data is not): the docs page is served before authentication.
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Warmglow API v1");
    o.RoutePrefix = "api/docs";
    o.DocumentTitle = "Warmglow API";
    o.HeadContent = "<script src=\"/js/api-docs.js\"></script>"; // "Try it out" with the session cookie sends X-Requested-With
});
app.UseRouting();
app.UseMiddleware<FirstRunMiddleware>(); // before authorization: the first visit goes to /Setup, not to sign-in
app.UseAuthentication();
app.UseMiddleware<FreshPrincipalMiddleware>(); // roles, removal and password changes count from the very next request
app.UseCookieApiCsrfGuard(); // cookie-authenticated API writes need X-Requested-With or an antiforgery token
app.UseAuthorization();

app.MapHealthChecks("/healthz", new HealthCheckOptions
{
    ResponseWriter = (ctx, report) => ctx.Response.WriteAsJsonAsync(new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
    }),
}).AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

app.MapModules(modules);
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls) app.Logger.LogInformation("Warmglow is running at {Url} ({Provider})", url, database.Provider);
    if (demoLinks.Count > 0) Console.WriteLine(AccountSetup.DescribeDemoLinks(demoLinks, app.Configuration["PublicUrl"] ?? app.Urls.First()));
});
app.Run();

static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
{
    if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi"))
        ctx.Response.StatusCode = status;
    else
        ctx.Response.Redirect(ctx.RedirectUri);
    return Task.CompletedTask;
}

static async Task EnsureRolesAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
    foreach (var role in Roles.All)
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
}

public partial class Program;
