using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Measurement;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteReferralsFunnelTests(SqliteApp app) : ReferralsFunnelTests<SqliteApp>(app);
public sealed class PostgresReferralsFunnelTests(PostgresApp app) : ReferralsFunnelTests<PostgresApp>(app);

/// <summary>The referrals funnel (API, staff page, the partner's own in the portal and its denials), referral activity, and the second name block.</summary>
public abstract class ReferralsFunnelTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name)
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

    static readonly DateOnly Future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

    static object Body(int partnershipId, string company, string website, string country = "Germany") => new
    {
        partnershipId, kind = "Deal", companyName = company, website, country, contactName = "Ann Lee", contactEmail = "ann@example-test.de",
        amount = 10000m, currency = "EUR", expectedCloseOn = Future,
    };

    static FunnelStepDto Step(FunnelDto f, FunnelStep s) => f.Steps.Single(x => x.Step == s);

    [SkippableFact]
    public async Task Funnel_CountsEachStep_WithRatesMediansPartnersAndQuarters_AndPartnersSeeOnlyTheirOwn()
    {
        var (ws, admin) = await Workspace("Funnel");
        var manager = await ws.As(Roles.Manager);
        var (pidA, partnerA) = await admin.NewPartnershipAsync("Keel");
        var (pidB, partnerB) = await admin.NewPartnershipAsync("Mast");
        var a = await ws.AsPartnerUser(partnerA);
        var b = await ws.AsPartnerUser(partnerB);

        // A: one won (through qualified and opportunity), one lost after approval, one rejected; B: one waiting for review.
        async Task<RegistrationDto> Approve(RegistrationDto r) =>
            await (await manager.PostJson($"/api/referrals/{r.Id}/decision", new { outcome = "Approve", version = r.Version })).Read<RegistrationDto>();
        async Task<RegistrationDto> Move(HttpClient who, RegistrationDto r, string stage) =>
            await (await who.PostJson($"/api/referrals/{r.Id}/stage", new { stage, version = r.Version })).Read<RegistrationDto>();
        var won = await (await a.PostJson("/api/referrals", Body(pidA, "Alpha Foods", "alpha-foods-test.com"))).Read<RegistrationDto>();
        won = await Move(a, await Move(a, await Move(a, await Approve(won), "Qualified"), "Opportunity"), "Won");
        var lost = await (await a.PostJson("/api/referrals", Body(pidA, "Beta Metals", "beta-metals-test.com"))).Read<RegistrationDto>();
        lost = await Move(manager, await Approve(lost), "Lost");
        var rejected = await (await a.PostJson("/api/referrals", Body(pidA, "Gamma Paper", "gamma-paper-test.com"))).Read<RegistrationDto>();
        rejected = await (await manager.PostJson($"/api/referrals/{rejected.Id}/decision", new { outcome = "Reject", reason = "Not our market", version = rejected.Version })).Read<RegistrationDto>();
        await (await b.PostJson("/api/referrals", Body(pidB, "Delta Glass", "delta-glass-test.com"))).Read<RegistrationDto>();

        // The moves stamped the steps: decided, qualified, opportunity, closed, with whole days.
        var stamped = await InDb(ws, (db, _) => db.Registrations.Where(r => r.Id == won.Id).Select(r => new { r.QualifiedAt, r.OpportunityAt, r.DaysToDecision, r.DaysToQualified, r.DaysToOpportunity, r.DaysToClose }).SingleAsync());
        Assert.NotNull(stamped.QualifiedAt);
        Assert.NotNull(stamped.OpportunityAt);
        Assert.Equal((0, 0, 0, 0), (stamped.DaysToDecision!.Value, stamped.DaysToQualified!.Value, stamped.DaysToOpportunity!.Value, stamped.DaysToClose!.Value));
        // Days to approval of 2 and 6: the median is 4 (read from the database's GROUP BY).
        await InDb(ws, async (db, _) => await db.Registrations.Where(r => r.Id == won.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DaysToDecision, 6)));
        await InDb(ws, async (db, _) => await db.Registrations.Where(r => r.Id == lost.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DaysToDecision, 2)));

        var f = await (await manager.GetAsync("/api/referrals/funnel")).Read<FunnelDto>();
        Assert.Equal([4, 2, 1, 1, 1, 1, 1, 0], FunnelRules.Steps.Select(s => Step(f, s).Count).ToArray());
        Assert.Equal(0.5m, Step(f, FunnelStep.Approved).ConversionFromPrevious);
        Assert.Equal(0.5m, Step(f, FunnelStep.Qualified).ConversionFromPrevious);
        Assert.Equal(1m, Step(f, FunnelStep.Won).ConversionFromPrevious);
        Assert.Equal(0.25m, Step(f, FunnelStep.Rejected).ConversionFromPrevious);
        Assert.Equal(4m, Step(f, FunnelStep.Approved).MedianDays);
        Assert.Equal(0m, Step(f, FunnelStep.Won).MedianDays);
        Assert.Equal(0.667m, f.ApprovalRate);
        Assert.Equal(0.5m, f.WinRate);
        Assert.Equal(1, f.AwaitingReview);
        Assert.Equal(2, f.Partners.Total);
        var top = f.Partners.Items[0];
        Assert.Equal(("Keel", 3, 2, 1, 1, 1, 1), (top.PartnerName, top.Registered, top.Approved, top.Opportunity, top.Won, top.Lost, top.Rejected));
        Assert.Equal(0.5m, top.WinRate);

        // Paged partners; by partnership and by partner.
        var paged = await (await manager.GetAsync("/api/referrals/funnel?pageSize=1&page=2")).Read<FunnelDto>();
        Assert.Equal(("Mast", 2), (Assert.Single(paged.Partners.Items).PartnerName, paged.Partners.Total));
        Assert.Equal(1, Step(await (await manager.GetAsync($"/api/referrals/funnel?partnershipId={pidB}")).Read<FunnelDto>(), FunnelStep.Registered).Count);
        Assert.Equal(3, Step(await (await manager.GetAsync($"/api/referrals/funnel?partnerId={partnerA}")).Read<FunnelDto>(), FunnelStep.Registered).Count);

        // By quarter of submission: the rejected one moved to the quarter before.
        var now = Quarter.Of(DateTime.UtcNow);
        await InDb(ws, async (db, _) => await db.Registrations.Where(r => r.Id == rejected.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, FunnelRules.Bounds(now.Previous).From.AddDays(3))));
        var thisQuarter = await (await manager.GetAsync($"/api/referrals/funnel?quarter={now}")).Read<FunnelDto>();
        Assert.Equal((3, 0, FunnelRules.Describe(now)), (Step(thisQuarter, FunnelStep.Registered).Count, Step(thisQuarter, FunnelStep.Rejected).Count, thisQuarter.PeriodName));
        var before = await (await manager.GetAsync($"/api/referrals/funnel?quarter={now.Previous}")).Read<FunnelDto>();
        Assert.Equal((1, 1), (Step(before, FunnelStep.Registered).Count, Step(before, FunnelStep.Rejected).Count));

        // Bad input: a quarter that is not one, an unknown partnership.
        var e = (await (await manager.GetAsync("/api/referrals/funnel?quarter=2026-Q5")).Problem(400))["errors"]!;
        Assert.Contains("quarter such as", e["quarter"]![0]!.GetValue<string>());
        await (await manager.GetAsync("/api/referrals/funnel?partnershipId=999999")).Problem(404);

        // Partner users: their own partner's funnel only; another partner or partnership is not found.
        var own = await (await a.GetAsync("/api/referrals/funnel")).Read<FunnelDto>();
        Assert.Equal(3, Step(own, FunnelStep.Registered).Count);
        Assert.Equal("Keel", Assert.Single(own.Partners.Items).PartnerName);
        var theirs = await (await b.GetAsync("/api/referrals/funnel")).Read<FunnelDto>();
        Assert.Equal((1, 0), (Step(theirs, FunnelStep.Registered).Count, Step(theirs, FunnelStep.Won).Count));
        Assert.DoesNotContain("Keel", await (await b.GetAsync("/api/referrals/funnel")).Content.ReadAsStringAsync());
        await (await b.GetAsync($"/api/referrals/funnel?partnerId={partnerA}")).Problem(404);
        await (await b.GetAsync($"/api/referrals/funnel?partnershipId={pidA}")).Problem(404);
        // Another workspace sees none of it.
        var (_, otherAdmin) = await Workspace("Funnel other");
        Assert.Equal(0, Step(await (await otherAdmin.GetAsync("/api/referrals/funnel")).Read<FunnelDto>(), FunnelStep.Registered).Count);

        // Pages: staff's funnel with partners, a bad quarter next to its field; the portal's own funnel; partners kept out of staff pages.
        var page = await manager.GetStringAsync("/Referrals/Funnel");
        Assert.Contains("Referrals funnel", page);
        Assert.Contains("Keel", page);
        Assert.Contains("must be a quarter such as", await manager.GetStringAsync("/Referrals/Funnel?Quarter=someday"));
        Assert.Contains("Mast", await manager.GetStringAsync($"/Referrals/Funnel?PartnerId={partnerB}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync("/Referrals/Funnel")).StatusCode);
        var portal = await a.GetStringAsync("/Portal/Referrals/Funnel");
        Assert.Contains("Your funnel", portal);
        Assert.Contains("3 registered", portal);
        Assert.Contains("1 registered", await b.GetStringAsync("/Portal/Referrals/Funnel"));
        Assert.Contains("Nothing was registered in this period", await b.GetStringAsync($"/Portal/Referrals/Funnel?Quarter={now.Previous}"));

        // Referrals feed the engagement index: three submitted and one won on A's partnership.
        var activity = await InDb(ws, async (db, sp) =>
        {
            var counts = new Dictionary<int, int>();
            foreach (var source in sp.GetServices<IActivitySource>().Where(s => s.Kind == ActivityKind.Referrals))
                foreach (var g in await source.Query(db).GroupBy(x => x.PartnershipId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
                    counts[g.Key] = counts.GetValueOrDefault(g.Key) + g.Count;
            return counts;
        });
        Assert.Equal(4, activity[pidA]);
        Assert.Equal(1, activity[pidB]);
    }

    [SkippableFact]
    public async Task ATypoInTheFirstWord_IsStillFlagged_ThroughTheSecondNameBlock()
    {
        var (ws, admin) = await Workspace("Typo");
        var manager = await ws.As(Roles.Manager);
        var (pidA, partnerA) = await admin.NewPartnershipAsync("Harbor");
        var (pidB, partnerB) = await admin.NewPartnershipAsync("Jetty");
        var a = await ws.AsPartnerUser(partnerA);
        var b = await ws.AsPartnerUser(partnerB);

        var first = await (await a.PostJson("/api/referrals", Body(pidA, "Northwind Traders GmbH", "northwind-one-test.de"))).Read<RegistrationDto>();
        Assert.False(first.ConflictOpen);
        // Another domain and a typo in the first word: the first blocks differ ("northwind" / "nortwhind"), the second ones meet ("tra").
        var typo = await (await b.PostJson("/api/referrals", Body(pidB, "Nortwhind Traders", "nortwhind-two-test.de"))).Read<RegistrationDto>();
        Assert.True(typo.ConflictOpen);
        var conflict = Assert.Single(await (await manager.GetAsync($"/api/referrals/{typo.Id}/conflicts")).Read<List<ConflictDto>>());
        Assert.Equal(first.Id, conflict.OtherId);
        Assert.False(conflict.Hard);
        var keys = await InDb(ws, (db, _) => db.Registrations.Where(r => r.Id == typo.Id).Select(r => new { r.NameBlock, r.SecondNameBlock }).SingleAsync());
        Assert.Equal(("nortwhind", "tra"), (keys.NameBlock, keys.SecondNameBlock));
        // A different company in another country is not flagged by the second block alone.
        var elsewhere = await (await b.PostJson("/api/referrals", Body(pidB, "Nortwhind Traders", "nortwhind-three-test.fr", "France"))).Read<RegistrationDto>();
        Assert.False(elsewhere.ConflictOpen);
    }
}
