using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Governance;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteGovernanceTests(SqliteApp app) : GovernanceTests<SqliteApp>(app);
public sealed class PostgresGovernanceTests(PostgresApp app) : GovernanceTests<PostgresApp>(app);

/// <summary>Governance over HTTP: people and sponsorship flags, RACI, decision framework and log, pages, and the denials.</summary>
public abstract class GovernanceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Gov")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    async Task<T> InDb<T>(TestWorkspace ws, Func<WarmglowDb, IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        return await work(db, scope.ServiceProvider);
    }

    async Task<AppUser> User(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    static string People(int id) => $"/api/partnerships/{id}/governance/people";
    static async Task<JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;
    static string First(JsonNode errors, string field) => errors[field]![0]!.GetValue<string>();

    async Task<(int Id, int PartnerId, int ContactId)> PartnershipWithContact(HttpClient admin, string name, string type = "CoSellingReferral")
    {
        var (id, partnerId) = await admin.NewPartnershipAsync(name, type);
        var contact = await (await admin.PostJson($"/api/partners/{partnerId}/contacts", new { name = $"{name} lead", email = $"lead@{name.ToLowerInvariant()}.example" })).Read<ContactDto>();
        return (id, partnerId, contact.Id);
    }

    /// <summary>Makes the partnership live so that health looks at it.</summary>
    Task Live(TestWorkspace ws, int id) => InDb(ws, async (db, _) =>
    {
        var p = await db.Partnerships.SingleAsync(x => x.Id == id);
        p.Stage = PartnershipStage.Active;
        await db.SaveChangesAsync();
        return 0;
    });

    [SkippableFact]
    public async Task People_BothSides_ValidatedByField_AndSponsorshipGapsBecomeRedFlags()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var (id, partnerId, contactId) = await PartnershipWithContact(admin, "Keel");
        var (otherId, _, otherContact) = await PartnershipWithContact(admin, "Mast");
        var me = await User(ws.Emails[Roles.Manager]);
        var exec = await User(ws.Emails[Roles.Executive]);

        // Nobody named: only "no sponsor".
        var start = await (await manager.GetAsync(People(id))).Read<PeopleDto>();
        Assert.Equal(["No executive sponsor is assigned."], start.Flags);

        // Bad input: each mistake names its field, nothing is saved.
        var e = await Errors(await manager.PostJson(People(id), new { side = "Ours", role = "Manager", contactId }));
        Assert.Contains("our people are users", First(e, "contactId"));
        e = await Errors(await manager.PostJson(People(id), new { side = "Partner", role = "Manager", contactId = otherContact }));
        Assert.Equal("is not a contact of a partner in this partnership.", First(e, "contactId"));
        e = await Errors(await manager.PostJson(People(id), new { side = "Partner", role = "SteeringCommittee", contactId }));
        Assert.Contains("steering committee member", First(e, "committeeRole"));
        e = await Errors(await manager.PostJson(People(id), new { side = "Ours", role = "Manager", userId = me.Id, timeCommitmentPercent = 150 }));
        Assert.Contains("between 0 and 100", First(e, "timeCommitmentPercent"));
        e = await Errors(await manager.PostJson(People(id), new { side = "Partner", role = "ExecutiveSponsor", contactId }));
        Assert.Contains("one of our executives", First(e, "role"));
        var stranger = await app.CreateWorkspaceAsync("Elsewhere");
        var strangerUser = await User(stranger.Emails[Roles.Manager]);
        e = await Errors(await manager.PostJson(People(id), new { side = "Ours", role = "Manager", userId = strangerUser.Id }));
        Assert.Equal("is not one of our people in this workspace.", First(e, "userId"));
        Assert.Empty((await (await manager.GetAsync(People(id))).Read<PeopleDto>()).People);

        // Our manager and sponsor: the partner side still has no manager.
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson(People(id), new { side = "Ours", role = "Manager", userId = me.Id, timeCommitmentPercent = 30 })).StatusCode);
        var sponsor = await (await manager.PostJson(People(id), new { side = "Ours", role = "ExecutiveSponsor", userId = exec.Id, timeCommitmentPercent = 10 })).Read<PersonDto>();
        Assert.Equal("Executive sponsor", sponsor.RoleName);
        var flags = (await (await manager.GetAsync(People(id))).Read<PeopleDto>()).Flags;
        Assert.Equal(["The partner side has no partnership manager."], flags);
        var theirs = await (await manager.PostJson(People(id), new { side = "Partner", role = "Manager", contactId, timeCommitmentPercent = 25 })).Read<PersonDto>();
        Assert.Equal("Keel lead", theirs.Name);
        Assert.Empty((await (await manager.GetAsync(People(id))).Read<PeopleDto>()).Flags);

        // The sponsor's account is deactivated: flagged here and as a health red flag.
        await Live(ws, id);
        await InDb(ws, async (db, sp) =>
        {
            var um = sp.GetRequiredService<UserManager<AppUser>>();
            var u = (await um.FindByIdAsync(exec.Id))!;
            await um.SetLockoutEnabledAsync(u, true);
            return await um.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddYears(1));
        });
        Assert.Equal(["The executive sponsor executive user's account is deactivated."], (await (await manager.GetAsync(People(id))).Read<PeopleDto>()).Flags);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/health/recompute", null)).StatusCode);
        var alerts = await (await admin.GetAsync("/api/health/alerts?kind=red-flags&pageSize=100")).Read<Paged<AlertRow>>();
        var row = Assert.Single(alerts.Items, a => a.PartnershipId == id);
        Assert.Contains(row.RedFlags, f => f.Kind == RedFlagKind.MissingSponsor && f.Reason.Contains("deactivated"));

        // Edits need the version; stale is a conflict. Removing works.
        var updated = await (await manager.PutJson($"{People(id)}/{theirs.Id}", new { side = "Partner", role = "Manager", contactId, timeCommitmentPercent = 40, version = theirs.Version })).Read<PersonDto>();
        Assert.Equal(40m, updated.TimeCommitmentPercent);
        await (await manager.PutJson($"{People(id)}/{theirs.Id}", new { side = "Partner", role = "Manager", contactId, version = theirs.Version })).Problem(409);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"{People(id)}/{theirs.Id}")).StatusCode);

        // Denials: evaluators read but cannot write; a partner user sees their own partnership only; other workspaces get 404.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(People(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson(People(id), new { side = "Ours", role = "Manager", userId = me.Id })).StatusCode);
        var partner = await ws.AsPartnerUser(partnerId);
        var seen = await (await partner.GetAsync(People(id))).Read<PeopleDto>();
        Assert.Equal(2, seen.People.Count);
        Assert.All(seen.People, x => Assert.Null(x.UserId));
        Assert.Empty(seen.Flags);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson(People(id), new { side = "Partner", role = "Manager", contactId })).StatusCode);
        await (await partner.GetAsync(People(otherId))).Problem(404);
        await (await (await stranger.As(Roles.Admin)).GetAsync(People(id))).Problem(404);
    }

    static object Matrix(params (string Activity, Dictionary<string, string> Cells)[] rows) => new
    {
        columns = new[] { "Our manager", "Their manager", "Sponsor" },
        rows = rows.Select(r => new { activity = r.Activity, cells = r.Cells }),
    };

    [SkippableFact]
    public async Task Raci_StarterPerType_ValidatedWithTheActivityNamed_Versioned_Csv_AndDenials()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var (id, partnerId) = await admin.NewPartnershipAsync("Loom", "TechnologyIntegration");
        var (otherId, _) = await admin.NewPartnershipAsync("Weft", "CoMarketing");
        var url = $"/api/partnerships/{id}/governance/raci";

        var starter = await (await manager.GetAsync(url)).Read<RaciDto>();
        Assert.True(starter.IsStarter);
        Assert.Equal(0, starter.Version);
        Assert.Contains(starter.Matrix.Rows, r => r.Activity == "Integration roadmap");
        Assert.Contains((await (await manager.GetAsync($"/api/partnerships/{otherId}/governance/raci")).Read<RaciDto>()).Matrix.Rows, r => r.Activity == "Campaign calendar");

        // Two Accountables on one activity, none on another: refused naming each; nothing saved.
        var bad = Matrix(("Roadmap", new() { ["Our manager"] = "A", ["Their manager"] = "A" }), ("Support", new() { ["Their manager"] = "R" }));
        var e = (await Errors(await manager.PutJson(url, new { matrix = bad, version = 0 })))["activities"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        Assert.Contains("'Roadmap' needs exactly one Accountable (2 are marked A: Our manager, Their manager).", e);
        Assert.Contains("'Roadmap' needs at least one Responsible (none is marked R).", e);
        Assert.Contains("'Support' needs exactly one Accountable (none is marked A).", e);
        Assert.True((await (await manager.GetAsync(url)).Read<RaciDto>()).IsStarter);
        await (await manager.PutJson(url, new { matrix = Matrix(("Roadmap", new() { ["Our manager"] = "A", ["Nobody"] = "R" })), version = 0 })).Problem(400);

        var good = Matrix(("Roadmap", new() { ["Our manager"] = "A", ["Their manager"] = "R", ["Sponsor"] = "I" }), ("Support, tier 2", new() { ["Their manager"] = "R", ["Sponsor"] = "A" }));
        var saved = await (await manager.PutJson(url, new { matrix = good, version = 0 })).Read<RaciDto>();
        Assert.False(saved.IsStarter);
        Assert.Equal(1, saved.Version);
        await (await manager.PutJson(url, new { matrix = good, version = 0 })).Problem(409);
        await (await manager.PutJson(url, new { matrix = good })).Problem(400);

        var csv = await (await manager.GetAsync($"{url}.csv")).Content.ReadAsStringAsync();
        Assert.Equal("Activity,Our manager,Their manager,Sponsor\r\nRoadmap,A,R,I\r\n\"Support, tier 2\",,R,A\r\n", csv);

        // Denials.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PutJson(url, new { matrix = good, version = 1 })).StatusCode);
        var partner = await ws.AsPartnerUser(partnerId);
        Assert.Equal(2, (await (await partner.GetAsync(url)).Read<RaciDto>()).Matrix.Rows.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJson(url, new { matrix = good, version = 1 })).StatusCode);
        await (await partner.GetAsync($"/api/partnerships/{otherId}/governance/raci")).Problem(404);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/partnerships/{otherId}/governance/raci.csv")).StatusCode);
        var stranger = await (await app.CreateWorkspaceAsync("Elsewhere")).As(Roles.Admin);
        await (await stranger.GetAsync(url)).Problem(404);
        await (await stranger.PutJson(url, new { matrix = good, version = 1 })).Problem(404);
    }

    static string Decisions(int id) => $"/api/partnerships/{id}/governance/decisions";

    [SkippableFact]
    public async Task Decisions_RoutedByTheFramework_OnlyTheRoutedPersonDecides_CommitteeQuorum_AndDecisionTime()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var executive = await ws.As(Roles.Executive);
        var (id, partnerId, contactId) = await PartnershipWithContact(admin, "Prow");
        var me = await User(ws.Emails[Roles.Manager]);

        // Manager decision: only the partnership's manager may decide it.
        var budget = await (await manager.PostJson(Decisions(id), new { title = "Webinar budget", type = "BudgetUnderLimit" })).Read<DecisionDto>();
        Assert.Equal((DecisionRoute.Manager, DecisionStatus.Proposed), (budget.Route, budget.Status));
        var e = await Errors(await manager.PostJson($"{Decisions(id)}/{budget.Id}/decide", new { outcome = "Yes", version = budget.Version }));
        Assert.Contains("you are not this partnership's manager", First(e, "decidedBy"));
        await manager.PostJson(People(id), new { side = "Ours", role = "Manager", userId = me.Id });
        e = await Errors(await executive.PostJson($"{Decisions(id)}/{budget.Id}/decide", new { outcome = "Yes", version = budget.Version }));
        Assert.Contains("partnership manager", First(e, "decidedBy"));
        Assert.Equal("is required.", First(await Errors(await manager.PostJson($"{Decisions(id)}/{budget.Id}/decide", new { version = budget.Version })), "outcome"));
        var decided = await (await manager.PostJson($"{Decisions(id)}/{budget.Id}/decide", new { outcome = "Approved", reason = "Within plan", version = budget.Version })).Read<DecisionDto>();
        Assert.Equal(DecisionStatus.Decided, decided.Status);
        Assert.NotNull(decided.DecisionDays);
        await (await manager.PostJson($"{Decisions(id)}/{budget.Id}/decide", new { outcome = "Again", version = decided.Version })).Problem(409);

        // Executive decision: a manager may not decide it, an executive may.
        var amendment = await (await manager.PostJson(Decisions(id), new { title = "Longer term", type = "AgreementAmendment" })).Read<DecisionDto>();
        Assert.Equal(DecisionRoute.Executive, amendment.Route);
        Assert.Contains("neither an executive", First(await Errors(await manager.PostJson($"{Decisions(id)}/{amendment.Id}/decide", new { outcome = "Yes", version = amendment.Version })), "decidedBy"));
        Assert.Equal(DecisionStatus.Decided, (await (await executive.PostJson($"{Decisions(id)}/{amendment.Id}/decide", new { outcome = "Yes", version = amendment.Version })).Read<DecisionDto>()).Status);

        // Committee decision: votes only from the committee, at least the quorum (3 by default).
        var scope = await (await manager.PostJson(Decisions(id), new { title = "Add Benelux", type = "ScopeChange" })).Read<DecisionDto>();
        Assert.Equal((DecisionRoute.SteeringCommittee, (int?)3), (scope.Route, scope.Quorum));
        var chair = await (await manager.PostJson(People(id), new { side = "Ours", role = "SteeringCommittee", committeeRole = "Chair", userId = me.Id })).Read<PersonDto>();
        var theirs = await (await manager.PostJson(People(id), new { side = "Partner", role = "SteeringCommittee", committeeRole = "Partner lead", contactId })).Read<PersonDto>();
        var decide = $"{Decisions(id)}/{scope.Id}/decide";
        e = await Errors(await manager.PostJson(decide, new { outcome = "Go", version = scope.Version, votes = new[] { new { personId = chair.Id, vote = "For" }, new { personId = theirs.Id, vote = "For" } } }));
        Assert.Equal("The steering committee needs a quorum of 3 votes; 2 were recorded.", First(e, "votes"));
        e = await Errors(await manager.PostJson(decide, new { outcome = "Go", version = scope.Version, votes = new[] { new { personId = 999999, vote = "For" } } }));
        Assert.Contains("is not on this partnership's steering committee", First(e, "votes"));
        var third = await (await manager.PostJson(People(id), new { side = "Ours", role = "SteeringCommittee", committeeRole = "Finance", userId = (await User(ws.Emails[Roles.Executive])).Id })).Read<PersonDto>();
        var voted = await (await executive.PostJson(decide, new { outcome = "Go", version = scope.Version,
            votes = new[] { new { personId = chair.Id, vote = "For" }, new { personId = theirs.Id, vote = "For" }, new { personId = third.Id, vote = "Against" } } })).Read<DecisionDto>();
        Assert.Equal(3, voted.Votes.Count);
        Assert.StartsWith("Steering committee (2 for, 1 against, 0 abstaining)", voted.DecidedBy);

        // Withdraw / supersede follow the status rules.
        var maybe = await (await manager.PostJson(Decisions(id), new { title = "Maybe", type = "Termination" })).Read<DecisionDto>();
        Assert.Equal(DecisionStatus.Withdrawn, (await (await manager.PostJson($"{Decisions(id)}/{maybe.Id}/status", new { status = "Withdrawn", version = maybe.Version })).Read<DecisionDto>()).Status);
        await (await manager.PostJson($"{Decisions(id)}/{maybe.Id}/status", new { status = "Superseded", version = maybe.Version + 1 })).Problem(409);

        // Bad request input.
        e = await Errors(await manager.PostJson(Decisions(id), new { title = " " }));
        Assert.Equal("is required.", First(e, "title"));
        Assert.Contains("is required: one of", First(e, "type"));

        // Decision time with its trend: 14 days early in the year, 3 days later.
        await InDb(ws, async (db, sp) =>
        {
            var s = sp.GetRequiredService<DecisionService>();
            db.Tenant.Use(ws.Id, "test", userId: me.Id);
            var early = await s.RequestAsync(id, new("Early", null, DecisionType.BudgetUnderLimit), new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc));
            await s.DecideAsync(id, early.Id, new("Yes", null, null, null, early.Version), false, new DateTime(2025, 1, 20, 9, 0, 0, DateTimeKind.Utc));
            var late = await s.RequestAsync(id, new("Late", null, DecisionType.BudgetUnderLimit), new DateTime(2025, 10, 6, 9, 0, 0, DateTimeKind.Utc));
            return await s.DecideAsync(id, late.Id, new("Yes", null, null, null, late.Version), false, new DateTime(2025, 10, 9, 9, 0, 0, DateTimeKind.Utc));
        });
        var time = await (await manager.GetAsync($"/api/partnerships/{id}/governance/decision-time")).Read<DecisionTimeDto>();
        Assert.Equal(5, time.Decisions);
        Assert.Equal(new DecisionTimePoint("2025-Q1", 1, 14m, 10m), time.Trend[0]);
        Assert.Equal(new DecisionTimePoint("2025-Q4", 1, 3m, 3m), time.Trend[1]);
        Assert.Equal(5, (await (await manager.GetAsync("/api/governance/decision-time")).Read<DecisionTimeDto>()).Decisions);

        // Denials: the log is internal; evaluators read it but cannot log or decide; other workspaces get 404.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(Decisions(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson(Decisions(id), new { title = "X", type = "ScopeChange" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"{Decisions(id)}/{maybe.Id}/decide", new { outcome = "X", version = 1 })).StatusCode);
        var partner = await ws.AsPartnerUser(partnerId);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Decisions(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/partnerships/{id}/governance/framework")).StatusCode);
        await (await (await (await app.CreateWorkspaceAsync("Elsewhere")).As(Roles.Admin)).GetAsync(Decisions(id))).Problem(404);
    }

    [SkippableFact]
    public async Task Framework_WorkspaceDefault_PartnershipOverride_Validated()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var (id, _) = await admin.NewPartnershipAsync("Helm");
        var def = await (await manager.GetAsync("/api/governance/framework")).Read<FrameworkDto>();
        Assert.True(def.Inherited);
        Assert.Equal(6, def.Rules.Count);

        var rules = DecisionFramework.Default.Select(r => r.Type == DecisionType.ScopeChange ? r with { Route = DecisionRoute.Manager, Quorum = null } : r).ToList();
        var missing = rules.Where(r => r.Type != DecisionType.Termination).ToList();
        Assert.Contains("'Termination'", First(await Errors(await manager.PutJson("/api/governance/framework", new { rules = missing, version = 0 })), "rules"));
        var saved = await (await manager.PutJson("/api/governance/framework", new { rules, version = 0 })).Read<FrameworkDto>();
        Assert.False(saved.Inherited);
        Assert.Equal(DecisionRoute.Manager, (await (await manager.PostJson(Decisions(id), new { title = "Scope", type = "ScopeChange" })).Read<DecisionDto>()).Route);

        // The partnership's override wins; resetting it brings the default back.
        var committee = rules.Select(r => r.Type == DecisionType.BudgetUnderLimit ? r with { Route = DecisionRoute.SteeringCommittee, Quorum = 2 } : r).ToList();
        var own = await (await manager.PutJson($"/api/partnerships/{id}/governance/framework", new { rules = committee, version = 0 })).Read<FrameworkDto>();
        Assert.False(own.Inherited);
        var d = await (await manager.PostJson(Decisions(id), new { title = "Budget", type = "BudgetUnderLimit" })).Read<DecisionDto>();
        Assert.Equal((DecisionRoute.SteeringCommittee, (int?)2), (d.Route, d.Quorum));
        Assert.True((await (await manager.DeleteAsync($"/api/partnerships/{id}/governance/framework")).Read<FrameworkDto>()).Inherited);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PutJson("/api/governance/framework", new { rules, version = 1 })).StatusCode);
    }

    [SkippableFact]
    public async Task Pages_Render_FormsShowErrorsInline_AndPartnersSeeOnlyTheirOwnInThePortal()
    {
        var (ws, admin) = await Workspace();
        var (id, partnerId, contactId) = await PartnershipWithContact(admin, "Sail");
        var (otherId, otherPartner, _) = await PartnershipWithContact(admin, "Oar");
        await admin.PostJson(People(id), new { side = "Partner", role = "Manager", contactId });
        await admin.PutJson($"/api/partnerships/{otherId}/governance/raci", new { matrix = Matrix(("Secret rowing plan", new() { ["Our manager"] = "A", ["Their manager"] = "R" })), version = 0 });

        foreach (var url in new[] { "/Governance", $"/Governance/Partnership/{id}", $"/Governance/Raci/{id}", $"/Partnerships/{id}" })
        {
            var r = await admin.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode}");
        }
        var page = await (await admin.GetAsync($"/Governance/Partnership/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Sail lead", page);
        Assert.Contains("No executive sponsor is assigned.", page);

        // RACI form: two A's on an activity → the page again, with the message naming the activity; nothing saved.
        var raciUrl = $"/Governance/Raci/{id}";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Version", "0"), new("Columns[0]", "Ours"), new("Columns[1]", "Theirs"), new("Columns[2]", ""),
            new("Rows[0].Activity", "Launch plan"), new("Rows[0].Cells[0]", "A"), new("Rows[0].Cells[1]", "A"), new("Rows[0].Cells[2]", ""),
        };
        var bad = await admin.PostFormAsync(raciUrl, raciUrl, fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("&#x27;Launch plan&#x27; needs exactly one Accountable", await bad.Content.ReadAsStringAsync());
        fields[6] = new("Rows[0].Cells[1]", "R");
        var good = await admin.PostFormAsync(raciUrl, raciUrl, fields);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(["Launch plan"], (await (await admin.GetAsync($"/api/partnerships/{id}/governance/raci")).Read<RaciDto>()).Matrix.Rows.Select(r => r.Activity));

        // Person form without a person: the field error on the page.
        var pageUrl = $"/Governance/Partnership/{id}";
        var noWho = await admin.PostFormAsync(pageUrl, $"{pageUrl}?handler=AddPerson", [new("Role", "Manager")]);
        Assert.Equal(HttpStatusCode.OK, noWho.StatusCode);
        Assert.Contains("Person is required: pick one of our people.", await noWho.Content.ReadAsStringAsync());

        // Denials on pages: evaluators read but not edit the matrix; partner users have no governance pages.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(pageUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync(raciUrl)).StatusCode);
        var partner = await ws.AsPartnerUser(partnerId);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(pageUrl)).StatusCode);
        var portal = await (await partner.GetAsync("/Portal")).Content.ReadAsStringAsync();
        Assert.Contains("Launch plan", portal);
        Assert.Contains("Sail lead", portal);
        Assert.DoesNotContain("Secret rowing plan", portal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await (await app.CreateWorkspaceAsync("Elsewhere")).As(Roles.Admin)).GetAsync(pageUrl)).StatusCode);
    }

    [SkippableFact]
    public async Task Meetings_InTheirTimeZone_NotesSharedOrInternal_ActionItemsJoinTheTaskList_AndDenials()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var (id, partnerId) = await admin.NewPartnershipAsync("Rudder");
        var (otherId, _) = await admin.NewPartnershipAsync("Keelson");
        var url = $"/api/partnerships/{id}/governance/meetings";

        // Bad input names the field; nothing is saved.
        var e = await Errors(await manager.PostJson(url, new { title = "Sync", startsAt = "2026-03-30T10:00:00", endsAt = "2026-03-30T09:00:00", timeZone = "Mars/Olympus" }));
        Assert.Equal("must be after the start.", First(e, "endsAt"));
        Assert.Contains("is not a known time zone", First(e, "timeZone"));
        Assert.Empty(await (await manager.GetAsync(url)).Read<List<MeetingDto>>());

        // 10:00 in Berlin: 09:00 UTC in winter, 08:00 UTC after the spring change.
        var winter = await (await manager.PostJson(url, new { title = "Alignment", startsAt = "2026-03-27T10:00:00", endsAt = "2026-03-27T11:00:00", timeZone = "Europe/Berlin",
            agenda = new[] { new { item = "Pipeline", owner = "Ana", minutes = 20 } } })).Read<MeetingDto>();
        Assert.Equal(new DateTime(2026, 3, 27, 9, 0, 0, DateTimeKind.Utc), winter.StartsAt);
        var summer = await (await manager.PostJson(url, new { title = "Alignment", startsAt = "2026-03-30T10:00:00", endsAt = "2026-03-30T11:00:00", timeZone = "Europe/Berlin" })).Read<MeetingDto>();
        Assert.Equal(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc), summer.StartsAt);
        Assert.Equal(new DateTime(2026, 3, 30, 10, 0, 0), summer.StartsLocal);

        // Notes: the choice is required; partner users read only the shared ones.
        Assert.Contains("say whether the partner may read", First(await Errors(await manager.PostJson($"{url}/{winter.Id}/notes", new { text = "x" })), "shared"));
        await (await manager.PostJson($"{url}/{winter.Id}/notes", new { text = "Our margin worry", shared = false })).Read<NoteDto>();
        await (await manager.PostJson($"{url}/{winter.Id}/notes", new { text = "Agreed the Q2 plan", shared = true })).Read<NoteDto>();
        var partner = await ws.AsPartnerUser(partnerId);
        var seen = await (await partner.GetAsync($"{url}/{winter.Id}")).Read<MeetingDto>();
        Assert.Equal(["Agreed the Q2 plan"], seen.Notes.Select(n => n.Text));
        Assert.Empty(seen.ActionItems);
        Assert.DoesNotContain("margin worry", await (await partner.GetAsync("/Portal")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"{url}/{winter.Id}/notes", new { text = "hi", shared = true })).StatusCode);
        await (await partner.GetAsync($"/api/partnerships/{otherId}/governance/meetings")).Problem(404);
        Assert.Equal(2, (await (await manager.GetAsync($"{url}/{winter.Id}")).Read<MeetingDto>()).Notes.Count);

        // Action items: an owner outside the workspace is refused; a valid one is a task on the owner's list.
        var stranger = await app.CreateWorkspaceAsync("Elsewhere");
        var outsider = await User(stranger.Emails[Roles.Manager]);
        Assert.Equal("is not one of our people or a portal user of a partner in this partnership.",
            First(await Errors(await manager.PostJson($"{url}/{winter.Id}/action-items", new { title = "Send deck", ownerId = outsider.Id, dueOn = "2026-04-03" })), "ownerId"));
        var me = await User(ws.Emails[Roles.Manager]);
        var item = await (await manager.PostJson($"{url}/{winter.Id}/action-items", new { title = "Send deck", ownerId = me.Id, dueOn = "2026-04-03" })).Read<ActionItemDto>();
        var mine = await (await manager.GetAsync("/api/tasks?scope=Mine")).Read<Paged<Warmglow.Web.Features.Tasks.TaskDto>>();
        var task = Assert.Single(mine.Items, t => t.Id == item.TaskId);
        Assert.Equal((MeetingService.ActionItemSource, $"/Governance/Partnership/{id}#meeting-{winter.Id}"), (task.Source, task.Link));
        Assert.Single((await (await manager.GetAsync($"{url}/{winter.Id}")).Read<MeetingDto>()).ActionItems);

        // Denials: evaluators read, cannot schedule; another workspace does not find it.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson(url, new { title = "X", startsAt = "2026-03-30T10:00:00", endsAt = "2026-03-30T11:00:00", timeZone = "UTC" })).StatusCode);
        await (await (await stranger.As(Roles.Admin)).GetAsync($"{url}/{winter.Id}")).Problem(404);

        // The page: the meeting form reports a bad zone next to its field.
        var pageUrl = $"/Governance/Partnership/{id}";
        var bad = await admin.PostFormAsync(pageUrl, $"{pageUrl}?handler=Schedule",
            [new("MeetingTitle", "Review"), new("StartsAt", "2026-05-04T10:00"), new("EndsAt", "2026-05-04T11:00"), new("TimeZone", "Nowhere/Land")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("&#x27;Nowhere/Land&#x27; is not a known time zone", await bad.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task DemoData_PeopleRaciAndDecisionTimesFallingFromAboutFourteenToThreeDays()
    {
        var (ws, manager) = await Workspace("Demo");
        await InDb(ws, async (db, sp) => { await sp.GetRequiredService<Warmglow.Web.Features.Demo.DemoLoader>().LoadAsync(); return 0; });
        Assert.True(await InDb(ws, (db, _) => db.GovernancePeople.CountAsync()) > 0);
        Assert.True(await InDb(ws, (db, _) => db.RaciMatrices.CountAsync()) > 0);
        var time = await (await manager.GetAsync("/api/governance/decision-time")).Read<DecisionTimeDto>();
        Assert.True(time.Trend.Count >= 4, string.Join(", ", time.Trend));
        Assert.InRange(time.Trend[0].AverageDays, 11m, 16m);
        Assert.InRange(time.Trend[^1].AverageDays, 2m, 6m);
        var alerts = await (await manager.GetAsync("/api/health/alerts?kind=red-flags&pageSize=200")).Read<Paged<AlertRow>>();
        Assert.Contains(alerts.Items, a => a.RedFlags.Any(f => f.Reason == "The partner side has no partnership manager."));
        Assert.True(await InDb(ws, (db, _) => db.Meetings.CountAsync(m => m.Status == MeetingStatus.Held)) > 0);
        Assert.True(await InDb(ws, (db, _) => db.MeetingNotes.CountAsync(n => n.Shared)) > 0);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.True(await InDb(ws, (db, _) => db.Tasks.CountAsync(t => t.Source == MeetingService.ActionItemSource && t.Status == Warmglow.Web.Features.Tasks.WorkTaskStatus.Open && t.DueOn < today)) > 0);
    }
}
