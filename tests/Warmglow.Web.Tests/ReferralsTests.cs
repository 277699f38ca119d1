using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteReferralsTests(SqliteApp app) : ReferralsTests<SqliteApp>(app);
public sealed class PostgresReferralsTests(PostgresApp app) : ReferralsTests<PostgresApp>(app);

/// <summary>Deal registration over HTTP: registering, bad input, review and conflicts, stage moves, protection, the job, pages and the denials.</summary>
public abstract class ReferralsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Ref")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    async Task InDb(TestWorkspace ws, Func<WarmglowDb, IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        await work(db, scope.ServiceProvider);
    }

    static readonly DateOnly Future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

    static object Body(int partnershipId, string company = "Acme GmbH", string website = "https://www.acme-test.de/about", string kind = "Deal",
        decimal? amount = 12000m, DateOnly? close = null, string? internalNotes = null) => new
    {
        partnershipId, kind, companyName = company, website, country = "Germany", contactName = "Ann Lee", contactEmail = "ann@acme-test.de",
        amount, currency = "EUR", expectedCloseOn = close ?? Future, notes = "Met them at the fair.", internalNotes,
    };

    static async Task<JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    [SkippableFact]
    public async Task Partner_Registers_BadInputRefused_ManagerApproves_PartnerWorksTheDeal_WinNeedsApproval()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var (pid, partnerId) = await admin.NewPartnershipAsync("Keel");
        var (otherPid, _) = await admin.NewPartnershipAsync("Mast");
        var partner = await ws.AsPartnerUser(partnerId);

        // Bad input: each mistake names its field; nothing is saved.
        var e = await Errors(await partner.PostJson("/api/referrals", new { partnershipId = pid, kind = "Deal", amount = 0, currency = "EUR",
            expectedCloseOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3) }));
        Assert.NotNull(e["companyName"]);
        Assert.NotNull(e["website"]);
        Assert.NotNull(e["amount"]);
        Assert.NotNull(e["expectedCloseOn"]);
        e = await Errors(await partner.PostJson("/api/referrals", Body(pid, website: "bob@acme-test.de")));
        Assert.Contains("not an e-mail address", e["website"]![0]!.GetValue<string>());
        e = await Errors(await partner.PostJson("/api/referrals", Body(otherPid)));
        Assert.Contains("not one of your partnerships", e["partnershipId"]![0]!.GetValue<string>());
        await (await partner.PostJson("/api/referrals", new { })).Problem(400);
        Assert.Empty((await (await manager.GetAsync("/api/referrals")).Read<Paged<RegistrationRow>>()).Items);

        // A good registration; the partner never gets internal notes even when they send some.
        var r = await (await partner.PostJson("/api/referrals", Body(pid, internalNotes: "sneaky"))).Read<RegistrationDto>();
        Assert.Equal(RegistrationStage.Submitted, r.Stage);
        Assert.Equal("acme-test.de", r.Domain);
        Assert.Equal(partnerId, r.PartnerId);
        Assert.False(r.ConflictOpen);
        await (await manager.PutJson($"/api/referrals/{r.Id}/internal-notes", new { internalNotes = "Big account; handle with care.", version = r.Version })).Read<RegistrationDto>();
        var seen = await (await partner.GetAsync($"/api/referrals/{r.Id}")).Read<RegistrationDto>();
        Assert.Null(seen.InternalNotes);
        Assert.DoesNotContain("handle with care", await (await partner.GetAsync($"/api/referrals/{r.Id}")).Content.ReadAsStringAsync());
        Assert.Equal("Big account; handle with care.", (await (await manager.GetAsync($"/api/referrals/{r.Id}")).Read<RegistrationDto>()).InternalNotes);

        // The partner cannot decide or move it before approval; an evaluator cannot decide.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/referrals/{r.Id}/decision", new { outcome = "Approve", version = seen.Version })).StatusCode);
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/referrals/{r.Id}/decision", new { outcome = "Approve", version = seen.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/referrals", Body(pid))).StatusCode);
        await (await partner.PostJson($"/api/referrals/{r.Id}/stage", new { stage = "Qualified", version = seen.Version })).Problem(409);

        // Rejection needs a reason; approval protects for the default 90 days.
        var current = await (await manager.GetAsync($"/api/referrals/{r.Id}")).Read<RegistrationDto>();
        e = await Errors(await manager.PostJson($"/api/referrals/{r.Id}/decision", new { outcome = "Reject", version = current.Version }));
        Assert.NotNull(e["reason"]);
        var approved = await (await manager.PostJson($"/api/referrals/{r.Id}/decision", new { outcome = "Approve", version = current.Version })).Read<RegistrationDto>();
        Assert.Equal(RegistrationStage.Approved, approved.Stage);
        Assert.InRange((approved.ProtectedUntil!.Value - DateTime.UtcNow).TotalDays, 89, 91);
        Assert.Single(approved.Credits, c => c.PartnerId == partnerId && c.Kind == CreditKind.Sourced && c.SharePercent == 100);
        await (await manager.PostJson($"/api/referrals/{r.Id}/decision", new { outcome = "Approve", version = approved.Version })).Problem(409);

        // The partner works their deal: stage and amount; a stale version is a conflict.
        var q = await (await partner.PostJson($"/api/referrals/{r.Id}/stage", new { stage = "Qualified", version = approved.Version })).Read<RegistrationDto>();
        await (await partner.PostJson($"/api/referrals/{r.Id}/stage", new { stage = "Opportunity", version = approved.Version })).Problem(409);
        var o = await (await partner.PostJson($"/api/referrals/{r.Id}/stage", new { stage = "Opportunity", amount = 15000, version = q.Version })).Read<RegistrationDto>();
        Assert.Equal(15000m, o.Amount);
        var won = await (await partner.PostJson($"/api/referrals/{r.Id}/stage", new { stage = "Won", version = o.Version })).Read<RegistrationDto>();
        Assert.True(won.WinAwaitingApproval);
        var before = await (await manager.GetAsync($"/api/referrals/figures?partnershipId={pid}")).Read<FiguresDto>();
        Assert.Empty(before.Won);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/referrals/{r.Id}/approve-win", new { version = won.Version })).StatusCode);
        var ok = await (await manager.PostJson($"/api/referrals/{r.Id}/approve-win", new { version = won.Version })).Read<RegistrationDto>();
        Assert.False(ok.WinAwaitingApproval);
        var figures = await (await manager.GetAsync($"/api/referrals/figures?partnershipId={pid}")).Read<FiguresDto>();
        var eur = Assert.Single(figures.Won);
        Assert.Equal((15000m, 0m), (eur.Sourced, eur.Influenced));
        Assert.Equal(1m, figures.ApprovalRate);

        // Leads are ours to move: the partner is refused.
        var lead = await (await manager.PostJson("/api/referrals", Body(pid, company: "Leadco", website: "leadco-test.com", kind: "Lead"))).Read<RegistrationDto>();
        lead = await (await manager.PostJson($"/api/referrals/{lead.Id}/decision", new { outcome = "Approve", version = lead.Version })).Read<RegistrationDto>();
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/referrals/{lead.Id}/stage", new { stage = "Qualified", version = lead.Version })).StatusCode);
        Assert.Equal(RegistrationStage.Qualified,
            (await (await manager.PostJson($"/api/referrals/{lead.Id}/stage", new { stage = "Qualified", version = lead.Version })).Read<RegistrationDto>()).Stage);

        // Protection extends once, with a reason.
        var l = await (await manager.GetAsync($"/api/referrals/{lead.Id}")).Read<RegistrationDto>();
        await Errors(await manager.PostJson($"/api/referrals/{lead.Id}/extend", new { version = l.Version }));
        var ext = await (await manager.PostJson($"/api/referrals/{lead.Id}/extend", new { reason = "Budget moved to next quarter", version = l.Version })).Read<RegistrationDto>();
        Assert.True(ext.ProtectionExtended);
        Assert.InRange((ext.ProtectedUntil!.Value - DateTime.UtcNow).TotalDays, 179, 181);
        await (await manager.PostJson($"/api/referrals/{lead.Id}/extend", new { reason = "again", version = ext.Version })).Problem(409);

        // Another workspace sees none of it.
        var (other, otherAdmin) = await Workspace("Ref other");
        await (await otherAdmin.GetAsync($"/api/referrals/{r.Id}")).Problem(404);
    }

    [SkippableFact]
    public async Task SameDomain_FromAnotherPartner_IsAHardConflict_ExplainedToStaff_HiddenFromPartners_AndDecidedWithAReason()
    {
        var (ws, admin) = await Workspace("Conflicts");
        var manager = await ws.As(Roles.Manager);
        var (pidA, partnerA) = await admin.NewPartnershipAsync("Anchor");
        var (pidB, partnerB) = await admin.NewPartnershipAsync("Buoy");
        var a = await ws.AsPartnerUser(partnerA);
        var b = await ws.AsPartnerUser(partnerB);

        var first = await (await a.PostJson("/api/referrals", Body(pidA, company: "Northwind Traders", website: "northwind-test.com"))).Read<RegistrationDto>();
        await (await manager.PostJson($"/api/referrals/{first.Id}/decision", new { outcome = "Approve", version = first.Version })).Read<RegistrationDto>();

        // Partner B registers the same company under another spelling and URL: flagged, under review, told nothing about A.
        var second = await (await b.PostJson("/api/referrals", Body(pidB, company: "Northwind Traders AG", website: "https://www.northwind-test.com/contact"))).Read<RegistrationDto>();
        Assert.Equal(RegistrationStage.UnderReview, second.Stage);
        Assert.True(second.ConflictOpen);
        Assert.Contains("already registered", second.ConflictNotice);
        var raw = await (await b.GetAsync($"/api/referrals/{second.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Anchor", raw);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/referrals/{second.Id}/conflicts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/referrals/{first.Id}/conflicts")).StatusCode);
        // Neither partner reads or moves the other's registration.
        await (await b.GetAsync($"/api/referrals/{first.Id}")).Problem(404);
        await (await a.GetAsync($"/api/referrals/{second.Id}")).Problem(404);
        await (await a.PostJson($"/api/referrals/{second.Id}/stage", new { stage = "Lost", version = second.Version })).Problem(404);
        Assert.Single((await (await b.GetAsync("/api/referrals")).Read<Paged<RegistrationRow>>()).Items);

        // Staff see the match, side by side, with why.
        var conflict = Assert.Single(await (await manager.GetAsync($"/api/referrals/{second.Id}/conflicts")).Read<List<ConflictDto>>());
        Assert.True(conflict.Hard);
        Assert.Equal(first.Id, conflict.OtherId);
        Assert.Equal("Anchor", conflict.OtherPartnerName);
        Assert.Contains("northwind-test.com", conflict.Explanation);

        // Exactly one holds protection: approving B is refused; a decision on a conflict needs a reason.
        var refused = await (await manager.PostJson($"/api/referrals/{second.Id}/decision", new { outcome = "Approve", reason = "first come", version = second.Version })).Problem(409);
        Assert.Contains("holds protection", refused["detail"]!.GetValue<string>());
        var e = await Errors(await manager.PostJson($"/api/referrals/{second.Id}/decision", new { outcome = "InfluenceOnly", version = second.Version }));
        Assert.NotNull(e["reason"]);
        var decided = await (await manager.PostJson($"/api/referrals/{second.Id}/decision",
            new { outcome = "InfluenceOnly", reason = "Anchor registered first; Buoy brings the integration.", version = second.Version })).Read<RegistrationDto>();
        Assert.True(decided.InfluenceOnly);
        Assert.Null(decided.ProtectedUntil);
        Assert.False(decided.ConflictOpen);
        var recorded = Assert.Single(await (await manager.GetAsync($"/api/referrals/{second.Id}/conflicts")).Read<List<ConflictDto>>());
        Assert.Equal(ReviewOutcome.InfluenceOnly, recorded.Decision);
        Assert.Contains("integration", recorded.Reason);

        // The same partner registering it again is flagged (soft: their own) and can be rejected as a duplicate.
        var again = await (await a.PostJson("/api/referrals", Body(pidA, company: "Northwind", website: "northwind-test.com"))).Read<RegistrationDto>();
        Assert.True(again.ConflictOpen);
        var own = await (await manager.GetAsync($"/api/referrals/{again.Id}/conflicts")).Read<List<ConflictDto>>();
        Assert.Contains(own, c => c.SamePartner && !c.Hard);
        var dup = await (await manager.PostJson($"/api/referrals/{again.Id}/decision", new { outcome = "RejectAsDuplicate", reason = "Registered twice", version = again.Version })).Read<RegistrationDto>();
        Assert.Equal(RegistrationStage.Rejected, dup.Stage);

        // Credit: shares must add up to 100 and name partners of the partnership.
        var c1 = await (await manager.GetAsync($"/api/referrals/{first.Id}")).Read<RegistrationDto>();
        e = await Errors(await manager.PutJson($"/api/referrals/{first.Id}/credits", new { credits = new[] { new { partnerId = partnerA, kind = "Sourced", sharePercent = 60 } }, version = c1.Version }));
        Assert.Contains("100%", e["credits"]![0]!.GetValue<string>());
        e = await Errors(await manager.PutJson($"/api/referrals/{first.Id}/credits", new { credits = new[] { new { partnerId = partnerB, kind = "Sourced", sharePercent = 100 } }, version = c1.Version }));
        Assert.Contains("partners of this partnership", e["credits"]![0]!.GetValue<string>());

        // The export has every registration, and the partner may not export.
        var csv = await manager.GetStringAsync("/api/referrals/export.csv");
        Assert.StartsWith("id,partnership,partner,kind,stage,company", csv);
        Assert.Contains("Northwind Traders AG", csv);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync("/api/referrals/export.csv")).StatusCode);
    }

    [SkippableFact]
    public async Task Pass_ExpiresEndedProtection_AndOpensOneReviewTaskPastTheSla_Idempotently()
    {
        var (ws, admin) = await Workspace("Pass");
        var manager = await ws.As(Roles.Manager);
        var (pid, partnerId) = await admin.NewPartnershipAsync("Pier");
        var partner = await ws.AsPartnerUser(partnerId);
        var expiring = await (await partner.PostJson("/api/referrals", Body(pid, company: "Oldco", website: "oldco-test.com"))).Read<RegistrationDto>();
        await (await manager.PostJson($"/api/referrals/{expiring.Id}/decision", new { outcome = "Approve", version = expiring.Version })).Read<RegistrationDto>();
        var waiting = await (await partner.PostJson("/api/referrals", Body(pid, company: "Slowco", website: "slowco-test.com"))).Read<RegistrationDto>();
        await InDb(ws, async (db, _) =>
        {
            await db.Registrations.Where(r => r.Id == expiring.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ProtectedUntil, DateTime.UtcNow.AddMinutes(-1)));
            await db.Registrations.Where(r => r.Id == waiting.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, DateTime.UtcNow.AddDays(-10)));
        });
        ReferralService.PassResult? firstPass = null, secondPass = null;
        await InDb(ws, async (_, sp) => firstPass = await sp.GetRequiredService<ReferralService>().RunPassAsync());
        await InDb(ws, async (_, sp) => secondPass = await sp.GetRequiredService<ReferralService>().RunPassAsync());
        Assert.Equal(new ReferralService.PassResult(1, 1), firstPass);
        Assert.Equal(new ReferralService.PassResult(0, 0), secondPass);
        Assert.Equal(RegistrationStage.Expired, (await (await partner.GetAsync($"/api/referrals/{expiring.Id}")).Read<RegistrationDto>()).Stage);
        await InDb(ws, async (db, _) =>
        {
            var task = await db.Tasks.SingleAsync(t => t.SourceKey == ReferralService.ReviewTaskKey(waiting.Id));
            Assert.Equal($"/Referrals/Details/{waiting.Id}", task.Link);
        });
        // Deciding closes the review task.
        var w = await (await manager.GetAsync($"/api/referrals/{waiting.Id}")).Read<RegistrationDto>();
        await (await manager.PostJson($"/api/referrals/{waiting.Id}/decision", new { outcome = "Reject", reason = "Already a customer", version = w.Version })).Read<RegistrationDto>();
        await InDb(ws, async (db, _) =>
            Assert.Equal(Features.Tasks.WorkTaskStatus.Done, (await db.Tasks.SingleAsync(t => t.SourceKey == ReferralService.ReviewTaskKey(waiting.Id))).Status));

        // Settings: only the allowed windows; evaluators may not change them.
        var s = await (await manager.GetAsync("/api/referrals/settings")).Read<SettingsDto>();
        Assert.Equal((90, 2, 0), (s.ProtectionDays!.Value, s.ReviewSlaBusinessDays, s.Version));
        await Errors(await manager.PutJson("/api/referrals/settings", new { protectionDays = 45, reviewSlaBusinessDays = 2, version = 0 }));
        var saved = await (await manager.PutJson("/api/referrals/settings", new { protectionDays = (int?)null, reviewSlaBusinessDays = 3, version = 0 })).Read<SettingsDto>();
        Assert.Null(saved.ProtectionDays);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PutJson("/api/referrals/settings", new { protectionDays = 30, reviewSlaBusinessDays = 2, version = saved.Version })).StatusCode);
    }

    [SkippableFact]
    public async Task Pages_StaffAndPortal_RegisterThroughTheForms_AndPartnersCannotOpenStaffPages()
    {
        var (ws, admin) = await Workspace("Pages");
        var manager = await ws.As(Roles.Manager);
        var (pid, partnerId) = await admin.NewPartnershipAsync("Quay");
        var partner = await ws.AsPartnerUser(partnerId);

        // The portal form: a bad website shows inline, a good one registers.
        var bad = await partner.PostFormAsync("/Portal/Referrals/New", "/Portal/Referrals/New", [new("Input.PartnershipId", pid.ToString()), new("Input.Kind", "Deal"),
            new("Input.CompanyName", "Formco"), new("Input.Website", "me@formco-test.com")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("not an e-mail address", await bad.Content.ReadAsStringAsync());
        var good = await partner.PostFormAsync("/Portal/Referrals/New", "/Portal/Referrals/New", [new("Input.PartnershipId", pid.ToString()), new("Input.Kind", "Deal"),
            new("Input.CompanyName", "Formco"), new("Input.Website", "formco-test.com"), new("Input.Amount", "5000"), new("Input.Currency", "EUR")]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var id = int.Parse(good.Headers.Location!.ToString().Split('/')[^1]);
        Assert.Contains("Formco", await partner.GetStringAsync("/Portal/Referrals"));
        Assert.Contains("Our team reviews it", await partner.GetStringAsync($"/Portal/Referrals/Details/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/Referrals")).StatusCode);

        // Staff: the list, the details and the decision form.
        Assert.Contains("Formco", await manager.GetStringAsync("/Referrals?AwaitingReview=true"));
        var details = await manager.GetStringAsync($"/Referrals/Details/{id}");
        Assert.Contains("Record the decision", details);
        var decided = await manager.PostFormAsync($"/Referrals/Details/{id}", $"/Referrals/Details/{id}?handler=Decide",
            [new("Outcome", "Reject"), new("Version", "1")]);
        Assert.Contains("reason", (await decided.Content.ReadAsStringAsync()).ToLowerInvariant());
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.DoesNotContain("Record the decision", await evaluator.GetStringAsync($"/Referrals/Details/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/Referrals/New")).StatusCode);
        Assert.Contains("Register a lead or deal", await manager.GetStringAsync("/Referrals/New"));
    }
}
