using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

/// <summary>
/// The module contract, checked (docs/decisions/0012): tenancy filters on every workspace-owned entity, the list of what
/// partner users can read, and the route/policy snapshot in docs/routes.md.
/// </summary>
public sealed class ArchitectureTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>
    /// Deployment-wide tables that name a workspace without belonging to one (decision 0015): a person may belong to
    /// several workspaces, so every query over them names the workspace it means.
    /// </summary>
    static readonly HashSet<string> DeploymentWide = ["AppUser", "Membership", "AccountToken", "ApiKey"];

    [Fact]
    public async Task EveryWorkspaceOwnedEntity_HasTheWorkspaceAndPartnerFilters()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<WarmglowDb>().Model;
        var problems = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()))
        {
            var owned = typeof(IWorkspaceOwned).IsAssignableFrom(entity.ClrType);
            if (!owned && entity.FindProperty("WorkspaceId") is not null && !DeploymentWide.Contains(entity.ClrType.Name))
                problems.Add($"{entity.ClrType.Name} has a WorkspaceId but is not IWorkspaceOwned (so no workspace filter)");
            if (!owned) continue;
            var filters = entity.GetDeclaredQueryFilters().Select(f => f.Key).ToHashSet();
            if (!filters.Contains(WarmglowDb.Filters.Workspace)) problems.Add($"{entity.ClrType.Name} lacks the workspace filter");
            if (!filters.Contains(WarmglowDb.Filters.Partner)) problems.Add($"{entity.ClrType.Name} lacks the partner filter");
            if (entity.FindAnnotation(WarmglowDb.PartnerAccessAnnotation) is null) problems.Add($"{entity.ClrType.Name} does not say what partner users may read");
        }
        Assert.Empty(problems);
    }

    /// <summary>Everything a partner user can read. A new entry here is a decision for review: it must not carry our internal text.</summary>
    [Fact]
    public async Task PartnerUsers_CanRead_ExactlyTheseEntities()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<WarmglowDb>().Model;
        var readable = model.GetEntityTypes()
            .Where(e => e.FindAnnotation(WarmglowDb.PartnerAccessAnnotation)?.Value is string access && access != PartnerAccess.None)
            .Select(e => $"{e.ClrType.Name}: {e.FindAnnotation(WarmglowDb.PartnerAccessAnnotation)!.Value}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "Agreement: own partnership",
            "AgreementVersion: own partnership",
            "CalendarFeed: own partnership",
            "Contact: own partnership",
            "Fund: own partnership",                   // funds allocated to one of their partnerships
            "FundAllocation: own partnership",         // their own partnerships' allocations only
            "FundClaim: own partnership",
            "FundProof: own partnership",
            "FundRequest: own partnership",
            "GovernancePerson: own partnership",
            "Initiative: own partnership",             // shared ones only (chosen when written), of their own partnerships
            "InitiativeMilestone: own partnership",    // of those shared initiatives
            "InitiativeOutcome: own partnership",
            "KnowledgeArticle: own partnership",       // shared articles only (tier limit applied by the service); a lesson only for its own partnership
            "Meeting: own partnership",
            "MeetingAttendee: own partnership",
            "MeetingNote: own partnership",
            "MeetingSeries: own partnership",
            "Notification: own partnership",
            "NotificationMailState: own partnership",
            "NotificationPreference: own partnership",
            "OnboardingChecklist: own partnership",
            "OnboardingStep: own partnership",
            "Partner: own partnership",
            "PartnerAdminGrant: own partnership",
            "Partnership: own partnership",
            "PartnershipCharter: own partnership",
            "PartnershipMember: whole workspace",
            "PartnershipNote: own partnership",        // shared timeline notes only (chosen when written), of their own partnerships
            "Population: own partnership",
            "PopulationRecord: own partnership",
            "RaciMatrix: own partnership",
            "RaciProposal: own partnership",           // proposals on their own partnerships' matrix, with the outcome
            "Registration: own partnership",
            "RevenueStatement: own partnership",
            "RevenueStatementLineSet: own partnership",
            "Scorecard: whole workspace",
            "SharingRule: own partnership",
            "StageTransition: whole workspace",
            "StatementPayment: own partnership",
            "SurveyRecipient: whole workspace",
            "SurveyRound: own partnership",
            "TaskComment: own partnership",            // shared comments only, on the tasks below
            "WorkTask: own partnership",               // their own partnership's, assigned to them or shared (decision 0025)
        ], readable);
    }

    /// <summary>
    /// Every endpoint's method, route and policy, written to docs/routes.md. The test fails when the file is stale, so a
    /// policy silently dropped shows in review as a changed line. Set WARMGLOW_UPDATE_ROUTES=1 to rewrite the file.
    /// </summary>
    [Fact]
    public async Task RoutesAndPolicies_MatchDocsRoutesMd()
    {
        await using var scope = app.Services.CreateAsyncScope();
        _ = app.CreateClient(); // builds the host and its endpoints
        var fallback = (await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync()) is not null;
        var rows = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m
                ? string.Join(", ", m) : endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null ? "page" : "any";
            rows.Add($"| {methods} | `{route}` | {Policy(endpoint, fallback)} |");
        }
        var text = new StringBuilder()
            .AppendLine("# Routes and their policies")
            .AppendLine()
            .AppendLine("Generated by `ArchitectureTests.RoutesAndPolicies_MatchDocsRoutesMd` from the app's endpoints; the test fails when this file is stale")
            .AppendLine("(run it with `WARMGLOW_UPDATE_ROUTES=1` to rewrite it). Policies: `member` any signed-in member, `internal` our staff,")
            .AppendLine("`manage` admins and managers, `oversee` admins, managers and executives, `approve` executives and admins, `admin`;")
            .AppendLine("`signed in` is the fallback policy; `anonymous` is open to everyone.")
            .AppendLine()
            .AppendLine("| method | route | policy |")
            .AppendLine("|---|---|---|");
        foreach (var row in rows.Distinct().Order(StringComparer.Ordinal)) text.AppendLine(row);
        var path = Path.Combine(RepoRoot(), "docs", "routes.md");
        var expected = text.ToString();
        if (Environment.GetEnvironmentVariable("WARMGLOW_UPDATE_ROUTES") == "1") await File.WriteAllTextAsync(path, expected);
        var actual = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(actual == expected.ReplaceLineEndings("\n"),
            "docs/routes.md is stale: run `WARMGLOW_UPDATE_ROUTES=1 dotnet test tests/Warmglow.Web.Tests --filter RoutesAndPolicies` and review the diff.");
    }

    /// <summary>The layout offers exactly the links the user's policies open: evaluators see no Revenue, partner users only their portal and surveys.</summary>
    [Fact]
    public async Task Navigation_OffersOnlyWhatTheRoleCanOpen()
    {
        var ws = await app.CreateWorkspaceAsync("Nav");
        var manager = await ws.As(Warmglow.Web.Features.Users.Roles.Manager);
        var evaluator = await ws.As(Warmglow.Web.Features.Users.Roles.Evaluator);
        var admin = await ws.As(Warmglow.Web.Features.Users.Roles.Admin);
        var managerHtml = await manager.GetStringAsync("/Partners");
        var evaluatorHtml = await evaluator.GetStringAsync("/Partners");
        foreach (var href in new[] { "/Strategy", "/Partners", "/Partnerships", "/Agreements", "/Revenue", "/Health", "/Tasks" })
            Assert.Contains($"href=\"{href}\"", managerHtml);
        Assert.DoesNotContain("href=\"/Revenue\"", evaluatorHtml);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await evaluator.GetAsync("/Revenue")).StatusCode);
        Assert.DoesNotContain("href=\"/Admin/Users\"", managerHtml);
        Assert.Contains("href=\"/Admin/Users\"", await admin.GetStringAsync("/Partners"));
        // Every link in the manager's navigation opens for the manager.
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(managerHtml, "class=\"(?:nav-link[^\"]*|dropdown-item)\"[^>]*href=\"(/[^\"]*)\""))
            Assert.True((int)(await manager.GetAsync(m.Groups[1].Value)).StatusCode < 400, $"{m.Groups[1].Value} does not open for a manager");

        var partnerId = (await (await admin.PostJson("/api/partners", new { name = "Nav partner" })).Read<Warmglow.Web.Features.Partners.PartnerDto>()).Id;
        var partnerHtml = await (await ws.AsPartnerUser(partnerId)).GetStringAsync("/Portal");
        Assert.Contains("href=\"/Portal\"", partnerHtml);
        Assert.Contains("href=\"/Surveys\"", partnerHtml);
        Assert.DoesNotContain("href=\"/Partners\"", partnerHtml);
        Assert.DoesNotContain("href=\"/Partnerships/Types\"", partnerHtml);
    }

    /// <summary>
    /// Every page follows the same rules, whichever module adds it: form errors through &lt;form-errors /&gt;, and nothing
    /// the Content-Security-Policy refuses (inline style attributes, inline event handlers, script blocks without a nonce).
    /// </summary>
    [Fact]
    public void Pages_UseTheSharedFormErrors_AndNothingTheCspRefuses()
    {
        var problems = new List<string>();
        var pages = Path.Combine(RepoRoot(), "src", "Warmglow.Web", "Pages");
        var rules = new (string Pattern, string Why)[]
        {
            ("asp-validation-summary", "use <form-errors /> (one style, nothing shown when empty)"),
            (" style=\"", "inline style attributes are refused by the CSP: use a class in site.css"),
            (@"\son[a-z]+=""", "inline event handlers are refused by the CSP: use data-* attributes and wwwroot/js/site.js"),
        };
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (var (pattern, why) in rules)
                    if (System.Text.RegularExpressions.Regex.IsMatch(lines[i], pattern.StartsWith(@"\s") ? pattern : System.Text.RegularExpressions.Regex.Escape(pattern)))
                        problems.Add($"{Path.GetRelativePath(pages, file)}:{i + 1}: {why}");
        }
        Assert.Empty(problems);
    }

    static string Policy(Endpoint endpoint, bool fallback)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return "anonymous";
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var policies = data.Select(d => d.Policy ?? (d.Roles is { } r ? $"roles {r}" : "signed in")).Distinct().ToList();
        // Inline policies (RequireAuthorization(p => ...)) carry an AuthorizationPolicy rather than a name.
        foreach (var p in endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            policies.Add("custom: " + string.Join(" + ", p.Requirements.Select(r => r switch
            {
                Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement roles => "roles " + string.Join("/", roles.AllowedRoles),
                Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement claim => "claim " + claim.ClaimType,
                _ => r.GetType().Name,
            })));
        if (policies.Count == 0) return fallback ? "signed in" : "anonymous";
        return string.Join(" + ", policies.Select(p => $"`{p}`"));
    }

    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Warmglow.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Warmglow.slnx not found above the test's directory.");
    }
}
