using System.Collections.Concurrent;
using System.Diagnostics;
using Bogus;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

/// <summary>
/// Partner search at volume (issue 11; decision 0032): N generated partners (Bogus, fixed seed) with one contact each,
/// written in bulk (the SQLite triggers fill the FTS5 table as rows arrive), then 16 concurrent clients searching for a
/// few seconds through PartnerService.ListAsync (what GET /api/partners?search= and /Partners run), each search a
/// fresh scope. Terms are pieces of generated names, websites and contact e-mails in mixed case, plus a few 2-letter
/// terms (SQLite scans those). Prints p50/p95 per provider next to the target (p95 &lt; 100 ms).
/// Usage: dotnet run -c Release --project bench/Warmglow.Bench -- search [partners=300000] [sqlite|postgres|both] [seconds=5]
/// </summary>
static class SearchBench
{
    const int Clients = 16;

    public static async Task RunAsync(string[] args, string pgAdmin)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 300_000;
        var which = args.Length > 1 ? args[1] : "both";
        var seconds = args.Length > 2 && int.TryParse(args[2], out var s) ? s : 5;
        if (which is "sqlite" or "both")
        {
            var path = Path.Combine(Path.GetTempPath(), $"warmglow-bench-search-{Guid.NewGuid():N}.db");
            try { await Run(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" }, count, seconds); }
            finally { Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); File.Delete(path); }
        }
        if (which is "postgres" or "both")
        {
            var name = $"warmglow_bench_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync(); }
            try { await Run(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name }.ConnectionString }, count, seconds); }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(pgAdmin);
                await c.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
            }
        }
    }

    static async Task Run(DatabaseOptions options, int count, int seconds)
    {
        var collection = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddSingleton(TimeProvider.System)
            .AddScoped<Tenant>();
        new PartnersModule().AddServices(collection, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        await using var services = collection.AddWarmglowDatabase(options).BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(services);

        int ws;
        var terms = new List<string>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
            if (options.Provider == DatabaseProvider.Sqlite)
                Console.WriteLine($"sqlite {await db.Database.SqlQuery<string>($"SELECT sqlite_version() AS \"Value\"").SingleAsync()}");
            var w = new Workspace { Name = "Bench", CreatedAt = DateTime.UtcNow };
            db.Workspaces.Add(w);
            await db.SaveChangesAsync();
            ws = w.Id;
            db.Tenant.Use(ws, "bench");
            var sw = Stopwatch.StartNew();
            terms = await GenerateAsync(db, ws, count);
            if (options.Provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
            else await DatabaseSetup.OptimizeAsync(db);
            Console.WriteLine($"{options.Provider}: {count:N0} partners and {count:N0} contacts written and indexed in {sw.Elapsed.TotalSeconds:0.0} s");
        }

        async Task<double> Search(string term)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "bench");
            var sw = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<PartnerService>().ListAsync(new PartnerQuery(Search: term));
            return sw.Elapsed.TotalMilliseconds;
        }

        foreach (var t in terms.Take(20)) await Search(t); // warm EF's query cache and the pools
        var times = new ConcurrentBag<double>();
        var shortTimes = new ConcurrentBag<double>();
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var i = client * 7919;
            while (until.Elapsed.TotalSeconds < seconds)
            {
                var term = terms[i++ % terms.Count];
                var ms = await Search(term);
                (term.Length < 3 ? shortTimes : times).Add(ms);
            }
        })));
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        Console.WriteLine($"  {Clients} clients × {seconds} s, load {load}: {times.Count + shortTimes.Count:N0} searches ({(times.Count + shortTimes.Count) / until.Elapsed.TotalSeconds:0} /s)");
        Report("terms of 3+ characters", times);
        Report("2-character terms", shortTimes);
    }

    static void Report(string label, ConcurrentBag<double> bag)
    {
        if (bag.IsEmpty) return;
        var t = bag.Order().ToArray();
        double P(double q) => t[Math.Min(t.Length - 1, (int)(t.Length * q))];
        Console.WriteLine($"  {label,-24} n={t.Length,6}  p50 {P(0.5),7:0.0} ms  p95 {P(0.95),7:0.0} ms  (target p95 < 100 ms: {(P(0.95) < 100 ? "met" : "NOT met")})");
    }

    static readonly BulkColumn[] PartnerColumns =
    [
        new("WorkspaceId", NpgsqlDbType.Integer), new("Name", NpgsqlDbType.Varchar), new("Website", NpgsqlDbType.Varchar),
        new("Industry", NpgsqlDbType.Varchar), new("Region", NpgsqlDbType.Varchar), new("Version", NpgsqlDbType.Integer),
        new("CreatedAt", NpgsqlDbType.TimestampTz), new("UpdatedAt", NpgsqlDbType.TimestampTz),
    ];

    static readonly BulkColumn[] ContactColumns =
    [
        new("WorkspaceId", NpgsqlDbType.Integer), new("PartnerId", NpgsqlDbType.Integer), new("Name", NpgsqlDbType.Varchar),
        new("Email", NpgsqlDbType.Varchar), new("Version", NpgsqlDbType.Integer),
        new("CreatedAt", NpgsqlDbType.TimestampTz), new("UpdatedAt", NpgsqlDbType.TimestampTz),
    ];

    /// <summary>Writes the partners and their contacts; returns the search terms (pieces of what was written, in mixed case).</summary>
    static async Task<List<string>> GenerateAsync(WarmglowDb db, int ws, int count)
    {
        Randomizer.Seed = new Random(11);
        var f = new Faker("en");
        var now = DateTime.UtcNow;
        var names = new string[count];
        var domains = new string[count];
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await using (var w = await db.Sql().OpenBulkWriterAsync(db, "Partners", PartnerColumns, default))
            {
                for (var i = 0; i < count; i++)
                {
                    names[i] = $"{f.Company.CompanyName()} {f.Address.City()}";
                    domains[i] = $"{f.Internet.DomainWord()}{i}.example";
                    await w.WriteAsync([ws, names[i], $"https://{domains[i]}", f.Commerce.Department(), f.Address.Country(), 0, now, now], default);
                }
                await w.CompleteAsync(default);
            }
            await tx.CommitAsync();
        }
        var ids = await db.Partners.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var emails = new string[count];
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await using (var w = await db.Sql().OpenBulkWriterAsync(db, "Contacts", ContactColumns, default))
            {
                for (var i = 0; i < count; i++)
                {
                    var first = f.Name.FirstName();
                    var last = f.Name.LastName();
                    emails[i] = $"{first}.{last}@{domains[i]}".ToLowerInvariant();
                    await w.WriteAsync([ws, ids[i], $"{first} {last}", emails[i], 0, now, now], default);
                }
                await w.CompleteAsync(default);
            }
            await tx.CommitAsync();
        }
        var terms = new List<string>();
        var r = new Random(7);
        string Piece(string s, int len) { var at = r.Next(0, Math.Max(1, s.Length - len)); return s.Substring(at, Math.Min(len, s.Length - at)); }
        for (var i = 0; i < 400; i++)
        {
            var k = r.Next(count);
            var term = (i % 4) switch
            {
                0 => Piece(names[k], 6).ToUpperInvariant(),
                1 => Piece(names[k], 9),
                2 => emails[k].Split('@')[0],
                _ => domains[k],
            };
            terms.Add(term.Trim().Length >= 3 ? term : names[k][..5]);
        }
        for (var i = 0; i < 20; i++) terms.Add(Piece(names[r.Next(count)], 2).ToLowerInvariant() is { } t && t.Trim().Length == 2 ? t : "ab");
        return terms;
    }
}
