using System.Net;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteRevenueStorageTests(SqliteApp app) : RevenueStorageTests<SqliteApp>(app);
public sealed class PostgresRevenueStorageTests(PostgresApp app) : RevenueStorageTests<PostgresApp>(app);

/// <summary>The issued-statement storage (decision 0008): each event marked with its statement once; lines read back exactly.</summary>
public abstract class RevenueStorageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [SkippableFact]
    public async Task Issue_MarksEachEventWithItsStatement_LinesRoundTripExactly()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Storage");
        var s = await RevenueFixtures.AgreementAsync(app, ws, "Storage", new DateOnly(2025, 1, 1));
        Assert.Equal(HttpStatusCode.OK, (await s.Manager.PutJson($"{s.Url}/revenue-terms",
            new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 33.3m }, new { partyId = "org", percent = 66.7m } } })).StatusCode);
        foreach (var (key, amount, date) in new[] { ("A-1", 10.01m, "2025-01-05"), ("A-2", 0.01m, "2025-02-01"), ("A-3", 1234.56m, "2025-05-01") })
            Assert.Equal(HttpStatusCode.Created, (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale(key, amount, date, source: "shop \"EU\", web"))).StatusCode);

        var r = await s.Manager.PostJson($"{s.Url}/statements", new { from = "2025-01-01", to = "2025-03-31" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var first = await r.Read<StatementDto>();
        Assert.Equal(["A-1", "A-2"], first.Lines!.Select(l => l.Key));
        Assert.Equal([10.01m, 0.01m], first.Lines!.Select(l => l.Amount));
        Assert.Equal("shop \"EU\", web", first.Lines![0].Source);
        Assert.All(first.Lines!, l => Assert.Equal(l.Amount, l.Shares.Sum()));

        var events = (await (await s.Manager.GetAsync($"{s.Url}/revenue-events")).Read<Paged<EventDto>>()).Items;
        Assert.Equal(first.Id, events.Single(e => e.Key == "A-1").StatementId);
        Assert.Equal(first.Id, events.Single(e => e.Key == "A-2").StatementId);
        Assert.Null(events.Single(e => e.Key == "A-3").StatementId);

        var second = await (await s.Manager.PostJson($"{s.Url}/statements", new { from = "2025-04-01", to = "2025-06-30" })).Read<StatementDto>();
        Assert.Equal(["A-3"], second.Lines!.Select(l => l.Key));
        var reread = await (await s.Manager.GetAsync($"/api/statements/{first.Id}")).Read<StatementDto>();
        Assert.Equal(first.Lines!.Select(l => (l.EventId, l.Key, l.Date, l.Source, l.Amount, l.Adjustment, string.Join("|", l.Shares))),
            reread.Lines!.Select(l => (l.EventId, l.Key, l.Date, l.Source, l.Amount, l.Adjustment, string.Join("|", l.Shares))));
    }
}
