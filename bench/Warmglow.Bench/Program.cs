using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

// Partner and partnership lists at volume, on SQLite and PostgreSQL: the queries the UI and API run on every page.
// Usage: dotnet run -c Release --project bench/Warmglow.Bench -- [partners=20000] [sqlite|postgres|both] [lists|measurement|health]
// "measurement" adds 4 metrics × 25 observations per partnership (10,000 → 1,000,000) and times the dashboards instead.
// "health": the health read model behind the workspace dashboard (IHealthSummarySource) after one recompute.
// Or: dotnet run -c Release --project bench/Warmglow.Bench -- import [rows=100000] [sqlite|postgres|both]
// Or: dotnet run -c Release --project bench/Warmglow.Bench -- revenue [agreements=1000] [events=1000000] [sqlite|postgres|both]
// Or: dotnet run -c Release --project bench/Warmglow.Bench -- psi [keys=1000000]   (the private overlap's cryptography, no database)
if (args.FirstOrDefault() == "psi")
{
    PrivateOverlapBench.Run(args[1..]);
    return;
}
// Or: dotnet run -c Release --project bench/Warmglow.Bench -- search [partners=300000] [sqlite|postgres|both] [seconds=5]
if (args.FirstOrDefault() == "search")
{
    await SearchBench.RunAsync(args[1..], Environment.GetEnvironmentVariable("WARMGLOW_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=warmglow;Password=warmglow;Database=postgres");
    return;
}
if (args.FirstOrDefault() == "import")
{
    await ImportBench.RunAsync(args[1..], Environment.GetEnvironmentVariable("WARMGLOW_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=warmglow;Password=warmglow;Database=postgres");
    return;
}
if (args.FirstOrDefault() == "revenue")
{
    await RevenueBench.RunAsync(args[1..], Environment.GetEnvironmentVariable("WARMGLOW_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=warmglow;Password=warmglow;Database=postgres");
    return;
}
var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20_000;
var which = args.Length > 1 ? args[1] : "both";
var mode = args.Length > 2 ? args[2] : "lists";
var pgAdmin = Environment.GetEnvironmentVariable("WARMGLOW_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=warmglow;Password=warmglow;Database=postgres";

if (which is "sqlite" or "both")
{
    var path = Path.Combine(Path.GetTempPath(), $"warmglow-bench-{Guid.NewGuid():N}.db");
    await Run(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" });
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    File.Delete(path);
}
if (which is "postgres" or "both")
{
    var name = $"warmglow_bench_{Guid.NewGuid():N}";
    await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync(); }
    await Run(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name }.ConnectionString });
    NpgsqlConnection.ClearAllPools();
    await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync(); }
}

async Task Run(DatabaseOptions options)
{
    var collection = new ServiceCollection()
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
        .AddSingleton(TimeProvider.System)
        .AddScoped<Tenant>();
    // The modules the benchmarks exercise, registered exactly as the app registers them.
    var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
    foreach (var module in new Warmglow.Web.Infrastructure.Modules.IWarmglowModule[]
             {
                 new Warmglow.Web.Features.Users.UsersModule(), new Warmglow.Web.Features.Partners.PartnersModule(),
                 new Warmglow.Web.Features.Partnerships.PartnershipsModule(), new Warmglow.Web.Features.Discovery.DiscoveryModule(),
                 new Warmglow.Web.Features.Tasks.TasksModule(), new Warmglow.Web.Features.Agreements.AgreementsModule(),
                 new Warmglow.Web.Features.Revenue.RevenueModule(), new Warmglow.Web.Features.Measurement.MeasurementModule(),
                 new Warmglow.Web.Features.Health.HealthModule(), new Warmglow.Web.Features.Demo.DemoModule(),
             })
        module.AddServices(collection, configuration);
    var services = collection
        .AddWarmglowDatabase(options)
        .BuildServiceProvider();
    await DatabaseSetup.MigrateAsync(services);
    int ws;
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var w = new Workspace { Name = "Bench", CreatedAt = DateTime.UtcNow };
        db.Workspaces.Add(w);
        await db.SaveChangesAsync();
        ws = w.Id;
        db.Tenant.Use(ws, "bench");
        var sw = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(count, batchSize: 2000);
        Console.WriteLine($"{options.Provider}: generated {count:N0} partners with partnerships and histories in {sw.Elapsed.TotalSeconds:0.0} s");
        if (mode == "measurement") await MeasurementBench.FillAsync(services, ws, options.Provider);
        // Measure the steady state: planner statistics as autovacuum / PRAGMA optimize would leave them after a bulk load.
        if (options.Provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
        else await DatabaseSetup.OptimizeAsync(db);
    }

    async Task Time(string label, Func<IServiceProvider, Task> query, int runs = 15)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 3; i++)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "bench");
            var sw = Stopwatch.StartNew();
            await query(scope.ServiceProvider);
            if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds); // the first runs warm up EF's query cache
        }
        times.Sort();
        Console.WriteLine($"  {label,-48} median {times[times.Count / 2],7:0.0} ms   p90 {times[(int)(times.Count * 0.9)],7:0.0} ms");
    }

    if (mode == "measurement")
    {
        var somePartnership = 0;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "bench");
            somePartnership = await scope.ServiceProvider.GetRequiredService<WarmglowDb>().Partnerships.OrderBy(p => p.Id).Skip(count / 2).Select(p => p.Id).FirstAsync();
        }
        Warmglow.Web.Features.Measurement.DashboardService D(IServiceProvider sp) => sp.GetRequiredService<Warmglow.Web.Features.Measurement.DashboardService>();
        await Time("dashboard, page 1 by name", sp => D(sp).WorkspaceAsync(new()));
        await Time("dashboard, page 1 by composite (desc)", sp => D(sp).WorkspaceAsync(new(Sort: "-composite")));
        await Time("dashboard, page 200 by composite", sp => D(sp).WorkspaceAsync(new(Page: 200, Sort: "-composite")));
        await Time("dashboard, search 'group'", sp => D(sp).WorkspaceAsync(new(Search: "group")));
        await Time("partnership dashboard (scorecard, trends, ROI)", sp => D(sp).PartnershipAsync(somePartnership));
        var day = 0;
        await Time("record 1 observation (+ latest, rescore)", async sp =>
        {
            var m = sp.GetRequiredService<Warmglow.Web.Features.Measurement.ObservationService>();
            var metric = (await sp.GetRequiredService<Warmglow.Web.Features.Measurement.MeasurementService>().AttachmentsAsync(somePartnership))[0].MetricId;
            await m.RecordAsync(somePartnership, new(metric, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(++day)), 1, null), Warmglow.Web.Features.Measurement.ObservationSource.Api);
        });
        await services.DisposeAsync();
        return;
    }
    if (mode == "health")
    {
        await HealthBench.RunAsync(services, ws, count, Time);
        await services.DisposeAsync();
        return;
    }
    await Time("partners, page 1 by name", sp => sp.GetRequiredService<PartnerService>().ListAsync(new PartnerQuery()));
    await Time("partners, page 200 by name", sp => sp.GetRequiredService<PartnerService>().ListAsync(new PartnerQuery(Page: 200)));
    await Time("partners, search 'group'", sp => sp.GetRequiredService<PartnerService>().ListAsync(new PartnerQuery(Search: "group")));
    await Time("partners, industry + region + stage filter", sp => sp.GetRequiredService<PartnerService>().ListAsync(new PartnerQuery(Industry: "Software", Region: "Europe", Stage: PartnershipStage.Active)));
    await Time("partnerships, page 1 recently changed", sp => sp.GetRequiredService<PartnershipService>().ListAsync(new PartnershipQuery()));
    await Time("partnership detail with history", async sp => await sp.GetRequiredService<PartnershipService>().GetAsync(count / 2));
    await Time("partner facets", sp => sp.GetRequiredService<PartnerService>().FacetsAsync());
    await services.DisposeAsync();
}
