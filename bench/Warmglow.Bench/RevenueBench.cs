using System.Diagnostics;
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
/// Issuing revenue-share statements at volume: N agreements (mixed share models) with M events in one quarter,
/// all issued with StatementService.IssueAllAsync; then, for comparison in the same run, the per-agreement path
/// (IssueAsync per agreement) on a tenth of the volume in the next quarter.
/// Usage: dotnet run -c Release --project bench/Warmglow.Bench -- revenue [agreements=1000] [events=1000000] [sqlite|postgres|both]
/// </summary>
static class RevenueBench
{
    public static async Task RunAsync(string[] args, string pgAdmin)
    {
        var agreements = args.Length > 0 && int.TryParse(args[0], out var a) ? a : 1000;
        var events = args.Length > 1 && int.TryParse(args[1], out var e) ? e : 1_000_000;
        var which = args.Length > 2 ? args[2] : "both";
        if (which is "sqlite" or "both")
        {
            var path = Path.Combine(Path.GetTempPath(), $"warmglow-revbench-{Guid.NewGuid():N}.db");
            await Run(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" }, agreements, events, pgAdmin);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
        if (which is "postgres" or "both")
        {
            var name = $"warmglow_revbench_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync(); }
            await Run(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name }.ConnectionString }, agreements, events, pgAdmin);
            NpgsqlConnection.ClearAllPools();
            await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync(); }
        }
    }

    static async Task Run(DatabaseOptions options, int agreementCount, int eventCount, string pgAdmin)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddSingleton(TimeProvider.System)
            .AddScoped<Tenant>()
            .AddScoped<RevenueAgreements>()
            .AddScoped<StatementService>()
            .AddSingleton<Warmglow.Web.Features.Notifications.INotifier, NoNotices>() // notices are not what is timed here
            .AddWarmglowDatabase(options)
            .BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(services);
        var q1 = new Period(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31));
        var q2 = new Period(new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30));
        int ws;
        List<int> ids;
        Dictionary<int, string?> members;
        var sw = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
            var w = new Workspace { Name = "Revenue bench", CreatedAt = DateTime.UtcNow };
            db.Workspaces.Add(w);
            await db.SaveChangesAsync();
            ws = w.Id;
            db.Tenant.Use(ws, "bench");
            (ids, members) = await SeedAgreementsAsync(db, agreementCount);
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await db.Sql().InsertRevenueEventsAsync(db, Events(ws, ids, members, eventCount, q1, "q1"), default);
                // The "before" comparison: a tenth of the volume in Q2 for the first tenth of the agreements.
                await db.Sql().InsertRevenueEventsAsync(db, Events(ws, ids.Take(Math.Max(1, ids.Count / 10)).ToList(), members, eventCount / 10, q2, "q2"), default);
                await tx.CommitAsync();
            }
            if (options.Provider == DatabaseProvider.Postgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");
            else await DatabaseSetup.OptimizeAsync(db);
        }
        Console.WriteLine($"{options.Provider}: {agreementCount:N0} agreements, {eventCount + eventCount / 10:N0} events loaded in {sw.Elapsed.TotalSeconds:0.0} s");

        // The anchor, in the same run: PostgreSQL GROUP BY agreement × quarter over the same Q1 events (binary COPY into an
        // unlogged table of a scratch database), and the same GROUP BY on this provider's own RevenueEvents table.
        var groupBy = await GroupByAnchorAsync(pgAdmin, Events(ws, ids, members, eventCount, q1, "q1"));
        TimeSpan ownGroupBy;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
            var quarter = options.Provider == DatabaseProvider.Postgres ? "date_trunc('quarter', \"Date\")" : "strftime('%Y', \"Date\") || ((cast(strftime('%m', \"Date\") as integer) + 2) / 3)";
            ownGroupBy = await TimeGroupByAsync(db.Database.GetDbConnection(),
                $"SELECT \"AgreementId\", {quarter}, sum(\"Amount\"), count(*) FROM \"RevenueEvents\" WHERE \"Date\" >= '2025-01-01' AND \"Date\" <= '2025-03-31' GROUP BY 1, 2");
        }
        Console.WriteLine($"  anchor: PostgreSQL GROUP BY agreement × quarter over the same {eventCount:N0} events: {groupBy.TotalSeconds:0.000} s (median of 3); " +
            $"the same GROUP BY on {options.Provider}'s RevenueEvents: {ownGroupBy.TotalSeconds:0.000} s");

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        sw.Restart();
        StatementService.BulkIssueResult result;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "bench");
            result = await scope.ServiceProvider.GetRequiredService<StatementService>().IssueAllAsync(q1);
        }
        var issueAll = sw.Elapsed;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"  after:  IssueAllAsync  {result.Statements:N0} statements, {result.Lines:N0} lines in {issueAll.TotalSeconds:0.00} s " +
            $"({result.Lines / issueAll.TotalSeconds:N0} lines/s); skipped {result.Skipped.Count}; peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB " +
            $"(before issuing {peakBefore / 1048576.0:N0} MB); allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0:N0} MB; " +
            $"GC heap now {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:N0} MB");

        Console.WriteLine($"  ratio IssueAllAsync ÷ PostgreSQL GROUP BY: {issueAll.TotalSeconds / groupBy.TotalSeconds:0.0}× (target ≤ 2×); " +
            $"÷ {options.Provider}'s own GROUP BY: {issueAll.TotalSeconds / ownGroupBy.TotalSeconds:0.0}×");
        var t = result.Phases;
        Console.WriteLine($"  phases (s): read events {t.ReadEvents:0.00}, compute {t.Compute:0.00}, save statements + line sets {t.SaveStatements:0.00}, encode lines {t.EncodeLines:0.00}, mark events stated {t.MarkEventsStated:0.00}");
        // For comparison: one IssueAsync per agreement (per-agreement queries and writes).
        sw.Restart();
        var lines = 0;
        foreach (var id in ids.Take(Math.Max(1, ids.Count / 10)))
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "bench");
            lines += (await scope.ServiceProvider.GetRequiredService<StatementService>().IssueAsync(id, new PeriodInput(q2.From, q2.To), default)).LineCount;
        }
        var before = sw.Elapsed;
        Console.WriteLine($"  per agreement: IssueAsync × {Math.Max(1, ids.Count / 10)}: {lines:N0} lines in {before.TotalSeconds:0.00} s ({lines / before.TotalSeconds:N0} lines/s)");
        Console.WriteLine($"  ratio (lines/s IssueAllAsync ÷ IssueAsync): {result.Lines / issueAll.TotalSeconds / (lines / before.TotalSeconds):0.0}×");
    }

    static async Task<TimeSpan> GroupByAnchorAsync(string pgAdmin, IEnumerable<RevenueEntry> events)
    {
        var name = $"warmglow_groupbybench_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(pgAdmin)) { await c.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync(); }
        try
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name }.ConnectionString);
            await conn.OpenAsync();
            await new NpgsqlCommand("CREATE UNLOGGED TABLE events (agreement_id int, date date, amount numeric(18,2))", conn).ExecuteNonQueryAsync();
            await using (var writer = await conn.BeginBinaryImportAsync("COPY events (agreement_id, date, amount) FROM STDIN (FORMAT binary)"))
            {
                foreach (var e in events)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(e.AgreementId, NpgsqlTypes.NpgsqlDbType.Integer);
                    await writer.WriteAsync(e.Date, NpgsqlTypes.NpgsqlDbType.Date);
                    await writer.WriteAsync(e.Amount, NpgsqlTypes.NpgsqlDbType.Numeric);
                }
                await writer.CompleteAsync();
            }
            await new NpgsqlCommand("ANALYZE events", conn).ExecuteNonQueryAsync();
            return await TimeGroupByAsync(conn, "SELECT agreement_id, date_trunc('quarter', date), sum(amount), count(*) FROM events GROUP BY 1, 2");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(pgAdmin);
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
        }
    }

    /// <summary>Median of three runs, every group read to the client.</summary>
    static async Task<TimeSpan> TimeGroupByAsync(System.Data.Common.DbConnection conn, string sql)
    {
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 600;
            await using var reader = await cmd.ExecuteReaderAsync();
            var groups = 0;
            while (await reader.ReadAsync()) groups++;
            times.Add(sw.Elapsed);
            if (groups == 0) throw new InvalidOperationException("The GROUP BY found no events.");
        }
        times.Sort();
        return times[1];
    }

    static async Task<(List<int>, Dictionary<int, string?>)> SeedAgreementsAsync(WarmglowDb db, int count)
    {
        var partners = Enumerable.Range(1, count).Select(i => new Partner { Name = $"Bench partner {i:D5}" }).ToList();
        db.Partners.AddRange(partners);
        await db.SaveChangesAsync();
        var partnerships = partners.Select(p => new Partnership { Name = $"{p.Name} alliance", Type = PartnershipType.CoSellingReferral, Stage = PartnershipStage.Active }).ToList();
        db.Partnerships.AddRange(partnerships);
        await db.SaveChangesAsync();
        db.PartnershipMembers.AddRange(partnerships.Select((p, i) => new PartnershipMember { PartnershipId = p.Id, PartnerId = partners[i].Id, IsLead = true }));
        var agreements = partnerships.Select(p => new Agreement
        {
            PartnershipId = p.Id, Title = $"{p.Name} agreement", Type = AgreementType.Referral, Status = AgreementStatus.Active,
            StartDate = new DateOnly(2024, 7, 1), Currency = "EUR",
        }).ToList();
        db.Agreements.AddRange(agreements);
        await db.SaveChangesAsync();
        for (var i = 0; i < agreements.Count; i++)
        {
            var p = $"p{partners[i].Id}";
            ModelInput model;
            ShareModelKind kind;
            switch (i % 5)
            {
                case 0: kind = ShareModelKind.FixedSplit; model = new(Shares: [new(p, 60), new("org", 40)]); break;
                case 1: kind = ShareModelKind.CapabilitySplit; model = new(Contributions: [new(p, 300), new("org", 200)]); break;
                case 2: kind = ShareModelKind.PhasedSplit; model = new(Phases: [new(1, null, null, [new(p, 70), new("org", 30)]), new(2, null, null, [new(p, 50), new("org", 50)])]); break;
                case 3: kind = ShareModelKind.TieredSplit; model = new(PartnerId: p, OwnerId: "org", Tiers: [new(0, 10), new(100000, 15)]); break;
                default: kind = ShareModelKind.Pool; model = new(Members: [new(p, 10, 1)]); break;
            }
            db.RevenueTerms.Add(new RevenueTerms { AgreementId = agreements[i].Id, Kind = kind, Model = System.Text.Json.JsonSerializer.Serialize(model, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }) });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return (agreements.Select(x => x.Id).ToList(), agreements.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i % 5 == 4 ? $"p{partners[x.i].Id}" : null));
    }

    /// <summary>Generated lazily, so the load itself never holds a million events in memory.</summary>
    static IEnumerable<RevenueEntry> Events(int ws, List<int> agreements, Dictionary<int, string?> members, int count, Period period, string prefix)
    {
        var rng = new Random(7);
        var days = period.To.DayNumber - period.From.DayNumber + 1;
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var agreement = agreements[i % agreements.Count];
            var refund = rng.Next(0, 50) == 0;
            var amount = Math.Round((decimal)rng.Next(100, 500_000) / 100m, 2);
            yield return new RevenueEntry
            {
                WorkspaceId = ws, AgreementId = agreement, Key = $"{prefix}-{i:D8}", Kind = refund ? RevenueKind.Refund : RevenueKind.Sale,
                Amount = refund ? -amount : amount, Currency = "EUR", Date = period.From.AddDays(rng.Next(0, days)),
                Source = "bench", MemberId = members[agreement], Channel = "api", RecordedAt = now, RecordedBy = "bench",
            };
        }
    }
}

/// <summary>StatementService tells people when statements are issued; the benchmark has no one to tell.</summary>
sealed class NoNotices : Warmglow.Web.Features.Notifications.INotifier
{
    public Task NotifyAsync(Warmglow.Web.Features.Notifications.Notice notice, IEnumerable<string> userIds, CancellationToken ct = default) => Task.CompletedTask;
    public Task NotifyPartnershipAsync(Warmglow.Web.Features.Notifications.Notice notice, Warmglow.Web.Features.Notifications.NoticeAudience audience, CancellationToken ct = default) => Task.CompletedTask;
}
