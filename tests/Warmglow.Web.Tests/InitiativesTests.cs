using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Initiatives;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteInitiativesTests(SqliteApp app) : InitiativesTests<SqliteApp>(app);
public sealed class PostgresInitiativesTests(PostgresApp app) : InitiativesTests<PostgresApp>(app);

/// <summary>Initiatives over HTTP: validation, the lifecycle, milestone states, ROI, partner proposals and progress, pages, and the denials.</summary>
public abstract class InitiativesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Manager)> Workspace(string name = "Init")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Manager));
    }

    async Task<T> InDb<T>(TestWorkspace ws, Func<WarmglowDb, IServiceProvider, Task<T>> work, int? partnerId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test", partnerId: partnerId);
        return await work(db, scope.ServiceProvider);
    }

    async Task<string> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    static async Task<JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    static object Webinar(int partnershipId, string ownerId, bool shared = true, object? fields = null) => new
    {
        partnershipId, kind = "Webinar", title = "Joint webinar", goal = "Leads for both teams", shared, ourOwnerId = ownerId, partnerOwnerName = "Ada",
        currency = "EUR", ourBudget = 1000.50m, partnerBudget = 500m, spent = 1000m,
        fields = fields ?? new Dictionary<string, string> { ["date"] = "2026-07-01", ["registrants"] = "120" },
    };

    [SkippableFact]
    public async Task Create_ValidatesEachField_AndKeepsTheKindsOwnFields()
    {
        var (ws, manager) = await Workspace();
        var (id, _) = await manager.NewPartnershipAsync("Lumen");
        var me = await UserId(ws.Emails[Roles.Manager]);

        var e = await Errors(await manager.PostJson("/api/initiatives", new
        {
            partnershipId = id, kind = "Webinar", title = "", ourOwnerId = "nobody", currency = "XXX", ourBudget = -1m, spent = 1m,
            fields = new Dictionary<string, string> { ["date"] = "July", ["release"] = "v2" },
        }));
        foreach (var field in new[] { "title", "shared", "ourOwnerId", "currency", "ourBudget", "fields.date", "fields.release" })
            Assert.NotNull(e[field]);
        e = await Errors(await manager.PostJson("/api/initiatives", new { partnershipId = id, kind = "Webinar", title = "x", shared = true, ourOwnerId = me, currency = "EUR", ourBudget = 10.005m }));
        Assert.Contains("2 decimals", e["ourBudget"]![0]!.GetValue<string>());
        Assert.Equal(0, await InDb(ws, (db, _) => db.Initiatives.CountAsync()));

        var created = await (await manager.PostJson("/api/initiatives", Webinar(id, me))).Read<InitiativeDto>();
        Assert.Equal(InitiativeStatus.Idea, created.Summary.Status);
        Assert.Equal("Webinar", created.Summary.KindName);
        Assert.Equal("120", created.Fields.Single(f => f.Key == "registrants").Value);
        Assert.Equal(1000.50m, created.Summary.OurBudget);
        Assert.Equal(-1m, created.Roi); // no revenue outcome yet, 1000 spent: ROI (0 − 1000) / 1000
    }

    [SkippableFact]
    public async Task Lifecycle_MovesOneStepAtATime_StopNeedsAReason_StaleVersionIs409()
    {
        var (ws, manager) = await Workspace();
        var (id, _) = await manager.NewPartnershipAsync("Orbit");
        var i = await (await manager.PostJson("/api/initiatives", Webinar(id, await UserId(ws.Emails[Roles.Manager])))).Read<InitiativeDto>();
        var url = $"/api/initiatives/{i.Summary.Id}/status";

        var skip = await (await manager.PostJson(url, new { status = "Done", version = i.Summary.Version })).Problem(409);
        Assert.Contains("planned or stopped", skip["detail"]!.GetValue<string>());
        await Errors(await manager.PostJson(url, new { status = "Stopped", version = i.Summary.Version }));
        await Errors(await manager.PostJson(url, new { status = "Proposed", version = i.Summary.Version }));

        var planned = await (await manager.PostJson(url, new { status = "Planned", version = i.Summary.Version })).Read<InitiativeDto>();
        await (await manager.PostJson(url, new { status = "Running", version = i.Summary.Version })).Problem(409); // stale version
        var running = await (await manager.PostJson(url, new { status = "Running", version = planned.Summary.Version })).Read<InitiativeDto>();
        Assert.Contains(running.NextStatuses, m => m.Status == InitiativeStatus.Done);
        var stopped = await (await manager.PostJson(url, new { status = "Stopped", reason = "Budget moved to Q3", version = running.Summary.Version })).Read<InitiativeDto>();
        Assert.Equal("Budget moved to Q3", stopped.StatusReason);
        Assert.Empty(stopped.NextStatuses);
        // Closed: milestones are final.
        await (await manager.PostJson($"/api/initiatives/{i.Summary.Id}/milestones", new { title = "Late add", dueOn = "2026-01-01", ownerSide = "Ours" })).Problem(409);
    }

    [SkippableFact]
    public async Task Milestones_StateFromDates_AtRiskFilter_AndRoiRolledUpPerPartnership()
    {
        var (ws, manager) = await Workspace();
        var (id, _) = await manager.NewPartnershipAsync("Tidal");
        var me = await UserId(ws.Emails[Roles.Manager]);
        var risky = await (await manager.PostJson("/api/initiatives", Webinar(id, me))).Read<InitiativeDto>();
        var calm = await (await manager.PostJson("/api/initiatives", Webinar(id, me) )).Read<InitiativeDto>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ms = $"/api/initiatives/{risky.Summary.Id}/milestones";

        await Errors(await manager.PostJson(ms, new { title = "", ownerSide = "Sideways" }));
        await Errors(await manager.PostJson(ms, new { title = "Future done", dueOn = today, ownerSide = "Ours", doneOn = today.AddDays(3) }));
        var late = await (await manager.PostJson(ms, new { title = "Speakers", dueOn = today.AddDays(-2), ownerSide = "Partner" })).Read<MilestoneDto>();
        Assert.Equal(MilestoneState.Late, late.State);
        var soon = await (await manager.PostJson(ms, new { title = "Invites", dueOn = today.AddDays(3), ownerSide = "Ours" })).Read<MilestoneDto>();
        Assert.Equal(MilestoneState.AtRisk, soon.State);
        await (await manager.PostJson($"/api/initiatives/{calm.Summary.Id}/milestones", new { title = "Far", dueOn = today.AddDays(40), ownerSide = "Ours" })).Read<MilestoneDto>();

        var atRisk = await (await manager.GetAsync($"/api/initiatives?atRisk=true&partnershipId={id}")).Read<Paged<InitiativeSummary>>();
        Assert.Equal([risky.Summary.Id], atRisk.Items.Select(x => x.Id));
        Assert.Equal(MilestoneState.Late, atRisk.Items[0].State);
        var all = await (await manager.GetAsync($"/api/initiatives?partnershipId={id}&pageSize=1")).Read<Paged<InitiativeSummary>>();
        Assert.Equal(2, all.Total);
        Assert.Single(all.Items);

        // Marking the late one done makes it done; ROI: revenue 1250 over spend 1000 → 0.25; rolled up with the other's spend.
        var done = await (await manager.PutJson($"{ms}/{late.Id}", new { title = "Speakers", dueOn = late.DueOn, ownerSide = "Partner", doneOn = today, version = late.Version })).Read<MilestoneDto>();
        Assert.Equal(MilestoneState.Done, done.State);
        await Errors(await manager.PostJson($"/api/initiatives/{risky.Summary.Id}/outcomes", new { metric = "Revenue", actual = 12.345m, ownerSide = "Ours" }));
        await Errors(await manager.PostJson($"/api/initiatives/{risky.Summary.Id}/outcomes", new { metric = "Custom", actual = 3, ownerSide = "Ours" }));
        await (await manager.PostJson($"/api/initiatives/{risky.Summary.Id}/outcomes", new { metric = "Revenue", target = 2000m, actual = 1250m, ownerSide = "Ours" })).Read<OutcomeDto>();
        var leads = await (await manager.PostJson($"/api/initiatives/{risky.Summary.Id}/outcomes", new { metric = "QualifiedLeads", target = 40, actual = 25, ownerSide = "Partner" })).Read<OutcomeDto>();
        Assert.Equal(62.5m, leads.ProgressPercent);
        var detail = await (await manager.GetAsync($"/api/initiatives/{risky.Summary.Id}")).Read<InitiativeDto>();
        Assert.Equal(0.25m, detail.Roi);
        var rollup = await (await manager.GetAsync($"/api/partnerships/{id}/initiatives")).Read<PartnershipInitiatives>();
        var eur = Assert.Single(rollup.Roi);
        Assert.Equal((2000m, 1250m, -0.375m), (eur.Spent, eur.Revenue, eur.Roi));

        // The done milestone counts as initiative activity for the engagement index.
        var activity = await InDb(ws, (db, _) => new InitiativeActivity().Query(db).Where(a => a.PartnershipId == id).CountAsync());
        Assert.Equal(1, activity);
    }

    [SkippableFact]
    public async Task Partners_SeeOnlyTheirSharedInitiatives_RecordTheirOwnProgress_AndPropose()
    {
        var (ws, manager) = await Workspace();
        var me = await UserId(ws.Emails[Roles.Manager]);
        var (a, partnerA) = await manager.NewPartnershipAsync("Alder");
        var (b, partnerB) = await manager.NewPartnershipAsync("Birch");
        await InDb(ws, async (db, _) =>
        {
            await db.Partnerships.Where(p => p.Id == a).ExecuteUpdateAsync(u => u.SetProperty(p => p.ManagerId, me));
            return 0;
        });
        var shared = await (await manager.PostJson("/api/initiatives", Webinar(a, me))).Read<InitiativeDto>();
        var internalOne = await (await manager.PostJson("/api/initiatives", Webinar(a, me, shared: false))).Read<InitiativeDto>();
        var otherOne = await (await manager.PostJson("/api/initiatives", Webinar(b, me))).Read<InitiativeDto>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var theirs = await (await manager.PostJson($"/api/initiatives/{shared.Summary.Id}/milestones", new { title = "Their speaker", dueOn = today.AddDays(5), ownerSide = "Partner" })).Read<MilestoneDto>();
        var ours = await (await manager.PostJson($"/api/initiatives/{shared.Summary.Id}/milestones", new { title = "Our invite", dueOn = today.AddDays(5), ownerSide = "Ours" })).Read<MilestoneDto>();
        var outcome = await (await manager.PostJson($"/api/initiatives/{shared.Summary.Id}/outcomes", new { metric = "Leads", target = 50, actual = 0, ownerSide = "Partner" })).Read<OutcomeDto>();

        var partner = await ws.AsPartnerUser(partnerA);
        var list = await (await partner.GetAsync("/api/initiatives")).Read<Paged<InitiativeSummary>>();
        Assert.Equal([shared.Summary.Id], list.Items.Select(x => x.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/initiatives/{internalOne.Summary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/initiatives/{otherOne.Summary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/partnerships/{b}/initiatives")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJson($"/api/initiatives/{shared.Summary.Id}", Webinar(a, me))).StatusCode);

        // Next actions: their open milestone, due soon.
        var actions = await InDb(ws, (_, sp) => sp.GetServices<IPartnerNextActionSource>().OfType<InitiativeNextActions>().Single().NextActionsAsync(), partnerA);
        Assert.Empty(actions); // still an idea: nothing to do yet
        var planned = await (await manager.PostJson($"/api/initiatives/{shared.Summary.Id}/status", new { status = "Planned", version = shared.Summary.Version })).Read<InitiativeDto>();
        actions = await InDb(ws, (_, sp) => sp.GetServices<IPartnerNextActionSource>().OfType<InitiativeNextActions>().Single().NextActionsAsync(), partnerA);
        Assert.Equal(["Their speaker (Joint webinar)"], actions.Select(x => x.Title));

        // Progress on what their side owns; not on ours; nothing on another partnership's.
        var done = await (await partner.PostJson($"/api/initiatives/{shared.Summary.Id}/milestones/{theirs.Id}/progress", new { doneOn = today, version = theirs.Version })).Read<MilestoneDto>();
        Assert.Equal(MilestoneState.Done, done.State);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/initiatives/{shared.Summary.Id}/milestones/{ours.Id}/progress", new { doneOn = today, version = ours.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJson($"/api/initiatives/{internalOne.Summary.Id}/milestones/{theirs.Id}/progress", new { doneOn = today, version = 1 })).StatusCode);
        await Errors(await partner.PostJson($"/api/initiatives/{shared.Summary.Id}/outcomes/{outcome.Id}/progress", new { actual = -4, version = outcome.Version }));
        var leads = await (await partner.PostJson($"/api/initiatives/{shared.Summary.Id}/outcomes/{outcome.Id}/progress", new { actual = 20, version = outcome.Version })).Read<OutcomeDto>();
        Assert.Equal(40m, leads.ProgressPercent);
        _ = planned;

        // A proposal: on their partnership only; the manager hears of it and declines with a reason; the partner hears back.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJson("/api/initiatives/proposals", new { partnershipId = b, kind = "Pilot", title = "x", currency = "EUR" })).StatusCode);
        await Errors(await partner.PostJson("/api/initiatives/proposals", new { partnershipId = a, kind = "Pilot", title = "", currency = "EUR", partnerBudget = 1.001m }));
        var proposal = await (await partner.PostJson("/api/initiatives/proposals", new { partnershipId = a, kind = "Pilot", title = "Clinic pilot", currency = "EUR", partnerBudget = 5000m,
            fields = new Dictionary<string, string> { ["hypothesis"] = "Clinics book faster" } })).Read<InitiativeDto>();
        Assert.Equal(InitiativeStatus.Proposed, proposal.Summary.Status);
        Assert.True(proposal.Summary.Shared);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson("/api/initiatives/proposals", new { partnershipId = a, kind = "Pilot", title = "x", currency = "EUR" })).StatusCode);
        var notices = await InDb(ws, (db, _) => db.Set<Warmglow.Web.Features.Notifications.Notification>().IgnoreQueryFilters()
            .Where(n => n.WorkspaceId == ws.Id && n.Event == "initiative.proposed").Select(n => n.UserId).ToListAsync());
        Assert.Equal([me], notices);
        await Errors(await manager.PostJson($"/api/initiatives/{proposal.Summary.Id}/status", new { status = "Declined", version = proposal.Summary.Version }));
        var declined = await (await manager.PostJson($"/api/initiatives/{proposal.Summary.Id}/status", new { status = "Declined", reason = "No budget this year", version = proposal.Summary.Version })).Read<InitiativeDto>();
        Assert.Equal(InitiativeStatus.Declined, declined.Summary.Status);
        var partnerNotice = await InDb(ws, (db, _) => db.Set<Warmglow.Web.Features.Notifications.Notification>().IgnoreQueryFilters()
            .Where(n => n.WorkspaceId == ws.Id && n.Event == "initiative.declined").Select(n => n.Title).SingleAsync());
        Assert.Contains("No budget this year", partnerNotice);
    }

    [SkippableFact]
    public async Task Evaluators_AndExecutives_Read_ButDoNotWrite_AndOtherWorkspacesSeeNothing()
    {
        var (ws, manager) = await Workspace();
        var (id, _) = await manager.NewPartnershipAsync("Cedar");
        var me = await UserId(ws.Emails[Roles.Manager]);
        var i = await (await manager.PostJson("/api/initiatives", Webinar(id, me))).Read<InitiativeDto>();
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/initiatives/{i.Summary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/initiatives", Webinar(id, me))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/initiatives/{i.Summary.Id}/status", new { status = "Planned", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/initiatives/{i.Summary.Id}/milestones", new { title = "x", dueOn = "2026-01-01", ownerSide = "Ours" })).StatusCode);
        var evalProgress = await evaluator.PostJson($"/api/initiatives/{i.Summary.Id}/outcomes/1/progress", new { actual = 1, version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, evalProgress.StatusCode);
        var exec = await ws.As(Roles.Executive);
        Assert.Equal(HttpStatusCode.Forbidden, (await exec.PutJson($"/api/initiatives/{i.Summary.Id}", Webinar(id, me))).StatusCode);

        var other = await (await app.CreateWorkspaceAsync("Elsewhere")).As(Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/initiatives/{i.Summary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJson($"/api/initiatives/{i.Summary.Id}/status", new { status = "Planned", version = 1 })).StatusCode);
        Assert.Equal(0, (await (await other.GetAsync("/api/initiatives")).Read<Paged<InitiativeSummary>>()).Total);
    }

    [SkippableFact]
    public async Task Pages_Board_Detail_Portal_AndTheCreateForm()
    {
        var (ws, manager) = await Workspace();
        var (id, partnerId) = await manager.NewPartnershipAsync("Willow");
        var me = await UserId(ws.Emails[Roles.Manager]);

        var board = await manager.GetStringAsync("/Initiatives");
        Assert.Contains("No initiatives match", board);
        // The create form: the kind decides the fields; errors come back inline.
        var form = await manager.GetStringAsync($"/Initiatives/New?partnershipId={id}&kind=Webinar");
        Assert.Contains("Registrants", form);
        var bad = await manager.PostFormAsync($"/Initiatives/New?partnershipId={id}&kind=Webinar", "/Initiatives/New", new Dictionary<string, string>
        {
            ["Input.PartnershipId"] = id.ToString(), ["Input.Kind"] = "Webinar", ["Input.Title"] = "", ["Input.Currency"] = "EUR", ["Input.OurOwnerId"] = me,
            ["Input.Fields[date]"] = "soon",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Title is required", badHtml);
        Assert.Contains("must be a date", badHtml);
        var ok = await manager.PostFormAsync($"/Initiatives/New?partnershipId={id}&kind=Webinar", "/Initiatives/New", new Dictionary<string, string>
        {
            ["Input.PartnershipId"] = id.ToString(), ["Input.Kind"] = "Webinar", ["Input.Title"] = "Autumn webinar", ["Input.Shared"] = "true",
            ["Input.Currency"] = "EUR", ["Input.OurOwnerId"] = me, ["Input.OurBudget"] = "250", ["Input.Fields[date]"] = "2026-10-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var detailUrl = ok.Headers.Location!.ToString();
        var detail = await manager.GetStringAsync(detailUrl);
        Assert.Contains("Autumn webinar", detail);
        Assert.Contains("Mark planned", detail);
        Assert.Contains("Autumn webinar", await manager.GetStringAsync("/Initiatives"));
        Assert.Contains("Autumn webinar", await manager.GetStringAsync($"/Partnerships/{id}"));

        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/Initiatives/New?partnershipId={id}")).StatusCode);
        Assert.DoesNotContain("Mark planned", await evaluator.GetStringAsync(detailUrl));

        var partner = await ws.AsPartnerUser(partnerId);
        var portal = await partner.GetStringAsync("/Portal");
        Assert.Contains("Autumn webinar", portal);
        Assert.Contains("Propose an initiative", portal);
        var initiativeId = detailUrl.Split('/').Last();
        Assert.Contains("Autumn webinar", await partner.GetStringAsync($"/Portal/Initiatives/{initiativeId}"));
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync(detailUrl)).StatusCode);
        var proposed = await partner.PostFormAsync($"/Portal/Initiatives/Propose/{id}?kind=Hackathon", $"/Portal/Initiatives/Propose/{id}?kind=Hackathon", new Dictionary<string, string>
        {
            ["Kind"] = "Hackathon", ["Title"] = "Winter hack days", ["Currency"] = "EUR", ["Fields[teams]"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Contains("Winter hack days", await manager.GetStringAsync("/Initiatives"));
    }
}
