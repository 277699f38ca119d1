using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Warmglow.Core.Agreements;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Revenue;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

/// <summary>
/// CSV import of revenue events against its anchor, in one run: a fixed-seed file of N rows (the import CSV's columns),
/// PostgreSQL COPY of it into an unlogged table, then Warmglow's validated all-or-nothing import of the same file through
/// RevenueLedger.ImportAsync (what POST /api/agreements/{id}/revenue-events/import calls) on SQLite and/or PostgreSQL.
/// Prints rows/s, the ratio to COPY (target ≥ 0.5) and the peak working set (target &lt; 300 MB at 1M rows). The peak
/// is the process's: run one provider per process to read each provider's own.
/// Usage: dotnet run -c Release --project bench/Warmglow.Bench -- import [rows=100000] [sqlite|postgres|both]
/// </summary>
static class ImportBench
{
    public static async Task RunAsync(string[] args, string pgAdmin)
    {
        var rows = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 100_000;
        var which = args.Length > 1 ? args[1] : "both";
        var dir = "/tmp/bench/import";
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"revenue-events-{rows}.csv");
        if (!File.Exists(file)) Write(file, rows);
        var bytes = new FileInfo(file).Length;
        Console.WriteLine($"import: {rows:N0} rows, {bytes / 1048576.0:0.0} MB ({file}); load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        var baseline = Process.GetCurrentProcess().WorkingSet64;

        // The anchor: COPY into an unlogged table (no indexes, no checks), in a scratch database.
        var copy = await CopyAsync(pgAdmin, file);
        Console.WriteLine($"  {"anchor: PostgreSQL COPY into an unlogged table",-58} {copy.TotalSeconds,7:0.00} s {rows / copy.TotalSeconds,12:N0} rows/s   ratio 1 (ceiling)");

        if (which is "sqlite" or "both")
        {
            var path = Path.Combine(dir, $"import-{Guid.NewGuid():N}.db");
            await Run(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" }, file, rows, copy, baseline);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
        if (which is "postgres" or "both")
        {
            var name = $"warmglow_importbench_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync(); }
            await Run(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name }.ConnectionString }, file, rows, copy, baseline);
            NpgsqlConnection.ClearAllPools();
            await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync(); }
        }
    }

    /// <summary>Fixed seed: the same file every run. One refund in 50, dates within Q1 2025, keys unique.</summary>
    static void Write(string file, int rows)
    {
        var rng = new Random(11);
        using var w = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 16);
        w.Write("key,kind,amount,currency,date,source,member\n");
        var from = new DateOnly(2025, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var kind = rng.Next(0, 50) == 0 ? "refund" : "sale";
            var amount = (rng.Next(100, 500_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            var date = from.AddDays(rng.Next(0, 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            w.Write($"inv-{i:D8},{kind},{amount},EUR,{date},crm,\n");
        }
    }

    static async Task<TimeSpan> CopyAsync(string pgAdmin, string file)
    {
        var name = $"warmglow_copybench_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync(); }
        try
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name }.ConnectionString);
            await conn.OpenAsync();
            await new NpgsqlCommand("CREATE UNLOGGED TABLE events (key text, kind text, amount numeric(18,2), currency text, date date, source text, member text)", conn).ExecuteNonQueryAsync();
            var sw = Stopwatch.StartNew();
            await using (var writer = await conn.BeginTextImportAsync("COPY events FROM STDIN (FORMAT csv, HEADER true)"))
            using (var reader = new StreamReader(file))
            {
                var buffer = new char[1 << 16];
                int n;
                while ((n = await reader.ReadAsync(buffer)) > 0) await writer.WriteAsync(buffer.AsMemory(0, n));
            }
            return sw.Elapsed;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(pgAdmin);
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
        }
    }

    static async Task Run(DatabaseOptions options, string file, int rows, TimeSpan copy, long baseline)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddSingleton(TimeProvider.System)
            .AddScoped<Tenant>()
            .AddScoped<RevenueAgreements>()
            .AddScoped<RevenueLedger>()
            .AddWarmglowDatabase(options)
            .BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(services);
        int ws, agreementId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
            var w = new Workspace { Name = "Import bench", CreatedAt = DateTime.UtcNow };
            db.Workspaces.Add(w);
            await db.SaveChangesAsync();
            ws = w.Id;
            db.Tenant.Use(ws, "bench");
            var partner = new Partner { Name = "Import partner" };
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
            var partnership = new Partnership { Name = "Import alliance", Type = PartnershipType.CoSellingReferral, Stage = PartnershipStage.Active };
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync();
            db.PartnershipMembers.Add(new PartnershipMember { PartnershipId = partnership.Id, PartnerId = partner.Id, IsLead = true });
            var agreement = new Agreement
            {
                PartnershipId = partnership.Id, Title = "Import agreement", Type = AgreementType.Referral, Status = AgreementStatus.Active,
                StartDate = new DateOnly(2024, 7, 1), Currency = "EUR",
            };
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            db.RevenueTerms.Add(new RevenueTerms
            {
                AgreementId = agreement.Id, Kind = ShareModelKind.FixedSplit,
                Model = System.Text.Json.JsonSerializer.Serialize(new ModelInput(Shares: [new($"p{partner.Id}", 60), new("org", 40)]),
                    new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }),
            });
            await db.SaveChangesAsync();
            agreementId = agreement.Id;
        }
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        string outcome;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "bench");
            await using var stream = File.OpenRead(file);
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<RevenueLedger>().ImportAsync(agreementId, stream, default);
                outcome = $"{result.Created:N0} created";
            }
            catch (Exception e) when (e is ValidationFailed or Conflict)
            {
                outcome = "refused: " + e.Message + (e is ValidationFailed v ? " " + string.Join("; ", v.Errors.ToDictionary().Take(2).Select(kv => $"{kv.Key}: {string.Join(" ", kv.Value)}")) : "");
            }
        }
        var elapsed = sw.Elapsed;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        long stored;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "bench");
            stored = await scope.ServiceProvider.GetRequiredService<WarmglowDb>().RevenueEvents.LongCountAsync();
        }
        var rps = rows / elapsed.TotalSeconds;
        Console.WriteLine($"  {$"Warmglow import, {options.Provider} ({outcome}; {stored:N0} stored)",-58} {elapsed.TotalSeconds,7:0.00} s {rps,12:N0} rows/s   ratio {rps / (rows / copy.TotalSeconds):0.000} (target ≥ 0.5)");
        Console.WriteLine($"  {"",-58} peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB (at start {baseline / 1048576.0:N0} MB; target < 300 MB at 1M rows); allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0:N0} MB");
        await services.DisposeAsync();
    }
}
