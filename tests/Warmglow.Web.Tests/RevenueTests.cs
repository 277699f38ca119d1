using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Agreements;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteRevenueTests(SqliteApp app) : RevenueTests<SqliteApp>(app);
public sealed class PostgresRevenueTests(PostgresApp app) : RevenueTests<PostgresApp>(app)
{
    /// <summary>Concurrency is tested where it matters, on real PostgreSQL (SQLite serializes its writers).</summary>
    [SkippableFact]
    public Task ParallelPosts_OverlappingKeys_ExactlyOneEventPerKey_OnPostgres() => ParallelPostsWithOverlappingKeys();
}

/// <summary>A revenue-share agreement as the tests set it up: the agreement, its partnership and member partners.</summary>
public sealed record RevenueSetup(TestWorkspace Ws, HttpClient Manager, int AgreementId, int PartnershipId, int[] PartnerIds)
{
    public string Url => $"/api/agreements/{AgreementId}";
    public string P(int i) => $"p{PartnerIds[i]}";
}

/// <summary>Creating agreements directly through the DbContext (the agreements module owns their API).</summary>
public static class RevenueFixtures
{
    public static async Task<RevenueSetup> AgreementAsync(TestApp app, TestWorkspace ws, string name, DateOnly start, DateOnly? end = null,
        string currency = "EUR", int members = 1, AgreementStatus status = AgreementStatus.Active)
    {
        var admin = await ws.As(Roles.Admin);
        var partners = new List<int>();
        for (var i = 0; i < members; i++)
            partners.Add((await (await admin.PostJson("/api/partners", new { name = $"{name} member {i + 1} {Guid.NewGuid():N}"[..40] })).Read<PartnerDto>()).Id);
        var partnership = (await (await admin.PostJson("/api/partnerships", new { name = $"{name} alliance", type = "CoSellingReferral", partnerId = partners[0] })).Read<PartnershipDto>()).Id;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id);
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        foreach (var p in partners.Skip(1)) db.PartnershipMembers.Add(new PartnershipMember { PartnershipId = partnership, PartnerId = p });
        var agreement = new Agreement
        {
            PartnershipId = partnership, Title = $"{name} agreement", Type = AgreementType.Referral, Status = status,
            StartDate = start, EndDate = end, Currency = currency,
        };
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return new RevenueSetup(ws, await ws.As(Roles.Manager), agreement.Id, partnership, partners.ToArray());
    }

    public static object Sale(string key, decimal amount, string date, string currency = "EUR", string source = "web shop", string? member = null, string kind = "Sale") =>
        new { key, amount, currency, date, source, memberId = member, kind };
}

/// <summary>The revenue-share ledger through the API: terms, idempotent events, statements, adjustments, access.</summary>
public abstract class RevenueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<RevenueSetup> Setup(string name, string start = "2025-01-01", string? end = null, string currency = "EUR", int members = 1)
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return await RevenueFixtures.AgreementAsync(app, ws, name, DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end), currency, members);
    }

    static async Task<TermsDto> Terms(RevenueSetup s, object body) =>
        await (await s.Manager.PutJson($"{s.Url}/revenue-terms", body)).Read<TermsDto>();

    static async Task Post(RevenueSetup s, object sale, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var r = await s.Manager.PostJson($"{s.Url}/revenue-events", sale);
        Assert.True(r.StatusCode == expected, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    static async Task<StatementDto> Issue(RevenueSetup s, string from, string to)
    {
        var r = await s.Manager.PostJson($"{s.Url}/statements", new { from, to });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.Read<StatementDto>();
    }

    static async Task<int> EventCount(RevenueSetup s) =>
        (await (await s.Manager.GetAsync($"{s.Url}/revenue-events")).Read<Paged<EventDto>>()).Total;

    [SkippableFact]
    public async Task FixedSplit_60_40_Statement_ReplayConflict_AndIssuedStatementIsLocked()
    {
        var s = await Setup("Sixty forty");
        var terms = await Terms(s, new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 60m }, new { partyId = "org", percent = 40m } }, holdingDays = 10 });
        Assert.Equal(0, terms.Version);
        var body = new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 60m }, new { partyId = "org", percent = 40m } }, holdingDays = 30, version = 0 };
        Assert.Equal(1, (await Terms(s, body)).Version);
        // A stale version: someone else changed the terms since.
        await (await s.Manager.PutJson($"{s.Url}/revenue-terms", body with { holdingDays = 31 })).Problem(409);
        Assert.Contains(terms.Parties, p => p.Id == "org");

        var first = await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("INV-1", 100.01m, "2025-02-10"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False((await first.Read<PostResult>()).Replay);
        // Same key, same payload (reformatted amount): a replay, nothing new written.
        var again = await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("INV-1", 100.010m, "2025-02-10"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues(RevenueApi.ReplayHeader).Single());
        Assert.True((await again.Read<PostResult>()).Replay);
        // Same key, other payload: 409, nothing written.
        var conflict = await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("INV-1", 200m, "2025-02-10"))).Problem(409);
        Assert.Contains("INV-1", conflict["detail"]!.GetValue<string>());
        await Post(s, RevenueFixtures.Sale("INV-2", 50m, "2025-03-01"));
        Assert.Equal(2, await EventCount(s));

        var preview = await (await s.Manager.PostJson($"{s.Url}/statements/preview", new { from = "2025-01-01", to = "2025-03-31" })).Read<StatementDto>();
        Assert.Null(preview.Id);
        var statement = await Issue(s, "2025-01-01", "2025-03-31");
        Assert.Equal(150.01m, statement.Total);
        // 100.01 × 60% = 60.006 → 60.01 (largest remainder), 40.00; 50 → 30 / 20.
        Assert.Equal(90.01m, statement.Parties.Single(p => p.PartyId == s.P(0)).Share);
        Assert.Equal(60.00m, statement.Parties.Single(p => p.PartyId == "org").Share);
        Assert.All(statement.Lines!, l => Assert.Equal(l.Amount, l.Shares.Sum()));
        Assert.Equal(new DateOnly(2025, 4, 30), statement.PayableOn);

        // Locked: no change, no delete, no second statement over the period.
        await (await s.Manager.PutJson($"/api/statements/{statement.Id}", new { total = 1 })).Problem(409);
        await (await s.Manager.DeleteAsync($"/api/statements/{statement.Id}")).Problem(409);
        await (await s.Manager.PostJson($"{s.Url}/statements", new { from = "2025-03-01", to = "2025-04-30" })).Problem(400);

        // A late event dated in the issued period and a refund: adjustment lines in the next statement; the issued one never changes.
        await Post(s, RevenueFixtures.Sale("INV-LATE", 10m, "2025-03-15"));
        await Post(s, RevenueFixtures.Sale("REF-1", 100.01m, "2025-04-02", kind: "Refund"));
        await Post(s, RevenueFixtures.Sale("INV-3", 20m, "2025-05-05"));
        var next = await Issue(s, "2025-04-01", "2025-06-30");
        Assert.Equal(3, next.LineCount);
        Assert.Equal(2, next.Lines!.Count(l => l.Adjustment));
        Assert.Equal(10m - 100.01m + 20m, next.Total);
        Assert.Equal(-60.01m + 6m + 12m, next.Parties.Single(p => p.PartyId == s.P(0)).Share);
        var reread = await (await s.Manager.GetAsync($"/api/statements/{statement.Id}")).Read<StatementDto>();
        Assert.Equal(150.01m, reread.Total);
        Assert.Equal(2, reread.LineCount);

        var csv = await s.Manager.GetStringAsync($"/api/statements/{statement.Id}.csv");
        Assert.StartsWith("date,key,source,member,amount,adjustment", csv);
        Assert.Contains("INV-1", csv);
        Assert.Contains("total,,,,150.01,,90.01,60.00", csv);

        // Audit: terms, events and statements are all logged.
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(s.Ws.Id);
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var audited = await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync();
        Assert.Contains(nameof(RevenueTerms), audited);
        Assert.Contains(nameof(RevenueEntry), audited);
        Assert.Contains(nameof(RevenueStatement), audited);
    }

    [SkippableFact]
    public async Task Phased_70_30_Then_50_50_Then_30_70_AcrossYearBoundaryInOnePeriod()
    {
        var s = await Setup("Phased", start: "2024-07-01");
        await Terms(s, new
        {
            kind = "PhasedSplit",
            phases = new object[]
            {
                new { year = 1, shares = new[] { new { partyId = s.P(0), percent = 70m }, new { partyId = "org", percent = 30m } } },
                new { year = 2, shares = new[] { new { partyId = s.P(0), percent = 50m }, new { partyId = "org", percent = 50m } } },
                new { year = 3, shares = new[] { new { partyId = s.P(0), percent = 30m }, new { partyId = "org", percent = 70m } } },
            },
        });
        await Post(s, RevenueFixtures.Sale("Y1", 1000m, "2025-06-30"));
        await Post(s, RevenueFixtures.Sale("Y2", 1000m, "2025-07-01"));
        await Post(s, RevenueFixtures.Sale("Y3", 1000m, "2026-07-01"));
        var st = await Issue(s, "2025-06-01", "2026-07-31");
        Assert.Equal([700m, 500m, 300m], st.Lines!.Select(l => l.Shares[0]));
        Assert.Equal(1500m, st.Parties.Single(p => p.PartyId == s.P(0)).Share);
        Assert.Equal(1500m, st.Parties.Single(p => p.PartyId == "org").Share);
    }

    [SkippableFact]
    public async Task Tiered_ThresholdCrossedMidPeriod_SplitsTheCrossingEvent()
    {
        var s = await Setup("Tiered");
        await Terms(s, new { kind = "TieredSplit", partnerId = s.P(0), ownerId = "org", tiers = new[] { new { from = 0m, percent = 10m }, new { from = 10000m, percent = 20m } } });
        await Post(s, RevenueFixtures.Sale("T1", 8000m, "2025-01-10"));
        await Post(s, RevenueFixtures.Sale("T2", 4000m, "2025-02-10"));
        await Post(s, RevenueFixtures.Sale("T3", 1000m, "2025-03-10"));
        var st = await Issue(s, "2025-01-01", "2025-03-31");
        // 8000 × 10% = 800; 2000 × 10% + 2000 × 20% = 600; 1000 × 20% = 200.
        Assert.Equal([800m, 600m, 200m], st.Lines!.Select(l => l.Shares[0]));
        Assert.Equal(1600m, st.Parties[0].Share);
        Assert.Equal(11400m, st.Parties[1].Share);
    }

    [SkippableFact]
    public async Task Pool_ThreeMembers_PaysInAndOutByWeights()
    {
        var s = await Setup("Pool", members: 3);
        await Terms(s, new
        {
            kind = "Pool",
            members = new[]
            {
                new { memberId = s.P(0), contributionPercent = 10m, weight = 1m },
                new { memberId = s.P(1), contributionPercent = 10m, weight = 1m },
                new { memberId = s.P(2), contributionPercent = 10m, weight = 1m },
            },
        });
        await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("PX", 100m, "2025-01-05"))).Problem(400);
        await Post(s, RevenueFixtures.Sale("P1", 1000m, "2025-01-05", member: s.P(0)));
        await Post(s, RevenueFixtures.Sale("P2", 2000m, "2025-02-05", member: s.P(1)));
        await Post(s, RevenueFixtures.Sale("P3", 0.01m, "2025-03-05", member: s.P(2)));
        var st = await Issue(s, "2025-01-01", "2025-03-31");
        // Contributions 100 + 200 + 0.00 = 300 paid out in thirds; the nets sum to exactly 0.
        Assert.Equal(300m, st.Parties.Sum(p => p.Share));
        Assert.All(st.Parties, p => Assert.Equal(100m, p.Share));
        Assert.Equal(0m, st.Parties.Sum(p => p.Share - p.Contribution!.Value));
    }

    [SkippableFact]
    public async Task BadInput_NamesTheField_AndWritesNothing()
    {
        var s = await Setup("Strict", end: "2025-12-31");
        var split = await (await s.Manager.PutJson($"{s.Url}/revenue-terms", new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 60m }, new { partyId = "org", percent = 30m } } })).Problem(400);
        Assert.Contains("100", split["errors"]!["shares"]![0]!.GetValue<string>());
        var overlap = await (await s.Manager.PutJson($"{s.Url}/revenue-terms", new
        {
            kind = "PhasedSplit",
            phases = new object[]
            {
                new { from = "2025-01-01", to = "2025-06-30", shares = new[] { new { partyId = "org", percent = 100m } } },
                new { from = "2025-06-01", to = "2025-12-31", shares = new[] { new { partyId = "org", percent = 100m } } },
            },
        })).Problem(400);
        Assert.NotNull(overlap["errors"]!["phases[1]"]);
        var stranger = await (await s.Manager.PutJson($"{s.Url}/revenue-terms", new { kind = "FixedSplit", shares = new[] { new { partyId = "p999999", percent = 100m } } })).Problem(400);
        Assert.NotNull(stranger["errors"]!["shares[0].partyId"]);
        Assert.Null((await (await s.Manager.GetAsync($"{s.Url}/revenue-terms")).Read<TermsDto>()).Kind);

        await Terms(s, new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 60m }, new { partyId = "org", percent = 40m } } });
        Assert.NotNull((await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("N", -5m, "2025-02-01"))).Problem(400))["errors"]!["amount"]);
        Assert.NotNull((await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("Z", 0m, "2025-02-01"))).Problem(400))["errors"]!["amount"]);
        Assert.NotNull((await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("C", 5m, "2025-02-01", currency: "XYZ"))).Problem(400))["errors"]!["currency"]);
        Assert.NotNull((await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("C2", 5m, "2025-02-01", currency: "USD"))).Problem(400))["errors"]!["currency"]);
        Assert.NotNull((await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("D", 5m, "2026-02-01"))).Problem(400))["errors"]!["date"]);
        Assert.NotNull((await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("D0", 5m, "2024-12-31"))).Problem(400))["errors"]!["date"]);
        Assert.NotNull((await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("", 5m, "2025-02-01"))).Problem(400))["errors"]!["key"]);
        Assert.NotNull((await (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("M", 5.001m, "2025-02-01"))).Problem(400))["errors"]!["amount"]);
        var text = await (await s.Manager.PostAsync($"{s.Url}/revenue-events", new StringContent(
            """{"key":"NaN","amount":"lots","currency":"EUR","date":"2025-02-01","source":"x"}""", Encoding.UTF8, "application/json"))).Problem(400);
        Assert.Contains("amount", text["detail"]!.GetValue<string>());
        Assert.Equal(0, await EventCount(s));
        await (await s.Manager.PostJson($"{s.Url}/statements", new { from = "2025-03-01", to = "2025-01-01" })).Problem(400);
    }

    static MultipartFormDataContent Csv(string text)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "events.csv");
        return content;
    }

    [SkippableFact]
    public async Task CsvImport_AllOrNothing_WithRowErrors_AndReplays()
    {
        var s = await Setup("Csv import");
        await Terms(s, new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 50m }, new { partyId = "org", percent = 50m } } });
        await Post(s, RevenueFixtures.Sale("K1", 10m, "2025-01-02"));
        var bad = await (await s.Manager.PostAsync($"{s.Url}/revenue-events/import", Csv(
            "key,kind,amount,currency,date,source,member\n" +
            "K2,sale,12.50,EUR,2025-01-03,shop,\n" +
            "K3,sale,abc,EUR,2025-01-03,shop,\n" +
            "K4,sale,5,GBP,2025-01-03,shop,\n" +
            "K1,sale,99,EUR,2025-01-02,web shop,\n" +
            "K5,sale,5,EUR,03/01/2025,shop,\n"))).Problem(400);
        var errors = bad["errors"]!.AsObject();
        Assert.Contains("row 3", errors.Select(e => e.Key));
        Assert.Contains("row 4", errors.Select(e => e.Key));
        Assert.Contains("row 5", errors.Select(e => e.Key));
        Assert.Contains("row 6", errors.Select(e => e.Key));
        Assert.DoesNotContain("row 2", errors.Select(e => e.Key));
        Assert.Equal(1, await EventCount(s));

        var ok = await (await s.Manager.PostAsync($"{s.Url}/revenue-events/import", Csv(
            "key,amount,currency,date,source\n" +
            "K1,10,EUR,2025-01-02,web shop\n" +
            "K2,12.50,EUR,2025-01-03,shop\n" +
            "K2,12.5,EUR,2025-01-03,shop\n" +
            "K3,7,eur,2025-01-04,shop\n"))).Read<ImportRowResult>();
        Assert.Equal(new ImportRowResult(4, 2, 2), ok);
        Assert.Equal(3, await EventCount(s));

        // One audit entry for the file (counts, key range, its SHA-256), not one per event; the rows say they came from CSV.
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(s.Ws.Id);
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var import = Assert.Single(await db.AuditEntries.Where(a => a.EntityType == "RevenueImport").ToListAsync());
        Assert.Contains("\"Written\":2", import.After);
        Assert.Contains("\"Replays\":2", import.After);
        Assert.Contains("\"FirstKey\":\"K2\"", import.After);
        Assert.Matches("\"FileSha256\":\"[0-9a-f]{64}\"", import.After);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(RevenueEntry))); // K1, posted by the form
        var rows = await db.RevenueEvents.Where(e => e.Key == "K2" || e.Key == "K3").ToListAsync();
        Assert.All(rows, e => Assert.Equal("csv", e.Channel));
        Assert.Equal(12.50m, rows.Single(e => e.Key == "K2").Amount);
        Assert.Equal(new DateOnly(2025, 1, 4), rows.Single(e => e.Key == "K3").Date);
    }

    [SkippableFact]
    public async Task Access_RolesPartnersAndOtherWorkspaces()
    {
        var s = await Setup("Access");
        var other = await RevenueFixtures.AgreementAsync(app, s.Ws, "Access other", new DateOnly(2025, 1, 1));
        var body = new { kind = "FixedSplit", shares = new[] { new { partyId = "org", percent = 100m } } };
        await Terms(s, body);
        await Terms(other, body);
        await Post(s, RevenueFixtures.Sale("A1", 10m, "2025-01-02"));
        await Post(other, RevenueFixtures.Sale("B1", 10m, "2025-01-02"));
        var mine = await Issue(s, "2025-01-01", "2025-01-31");
        var theirs = await Issue(other, "2025-01-01", "2025-01-31");

        var anon = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync($"{s.Url}/revenue-terms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("X", 1m, "2025-01-02"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync($"/api/statements/{mine.Id}")).StatusCode);

        var executive = await s.Ws.As(Roles.Executive);
        Assert.Equal(HttpStatusCode.OK, (await executive.GetAsync($"{s.Url}/revenue-terms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await executive.GetAsync($"/api/statements/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("X", 1m, "2025-01-02"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PutJson($"{s.Url}/revenue-terms", body)).StatusCode);
        var evaluator = await s.Ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/api/statements/{mine.Id}")).StatusCode);

        var partner = await s.Ws.AsPartnerUser(s.PartnerIds[0]);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/statements/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/statements/{mine.Id}.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/statements/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/statements/{theirs.Id}.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"{other.Url}/statements")).StatusCode);
        var list = await (await partner.GetAsync("/api/statements")).Read<Paged<StatementSummary>>();
        Assert.Equal([mine.Id!.Value], list.Items.Select(i => i.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("X", 1m, "2025-01-02"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"{s.Url}/revenue-terms")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"{s.Url}/revenue-events")).StatusCode);
        var earnings = await (await partner.GetAsync("/api/portal/earnings")).Read<List<EarningDto>>();
        Assert.Equal(mine.Id, Assert.Single(earnings).StatementId);

        var stranger = await (await app.CreateWorkspaceAsync("Access stranger")).As(Roles.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/statements/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{s.Url}/revenue-terms")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("X", 1m, "2025-01-02"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/statements/{mine.Id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Statements_AreMarkedPaidOnce_WithDayAndReference_AndThePartnerSeesIt()
    {
        var s = await Setup("Paid");
        await Terms(s, new { kind = "FixedSplit", shares = new[] { new { partyId = "org", percent = 60m }, new { partyId = $"p{s.PartnerIds[0]}", percent = 40m } } });
        await Post(s, RevenueFixtures.Sale("P1", 1000m, "2025-01-02"));
        var statement = await Issue(s, "2025-01-01", "2025-01-31");
        var url = $"/api/statements/{statement.Id}/payment";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Bad input names the field and writes nothing.
        var missing = (await (await s.Manager.PostJson(url, new { })).Problem(400))["errors"]!.AsObject();
        Assert.True(missing.ContainsKey("paidOn") && missing.ContainsKey("reference"));
        static async Task<string> PaidOnError(HttpResponseMessage r) => (await r.Problem(400))["errors"]!["paidOn"]![0]!.GetValue<string>();
        Assert.Contains("future", await PaidOnError(await s.Manager.PostJson(url, new { paidOn = today.AddDays(2), reference = "T-1" })));
        Assert.Contains("before the statement was issued", await PaidOnError(await s.Manager.PostJson(url, new { paidOn = today.AddDays(-40), reference = "T-1" })));

        // Only managers and admins record payments; partners and executives read them.
        var partner = await s.Ws.AsPartnerUser(s.PartnerIds[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson(url, new { paidOn = today, reference = "T-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await s.Ws.As(Roles.Executive)).PostJson(url, new { paidOn = today, reference = "T-1" })).StatusCode);
        var stranger = await (await app.CreateWorkspaceAsync("Paid stranger")).As(Roles.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJson(url, new { paidOn = today, reference = "T-1" })).StatusCode);
        Assert.Null((await (await s.Manager.GetAsync($"/api/statements/{statement.Id}")).Read<StatementDto>()).Payment);

        var paid = await (await s.Manager.PostJson(url, new { paidOn = today, reference = " SEPA-2025-001 " })).Read<StatementDto>();
        Assert.Equal((today, "SEPA-2025-001"), (paid.Payment!.PaidOn, paid.Payment.Reference));
        Assert.NotEmpty(paid.Addressee!.PartnerNames);
        var again = await (await s.Manager.PostJson(url, new { paidOn = today, reference = "SEPA-2" })).Problem(409);
        Assert.Contains("SEPA-2025-001", again["detail"]!.GetValue<string>());

        // The partner's view: the payment on the statement, the earning marked paid (no longer "payable"), a notice.
        var seen = await (await partner.GetAsync($"/api/statements/{statement.Id}")).Read<StatementDto>();
        Assert.Equal("SEPA-2025-001", seen.Payment!.Reference);
        var earning = Assert.Single(await (await partner.GetAsync("/api/portal/earnings")).Read<List<EarningDto>>());
        Assert.Equal((today, false, 400m), (earning.PaidOn!.Value, earning.Payable, earning.Share));
        var list = await (await s.Manager.GetAsync($"{s.Url}/statements")).Read<Paged<StatementSummary>>();
        Assert.Equal(today, Assert.Single(list.Items).PaidOn);
        var inbox = await (await partner.GetAsync("/api/notifications")).Read<Paged<Warmglow.Web.Features.Notifications.NotificationDto>>();
        Assert.Contains(inbox.Items, n => n.Event == "statement.paid" && n.Link == $"/Portal/Statement/{statement.Id}");
        var page = await (await s.Manager.GetAsync($"/Revenue/Statement/{statement.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("SEPA-2025-001", page);
        Assert.DoesNotContain("Mark as paid", page);
        Assert.Contains("1,000.00 EUR", page);
    }

    [SkippableFact]
    public async Task Pages_Render_ForStaff_AndPortalShowsOnlyOwnStatements()
    {
        var s = await Setup("Pages");
        var other = await RevenueFixtures.AgreementAsync(app, s.Ws, "Pages other", new DateOnly(2025, 1, 1));
        var body = new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 60m }, new { partyId = "org", percent = 40m } } };
        await Terms(s, body);
        await (await s.Manager.PutJson($"{other.Url}/revenue-terms", new { kind = "FixedSplit", shares = new[] { new { partyId = "org", percent = 100m } } })).Read<TermsDto>();
        await Post(s, RevenueFixtures.Sale("PG1", 10m, "2025-01-02"));
        await Post(other, RevenueFixtures.Sale("PG2", 10m, "2025-01-02"));
        var mine = await Issue(s, "2025-01-01", "2025-03-31");
        var theirs = await Issue(other, "2025-01-01", "2025-03-31");
        foreach (var url in new[] { "/Revenue", $"/Revenue/Agreement/{s.AgreementId}", $"/Revenue/Statement/{mine.Id}", $"/Partnerships/{s.PartnershipId}" })
        {
            var r = await s.Manager.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {r.StatusCode}");
        }
        // The issuing rule is on the page before anyone is refused by it.
        var agreementPage = await s.Manager.GetStringAsync($"/Revenue/Agreement/{s.AgreementId}");
        Assert.Contains("must have ended (end no later than today", agreementPage);
        Assert.Contains("A preview may look ahead.", agreementPage);
        var page = await s.Manager.GetStringAsync($"/Revenue/Statement/{mine.Id}");
        Assert.Contains("@media print", page);
        Assert.Contains("PG1", page);
        var partner = await s.Ws.AsPartnerUser(s.PartnerIds[0]);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/Portal/Statement/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Portal/Statement/{theirs.Id}")).StatusCode);
        Assert.Contains("6.00", await partner.GetStringAsync("/Portal"));
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync($"/Revenue/Statement/{mine.Id}")).StatusCode);
    }

    static Task<HttpResponseMessage> PostForm(HttpClient c, string url, string handler, Dictionary<string, string> fields) =>
        c.PostFormAsync(url, $"{url}?handler={handler}", fields);

    [SkippableFact]
    public async Task Pages_TermsEditorAndEventForm_SaveOrShowInlineErrors()
    {
        var s = await Setup("Page forms");
        var url = $"/Revenue/Agreement/{s.AgreementId}";
        var bad = await PostForm(s.Manager, url, "Terms", new()
        {
            ["Input.Kind"] = "0", ["Input.Version"] = "0", ["Input.HoldingDays"] = "0",
            ["Input.Parties[0].PartyId"] = "org", ["Input.Parties[0].Percent"] = "50",
            ["Input.Parties[1].PartyId"] = s.P(0), ["Input.Parties[1].Percent"] = "40",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("must add up to 100%", await bad.Content.ReadAsStringAsync());
        Assert.Null((await (await s.Manager.GetAsync($"{s.Url}/revenue-terms")).Read<TermsDto>()).Kind);

        var ok = await PostForm(s.Manager, url, "Terms", new()
        {
            ["Input.Kind"] = "0", ["Input.Version"] = "0", ["Input.HoldingDays"] = "0",
            ["Input.Parties[0].PartyId"] = "org", ["Input.Parties[0].Percent"] = "40",
            ["Input.Parties[1].PartyId"] = s.P(0), ["Input.Parties[1].Percent"] = "60",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(ShareModelKind.FixedSplit, (await (await s.Manager.GetAsync($"{s.Url}/revenue-terms")).Read<TermsDto>()).Kind);

        var badEvent = await PostForm(s.Manager, url, "Event", new()
        {
            ["Event.Key"] = "F1", ["Event.Kind"] = "0", ["Event.Amount"] = "-3", ["Event.Currency"] = "EUR", ["Event.Date"] = "2025-02-01", ["Event.Source"] = "desk",
        });
        Assert.Contains("must be greater than 0", await badEvent.Content.ReadAsStringAsync());
        var okEvent = await PostForm(s.Manager, url, "Event", new()
        {
            ["Event.Key"] = "F1", ["Event.Kind"] = "0", ["Event.Amount"] = "3", ["Event.Currency"] = "EUR", ["Event.Date"] = "2025-02-01", ["Event.Source"] = "desk",
        });
        Assert.Equal(HttpStatusCode.Redirect, okEvent.StatusCode);
        Assert.Equal(1, await EventCount(s));
        var executive = await s.Ws.As(Roles.Executive);
        Assert.Equal(HttpStatusCode.OK, (await executive.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await s.Ws.As(Roles.Evaluator)).GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task Property_RandomEvents_StatementsSumExactly_RepostsChangeNothing_AllEventsStatedOnce()
    {
        var s = await Setup("Property");
        await Terms(s, new { kind = "CapabilitySplit", contributions = new[] { new { partyId = s.P(0), amount = 300m }, new { partyId = "org", amount = 200m }, } });
        var rng = new Random(4242);
        var events = Enumerable.Range(0, 60).Select(i => new
        {
            Key = $"R{i}",
            Amount = Math.Round((decimal)rng.Next(1, 1_000_000) / 100m, 2),
            Date = new DateOnly(2025, 1, 1).AddDays(rng.Next(0, 300)),
            Refund = rng.Next(0, 8) == 0,
        }).ToList();
        var statements = new List<StatementDto>();
        var months = new[] { ("2025-01-01", "2025-03-31"), ("2025-04-01", "2025-06-30"), ("2025-07-01", "2025-10-31") };
        for (var m = 0; m < months.Length; m++)
        {
            // Post in shuffled batches; some events arrive after their period was issued (adjustments); every post is sent twice.
            foreach (var e in events.Where((_, i) => i % 3 == m))
            {
                var sale = RevenueFixtures.Sale(e.Key, e.Amount, e.Date.ToString("yyyy-MM-dd"), kind: e.Refund ? "Refund" : "Sale");
                var target = DateOnly.Parse(months[m].Item2);
                if (e.Date > target) continue;
                await Post(s, sale);
                await Post(s, sale, HttpStatusCode.OK);
            }
            statements.Add(await Issue(s, months[m].Item1, months[m].Item2));
        }
        foreach (var e in events.Where(e => e.Date <= new DateOnly(2025, 10, 31)))
            await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale(e.Key, e.Amount, e.Date.ToString("yyyy-MM-dd"), kind: e.Refund ? "Refund" : "Sale"));
        statements.Add(await Issue(s, "2025-11-01", "2025-12-31"));

        foreach (var st in statements)
        {
            Assert.Equal(st.Total, st.Parties.Sum(p => p.Share));
            Assert.All(st.Lines!, l => Assert.Equal(l.Amount, l.Shares.Sum()));
        }
        var posted = events.Where(e => e.Date <= new DateOnly(2025, 10, 31)).Sum(e => e.Refund ? -e.Amount : e.Amount);
        Assert.Equal(posted, statements.Sum(st => st.Total));
        Assert.Equal(events.Count(e => e.Date <= new DateOnly(2025, 10, 31)), statements.Sum(st => st.LineCount));
    }

    [SkippableFact]
    public async Task IssueAll_IssuesEveryDueAgreement_SetBased_WithAdjustments()
    {
        var s = await Setup("Bulk issue");
        var other = await RevenueFixtures.AgreementAsync(app, s.Ws, "Bulk other", new DateOnly(2025, 1, 1), members: 2);
        await Terms(s, new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 60m }, new { partyId = "org", percent = 40m } } });
        await Terms(other, new { kind = "Pool", members = new[] { new { memberId = other.P(0), contributionPercent = 10m, weight = 1m }, new { memberId = other.P(1), contributionPercent = 10m, weight = 3m } } });
        await Post(s, RevenueFixtures.Sale("B1", 100m, "2025-01-10"));
        await Post(other, RevenueFixtures.Sale("B2", 1000m, "2025-02-10", member: other.P(0)));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(s.Ws.Id, "test");
        var service = scope.ServiceProvider.GetRequiredService<StatementService>();
        var q1 = new Warmglow.Core.Revenue.Period(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31));
        var result = await service.IssueAllAsync(q1);
        Assert.Equal(2, result.Statements);
        Assert.Equal(2, result.Lines);
        Assert.Equal(0, (await service.IssueAllAsync(q1)).Statements);
        await Post(s, RevenueFixtures.Sale("B3", 50m, "2025-03-30"));
        var q2 = await service.IssueAllAsync(new Warmglow.Core.Revenue.Period(new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30)));
        Assert.Equal(2, q2.Statements);
        var list = await (await s.Manager.GetAsync($"{s.Url}/statements")).Read<Paged<StatementSummary>>();
        var latest = await (await s.Manager.GetAsync($"/api/statements/{list.Items[0].Id}")).Read<StatementDto>();
        Assert.True(Assert.Single(latest.Lines!).Adjustment);
        var pool = await (await s.Manager.GetAsync($"{other.Url}/statements")).Read<Paged<StatementSummary>>();
        var poolStatement = await (await s.Manager.GetAsync($"/api/statements/{pool.Items[^1].Id}")).Read<StatementDto>();
        Assert.Equal([25m, 75m], poolStatement.Parties.Select(p => p.Share));

        // Measurement reads the same events as partner-influenced revenue (refunds negative).
        var influenced = scope.ServiceProvider.GetServices<Features.Signals.IInfluencedRevenueSource>().Single();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        Assert.Equal(150m, await influenced.Query(db).Where(r => r.PartnershipId == s.PartnershipId).SumAsync(r => r.Amount));
    }

    [SkippableFact]
    public async Task DemoContributor_AttachesTermsEventsAndStatements_ToSignedAgreements()
    {
        var s = await Setup("Demo revenue", start: "2024-01-01");
        await RevenueFixtures.AgreementAsync(app, s.Ws, "Demo draft", new DateOnly(2024, 1, 1), status: AgreementStatus.TermSheet);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(s.Ws.Id);
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var demo = scope.ServiceProvider.GetServices<Features.Demo.IDemoContributor>().OfType<RevenueDemo>().Single();
        await demo.AddAsync(new Features.Demo.DemoContext([], new DateTime(2025, 8, 15, 12, 0, 0, DateTimeKind.Utc)), CancellationToken.None);
        Assert.Equal(1, await db.RevenueTerms.CountAsync());
        Assert.Equal(s.AgreementId, (await db.RevenueTerms.SingleAsync()).AgreementId);
        Assert.True(await db.RevenueEvents.CountAsync() > 50);
        var statements = await db.RevenueStatements.OrderBy(x => x.From).ToListAsync();
        Assert.Equal(6, statements.Count); // 2024-Q1 .. 2025-Q2
        Assert.Equal(await db.RevenueEvents.Where(e => e.Date <= new DateOnly(2025, 6, 30)).SumAsync(e => e.Amount), statements.Sum(x => x.Total));
        // Issued along the way, the older ones paid after they fell due; the newest is still open.
        var payments = await db.StatementPayments.ToDictionaryAsync(p => p.StatementId);
        Assert.All(statements, x => Assert.Equal(x.To.AddDays(5), DateOnly.FromDateTime(x.IssuedAt)));
        Assert.True(payments.Count >= 4);
        Assert.DoesNotContain(statements[^1].Id, payments.Keys);
        Assert.All(payments.Values, p => Assert.True(p.PaidOn >= DateOnly.FromDateTime(statements.Single(x => x.Id == p.StatementId).IssuedAt)));
    }

    /// <summary>Parallel posts with overlapping keys on real PostgreSQL: one event per key, none lost, replays reported (shares this class's app, one host fewer).</summary>
    protected async Task ParallelPostsWithOverlappingKeys()
    {
        var s = await Setup("Race");
        var ws = s.Ws;
        const int clients = 8, perClient = 50, keys = 120;
        var http = new HttpClient[clients];
        for (var c = 0; c < clients; c++) http[c] = await ws.As(Roles.Manager);
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < perClient; i++)
            {
                var k = (c * 37 + i * 7) % keys;
                var r = await http[c].PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale($"RACE-{k}", 10m + k, "2025-03-01"));
                codes.Add(r.StatusCode);
            }
            return codes;
        })));
        var all = results.SelectMany(r => r).ToList();
        Assert.All(all, c => Assert.True(c is HttpStatusCode.Created or HttpStatusCode.OK, c.ToString()));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id);
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var distinct = Enumerable.Range(0, clients).SelectMany(c => Enumerable.Range(0, perClient).Select(i => (c * 37 + i * 7) % keys)).Distinct().Count();
        Assert.Equal(distinct, await db.RevenueEvents.CountAsync());
        Assert.Equal(distinct, all.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(clients * perClient - distinct, all.Count(c => c == HttpStatusCode.OK));
    }
}
