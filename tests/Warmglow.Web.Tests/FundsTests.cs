using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Funds;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Features.Funds;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteFundsTests(SqliteApp app) : FundsTests<SqliteApp>(app);
public sealed class PostgresFundsTests(PostgresApp app) : FundsTests<PostgresApp>(app)
{
    /// <summary>Concurrency is tested where it matters, on real PostgreSQL (SQLite serializes its writers).</summary>
    [SkippableFact]
    public Task Races_OnPostgres_NeverTakeABalanceBelowZero() => RacesNeverTakeABalanceBelowZero();
}

/// <summary>Co-investment funds over HTTP: validation, allocations, the balance, approval limits, claims with proof, payment, idempotency, expiry, denials, races.</summary>
public abstract class FundsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    async Task<(TestWorkspace Ws, HttpClient Manager)> Workspace(string name = "Funds")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Manager));
    }

    async Task<T> InDb<T>(TestWorkspace ws, Func<WarmglowDb, IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        return await work(db, scope.ServiceProvider);
    }

    static async Task<JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    static object NewFund(int? partnershipId = null, decimal amount = 10000m, decimal? managerLimit = 500m, decimal? executiveLimit = 2000m) => new
    {
        name = "MDF 2026", kind = "MarketDevelopment", partnershipId, currency = "EUR", amount,
        startsOn = Today.AddDays(-30), endsOn = Today.AddDays(60), claimDeadline = Today.AddDays(90),
        vendorShare = 70m, partnerShare = 30m, managerApprovalLimit = managerLimit, executiveApprovalLimit = executiveLimit,
    };

    static object NewRequest(int partnershipId, decimal amount, bool submit = true) => new
    {
        partnershipId, activity = "Webinar", title = "Joint webinar", amount, plannedStart = Today.AddDays(5), plannedEnd = Today.AddDays(6),
        expectedOutcome = "40 qualified leads", submit,
    };

    static async Task<FundDto> CreateFund(HttpClient manager, object? body = null) => await (await manager.PostJson("/api/funds", body ?? NewFund())).Read<FundDto>();

    static async Task<AllocationDto> Allocate(HttpClient manager, int fundId, int partnershipId, decimal amount) =>
        await (await manager.PostJson($"/api/funds/{fundId}/allocations", new { partnershipId, amount })).Read<AllocationDto>();

    static MultipartFormDataContent File(string name, byte[] bytes, string type = "application/pdf")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    static readonly byte[] Pdf = "%PDF-1.4\n% invoice\n"u8.ToArray();

    [SkippableFact]
    public async Task Fund_ValidatesEachField_AndAllocationsNeverExceedTheFund()
    {
        var (ws, manager) = await Workspace();
        var (a, _) = await manager.NewPartnershipAsync("Lumen");
        var (b, _) = await manager.NewPartnershipAsync("Orbit");

        var e = await Errors(await manager.PostJson("/api/funds", new
        {
            name = "", kind = "PilotBudget", currency = "XXX", amount = -1m, startsOn = Today, endsOn = Today.AddDays(-1), claimDeadline = Today.AddDays(-2),
            vendorShare = 70m, partnerShare = 20m,
        }));
        foreach (var field in new[] { "name", "currency", "amount", "endsOn", "claimDeadline", "partnerShare" }) Assert.NotNull(e[field]);
        e = await Errors(await manager.PostJson("/api/funds", new { name = "x", kind = "PilotBudget", currency = "EUR", amount = 10.005m,
            startsOn = Today, endsOn = Today, claimDeadline = Today, vendorShare = 100m, partnerShare = 0m }));
        Assert.Contains("at most 2 decimals", e["amount"]![0]!.GetValue<string>());
        Assert.Equal(0, await InDb(ws, (db, _) => db.Funds.CountAsync()));

        var fund = await CreateFund(manager, NewFund(amount: 1000m));
        Assert.Equal("Market development", fund.Summary.KindName);
        await Allocate(manager, fund.Summary.Id, a, 600m);
        e = await Errors(await manager.PostJson($"/api/funds/{fund.Summary.Id}/allocations", new { partnershipId = b, amount = 400.01m }));
        Assert.Contains("left to allocate (400.00 EUR)", e["amount"]![0]!.GetValue<string>());
        await Errors(await manager.PostJson($"/api/funds/{fund.Summary.Id}/allocations", new { partnershipId = b, amount = 0m }));
        await Allocate(manager, fund.Summary.Id, b, 400m);
        var read = await (await manager.GetAsync($"/api/funds/{fund.Summary.Id}")).Read<FundDto>();
        Assert.Equal(1000m, read.Summary.Allocated);
        Assert.Equal(0m, read.Summary.Unallocated);
        Assert.Equal(1000m, read.Totals.Available);
        Assert.Equal(2, read.Allocations.Total);

        // A fund for one partnership allocates to that partnership only.
        var own = await CreateFund(manager, NewFund(partnershipId: a));
        e = await Errors(await manager.PostJson($"/api/funds/{own.Summary.Id}/allocations", new { partnershipId = b, amount = 10m }));
        Assert.Contains("not the partnership this fund is for", e["partnershipId"]![0]!.GetValue<string>());

        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/funds", NewFund())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/funds/{fund.Summary.Id}/allocations", new { partnershipId = a, amount = 1m })).StatusCode);
        var other = await (await app.CreateWorkspaceAsync("Elsewhere")).As(Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/funds/{fund.Summary.Id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Request_Approval_Claim_Payment_MoveTheBalanceExactly_WithLimitsAndIdempotency()
    {
        var (ws, manager) = await Workspace();
        var (p, _) = await manager.NewPartnershipAsync("Tidal");
        var fund = await CreateFund(manager);
        var allocation = await Allocate(manager, fund.Summary.Id, p, 1000m);
        var url = $"/api/funds/{fund.Summary.Id}/requests";

        // Input rules: amount, dates within the fund's period, more than available.
        var e = await Errors(await manager.PostJson(url, new { partnershipId = p, activity = "Webinar", title = "", amount = 0m,
            plannedStart = Today.AddDays(-60), plannedEnd = Today.AddDays(70) }));
        foreach (var field in new[] { "title", "amount", "plannedStart", "plannedEnd" }) Assert.NotNull(e[field]);
        e = await Errors(await manager.PostJson(url, NewRequest(p, 1000.01m)));
        Assert.Contains("available (1,000.00 EUR)", e["amount"]![0]!.GetValue<string>());

        // The request pays for an initiative that has spent 1,000.00 EUR outside the fund so far.
        var me = (await (await manager.GetAsync("/api/me")).Read<JsonNode>())["id"]!.GetValue<string>();
        var initiative = await (await manager.PostJson("/api/initiatives", new
        {
            partnershipId = p, kind = "Webinar", title = "Joint webinar", goal = "Leads", shared = true, ourOwnerId = me, currency = "EUR",
            ourBudget = 2000m, partnerBudget = 0m, spent = 1000m, fields = new Dictionary<string, string> { ["date"] = "2026-07-01" },
        })).Read<Warmglow.Web.Features.Initiatives.InitiativeDto>();
        var big = await (await manager.PostJson(url, new
        {
            partnershipId = p, activity = "Webinar", title = "Joint webinar", initiativeId = initiative.Summary.Id, amount = 800m,
            plannedStart = Today.AddDays(5), plannedEnd = Today.AddDays(6), expectedOutcome = "40 qualified leads", submit = true,
        })).Read<RequestDto>();
        Assert.Equal(FundStatus.Submitted, big.Summary.Status);
        Assert.Equal(800m, big.AllocationBalance.Pending);
        Assert.Equal(200m, big.AllocationBalance.Available);
        var draft = await (await manager.PostJson(url, NewRequest(p, 300m, submit: false))).Read<RequestDto>();
        Assert.Equal(200m, draft.AllocationBalance.Available); // drafts do not count
        e = await Errors(await manager.PostJson($"/api/fund-requests/{draft.Summary.Id}/submit", new { version = draft.Summary.Version }));
        Assert.Contains("available (200.00 EUR)", e["amount"]![0]!.GetValue<string>());

        // Approval: a reason is required; the manager's limit (500) is below 800; the executive (2000) approves.
        await Errors(await manager.PostJson($"/api/fund-requests/{big.Summary.Id}/decision", new { decision = "Approve", version = big.Summary.Version }));
        var refused = await (await manager.PostJson($"/api/fund-requests/{big.Summary.Id}/decision", new { decision = "Approve", reason = "Good plan", version = big.Summary.Version })).Problem(403);
        Assert.Contains("above your approval limit of 500.00 EUR", refused["detail"]!.GetValue<string>());
        var exec = await ws.As(Roles.Executive);
        var approved = await (await exec.PostJson($"/api/fund-requests/{big.Summary.Id}/decision", new { decision = "Approve", reason = "Good plan", version = big.Summary.Version })).Read<RequestDto>();
        Assert.Equal(FundStatus.Approved, approved.Summary.Status);
        Assert.Equal(800m, approved.AllocationBalance.Reserved);
        Assert.Equal(0m, approved.AllocationBalance.Pending);
        await (await exec.PostJson($"/api/fund-requests/{big.Summary.Id}/decision", new { decision = "Approve", reason = "Again", version = approved.Summary.Version })).Problem(409);
        var evaluator = await ws.As(Roles.Evaluator);
        await (await evaluator.PostJson($"/api/fund-requests/{big.Summary.Id}/decision", new { decision = "Reject", reason = "x", version = approved.Summary.Version })).Problem(403);

        // A claim: not above the approved amount; proof type and size checked; the same key twice is one claim.
        var claims = $"/api/fund-requests/{big.Summary.Id}/claims";
        e = await Errors(await manager.PostJson(claims, new { spent = 800.01m, idempotencyKey = "c-1" }));
        Assert.Contains("more than the approved 800.00 EUR", e["spent"]![0]!.GetValue<string>());
        var first = await manager.PostJson(claims, new { spent = 650.50m, note = "Venue and ads", idempotencyKey = "c-1" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var claim = await first.Read<ClaimDto>();
        var again = await manager.PostJson(claims, new { spent = 650.50m, idempotencyKey = "c-1" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(claim.Id, (await again.Read<ClaimDto>()).Id);
        Assert.Equal(1, await InDb(ws, (db, _) => db.FundClaims.CountAsync()));

        await Errors(await manager.PostJson($"/api/fund-claims/{claim.Id}/submit", new { version = claim.Version })); // no proof yet
        var proofs = $"/api/fund-claims/{claim.Id}/proofs";
        await Errors(await manager.PostAsync(proofs, File("tool.exe", "MZ...."u8.ToArray(), "application/octet-stream")));
        await Errors(await manager.PostAsync(proofs, File("fake.png", Pdf, "image/png")));
        await Errors(await manager.PostAsync(proofs, File("big.pdf", [.. Pdf, .. new byte[FundRules.MaxProofBytes]])));
        var proof = await (await manager.PostAsync(proofs, File("../../etc/invoice.pdf", Pdf))).Read<ProofDto>();
        Assert.Equal("invoice.pdf", proof.FileName);
        var download = await manager.GetAsync($"{proofs}/{proof.Id}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var submitted = await (await manager.PostJson($"/api/fund-claims/{claim.Id}/submit", new { version = claim.Version })).Read<ClaimDto>();
        Assert.Equal(FundStatus.Submitted, submitted.Status);
        await Errors(await manager.PostJson($"/api/fund-claims/{claim.Id}/review", new { decision = "AskForInfo", version = submitted.Version }));
        var needs = await (await manager.PostJson($"/api/fund-claims/{claim.Id}/review", new { decision = "AskForInfo", reason = "Add the attendee list", version = submitted.Version })).Read<ClaimDto>();
        Assert.Equal("Needs more information", needs.StatusName);
        await (await manager.PostAsync(proofs, File("attendees.csv", "name,email\nAda,ada@example.com\n"u8.ToArray(), "text/csv"))).Read<ProofDto>();
        var resubmitted = await (await manager.PostJson($"/api/fund-claims/{claim.Id}/submit", new { version = needs.Version })).Read<ClaimDto>();
        // Paying before approval is refused; then approve and pay; paying again with the same key changes nothing.
        await (await manager.PostJson($"/api/fund-claims/{claim.Id}/payment", new { paidOn = Today, reference = "PAY-1", idempotencyKey = "p-1", version = resubmitted.Version })).Problem(409);
        var ok = await (await manager.PostJson($"/api/fund-claims/{claim.Id}/review", new { decision = "Approve", version = resubmitted.Version })).Read<ClaimDto>();
        await Errors(await manager.PostJson($"/api/fund-claims/{claim.Id}/payment", new { paidOn = Today.AddDays(3), reference = "", idempotencyKey = "p-1", version = ok.Version }));
        await (await exec.PostJson($"/api/fund-claims/{claim.Id}/payment", new { paidOn = Today, reference = "PAY-1", idempotencyKey = "p-1", version = ok.Version })).Problem(403);
        var paid = await (await manager.PostJson($"/api/fund-claims/{claim.Id}/payment", new { paidOn = Today, reference = "PAY-1", idempotencyKey = "p-1", version = ok.Version })).Read<ClaimDto>();
        Assert.Equal(FundStatus.Paid, paid.Status);
        var twice = await (await manager.PostJson($"/api/fund-claims/{claim.Id}/payment", new { paidOn = Today, reference = "PAY-1", idempotencyKey = "p-1", version = ok.Version })).Read<ClaimDto>();
        Assert.Equal(paid.Version, twice.Version);
        await (await manager.PostJson($"/api/fund-claims/{claim.Id}/payment", new { paidOn = Today, reference = "PAY-2", idempotencyKey = "p-2", version = paid.Version })).Problem(409);

        // The initiative's cost now includes what the fund paid: 1,000.00 + 650.50, and its ROI uses it.
        var costed = await (await manager.GetAsync($"/api/initiatives/{initiative.Summary.Id}")).Read<Warmglow.Web.Features.Initiatives.InitiativeDto>();
        Assert.Equal(650.50m, costed.FundsPaid);
        Assert.Equal(1650.50m, costed.TotalSpent);
        Assert.Equal(-1m, costed.Roi);
        var rollup = await (await manager.GetAsync($"/api/partnerships/{p}/initiatives")).Read<JsonNode>();
        Assert.Equal(1650.50m, rollup["roi"]![0]!["spent"]!.GetValue<decimal>());
        Assert.Contains("Paid from co-investment funds", await manager.GetStringAsync($"/Initiatives/{initiative.Summary.Id}"));

        // The balance: 650.50 paid, the other 149.50 returned; the draft (300) now fits.
        var after = await (await manager.GetAsync($"/api/fund-requests/{big.Summary.Id}")).Read<RequestDto>();
        Assert.Equal(FundStatus.Paid, after.Summary.Status);
        Assert.Equal(650.50m, after.Summary.PaidAmount);
        Assert.Equal(new BalanceDto(1000m, 0m, 0m, 650.50m, 0m, 349.50m), after.AllocationBalance);
        var d2 = await (await manager.PostJson($"/api/fund-requests/{draft.Summary.Id}/submit", new { version = draft.Summary.Version })).Read<RequestDto>();
        Assert.Equal(49.50m, d2.AllocationBalance.Available);
        var cancelled = await (await manager.PostJson($"/api/fund-requests/{draft.Summary.Id}/cancel", new { reason = "Moved to Q3", version = d2.Summary.Version })).Read<RequestDto>();
        Assert.Equal(349.50m, cancelled.AllocationBalance.Available);

        var dashboard = await (await manager.GetAsync($"/api/funds/{fund.Summary.Id}")).Read<FundDto>();
        Assert.Equal(650.50m, dashboard.Totals.Paid);
        Assert.Equal(650.50m, dashboard.SpendByActivity.Single().Paid);
        Assert.Equal(500m, dashboard.MyApprovalLimit);

        // Every state change is in the audit log.
        var audited = await InDb(ws, (db, _) => db.Set<AuditEntry>().Where(x => x.EntityType == nameof(FundRequest) && x.EntityId == big.Summary.Id.ToString()).CountAsync());
        Assert.True(audited >= 3, $"request audit entries: {audited}");
        Assert.True(await InDb(ws, (db, _) => db.Set<AuditEntry>().AnyAsync(x => x.EntityType == nameof(FundClaim) && x.After!.Contains("Paid"))));
        _ = allocation;
    }

    [SkippableFact]
    public async Task PartnerUsers_SeeAndActOnlyOnTheirOwnPartnership_AndNothingIsWritten()
    {
        var (ws, manager) = await Workspace();
        var (a, partnerA) = await manager.NewPartnershipAsync("Cedar");
        var (b, _) = await manager.NewPartnershipAsync("Birch");
        var fund = await CreateFund(manager);
        await Allocate(manager, fund.Summary.Id, a, 500m);
        await Allocate(manager, fund.Summary.Id, b, 500m);
        var otherFund = await CreateFund(manager);
        await Allocate(manager, otherFund.Summary.Id, b, 100m);
        var theirs = await (await manager.PostJson($"/api/funds/{fund.Summary.Id}/requests", NewRequest(b, 100m))).Read<RequestDto>();

        var partner = await ws.AsPartnerUser(partnerA);
        var list = await (await partner.GetAsync("/api/funds")).Read<Paged<FundSummary>>();
        Assert.Equal([fund.Summary.Id], list.Items.Select(f => f.Id));
        var seen = await (await partner.GetAsync($"/api/funds/{fund.Summary.Id}")).Read<FundDto>();
        Assert.Equal([a], seen.Allocations.Items.Select(x => x.PartnershipId));
        Assert.Equal(500m, seen.Totals.Allocated);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/funds/{otherFund.Summary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/fund-requests/{theirs.Summary.Id}")).StatusCode);

        var before = await InDb(ws, (db, _) => db.FundRequests.CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJson($"/api/funds/{fund.Summary.Id}/requests", NewRequest(b, 10m))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJson($"/api/funds/{otherFund.Summary.Id}/requests", NewRequest(b, 10m))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJson($"/api/fund-requests/{theirs.Summary.Id}/cancel", new { version = theirs.Summary.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostJson($"/api/fund-requests/{theirs.Summary.Id}/claims", new { spent = 1m })).StatusCode);
        Assert.Equal(before, await InDb(ws, (db, _) => db.FundRequests.CountAsync()));

        // Their own: request, but never decide, review or pay.
        var mine = await (await partner.PostJson($"/api/funds/{fund.Summary.Id}/requests", NewRequest(a, 120m))).Read<RequestDto>();
        Assert.Equal(380m, mine.AllocationBalance.Available);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/fund-requests/{mine.Summary.Id}/decision", new { decision = "Approve", reason = "me", version = mine.Summary.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson("/api/funds", NewFund())).StatusCode);
        var mineRead = await (await partner.GetAsync($"/api/partnerships/{a}/funds")).Read<List<PartnershipFund>>();
        Assert.Equal(380m, mineRead.Single().Allocation.Balance.Available);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/partnerships/{b}/funds")).StatusCode);
    }

    [SkippableFact]
    public async Task ExpiryPass_ExpiresUnusedAllocationsAndUnclaimedApprovals_Once_AndRemindsBeforeTheDeadline()
    {
        var (ws, manager) = await Workspace();
        var (p, partnerId) = await manager.NewPartnershipAsync("Maple");
        await ws.NewUserAsync(Roles.Partner, partnerId); // someone to remind
        var admin = await ws.As(Roles.Admin);
        var fund = await CreateFund(manager);
        await Allocate(manager, fund.Summary.Id, p, 1000m);
        var url = $"/api/funds/{fund.Summary.Id}/requests";
        var approved = await (await manager.PostJson(url, NewRequest(p, 300m))).Read<RequestDto>();
        approved = await (await admin.PostJson($"/api/fund-requests/{approved.Summary.Id}/decision", new { decision = "Approve", reason = "Fine", version = approved.Summary.Version })).Read<RequestDto>();
        var pending = await (await manager.PostJson(url, NewRequest(p, 200m))).Read<RequestDto>();

        // The deadline is near: one reminder, however often the pass runs.
        await InDb(ws, (db, _) => db.Funds.Where(f => f.Id == fund.Summary.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimDeadline, Today.AddDays(3)).SetProperty(f => f.EndsOn, Today.AddDays(2))));
        var first = await InDb(ws, (_, sp) => sp.GetRequiredService<FundService>().RunExpiryAsync());
        await InDb(ws, (_, sp) => sp.GetRequiredService<FundService>().RunExpiryAsync());
        Assert.Equal(1, first.Reminders);
        var reminders = await InDb(ws, (db, _) => db.Set<Warmglow.Web.Features.Notifications.Notification>().IgnoreQueryFilters()
            .CountAsync(n => n.WorkspaceId == ws.Id && n.Event == "fund.claim.reminder"));
        Assert.Equal(1, reminders);
        var again = await InDb(ws, (db, _) => db.Set<Warmglow.Web.Features.Notifications.Notification>().IgnoreQueryFilters()
            .CountAsync(n => n.WorkspaceId == ws.Id && n.Event == "fund.claim.reminder"));
        Assert.Equal(reminders, again);

        // Past the end and the claim deadline: the pending request, the unclaimed approval and the unused rest expire.
        await InDb(ws, (db, _) => db.Funds.Where(f => f.Id == fund.Summary.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimDeadline, Today.AddDays(-1)).SetProperty(f => f.EndsOn, Today.AddDays(-2))));
        var result = await InDb(ws, (_, sp) => sp.GetRequiredService<FundService>().RunExpiryAsync());
        Assert.Equal(2, result.RequestsExpired);
        Assert.Equal(1, result.AllocationsExpired);
        var second = await InDb(ws, (_, sp) => sp.GetRequiredService<FundService>().RunExpiryAsync());
        Assert.Equal(new ExpiryResult(0, 0, 0, 0), second);
        var read = await (await manager.GetAsync($"/api/fund-requests/{approved.Summary.Id}")).Read<RequestDto>();
        Assert.Equal(FundStatus.Expired, read.Summary.Status);
        Assert.Equal(new BalanceDto(1000m, 0m, 0m, 0m, 1000m, 0m), read.AllocationBalance);
        Assert.Equal(FundStatus.Expired, (await (await manager.GetAsync($"/api/fund-requests/{pending.Summary.Id}")).Read<RequestDto>()).Summary.Status);
        await (await manager.PostJson($"/api/fund-requests/{approved.Summary.Id}/claims", new { spent = 10m })).Problem(409);
        await Errors(await manager.PostJson(url, NewRequest(p, 10m)));
        Assert.True(await InDb(ws, (db, _) => db.Set<AuditEntry>().AnyAsync(x => x.EntityType == nameof(FundRequest) && x.After!.Contains("Expired"))));
    }

    protected async Task RacesNeverTakeABalanceBelowZero()
    {
        var (ws, manager) = await Workspace();
        var (p, _) = await manager.NewPartnershipAsync("Aspen");
        var (q, _) = await manager.NewPartnershipAsync("Rowan");
        var fund = await CreateFund(manager, NewFund(amount: 1000m, managerLimit: 1000m));
        var second = await ws.As(Roles.Admin);

        // Two allocations racing for more than the fund has: one wins.
        var allocations = await Task.WhenAll(
            manager.PostJson($"/api/funds/{fund.Summary.Id}/allocations", new { partnershipId = p, amount = 600m }),
            second.PostJson($"/api/funds/{fund.Summary.Id}/allocations", new { partnershipId = q, amount = 600m }));
        Assert.Single(allocations, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(allocations, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        var winner = allocations[0].StatusCode == HttpStatusCode.Created ? p : q;
        Assert.Equal(600m, await InDb(ws, (db, _) => db.Funds.Where(f => f.Id == fund.Summary.Id).Select(f => f.Allocated).SingleAsync()));

        // Requests racing for the same allocation: never more pending than allocated, across many rounds.
        for (var round = 0; round < 3; round++)
        {
            var drafts = new List<RequestDto>();
            for (var i = 0; i < 4; i++) drafts.Add(await (await manager.PostJson($"/api/funds/{fund.Summary.Id}/requests", NewRequest(winner, 100m, submit: false))).Read<RequestDto>());
            var clients = new[] { manager, second };
            var submits = await Task.WhenAll(drafts.Select((d, i) => clients[i % 2].PostJson($"/api/fund-requests/{d.Summary.Id}/submit", new { version = d.Summary.Version })));
            Assert.All(submits, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        }
        var balance = await InDb(ws, (db, _) => db.FundAllocations.Where(a => a.FundId == fund.Summary.Id).Select(a => new { a.Amount, a.Pending, a.Reserved }).SingleAsync());
        var pendingRows = await InDb(ws, (db, _) => db.FundRequests.Where(r => r.FundId == fund.Summary.Id && r.Status == FundStatus.Submitted).SumAsync(r => r.Amount));
        Assert.Equal(pendingRows, balance.Pending);
        Assert.True(balance.Pending <= balance.Amount, $"pending {balance.Pending} of {balance.Amount}");

        // Two approvers approving the same request at once: it is reserved once.
        var one = await InDb(ws, (db, _) => db.FundRequests.Where(r => r.FundId == fund.Summary.Id && r.Status == FundStatus.Submitted).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Version }).FirstAsync());
        var decisions = await Task.WhenAll(
            manager.PostJson($"/api/fund-requests/{one.Id}/decision", new { decision = "Approve", reason = "A", version = one.Version }),
            second.PostJson($"/api/fund-requests/{one.Id}/decision", new { decision = "Approve", reason = "B", version = one.Version }));
        Assert.Single(decisions, r => r.StatusCode == HttpStatusCode.OK);
        var after = await InDb(ws, (db, _) => db.FundAllocations.Where(a => a.FundId == fund.Summary.Id).Select(a => new { a.Amount, a.Pending, a.Reserved }).SingleAsync());
        Assert.Equal(100m, after.Reserved);
        Assert.Equal(balance.Pending - 100m, after.Pending);
    }

    [SkippableFact]
    public async Task Pages_FundList_Dashboard_Request_PartnershipSection_AndPortal()
    {
        var (ws, manager) = await Workspace();
        var (p, partnerId) = await manager.NewPartnershipAsync("Willow");
        var (q, _) = await manager.NewPartnershipAsync("Hazel");
        Assert.Contains("No funds yet", await manager.GetStringAsync("/Funds"));
        var bad = await manager.PostFormAsync("/Funds", "/Funds", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Kind"] = "PilotBudget", ["Input.Currency"] = "EUR", ["Input.Amount"] = "10.001",
            ["Input.StartsOn"] = Today.ToString("yyyy-MM-dd"), ["Input.EndsOn"] = Today.AddDays(30).ToString("yyyy-MM-dd"),
            ["Input.ClaimDeadline"] = Today.AddDays(40).ToString("yyyy-MM-dd"), ["Input.VendorShare"] = "60", ["Input.PartnerShare"] = "40",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Name is required", badHtml);
        Assert.Contains("at most 2 decimals", badHtml);
        var ok = await manager.PostFormAsync("/Funds", "/Funds", new Dictionary<string, string>
        {
            ["Input.Name"] = "Pilot budget", ["Input.Kind"] = "PilotBudget", ["Input.Currency"] = "EUR", ["Input.Amount"] = "5000",
            ["Input.StartsOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd"), ["Input.EndsOn"] = Today.AddDays(30).ToString("yyyy-MM-dd"),
            ["Input.ClaimDeadline"] = Today.AddDays(40).ToString("yyyy-MM-dd"), ["Input.VendorShare"] = "60", ["Input.PartnerShare"] = "40",
            ["Input.ManagerApprovalLimit"] = "1000",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var fundUrl = ok.Headers.Location!.ToString();
        var fundId = int.Parse(fundUrl.Split('/').Last());
        Assert.Contains("Nothing is allocated yet", await manager.GetStringAsync(fundUrl));
        var alloc = await manager.PostFormAsync(fundUrl, $"{fundUrl}?handler=Allocate", new Dictionary<string, string> { ["AllocatePartnershipId"] = p.ToString(), ["AllocateAmount"] = "2000" });
        Assert.Equal(HttpStatusCode.Redirect, alloc.StatusCode);
        var dashboard = await manager.GetStringAsync(fundUrl);
        Assert.Contains("2,000.00 EUR", dashboard);
        Assert.Contains("up to 1,000.00 EUR per request", dashboard);
        Assert.Contains("Pilot budget", await manager.GetStringAsync($"/Partnerships/{p}"));

        var other = await CreateFund(manager);
        await Allocate(manager, other.Summary.Id, q, 100m);

        var partner = await ws.AsPartnerUser(partnerId);
        Assert.Contains("Pilot budget", await partner.GetStringAsync("/Portal"));
        Assert.Contains("Your balance", await partner.GetStringAsync($"/Portal/Funds/{fundId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Portal/Funds/{other.Summary.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync(fundUrl)).StatusCode);
        var sent = await partner.PostFormAsync($"/Portal/Funds/{fundId}", $"/Portal/Funds/{fundId}", new Dictionary<string, string>
        {
            ["Input.PartnershipId"] = p.ToString(), ["Input.Activity"] = "Pilot", ["Input.Title"] = "Clinic pilot", ["Input.Amount"] = "750",
            ["Input.PlannedStart"] = Today.AddDays(2).ToString("yyyy-MM-dd"), ["Input.PlannedEnd"] = Today.AddDays(9).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var portalRequest = sent.Headers.Location!.ToString();
        Assert.Contains("Submitted", await partner.GetStringAsync(portalRequest));
        var requestId = portalRequest.Split('/').Last();
        var staffPage = await manager.GetStringAsync($"/Funds/Requests/{requestId}");
        Assert.Contains("Clinic pilot", staffPage);
        Assert.Contains("Record decision", staffPage);
        Assert.DoesNotContain("Record decision", await (await ws.As(Roles.Evaluator)).GetStringAsync($"/Funds/Requests/{requestId}"));
    }
}
