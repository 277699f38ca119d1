using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Measurement;
using Warmglow.Web.Infrastructure;

/// <summary>
/// The measurement dashboards at volume: every generated partnership gets the four balanced-template metrics that cover
/// each category, with <c>observationsPerMetric</c> quarterly observations each (10,000 partnerships × 4 × 25 = 1,000,000),
/// loaded in bulk (COPY on PostgreSQL, one prepared insert on SQLite); the latest values and stored composites are then
/// computed the way the service maintains them.
/// </summary>
static class MeasurementBench
{
    public static async Task FillAsync(IServiceProvider services, int workspaceId, DatabaseProvider provider, int observationsPerMetric = 25)
    {
        var sw = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<Tenant>().Use(workspaceId, "bench");
        var db = sp.GetRequiredService<WarmglowDb>();
        var measurement = sp.GetRequiredService<MeasurementService>();
        await measurement.ApplyTemplateAsync(MetricTemplates.Balanced.Key);
        var metrics = (await db.MetricDefinitions.AsNoTracking().OrderBy(m => m.Id).ToListAsync()).GroupBy(m => m.Category).Select(g => g.First()).ToList();
        var partnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var batch = new ObservationBatch { PartnershipId = partnerships[0], Source = ObservationSource.Import, ByName = "bench", At = DateTime.UtcNow };
        db.ObservationBatches.Add(batch);
        await db.SaveChangesAsync();

        var random = new Random(9);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var attachments = new List<PartnershipMetric>();
        foreach (var pid in partnerships)
            foreach (var m in metrics)
                attachments.Add(new PartnershipMetric { PartnershipId = pid, MetricDefinitionId = m.Id, WorkspaceId = workspaceId });
        var byId = metrics.ToDictionary(m => m.Id);
        var values = new List<(PartnershipMetric Attachment, DateOnly On, decimal Value)>(attachments.Count * observationsPerMetric);
        foreach (var a in attachments)
        {
            var m = byId[a.MetricDefinitionId];
            var drift = random.NextDouble() * 0.08 - 0.02;
            for (var i = 0; i < observationsPerMetric; i++)
            {
                var progress = Math.Clamp(0.2 + drift * i + (random.NextDouble() - 0.5) * 0.1, -0.2, 1.2);
                var value = m.Baseline + (m.Target - m.Baseline) * (decimal)progress;
                value = m.Unit switch
                {
                    MetricUnit.Count => Math.Max(0, Math.Round(value)),
                    MetricUnit.Percent or MetricUnit.Score => Math.Clamp(Math.Round(value, 1), 0, 100),
                    MetricUnit.Days => Math.Max(0, Math.Round(value, 1)),
                    _ => Math.Round(value, 2),
                };
                values.Add((a, today.AddDays(-91 * (observationsPerMetric - 1 - i)), value));
            }
            // The latest value and score, as the write path maintains them, set before the rows are inserted.
            a.LatestValue = values[^1].Value;
            a.LatestOn = values[^1].On;
            a.Metric = m;
            a.LatestScore = MeasurementScoring.Score(a);
            a.Metric = null;
        }
        foreach (var chunk in attachments.Chunk(5000))
        {
            db.PartnershipMetrics.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var rows = values.Select(v => (Partnership: v.Attachment.PartnershipId, Attachment: v.Attachment.Id, v.On, v.Value)).ToList();
        Console.WriteLine($"{provider}: {attachments.Count:N0} attachments; writing {rows.Count:N0} observations…");

        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        if (provider == DatabaseProvider.Postgres)
        {
            await using (var copy = await ((NpgsqlConnection)conn).BeginBinaryImportAsync(
                "COPY \"Observations\" (\"WorkspaceId\", \"PartnershipId\", \"PartnershipMetricId\", \"On\", \"Value\", \"BatchId\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var r in rows)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(workspaceId, NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.Partnership, NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.Attachment, NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.On, NpgsqlDbType.Date);
                    await copy.WriteAsync(r.Value, NpgsqlDbType.Numeric);
                    await copy.WriteAsync(batch.Id, NpgsqlDbType.Integer);
                }
                await copy.CompleteAsync();
            }
        }
        else
        {
            await using var tx = await conn.BeginTransactionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO \"Observations\" (\"WorkspaceId\", \"PartnershipId\", \"PartnershipMetricId\", \"On\", \"Value\", \"BatchId\") VALUES ($w, $p, $a, $o, $v, $b)";
            DbParameter P(string name) { var p = cmd.CreateParameter(); p.ParameterName = name; cmd.Parameters.Add(p); return p; }
            var (w, pp, aa, o, v, b) = (P("$w"), P("$p"), P("$a"), P("$o"), P("$v"), P("$b"));
            w.Value = workspaceId;
            b.Value = batch.Id;
            await cmd.PrepareAsync();
            foreach (var r in rows)
            {
                pp.Value = r.Partnership;
                aa.Value = r.Attachment;
                o.Value = r.On.ToString("yyyy-MM-dd");
                v.Value = r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        db.ChangeTracker.Clear();
        foreach (var chunk in partnerships.Chunk(1000)) await sp.GetRequiredService<MeasurementScoring>().RescoreAsync(chunk, rescoreMetrics: false);
        Console.WriteLine($"{provider}: measurement data for {partnerships.Count:N0} partnerships, {rows.Count:N0} observations in {sw.Elapsed.TotalSeconds:0.0} s");
    }
}
