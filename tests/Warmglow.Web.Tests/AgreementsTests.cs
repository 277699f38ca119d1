using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Agreements;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteAgreementsTests(SqliteApp app) : AgreementsTests<SqliteApp>(app);
public sealed class PostgresAgreementsTests(PostgresApp app) : AgreementsTests<PostgresApp>(app);

/// <summary>Agreements: versions, approvals, lifecycle, reviews and charters through the API, with the denials.</summary>
public abstract class AgreementsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Deals")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    async Task<string> StaffId(TestWorkspace ws, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(ws.Emails[role]))!.Id;
    }

    static Task<(int PartnershipId, int PartnerId)> Partnership(HttpClient admin, string name) => admin.NewPartnershipAsync(name);

    /// <summary>Puts the partnership at the Agreement stage (the vetting gates before it have tests of their own).</summary>
    Task AtAgreementStage(TestWorkspace ws, int pid) => InWorkspace(ws.Id, async (db, _) =>
        await db.Partnerships.Where(p => p.Id == pid).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, PartnershipStage.Agreement)));

    static object Clauses(string owner, string? cadence = "Quarterly", int windDown = 90, string scope = "Joint referrals in Benelux") => new
    {
        scope,
        roles = new[] { new { party = "Us", responsibility = "Content" }, new { party = "Partner", responsibility = "Referrals" } },
        resources = new { people = new[] { new { person = "Alliance manager", percentOfTime = 15 } }, budget = 10000, technology = "CRM integration" },
        compensation = new { description = "10% referral fee" },
        review = new { metrics = new[] { "Qualified referrals" }, cadence, ownerIds = cadence is null ? Array.Empty<string>() : new[] { owner } },
        intellectualProperty = new { backgroundIpOwner = "Each party", jointIp = "JointlyOwned" },
        dataHandling = new { gdpr = true, hipaa = false, notes = "Aggregates only" },
        confidentiality = "Three years",
        disputeResolution = new { mediationBeforeLitigation = true },
        forceMajeure = "Standard",
        termination = new { noticeDays = 60, windDownDays = windDown },
    };

    static object Body(int partnershipId, string owner, DateOnly? start = null, string title = "Referral agreement", string type = "Referral",
        string currency = "EUR", DateOnly? end = null, object? clauses = null, string? reason = null, int? baseVersion = null, bool flexible = true) => new
    {
        partnershipId, title, type, flexible, startDate = start ?? Today, endDate = end, currency, ownerIds = new[] { owner },
        clauses = clauses ?? Clauses(owner), reason, baseVersion,
    };

    static async Task<AgreementDto> Create(HttpClient c, object body)
    {
        var r = await c.PostJson("/api/agreements", body);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.Read<AgreementDto>();
    }

    static Task<HttpResponseMessage> Move(HttpClient c, int id, string to) => c.PostJson($"/api/agreements/{id}/transitions", new { to, reason = $"to {to}" });

    static async Task<JsonNode> Errors(HttpResponseMessage response) => (await response.Problem(400))["errors"]!;

    async Task<T> InWorkspace<T>(int workspaceId, Func<WarmglowDb, IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(workspaceId, "test");
        return await work(db, scope.ServiceProvider);
    }

    [SkippableFact]
    public async Task Signing_NeedsApprovalOfTheCurrentVersion_AndANewVersionNeedsItAgain()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var executive = await ws.As(Roles.Executive);
        var owner = await StaffId(ws, Roles.Manager);
        var (pid, _) = await Partnership(admin, "Relay");
        var a = await Create(manager, Body(pid, owner));
        Assert.Equal((AgreementStatus.TermSheet, 1), (a.Status, a.CurrentVersion));
        Assert.Equal(["Negotiation", "Terminated"], a.AllowedMoves.Select(m => m.ToString()));

        // Illegal move: refused with the allowed moves.
        var illegal = await Errors(await Move(manager, a.Id, "Active"));
        Assert.Contains("Allowed moves", illegal["to"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, a.Id, "Negotiation")).StatusCode);

        // A prospect signs nothing, and the agreement says so before anyone tries.
        var early = (await Errors(await Move(manager, a.Id, "Signed")))["to"]![0]!.GetValue<string>();
        Assert.Contains("Prospect stage", early);
        Assert.Contains("approves version 1", early);
        var shown = await (await manager.GetAsync($"/api/agreements/{a.Id}")).Read<AgreementDto>();
        Assert.Equal(2, shown.SigningNeeds!.Count);
        var page = await (await manager.GetAsync($"/Agreements/Details/{a.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("Before it can be signed", page);
        Assert.Contains("move it to the Agreement stage first", page);
        await AtAgreementStage(ws, pid);

        // No approval: signing refused.
        var unapproved = (await Errors(await Move(manager, a.Id, "Signed")))["to"]![0]!.GetValue<string>();
        Assert.Contains("approves version 1", unapproved);
        Assert.DoesNotContain("stage", unapproved);
        // Managers cannot approve; executives can.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson($"/api/agreements/{a.Id}/approvals", new { })).StatusCode);
        var approval = await (await executive.PostJson($"/api/agreements/{a.Id}/approvals", new { note = "Fine" })).Read<ApprovalDto>();
        Assert.Equal(1, approval.VersionNumber);
        await (await executive.PostJson($"/api/agreements/{a.Id}/approvals", new { })).Problem(409);

        // A new version after the approval: signing refused again until it is re-approved.
        var v2 = await (await manager.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, clauses: Clauses(owner, windDown: 120), reason: "Longer wind-down", baseVersion: 1))).Read<AgreementDto>();
        Assert.Equal(2, v2.CurrentVersion);
        Assert.False(v2.CurrentVersionApproved);
        Assert.Contains("approves version 2", (await Errors(await Move(manager, a.Id, "Signed")))["to"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await executive.PostJson($"/api/agreements/{a.Id}/approvals", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, a.Id, "Signed")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, a.Id, "Active")).StatusCode);

        var approvals = await (await admin.GetAsync($"/api/agreements/{a.Id}/approvals")).Read<List<ApprovalDto>>();
        Assert.Equal([2, 1], approvals.Select(x => x.VersionNumber));
        var moves = await (await admin.GetAsync($"/api/agreements/{a.Id}/transitions")).Read<List<AgreementTransitionDto>>();
        Assert.Equal(3, moves.Count);

        // Every change is in the audit log.
        var audited = await InWorkspace(ws.Id, async (db, _) => await db.AuditEntries.Select(e => e.EntityType).Distinct().ToListAsync());
        Assert.Superset(new HashSet<string> { nameof(Agreement), nameof(AgreementVersion), nameof(AgreementApproval), nameof(AgreementTransition), nameof(AgreementReview) }, audited.ToHashSet());
    }

    [SkippableFact]
    public async Task Versions_AreImmutable_Comparable_AndStaleBaseIs409()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Admin);
        var (pid, _) = await Partnership(admin, "Versioned");
        var a = await Create(admin, Body(pid, owner));
        await (await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, title: "Referral agreement v2", currency: "USD",
            clauses: Clauses(owner, scope: "Referrals in Benelux and Germany"), reason: "Germany added", baseVersion: 1))).Read<AgreementDto>();
        // A save based on version 1 after version 2 exists: 409, nothing written.
        await (await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, title: "Lost update", reason: "Stale", baseVersion: 1))).Problem(409);

        var versions = await (await admin.GetAsync($"/api/agreements/{a.Id}/versions")).Read<List<VersionSummary>>();
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        var v1 = await (await admin.GetAsync($"/api/agreements/{a.Id}/versions/1")).Read<VersionDto>();
        Assert.Equal(("Referral agreement", "EUR", "Joint referrals in Benelux"), (v1.Terms.Title, v1.Terms.Currency, v1.Terms.Clauses.Scope));
        await (await admin.GetAsync($"/api/agreements/{a.Id}/versions/9")).Problem(404);

        var diff = await (await admin.GetAsync($"/api/agreements/{a.Id}/compare?from=1&to=2")).Read<CompareDto>();
        var header = diff.Clauses.Single(c => c.Key == "header");
        Assert.True(header.Fields.Single(f => f.Field == "title").Changed);
        Assert.Equal(("EUR", "USD"), (header.Fields.Single(f => f.Field == "currency").Before, header.Fields.Single(f => f.Field == "currency").After));
        Assert.True(diff.Clauses.Single(c => c.Key == "scope").Changed);
        Assert.False(diff.Clauses.Single(c => c.Key == "termination").Changed);
        await (await admin.GetAsync($"/api/agreements/{a.Id}/compare?from=1")).Problem(400);

        // The API has no way to change or delete a version.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.PutJson($"/api/agreements/{a.Id}/versions/1", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync($"/api/agreements/{a.Id}/versions/1")).StatusCode);
        var current = await (await admin.GetAsync($"/api/agreements/{a.Id}")).Read<AgreementDto>();
        Assert.Equal(("Referral agreement v2", 2), (current.Title, current.CurrentVersion));
    }

    [SkippableFact]
    public async Task BadInput_IsProblemDetails_NamingTheField_AndNothingIsWritten()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Admin);
        var (pid, _) = await Partnership(admin, "Strict");
        await (await admin.PostJson("/api/agreements", Body(pid, owner, type: "Barter"))).Problem(400);
        Assert.NotNull((await Errors(await admin.PostJson("/api/agreements", Body(pid, owner, end: Today.AddDays(-1)))))["endDate"]);
        Assert.NotNull((await Errors(await admin.PostJson("/api/agreements", Body(pid, owner, currency: "XYZ"))))["currency"]);
        Assert.NotNull((await Errors(await admin.PostJson("/api/agreements", Body(pid, owner, clauses: Clauses(owner, windDown: -1)))))["clauses.termination.windDownDays"]);
        Assert.NotNull((await Errors(await admin.PostJson("/api/agreements", Body(pid, "no-such-user"))))["ownerIds[0]"]);
        Assert.NotNull((await Errors(await admin.PostJson("/api/agreements", Body(pid, owner, clauses: Clauses("no-such-user")))))["clauses.review.ownerIds[0]"]);
        Assert.NotNull((await Errors(await admin.PostJson("/api/agreements", Body(999999, owner))))["partnershipId"]);
        Assert.Equal(0, (await (await admin.GetAsync("/api/agreements")).Read<Paged<AgreementSummary>>()).Total);

        var a = await Create(admin, Body(pid, owner));
        Assert.NotNull((await Errors(await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, baseVersion: 1))))["reason"]);
        Assert.NotNull((await Errors(await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, reason: "r"))))["baseVersion"]);
        Assert.NotNull((await Errors(await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, currency: "ABC", reason: "r", baseVersion: 1))))["currency"]);
        Assert.Single(await (await admin.GetAsync($"/api/agreements/{a.Id}/versions")).Read<List<VersionSummary>>());
        Assert.NotNull((await Errors(await admin.PostJson($"/api/agreements/{a.Id}/transitions", new { to = "Negotiation" })))["reason"]);
    }

    [SkippableFact]
    public async Task Reviews_AreScheduled_TasksOpenOnce_OverdueListed_AndHeldCompletesTasks()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Manager);
        var (pid, _) = await Partnership(admin, "Reviewed");
        await AtAgreementStage(ws, pid);
        // Open-ended, quarterly: the next four reviews from today.
        var a = await Create(admin, Body(pid, owner, start: Today.AddMonths(-1)));
        await Move(admin, a.Id, "Negotiation");
        await admin.PostJson($"/api/agreements/{a.Id}/approvals", new { });
        Assert.Equal(HttpStatusCode.Created, (await Move(admin, a.Id, "Signed")).StatusCode);
        var reviews = await (await admin.GetAsync($"/api/agreements/{a.Id}/reviews")).Read<List<ReviewDto>>();
        Assert.Equal(new[] { 2, 5, 8, 11 }.Select(m => Today.AddMonths(-1).AddMonths(m + 1)), reviews.Select(r => r.DueOn));

        // Generating again (and activating, which generates too) opens nothing new.
        Assert.Equal(HttpStatusCode.Created, (await Move(admin, a.Id, "Active")).StatusCode);
        var again = await (await admin.PostJson($"/api/agreements/{a.Id}/reviews/generate", new { })).Read<ReviewGeneration>();
        Assert.Equal(new ReviewGeneration(0, 0, 0), again);
        var tasks = await InWorkspace(ws.Id, async (db, _) => await db.Tasks.Where(t => t.Source == AgreementService.ReviewSource).ToListAsync());
        Assert.Equal(4, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(owner, t.AssigneeId));
        Assert.Equal(reviews.Select(r => $"agreement-review:{r.Id}:{owner}").Order(), tasks.Select(t => t.SourceKey).Order());

        // Make the first review overdue.
        var first = reviews[0];
        await InWorkspace(ws.Id, async (db, _) => await db.AgreementReviews.Where(r => r.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, Today.AddDays(-3))));
        var overdue = await (await admin.GetAsync("/api/agreements/overdue-reviews")).Read<Paged<ReviewDto>>();
        Assert.Equal(first.Id, Assert.Single(overdue.Items).Id);
        Assert.True(overdue.Items[0].Overdue);
        var signal = await InWorkspace(ws.Id, async (db, sp) => await sp.GetServices<IOverdueReviewSource>().Single().Overdue(db, Today).Where(o => o.PartnershipId == pid).ToListAsync());
        Assert.Equal(pid, Assert.Single(signal).PartnershipId);

        // Recording it as held: bad input refused, then done; tasks completed; overdue list empty.
        Assert.NotNull((await Errors(await admin.PostJson($"/api/agreements/{a.Id}/reviews/{first.Id}/held", new { notes = "x", version = first.Version })))["outcome"]);
        var held = await (await admin.PostJson($"/api/agreements/{a.Id}/reviews/{first.Id}/held", new { outcome = "OnTrack", notes = "All good", version = first.Version })).Read<ReviewDto>();
        Assert.Equal(ReviewState.Held, held.State);
        await (await admin.PostJson($"/api/agreements/{a.Id}/reviews/{first.Id}/held", new { outcome = "OnTrack", version = held.Version })).Problem(409);
        Assert.Equal(0, (await (await admin.GetAsync("/api/agreements/overdue-reviews")).Read<Paged<ReviewDto>>()).Total);
        var done = await InWorkspace(ws.Id, async (db, _) => await db.Tasks.SingleAsync(t => t.SourceKey == $"agreement-review:{first.Id}:{owner}"));
        Assert.Equal(WorkTaskStatus.Done, done.Status);

        // Activity for the engagement index: versions, moves, approvals, the held review.
        var activity = await InWorkspace(ws.Id, async (db, sp) => await sp.GetServices<IActivitySource>().Single(s => s.Kind == Core.Measurement.ActivityKind.AgreementActivity).Query(db)
            .Where(x => x.At > DateTime.UtcNow.AddDays(-1)).GroupBy(x => x.PartnershipId).Select(g => new { g.Key, Count = g.Count() }).SingleAsync());
        Assert.Equal((pid, 1 + 3 + 1 + 1), (activity.Key, activity.Count));

        // A cadence change reschedules: yearly keeps only dates that fit, the rest are cancelled and their tasks closed.
        await (await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, start: Today.AddMonths(-1), clauses: Clauses(owner, cadence: "Yearly"), reason: "Yearly reviews", baseVersion: 1))).Read<AgreementDto>();
        var after = await (await admin.GetAsync($"/api/agreements/{a.Id}/reviews")).Read<List<ReviewDto>>();
        Assert.Equal(ReviewState.Held, after[0].State);
        Assert.Equal(Enumerable.Range(1, 4).Select(k => Today.AddMonths(-1).AddMonths(12 * k)), after.Where(r => r.State == ReviewState.Scheduled).Select(r => r.DueOn));
        var open = await InWorkspace(ws.Id, async (db, _) => await db.Tasks.CountAsync(t => t.Source == AgreementService.ReviewSource && t.Status == WorkTaskStatus.Open));
        Assert.Equal(4, open);
    }

    [SkippableFact]
    public async Task Denials_Anonymous_Roles_PartnerUser_AndOtherWorkspace()
    {
        var (ws, admin) = await Workspace("Alpha");
        var owner = await StaffId(ws, Roles.Admin);
        var (pid, partnerId) = await Partnership(admin, "Mine");
        var (otherPid, _) = await Partnership(admin, "Theirs");
        var mine = await Create(admin, Body(pid, owner));
        var theirs = await Create(admin, Body(otherPid, owner, title: "Other agreement"));

        using (var anon = app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync("/api/agreements")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync($"/api/partnerships/{pid}/charter")).StatusCode);
        }
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/agreements/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/agreements", Body(pid, owner))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/agreements/{mine.Id}/approvals", new { })).StatusCode);
        var executive = await ws.As(Roles.Executive);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PutJson($"/api/agreements/{mine.Id}", Body(pid, owner, reason: "r", baseVersion: 1))).StatusCode);

        // Partner user: reads their own partnership's agreement and versions, nothing else, and writes nothing.
        var partner = await ws.AsPartnerUser(partnerId);
        Assert.Equal(mine.Id, Assert.Single((await (await partner.GetAsync("/api/agreements")).Read<Paged<AgreementSummary>>()).Items).Id);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/agreements/{mine.Id}/versions/1")).StatusCode);
        await (await partner.GetAsync($"/api/agreements/{theirs.Id}")).Problem(404);
        await (await partner.GetAsync($"/api/agreements/{theirs.Id}/versions")).Problem(404);
        await (await partner.GetAsync($"/api/agreements/{theirs.Id}/compare?from=1&to=1")).Problem(404);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/agreements/{mine.Id}/approvals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/agreements/overdue-reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJson($"/api/agreements/{mine.Id}", Body(pid, owner, reason: "r", baseVersion: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/agreements/{theirs.Id}/transitions", new { to = "Negotiation", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson("/api/agreements", Body(pid, owner))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJson($"/api/partnerships/{pid}/charter", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/partnerships/{pid}/charter")).StatusCode);
        await (await partner.GetAsync($"/api/partnerships/{otherPid}/charter")).Problem(404);

        // Another workspace sees none of it.
        var (_, adminB) = await Workspace("Beta");
        await (await adminB.GetAsync($"/api/agreements/{mine.Id}")).Problem(404);
        await (await adminB.GetAsync($"/api/agreements/{mine.Id}/versions")).Problem(404);
        await (await adminB.GetAsync($"/api/agreements/{mine.Id}/compare?from=1&to=1")).Problem(404);
        await (await adminB.PutJson($"/api/agreements/{mine.Id}", Body(pid, owner, reason: "r", baseVersion: 1))).Problem(404);
        await (await adminB.PostJson($"/api/agreements/{mine.Id}/transitions", new { to = "Negotiation", reason = "x" })).Problem(404);
        await (await adminB.PostJson($"/api/agreements/{mine.Id}/approvals", new { })).Problem(404);
        await (await adminB.GetAsync($"/api/agreements/{mine.Id}/reviews")).Problem(404);
        await (await adminB.PostJson($"/api/agreements/{mine.Id}/reviews/generate", new { })).Problem(404);
        await (await adminB.GetAsync($"/api/partnerships/{pid}/charter")).Problem(404);
        await (await adminB.PutJson($"/api/partnerships/{pid}/charter", new { version = 0 })).Problem(404);
        Assert.NotNull((await Errors(await adminB.PostJson("/api/agreements", Body(pid, owner))))["partnershipId"]);
        Assert.Equal(0, (await (await adminB.GetAsync("/api/agreements")).Read<Paged<AgreementSummary>>()).Total);
    }

    [SkippableFact]
    public async Task Charter_SavesRevisions_ShowsMisalignments_AndRefusesStaleVersions()
    {
        var (ws, admin) = await Workspace();
        var (pid, _) = await Partnership(admin, "Chartered");
        var empty = await (await admin.GetAsync($"/api/partnerships/{pid}/charter")).Read<CharterDto>();
        Assert.Equal(0, empty.Version);
        var body = new
        {
            ours = new { primaryObjective = "New customers in Benelux", monthsToFirstValue = 3, resourceCommitments = "Alliance manager at 15%", successMetrics = new[] { "Qualified referrals" }, meetingCadence = "Monthly" },
            theirs = new { primaryObjective = "Customer retention", secondaryObjective = "New customers in Benelux", monthsToFirstValue = 9, successMetrics = new[] { "Churn" }, meetingCadence = "Weekly" },
            version = 0,
        };
        var saved = await (await admin.PutJson($"/api/partnerships/{pid}/charter", body)).Read<CharterDto>();
        Assert.Equal(["cadence", "metrics", "objective", "resources", "timeline"], saved.Misalignments.Select(m => m.Code).Order());
        Assert.Contains("theirs.primaryObjective", saved.Misalignments.Single(m => m.Code == "objective").Fields);
        await (await admin.PutJson($"/api/partnerships/{pid}/charter", body)).Problem(409);
        Assert.NotNull((await Errors(await admin.PutJson($"/api/partnerships/{pid}/charter", new { ours = new { monthsToFirstValue = -1 }, version = saved.Version })))["ours.monthsToFirstValue"]);
        var again = await (await admin.PutJson($"/api/partnerships/{pid}/charter", new { ours = body.ours, theirs = body.ours, version = saved.Version })).Read<CharterDto>();
        Assert.Empty(again.Misalignments);
        Assert.Equal(2, again.Revisions);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PutJson($"/api/partnerships/{pid}/charter", new { version = again.Version })).StatusCode);
    }

    [SkippableFact]
    public async Task Pages_Render_AndThePortalShowsOnlyTheirOwnAgreement()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Manager);
        var (pid, partnerId) = await Partnership(admin, "Paged");
        var (otherPid, _) = await Partnership(admin, "Hidden");
        var a = await Create(admin, Body(pid, owner));
        var other = await Create(admin, Body(otherPid, owner, title: "Hidden agreement"));
        await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, clauses: Clauses(owner, windDown: 45), reason: "Shorter wind-down", baseVersion: 1));
        await admin.PutJson($"/api/partnerships/{pid}/charter", new { ours = new { primaryObjective = "Referrals", meetingCadence = "Monthly" }, theirs = new { primaryObjective = "Referrals", meetingCadence = "Weekly" }, version = 0 });

        var expectations = new (string Url, string Text)[]
        {
            ("/Agreements", "Referral agreement"),
            ("/Agreements?status=Signed", "No agreements match"),
            ($"/Agreements/Details/{a.Id}", "Shorter wind-down"),
            ($"/Agreements/Version/{a.Id}?number=1", "90 days"),
            ($"/Agreements/Compare/{a.Id}?from=1&to=2", "<ins>45 days</ins>"),
            ($"/Partnerships/Charter/{pid}", "Different meeting cadences"),
            ($"/Partnerships/{pid}", $"/Agreements/Create?partnershipId={pid}"),
        };
        foreach (var role in new[] { Roles.Admin, Roles.Evaluator })
        {
            var c = await ws.As(role);
            foreach (var (url, text) in expectations.Where(e => role == Roles.Admin || !e.Text.Contains("Create")))
            {
                var r = await c.GetAsync(url);
                var html = await r.Content.ReadAsStringAsync();
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{role} {url}: {r.StatusCode}");
                Assert.True(html.Contains(text, StringComparison.Ordinal), $"{role} {url} lacks '{text}'");
            }
        }
        var manager = await ws.As(Roles.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Agreements/Edit/{a.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Agreements/Create?partnershipId={pid}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).GetAsync($"/Agreements/Edit/{a.Id}")).StatusCode);

        var partner = await ws.AsPartnerUser(partnerId);
        var portal = await partner.GetAsync("/Portal");
        var portalHtml = await portal.Content.ReadAsStringAsync();
        Assert.Contains($"/Portal/Agreement/{a.Id}", portalHtml);
        Assert.DoesNotContain("Hidden agreement", portalHtml);
        var portalAgreement = await (await partner.GetAsync($"/Portal/Agreement/{a.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("Version 2", portalAgreement);
        Assert.DoesNotContain("Shorter wind-down", portalAgreement); // the version's reason was not shared with the partner
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Portal/Agreement/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/Agreements/Details/{a.Id}")).StatusCode);
    }

    [SkippableFact]
    public async Task DemoData_HasConsistentAgreements_OneOverdueReview_AndVisibleMisalignments()
    {
        var (ws, admin) = await Workspace("Demo");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
            Assert.Equal(20, await scope.ServiceProvider.GetRequiredService<Warmglow.Web.Features.Demo.DemoLoader>().LoadAsync());
        }
        var list = await (await admin.GetAsync("/api/agreements?pageSize=50")).Read<Paged<AgreementSummary>>();
        Assert.Equal(8, list.Total);
        foreach (var a in list.Items)
        {
            var moves = await (await admin.GetAsync($"/api/agreements/{a.Id}/transitions")).Read<List<AgreementTransitionDto>>();
            var status = AgreementStatus.TermSheet;
            foreach (var m in moves.OrderBy(m => m.At))
            {
                Assert.True(AgreementLifecycle.Check(status, m.To).IsAllowed, $"{a.Title}: {status} → {m.To}");
                status = m.To;
            }
            Assert.Equal(a.Status, status);
            var versions = await (await admin.GetAsync($"/api/agreements/{a.Id}/versions")).Read<List<VersionSummary>>();
            Assert.Equal(a.CurrentVersion, versions.Count);
            if (moves.Any(m => m.To == AgreementStatus.Signed))
            {
                // The version current at signing was approved before the signature.
                var signedAt = moves.Single(m => m.To == AgreementStatus.Signed).At;
                var atSigning = versions.Where(v => v.CreatedAt <= signedAt).Max(v => v.Number);
                var approvals = await (await admin.GetAsync($"/api/agreements/{a.Id}/approvals")).Read<List<ApprovalDto>>();
                Assert.Contains(approvals, p => p.VersionNumber == atSigning && p.At <= signedAt);
            }
        }
        Assert.Equal(1, (await (await admin.GetAsync("/api/agreements/overdue-reviews")).Read<Paged<ReviewDto>>()).Total);
        var charters = new List<CharterDto>();
        foreach (var pid in list.Items.Select(a => a.PartnershipId).Distinct())
        {
            var c = await (await admin.GetAsync($"/api/partnerships/{pid}/charter")).Read<CharterDto>();
            if (c.Version > 0) charters.Add(c);
        }
        Assert.Equal(4, charters.Count);
        Assert.Equal(2, charters.Count(c => c.Misalignments.Count > 0));
        var tasks = await InWorkspace(ws.Id, async (db, _) => await db.Tasks.CountAsync(t => t.Source == AgreementService.ReviewSource && t.Status == WorkTaskStatus.Open));
        Assert.True(tasks > 0);
    }

    [SkippableFact]
    public async Task FixedAgreementInForce_ChangesOnlyUnderReview()
    {
        var (ws, admin) = await Workspace();
        var owner = await StaffId(ws, Roles.Admin);
        var (pid, _) = await Partnership(admin, "Fixed");
        await AtAgreementStage(ws, pid);
        var a = await Create(admin, Body(pid, owner, flexible: false));
        await Move(admin, a.Id, "Negotiation");
        await admin.PostJson($"/api/agreements/{a.Id}/approvals", new { });
        await Move(admin, a.Id, "Signed");
        await Move(admin, a.Id, "Active");
        await (await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, flexible: false, reason: "Mid-term change", baseVersion: 1))).Problem(409);
        Assert.Equal(HttpStatusCode.Created, (await Move(admin, a.Id, "UnderReview")).StatusCode);
        var revised = await (await admin.PutJson($"/api/agreements/{a.Id}", Body(pid, owner, flexible: false, reason: "Agreed at review", baseVersion: 1))).Read<AgreementDto>();
        Assert.Equal(2, revised.CurrentVersion);
    }

    [SkippableFact]
    public async Task PartnerUser_FillsTheirSideOfTheirOwnCharterOnly()
    {
        var (ws, admin) = await Workspace();
        var (pid, partnerId) = await Partnership(admin, "Own side");
        var (otherPid, _) = await Partnership(admin, "Not theirs");
        var ours = new { primaryObjective = "Referrals in Benelux", monthsToFirstValue = 3, resourceCommitments = "Alliance manager", successMetrics = new[] { "Qualified referrals" }, meetingCadence = "Monthly" };
        var staffSaved = await (await admin.PutJson($"/api/partnerships/{pid}/charter", new { ours, version = 0 })).Read<CharterDto>();
        var partner = await ws.AsPartnerUser(partnerId);

        var theirs = new { primaryObjective = "Referrals in Benelux", monthsToFirstValue = 12, successMetrics = new[] { "Qualified referrals" }, meetingCadence = "Monthly" };
        var saved = await (await partner.PutJson($"/api/partnerships/{pid}/charter/partner-side", new { theirs, version = staffSaved.Version })).Read<CharterDto>();
        Assert.Equal("Alliance manager", saved.Ours.ResourceCommitments);
        Assert.Equal(12, saved.Theirs.MonthsToFirstValue);
        Assert.Equal(["resources", "timeline"], saved.Misalignments.Select(m => m.Code).Order());
        // Stale version, bad input, another partnership, the whole charter, staff on the partner route: all refused.
        await (await partner.PutJson($"/api/partnerships/{pid}/charter/partner-side", new { theirs, version = staffSaved.Version })).Problem(409);
        Assert.NotNull((await Errors(await partner.PutJson($"/api/partnerships/{pid}/charter/partner-side", new { theirs = new { monthsToFirstValue = 500 }, version = saved.Version })))["theirs.monthsToFirstValue"]);
        await (await partner.PutJson($"/api/partnerships/{otherPid}/charter/partner-side", new { theirs, version = 0 })).Problem(404);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJson($"/api/partnerships/{pid}/charter", new { ours, theirs, version = saved.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutJson($"/api/partnerships/{pid}/charter/partner-side", new { theirs, version = saved.Version })).StatusCode);
        Assert.Equal(0, (await (await admin.GetAsync($"/api/partnerships/{otherPid}/charter")).Read<CharterDto>()).Version);

        var page = await partner.GetAsync($"/Portal/Charter/{pid}");
        Assert.Contains("Timeline expectations differ", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Portal/Charter/{otherPid}")).StatusCode);
        // Every save of the charter is audited, including the partner's.
        var audited = await InWorkspace(ws.Id, async (db, _) => await db.AuditEntries.CountAsync(e => e.EntityType == nameof(PartnershipCharter)));
        Assert.Equal(2, audited);
    }
}
