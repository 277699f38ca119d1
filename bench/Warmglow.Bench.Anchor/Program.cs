// A bare ASP.NET Core minimal API returning 50 small records as JSON: what Kestrel, routing and System.Text.Json cost
// on this machine with nothing else. bench/reads.sh runs wrk against it and against Warmglow's list in one run and
// prints Warmglow's throughput as a ratio of this one.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
app.MapGet("/records", () =>
{
    var items = new List<Row>(50);
    for (var i = 1; i <= 50; i++)
        items.Add(new Row(i, $"Partnership {i}", "Reseller", "Active", $"Partner {i}", i, "Alex Manager", null, start.AddDays(i), start.AddHours(i)));
    return new Paged(items, 1, 50, 2000);
});
app.Run();

sealed record Row(int Id, string Name, string Type, string Stage, string? LeadPartner, int? LeadPartnerId, string? Manager, string? Sponsor,
    DateTime? StartDate, DateTime UpdatedAt);
sealed record Paged(List<Row> Items, int Page, int PageSize, int Total);
