using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Strategy;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteStrategyApiTests(SqliteApp app) : StrategyApiTests<SqliteApp>(app);
public sealed class PostgresStrategyApiTests(PostgresApp app) : StrategyApiTests<PostgresApp>(app);

/// <summary>Strategy (self-assessments, statement and SWOT, goals, personas) and candidate assessments, through real HTTP on each provider.</summary>
public abstract class StrategyApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    protected TApp App { get; } = app;

    void Ready() => Skip.If(App.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Acme")
    {
        Ready();
        var ws = await App.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    static object Scores(int r, int e, int m, int b, int o, int k, int s) => new
    {
        resources = new { score = r, notes = "Two people, small budget" },
        expertise = new { score = e }, marketPosition = new { score = m }, brandValues = new { score = b },
        operationalCapacity = new { score = o }, riskTolerance = new { score = k }, strategicObjectives = new { score = s, notes = "Grow in Europe" },
    };

    async Task<string> StaffId(TestWorkspace ws, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(ws.Emails[role]))!.Id;
    }

    static async Task<JsonNode> Errors(HttpResponseMessage response) => (await response.Problem(400))["errors"]!;

    // ---- self-assessments --------------------------------------------------------------------------

    [SkippableFact]
    public async Task SelfAssessments_AreSnapshots_ListedNewestFirst_AndCompareWithDeltas()
    {
        var (_, admin) = await Workspace();
        var empty = await (await admin.GetAsync("/api/strategy/self-assessments")).Read<Paged<SelfAssessmentDto>>();
        Assert.Equal(0, empty.Total);

        var first = await (await admin.PostJson("/api/strategy/self-assessments", Scores(2, 3, 2, 4, 3, 2, 3))).Read<SelfAssessmentDto>();
        var second = await (await admin.PostJson("/api/strategy/self-assessments", Scores(3, 3, 4, 4, 2, 2, 5))).Read<SelfAssessmentDto>();
        Assert.Equal("Two people, small budget", first.Scores.Resources!.Notes);
        Assert.Equal(19m / 7, first.Average);
        Assert.True(second.TakenAt >= first.TakenAt);
        Assert.Equal("admin user", first.TakenBy);

        var list = await (await admin.GetAsync("/api/strategy/self-assessments")).Read<Paged<SelfAssessmentDto>>();
        Assert.Equal([second.Id, first.Id], list.Items.Select(s => s.Id));

        var compare = await (await admin.GetAsync($"/api/strategy/self-assessments/compare?from={first.Id}&to={second.Id}")).Read<SelfAssessmentComparisonDto>();
        Assert.Equal([1, 0, 2, 0, -1, 0, 2], compare.Comparison.Dimensions.Select(d => d.Delta));
        Assert.Equal([SelfAssessmentDimension.OperationalCapacity], compare.Comparison.Declined);
        Assert.Equal((19, 23), (compare.Comparison.TotalFrom, compare.Comparison.TotalTo));

        // Snapshots are never edited: there is no PUT or DELETE.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.PutJson($"/api/strategy/self-assessments/{first.Id}", Scores(1, 1, 1, 1, 1, 1, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync($"/api/strategy/self-assessments/{first.Id}")).StatusCode);

        var missing = await (await admin.GetAsync($"/api/strategy/self-assessments/compare?from={first.Id}")).Problem(400);
        Assert.NotNull(missing["errors"]!["to"]);
        await (await admin.GetAsync($"/api/strategy/self-assessments/compare?from={first.Id}&to=999999")).Problem(404);
    }

    [SkippableFact]
    public async Task SelfAssessment_BadInput_Is400NamingTheField_AndSavesNothing()
    {
        var (_, admin) = await Workspace();
        var errors = await Errors(await admin.PostJson("/api/strategy/self-assessments", new
        {
            resources = new { score = 0 }, expertise = new { score = 6 }, marketPosition = new { score = 3 },
            brandValues = new { score = 3, notes = new string('n', 2001) }, operationalCapacity = new { score = 3 }, riskTolerance = new { score = 3 },
        }));
        Assert.NotNull(errors["resources.score"]);
        Assert.NotNull(errors["expertise.score"]);
        Assert.NotNull(errors["brandValues.notes"]);
        Assert.NotNull(errors["strategicObjectives"]);
        Assert.Null(errors["marketPosition.score"]);
        Assert.Equal(0, (await (await admin.GetAsync("/api/strategy/self-assessments")).Read<Paged<SelfAssessmentDto>>()).Total);
    }

    // ---- statement and SWOT ------------------------------------------------------------------------

    [SkippableFact]
    public async Task Statement_IsOnePerWorkspace_Versioned_AndAudited()
    {
        var (ws, admin) = await Workspace();
        var initial = await (await admin.GetAsync("/api/strategy/statement")).Read<StatementDto>();
        Assert.Equal(0, initial.Version);
        Assert.Empty(initial.Strengths);

        var saved = await (await admin.PutJson("/api/strategy/statement", new
        {
            whatWeNeed = "Reach into corporate wellness buyers", whatWeCanGive = "Content library, 40k subscribers", whoCanHelp = "HR platforms, insurers",
            strengths = new[] { "Content library", "  Loyal community " }, weaknesses = new[] { "Small sales team" },
            opportunities = new[] { "Hybrid work" }, threats = new string[0], version = 0,
        })).Read<StatementDto>();
        Assert.Equal(["Content library", "Loyal community"], saved.Strengths);
        Assert.True(saved.Version > 0);

        var manager = await ws.As(Roles.Manager);
        var updated = await (await manager.PutJson("/api/strategy/statement", new
        {
            whatWeNeed = "Corporate wellness buyers in Europe", strengths = saved.Strengths, weaknesses = saved.Weaknesses,
            opportunities = saved.Opportunities, threats = new[] { "Cheaper apps" }, version = saved.Version,
        })).Read<StatementDto>();
        Assert.Equal(["Cheaper apps"], updated.Threats);
        Assert.Null(updated.WhatWeCanGive);

        // A stale version (or a second "first save") is a conflict; the newer text stays.
        await (await admin.PutJson("/api/strategy/statement", new { whatWeNeed = "stale", version = saved.Version })).Problem(409);
        await (await admin.PutJson("/api/strategy/statement", new { whatWeNeed = "stale", version = 0 })).Problem(409);
        await (await admin.PutJson("/api/strategy/statement", new { whatWeNeed = "no version" })).Problem(400);
        Assert.Equal("Corporate wellness buyers in Europe", (await (await admin.GetAsync("/api/strategy/statement")).Read<StatementDto>()).WhatWeNeed);

        var audit = await (await admin.GetAsync("/api/audit?entityType=StrategyStatement")).Read<Paged<AuditDto>>();
        Assert.Equal(["Updated", "Created"], audit.Items.Select(a => a.Action));
    }

    [SkippableFact]
    public async Task Statement_BadInput_Is400NamingTheField()
    {
        var (_, admin) = await Workspace();
        var errors = await Errors(await admin.PutJson("/api/strategy/statement", new
        {
            whatWeNeed = new string('x', 4001), strengths = new[] { "ok", " " }, threats = new[] { new string('t', 301) }, version = 0,
        }));
        Assert.NotNull(errors["whatWeNeed"]);
        Assert.NotNull(errors["strengths[1]"]);
        Assert.NotNull(errors["threats[0]"]);
        Assert.Equal(0, (await (await admin.GetAsync("/api/strategy/statement")).Read<StatementDto>()).Version);
    }

    // ---- goals ---------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Goals_CreateListUpdateDelete()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Manager);
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);
        var goal = await (await admin.PostJson("/api/strategy/goals", new
        {
            metric = "New customers through partner channels", kind = "Quantitative", baseline = 0, target = 500, deadline, ownerId = owner,
            description = "500 new customers through partner channels in 6 months",
        })).Read<GoalDto>();
        Assert.Equal(500m, goal.Target);
        Assert.Equal(owner, goal.Owner!.Id);
        await (await admin.PostJson("/api/strategy/goals", new
        {
            metric = "Brand perception", kind = "Qualitative", deadline = deadline.AddMonths(-1), ownerId = owner,
            description = "Seen as the wellness brand HR teams trust",
        })).Read<GoalDto>();

        var list = await (await admin.GetAsync("/api/strategy/goals")).Read<Paged<GoalDto>>();
        Assert.Equal(["Brand perception", "New customers through partner channels"], list.Items.Select(g => g.Metric));

        var updated = await (await admin.PutJson($"/api/strategy/goals/{goal.Id}", new
        {
            metric = goal.Metric, kind = "Quantitative", baseline = 20, target = 600, deadline, ownerId = owner, version = goal.Version,
        })).Read<GoalDto>();
        Assert.Equal((20m, 600m), (updated.Baseline!.Value, updated.Target!.Value));
        await (await admin.PutJson($"/api/strategy/goals/{goal.Id}", new
        {
            metric = "stale", kind = "Quantitative", baseline = 1, target = 2, deadline, ownerId = owner, version = goal.Version,
        })).Problem(409);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/strategy/goals/{goal.Id}")).StatusCode);
        await (await admin.GetAsync($"/api/strategy/goals/{goal.Id}")).Problem(404);
    }

    [SkippableFact]
    public async Task Goals_BadInput_Is400NamingTheField_AndSavesNothing()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Evaluator);
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
        var partner = await (await admin.PostJson("/api/partners", new { name = "Lotus" })).Read<PartnerDto>();
        var partnerUserEmail = $"p-{Guid.NewGuid():N}@partner.example";
        string partnerUserId;
        await using (var scope = App.Services.CreateAsyncScope())
            partnerUserId = (await TestApp.CreateUserAsync(scope.ServiceProvider, partnerUserEmail, ws.Id, Roles.Partner, partner.Id)).Id;

        var cases = new (object Body, string Field)[]
        {
            (new { kind = "Quantitative", baseline = 0, target = 5, deadline, ownerId = owner }, "metric"),
            (new { metric = "M", baseline = 0, target = 5, deadline, ownerId = owner }, "kind"),
            (new { metric = "M", kind = "Quantitative", baseline = 5, target = 5, deadline, ownerId = owner }, "target"),
            (new { metric = "M", kind = "Quantitative", target = 5, deadline, ownerId = owner }, "baseline"),
            (new { metric = "M", kind = "Quantitative", baseline = 0, target = 5, ownerId = owner }, "deadline"),
            (new { metric = "M", kind = "Quantitative", baseline = 0, target = 5, deadline = deadline.AddYears(-2), ownerId = owner }, "deadline"),
            (new { metric = "M", kind = "Quantitative", baseline = 0, target = 5, deadline }, "ownerId"),
            (new { metric = "M", kind = "Quantitative", baseline = 0, target = 5, deadline, ownerId = partnerUserId }, "ownerId"),
            (new { metric = "M", kind = "Quantitative", baseline = 0, target = 5, deadline, ownerId = "no-such-user" }, "ownerId"),
            (new { metric = "M", kind = "Qualitative", deadline, ownerId = owner }, "description"),
            (new { metric = "M", kind = "Qualitative", target = 3, description = "d", deadline, ownerId = owner }, "target"),
        };
        foreach (var (body, field) in cases)
            Assert.True((await Errors(await admin.PostJson("/api/strategy/goals", body)))[field] is not null, $"expected an error on {field}");
        // An owner from another workspace is refused too.
        var otherWs = await App.CreateWorkspaceAsync("Other");
        var foreignOwner = await StaffId(otherWs, Roles.Manager);
        Assert.NotNull((await Errors(await admin.PostJson("/api/strategy/goals", new { metric = "M", kind = "Quantitative", baseline = 0, target = 5, deadline, ownerId = foreignOwner })))["ownerId"]);
        Assert.Equal(0, (await (await admin.GetAsync("/api/strategy/goals")).Read<Paged<GoalDto>>()).Total);
    }

    // ---- personas ------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Personas_CreateReadUpdateDelete_AndValidate()
    {
        var (_, admin) = await Workspace();
        var persona = await (await admin.PostJson("/api/strategy/personas", new
        {
            name = "Mindful studio network", values = "Wellbeing over growth", marketPosition = "Regional leader", operationalStyle = "Small, fast team",
            size = "11-50", industry = "Fitness & Yoga", region = "Europe", notes = "Like Lotus Flow",
        })).Read<PersonaDto>();
        Assert.Equal("Regional leader", persona.MarketPosition);
        var updated = await (await admin.PutJson($"/api/strategy/personas/{persona.Id}", new { name = "Mindful studios", region = "UK", version = persona.Version })).Read<PersonaDto>();
        Assert.Equal(("Mindful studios", "UK"), (updated.Name, updated.Region));
        Assert.Null(updated.Industry);
        Assert.Equal("Mindful studios", Assert.Single((await (await admin.GetAsync("/api/strategy/personas")).Read<Paged<PersonaDto>>()).Items).Name);

        Assert.NotNull((await Errors(await admin.PostJson("/api/strategy/personas", new { name = " " })))["name"]);
        Assert.NotNull((await Errors(await admin.PostJson("/api/strategy/personas", new { name = "X", industry = new string('i', 101) })))["industry"]);
        await (await admin.PutJson($"/api/strategy/personas/{persona.Id}", new { name = "No version" })).Problem(400);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/strategy/personas/{persona.Id}")).StatusCode);
        await (await admin.GetAsync($"/api/strategy/personas/{persona.Id}")).Problem(404);
    }

    // ---- isolation and roles -------------------------------------------------------------------------

    [SkippableFact]
    public async Task OtherWorkspace_CannotSeeOrChange_Strategy()
    {
        var (wsA, adminA) = await Workspace("Alpha");
        var (_, adminB) = await Workspace("Beta");
        var owner = await StaffId(wsA, Roles.Admin);
        var snapshot = await (await adminA.PostJson("/api/strategy/self-assessments", Scores(1, 2, 3, 4, 5, 4, 3))).Read<SelfAssessmentDto>();
        var goal = await (await adminA.PostJson("/api/strategy/goals", new { metric = "M", kind = "Quantitative", baseline = 1, target = 2, deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), ownerId = owner })).Read<GoalDto>();
        var persona = await (await adminA.PostJson("/api/strategy/personas", new { name = "Alpha persona" })).Read<PersonaDto>();
        await (await adminA.PutJson("/api/strategy/statement", new { whatWeNeed = "Alpha's secret", version = 0 })).Read<StatementDto>();

        await (await adminB.GetAsync($"/api/strategy/self-assessments/{snapshot.Id}")).Problem(404);
        await (await adminB.GetAsync($"/api/strategy/self-assessments/compare?from={snapshot.Id}&to={snapshot.Id}")).Problem(404);
        await (await adminB.GetAsync($"/api/strategy/goals/{goal.Id}")).Problem(404);
        await (await adminB.PutJson($"/api/strategy/goals/{goal.Id}", new { metric = "Hijack", kind = "Quantitative", baseline = 1, target = 2, deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), ownerId = owner, version = goal.Version })).Problem(404);
        await (await adminB.DeleteAsync($"/api/strategy/goals/{goal.Id}")).Problem(404);
        await (await adminB.GetAsync($"/api/strategy/personas/{persona.Id}")).Problem(404);
        await (await adminB.PutJson($"/api/strategy/personas/{persona.Id}", new { name = "Hijack", version = persona.Version })).Problem(404);
        await (await adminB.DeleteAsync($"/api/strategy/personas/{persona.Id}")).Problem(404);
        Assert.Equal(0, (await (await adminB.GetAsync("/api/strategy/self-assessments")).Read<Paged<SelfAssessmentDto>>()).Total);
        Assert.Equal(0, (await (await adminB.GetAsync("/api/strategy/goals")).Read<Paged<GoalDto>>()).Total);
        Assert.Equal(0, (await (await adminB.GetAsync("/api/strategy/personas")).Read<Paged<PersonaDto>>()).Total);
        Assert.Null((await (await adminB.GetAsync("/api/strategy/statement")).Read<StatementDto>()).WhatWeNeed);
        // Beta's own first statement does not collide with Alpha's.
        await (await adminB.PutJson("/api/strategy/statement", new { whatWeNeed = "Beta's", version = 0 })).Read<StatementDto>();
        Assert.Equal("Alpha's secret", (await (await adminA.GetAsync("/api/strategy/statement")).Read<StatementDto>()).WhatWeNeed);
    }

    [SkippableFact]
    public async Task EvaluatorAndExecutive_Read_ButCannotWrite_PartnerUsersAreRefused()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Admin);
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var goal = await (await admin.PostJson("/api/strategy/goals", new { metric = "M", kind = "Quantitative", baseline = 1, target = 2, deadline, ownerId = owner })).Read<GoalDto>();
        var persona = await (await admin.PostJson("/api/strategy/personas", new { name = "P" })).Read<PersonaDto>();
        var partner = await (await admin.PostJson("/api/partners", new { name = "Lotus" })).Read<PartnerDto>();
        var ps = await (await admin.PostJson("/api/partnerships", new { name = "Lotus co-marketing", type = "CoMarketing", partnerId = partner.Id })).Read<PartnershipDto>();

        var reader = new List<HttpClient> { await ws.As(Roles.Evaluator), await ws.As(Roles.Executive) };
        foreach (var c in reader)
        {
            await (await c.GetAsync("/api/strategy/goals")).Read<Paged<GoalDto>>();
            await (await c.GetAsync("/api/strategy/statement")).Read<StatementDto>();
            await (await c.GetAsync($"/api/partnerships/{ps.Id}/assessments")).Read<JsonNode>();
        }
        var partnerUser = await ws.AsPartnerUser(partner.Id);
        foreach (var c in reader.Append(partnerUser))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PostJson("/api/strategy/self-assessments", Scores(1, 1, 1, 1, 1, 1, 1))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PutJson("/api/strategy/statement", new { whatWeNeed = "x", version = 0 })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PostJson("/api/strategy/goals", new { metric = "M" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PutJson($"/api/strategy/goals/{goal.Id}", new { metric = "M", version = goal.Version })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.DeleteAsync($"/api/strategy/goals/{goal.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PostJson("/api/strategy/personas", new { name = "P" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.DeleteAsync($"/api/strategy/personas/{persona.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PutJson($"/api/partnerships/{ps.Id}/assessments/three-horizon", new { h1 = true })).StatusCode);
        }
        // Partner users do not even read strategy or how we assessed them.
        foreach (var url in new[] { "/api/strategy/goals", "/api/strategy/statement", "/api/strategy/personas", "/api/strategy/self-assessments", $"/api/partnerships/{ps.Id}/assessments", "/api/assessments/values-items" })
            Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync(url)).StatusCode);
        var page = await partnerUser.GetAsync("/Strategy");
        Assert.True(page.StatusCode == HttpStatusCode.Forbidden, $"{page.StatusCode} {page.Headers.Location}");
    }

    [SkippableFact]
    public async Task Pages_Render_ForManagersAndReaders()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Manager);
        var a = await (await admin.PostJson("/api/strategy/self-assessments", Scores(2, 3, 2, 4, 3, 2, 3))).Read<SelfAssessmentDto>();
        var b = await (await admin.PostJson("/api/strategy/self-assessments", Scores(3, 3, 4, 4, 2, 2, 5))).Read<SelfAssessmentDto>();
        await (await admin.PutJson("/api/strategy/statement", new { whatWeNeed = "Corporate buyers", strengths = new[] { "Content library" }, version = 0 })).Read<StatementDto>();
        var goal = await (await admin.PostJson("/api/strategy/goals", new { metric = "New partner customers", kind = "Quantitative", baseline = 0, target = 500, deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6), ownerId = owner })).Read<GoalDto>();
        var persona = await (await admin.PostJson("/api/strategy/personas", new { name = "Mindful studio network" })).Read<PersonaDto>();
        var id = await Partnership(admin);
        await (await admin.PutJson($"/api/partnerships/{id}/assessments/three-horizon", new { h1 = true })).Node();
        await (await admin.PutJson($"/api/partnerships/{id}/assessments/value-equation", new { strategicFit = 8, resourceContribution = 7.5m, implementationComplexity = 4 })).Node();

        var expectations = new (string Url, string Text)[]
        {
            ("/Strategy", "Corporate buyers"),
            ("/Strategy/SelfAssessments", "Compare side by side"),
            ($"/Strategy/SelfAssessments/{a.Id}", "Two people, small budget"),
            ($"/Strategy/SelfAssessments/Compare?from={a.Id}&to={b.Id}", "delta-up"),
            ("/Strategy/Goals", "measured once metrics exist"),
            ("/Strategy/Personas", "Mindful studio network"),
            ($"/Partnerships/{id}/Assessments", "Covers only Horizon 1"),
            ($"/Partnerships/{id}", $"/Partnerships/{id}/Assessments"),
        };
        foreach (var role in new[] { Roles.Admin, Roles.Evaluator })
        {
            var c = await ws.As(role);
            foreach (var (url, text) in expectations)
            {
                var response = await c.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {url}: {(int)response.StatusCode}");
                Assert.Contains(text, html);
            }
        }
        foreach (var url in new[] { "/Strategy/SelfAssessments/New", "/Strategy/Statement", "/Strategy/Goals/Edit", $"/Strategy/Goals/Edit/{goal.Id}", "/Strategy/Personas/Edit", $"/Strategy/Personas/Edit/{persona.Id}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).GetAsync(url)).StatusCode);
        }
        var (_, other) = await Workspace("Other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Partnerships/{id}/Assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Strategy/SelfAssessments/{a.Id}")).StatusCode);
    }

    static Task<HttpResponseMessage> PostForm(HttpClient c, string url, string handlerUrl, Dictionary<string, string> fields) =>
        c.PostFormAsync(url, handlerUrl, fields);

    [SkippableFact]
    public async Task Forms_SaveThroughThePages_AndShowInlineErrors()
    {
        var (ws, admin) = await Workspace();
        var id = await Partnership(admin);

        var saved = await PostForm(admin, $"/Partnerships/{id}/Assessments", $"/Partnerships/{id}/Assessments?handler=Value",
            new() { ["Value.StrategicFit"] = "8", ["Value.ResourceContribution"] = "7.5", ["Value.ImplementationComplexity"] = "4" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var node = await (await admin.GetAsync($"/api/partnerships/{id}/assessments")).Node();
        Assert.Equal(15m, node["valueEquation"]!["result"]!["value"]!.GetValue<decimal>());

        var bad = await PostForm(admin, $"/Partnerships/{id}/Assessments", $"/Partnerships/{id}/Assessments?handler=Capability",
            new() { ["Capability.OurStrengths"] = "Content", ["Capability.OurGaps"] = "content" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("also listed as a strength", await bad.Content.ReadAsStringAsync());
        Assert.Null((await (await admin.GetAsync($"/api/partnerships/{id}/assessments")).Node())["capabilityMap"]);

        var goal = await PostForm(admin, "/Strategy/Goals/Edit", "/Strategy/Goals/Edit",
            new() { ["Input.Metric"] = "Partner customers", ["Input.Kind"] = "Quantitative", ["Input.Baseline"] = "5", ["Input.Target"] = "5", ["Input.Deadline"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd"), ["Input.OwnerId"] = await StaffId(ws, Roles.Admin) });
        Assert.Equal(HttpStatusCode.OK, goal.StatusCode);
        Assert.Contains("must differ from the baseline", await goal.Content.ReadAsStringAsync());

        var snapshot = await PostForm(admin, "/Strategy/SelfAssessments/New", "/Strategy/SelfAssessments/New",
            Enumerable.Range(0, 7).ToDictionary(i => $"Input[{i}].Score", i => (i % 5 + 1).ToString()));
        Assert.Equal(HttpStatusCode.Redirect, snapshot.StatusCode);
        var list = await (await admin.GetAsync("/api/strategy/self-assessments")).Read<Paged<SelfAssessmentDto>>();
        Assert.Equal(3, Assert.Single(list.Items).Scores.MarketPosition!.Score);
    }

    // ---- candidate assessments -----------------------------------------------------------------------

    static async Task<int> Partnership(HttpClient admin, string name = "Lotus") =>
        (await admin.NewPartnershipAsync(name, "CoMarketing", partnershipName: $"{name} co-marketing")).PartnershipId;

    [SkippableFact]
    public async Task Assessments_StoreLatestInputs_AndComputeResults()
    {
        var (_, admin) = await Workspace();
        var id = await Partnership(admin);
        var none = await (await admin.GetAsync($"/api/partnerships/{id}/assessments")).Node();
        Assert.Null(none["culture"]);

        var culture = await (await admin.PutJson($"/api/partnerships/{id}/assessments/culture", new
        {
            ours = new { decisionMakingSpeed = 3, communicationStyle = 4, riskTolerance = 2, innovationApproach = 5, customerFocus = 4 },
            theirs = new { decisionMakingSpeed = 4, communicationStyle = 2, riskTolerance = 2, innovationApproach = 3, customerFocus = 4 },
        })).Node();
        Assert.False(culture["result"]!["aligned"]!.GetValue<bool>());
        Assert.Equal(3, culture["result"]!["matches"]!.GetValue<int>());
        Assert.Equal(1, culture["inputs"]!["tolerance"]!.GetValue<int>());
        // Saving again replaces the inputs (needs the version read).
        var again = await (await admin.PutJson($"/api/partnerships/{id}/assessments/culture", new
        {
            ours = new { decisionMakingSpeed = 3, communicationStyle = 4, riskTolerance = 2, innovationApproach = 5, customerFocus = 4 },
            theirs = new { decisionMakingSpeed = 4, communicationStyle = 2, riskTolerance = 2, innovationApproach = 3, customerFocus = 4 },
            tolerance = 2, version = culture["version"]!.GetValue<int>(),
        })).Node();
        Assert.True(again["result"]!["aligned"]!.GetValue<bool>());
        await (await admin.PutJson($"/api/partnerships/{id}/assessments/culture", new
        {
            ours = new { decisionMakingSpeed = 3, communicationStyle = 4, riskTolerance = 2, innovationApproach = 5, customerFocus = 4 },
            theirs = new { decisionMakingSpeed = 4, communicationStyle = 2, riskTolerance = 2, innovationApproach = 3, customerFocus = 4 },
            version = culture["version"]!.GetValue<int>(),
        })).Problem(409);

        var horizon = await (await admin.PutJson($"/api/partnerships/{id}/assessments/three-horizon", new { h1 = true, h1Notes = "Joint webinars fill classes" })).Node();
        Assert.True(horizon["result"]!["onlyH1"]!.GetValue<bool>());
        Assert.NotNull(horizon["result"]!["warning"]);

        var value = await (await admin.PutJson($"/api/partnerships/{id}/assessments/value-equation", new { strategicFit = 8, resourceContribution = 7.5m, implementationComplexity = 4 })).Node();
        Assert.Equal(15m, value["result"]!["value"]!.GetValue<decimal>());

        var capabilities = await (await admin.PutJson($"/api/partnerships/{id}/assessments/capability-map", new
        {
            ours = new { strengths = new[] { "Content", "Community" }, gaps = new[] { "Local events" } },
            theirs = new { strengths = new[] { "local  events", "Studios" }, gaps = new[] { "Content", "Online reach" } },
        })).Node();
        Assert.Equal(2, capabilities["result"]!["coveredGapCount"]!.GetValue<int>());
        Assert.Equal(3, capabilities["result"]!["gapCount"]!.GetValue<int>());

        var ours = Enumerable.Repeat(4, 20).ToArray();
        var theirs = Enumerable.Range(0, 20).Select(i => i < 9 ? 4 : 1).ToArray();
        var values = await (await admin.PutJson($"/api/partnerships/{id}/assessments/values-alignment", new { ours, theirs })).Node();
        Assert.Equal(45m, values["result"]!["percent"]!.GetValue<decimal>());

        var all = await (await admin.GetAsync($"/api/partnerships/{id}/assessments")).Node();
        foreach (var kind in new[] { "culture", "threeHorizon", "valueEquation", "capabilityMap", "valuesAlignment" })
            Assert.NotNull(all[kind]!["result"]);
        Assert.Equal("admin user", all["valueEquation"]!["updatedBy"]!.GetValue<string>());
        Assert.Equal(20, (await (await admin.GetAsync("/api/assessments/values-items")).Node()).AsArray().Count);

        var audit = await (await admin.GetAsync("/api/audit?entityType=PartnershipAssessment")).Read<Paged<AuditDto>>();
        Assert.Equal(6, audit.Total);
    }

    [SkippableFact]
    public async Task Assessments_BadInput_Is400NamingTheField_AndSavesNothing()
    {
        var (_, admin) = await Workspace();
        var id = await Partnership(admin);
        var culture = await Errors(await admin.PutJson($"/api/partnerships/{id}/assessments/culture", new
        {
            ours = new { decisionMakingSpeed = 6, communicationStyle = 4, riskTolerance = 2, innovationApproach = 5, customerFocus = 4 },
            tolerance = 9,
        }));
        Assert.NotNull(culture["ours.decisionMakingSpeed"]);
        Assert.NotNull(culture["theirs"]);
        Assert.NotNull(culture["tolerance"]);

        var value = await Errors(await admin.PutJson($"/api/partnerships/{id}/assessments/value-equation", new { strategicFit = 11, resourceContribution = 5, implementationComplexity = 0 }));
        Assert.NotNull(value["strategicFit"]);
        Assert.NotNull(value["implementationComplexity"]);
        Assert.NotNull((await Errors(await admin.PutJson($"/api/partnerships/{id}/assessments/value-equation", new { strategicFit = 5 })))["resourceContribution"]);

        Assert.NotNull((await Errors(await admin.PutJson($"/api/partnerships/{id}/assessments/three-horizon", new { h1 = true, h2Notes = new string('n', 2001) })))["h2Notes"]);

        var cap = await Errors(await admin.PutJson($"/api/partnerships/{id}/assessments/capability-map", new
        {
            ours = new { strengths = new[] { "Content", " " }, gaps = new[] { "content" } }, theirs = new { strengths = new string[0], gaps = new string[0] },
        }));
        Assert.NotNull(cap["ours.strengths[1]"]);
        Assert.NotNull(cap["ours.gaps[0]"]);

        var values = await Errors(await admin.PutJson($"/api/partnerships/{id}/assessments/values-alignment", new { ours = Enumerable.Repeat(3, 19), theirs = Enumerable.Repeat(3, 19).Append(0) }));
        Assert.NotNull(values["ours"]);
        Assert.NotNull(values["theirs[19]"]);

        var all = await (await admin.GetAsync($"/api/partnerships/{id}/assessments")).Node();
        foreach (var kind in new[] { "culture", "threeHorizon", "valueEquation", "capabilityMap", "valuesAlignment" })
            Assert.Null(all[kind]);
    }

    [SkippableFact]
    public async Task Assessments_OfAnotherWorkspacesPartnership_Are404()
    {
        var (_, adminA) = await Workspace("Alpha");
        var (_, adminB) = await Workspace("Beta");
        var id = await Partnership(adminA);
        await (await adminA.PutJson($"/api/partnerships/{id}/assessments/three-horizon", new { h1 = true, h2 = true })).Node();

        await (await adminB.GetAsync($"/api/partnerships/{id}/assessments")).Problem(404);
        await (await adminB.PutJson($"/api/partnerships/{id}/assessments/three-horizon", new { h1 = true })).Problem(404);
        await (await adminB.PutJson($"/api/partnerships/{id}/assessments/value-equation", new { strategicFit = 5, resourceContribution = 5, implementationComplexity = 5 })).Problem(404);
        var mine = await (await adminA.GetAsync($"/api/partnerships/{id}/assessments")).Node();
        Assert.True(mine["threeHorizon"]!["inputs"]!["h2"]!.GetValue<bool>());
        Assert.Null(mine["valueEquation"]);
    }
}
