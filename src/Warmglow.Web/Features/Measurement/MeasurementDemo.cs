using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Measurement;

/// <summary>
/// The demo's measurement: both template sets, the balanced metrics attached to every live partnership (active,
/// scaling, under review), a baseline observation before launch, quarterly observations since (the first live partnership
/// improving, the second declining, the rest drifting), costs, intangibles and a journal-entries-to-trees impact goal.
/// </summary>
public sealed class MeasurementDemo(WarmglowDb db, MeasurementService measurement, MeasurementScoring scoring) : IDemoContributor
{
    public int Order => 300;

    static readonly PartnershipStage[] Live = [PartnershipStage.Active, PartnershipStage.Scaling, PartnershipStage.UnderReview];

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        await measurement.ApplyTemplateAsync(MetricTemplates.Balanced.Key, ct);
        await measurement.ApplyTemplateAsync(MetricTemplates.FiveDimension.Key, ct);
        var journal = new MetricDefinition
        {
            Name = "Journal entries written", Frame = MeasurementFrame.FiveDimension, Category = nameof(ImpactDimension.CustomerExperience),
            Unit = MetricUnit.Count, Direction = MetricDirection.HigherIsBetter, DataSource = "App analytics",
            Calculation = "Gratitude-journal entries written by members who joined through the partner, per quarter",
            Indicator = IndicatorKind.Leading, Baseline = 0, Target = 5_000,
        };
        db.MetricDefinitions.Add(journal);
        await db.SaveChangesAsync(ct);

        var metrics = await db.MetricDefinitions.Where(m => m.Frame == MeasurementFrame.Balanced).OrderBy(m => m.Id).ToListAsync(ct);
        var partnerships = await db.Partnerships.Include(p => p.Transitions).Where(p => Live.Contains(p.Stage)).OrderBy(p => p.Id).ToListAsync(ct);
        var today = DateOnly.FromDateTime(context.Now);
        var random = new Random(300);
        var batch = new ObservationBatch { PartnershipId = partnerships[0].Id, Source = ObservationSource.Demo, ByName = "demo loader", At = context.Now };
        db.ObservationBatches.Add(batch);
        await db.SaveChangesAsync(ct);

        for (var index = 0; index < partnerships.Count; index++)
        {
            var p = partnerships[index];
            var launch = DateOnly.FromDateTime(p.Transitions.Where(t => t.ToStage == PartnershipStage.Active).Select(t => t.At).DefaultIfEmpty(context.Now.AddDays(-365)).Min());
            // 0: improving, 1: declining, others: a gentle random drift.
            var shape = index switch { 0 => 1.0, 1 => -1.0, _ => random.NextDouble() * 1.2 - 0.4 };
            var attachments = metrics.Select(m => new PartnershipMetric { PartnershipId = p.Id, MetricDefinitionId = m.Id }).ToList();
            db.PartnershipMetrics.AddRange(attachments);
            await db.SaveChangesAsync(ct);
            foreach (var (a, m) in attachments.Zip(metrics))
            {
                // A baseline a month before launch, then one value a quarter up to today.
                var dates = new List<DateOnly> { launch.AddDays(-30) };
                for (var d = launch.AddDays(80); d <= today && dates.Count < 9; d = d.AddDays(91)) dates.Add(d);
                for (var i = 0; i < dates.Count; i++)
                {
                    // Progress from the baseline towards the target, 0..1.1: rising for "improving", falling for "declining".
                    var progress = i == 0 ? 0.0 : Math.Clamp(shape >= 0 ? 0.15 + shape * 0.12 * i : 0.85 + shape * 0.12 * i, -0.1, 1.1) + (random.NextDouble() - 0.5) * 0.06;
                    var value = m.Baseline + (m.Target - m.Baseline) * (decimal)progress;
                    value = m.Unit switch
                    {
                        MetricUnit.Count => Math.Max(0, Math.Round(value)),
                        MetricUnit.Percent or MetricUnit.Score => Math.Clamp(Math.Round(value, 1), 0, 100),
                        MetricUnit.Days => Math.Max(0, Math.Round(value, 1)),
                        _ => Math.Round(value, 2),
                    };
                    db.Observations.Add(new Observation { PartnershipId = p.Id, PartnershipMetricId = a.Id, On = dates[i], Value = value, BatchId = batch.Id });
                    batch.Count++;
                }
            }
            var hours = 40 + random.Next(0, 120);
            db.ProgramCosts.Add(new ProgramCost { PartnershipId = p.Id, Kind = CostKind.PeopleTime, Description = "Partner manager time", On = launch, Hours = hours, HourlyRate = 85, Amount = hours * 85m, Currency = MeasurementService.DefaultCurrency });
            db.ProgramCosts.Add(new ProgramCost { PartnershipId = p.Id, Kind = CostKind.Budget, Description = "Co-marketing budget", On = launch.AddDays(30), Amount = 2_500 + random.Next(0, 10) * 500, Currency = MeasurementService.DefaultCurrency });
            db.ProgramCosts.Add(new ProgramCost { PartnershipId = p.Id, Kind = CostKind.Tool, Description = "Shared analytics workspace", On = launch, Amount = 1_200, Currency = MeasurementService.DefaultCurrency });
            db.IntangibleEntries.Add(new IntangibleEntry { PartnershipId = p.Id, Kind = IntangibleKind.BrandTrust, Description = "Credibility with the partner's community", Estimate = 15_000, ConfidencePercent = 40 + random.Next(0, 4) * 10, Currency = MeasurementService.DefaultCurrency });
            if (index % 2 == 0)
                db.IntangibleEntries.Add(new IntangibleEntry { PartnershipId = p.Id, Kind = IntangibleKind.Knowledge, Description = "What we learned about in-person practice", Estimate = 8_000, ConfidencePercent = 50, Currency = MeasurementService.DefaultCurrency });
            await db.SaveChangesAsync(ct);
        }

        // The impact goal: every 100 journal entries from the first live partnership's members plant one tree.
        if (partnerships.Count > 0)
        {
            var p = partnerships[0];
            var attachment = new PartnershipMetric { PartnershipId = p.Id, MetricDefinitionId = journal.Id };
            db.PartnershipMetrics.Add(attachment);
            await db.SaveChangesAsync(ct);
            var q = 0;
            for (var d = today.AddDays(-91 * 5); d <= today; d = d.AddDays(91), q++)
            {
                db.Observations.Add(new Observation { PartnershipId = p.Id, PartnershipMetricId = attachment.Id, On = d, Value = 900 + q * 350, BatchId = batch.Id });
                batch.Count++;
            }
            db.ImpactGoals.Add(new ImpactGoal
            {
                PartnershipId = p.Id, PartnershipMetricId = attachment.Id, Name = "A tree for every 100 journal entries", ActivityUnit = "journal entries",
                ImpactUnit = "trees", ActivityPerImpact = 100, TargetImpact = 150,
            });
            await db.SaveChangesAsync(ct);
        }

        // Latest values and scores, the way a normal write maintains them.
        var ids = await db.PartnershipMetrics.Select(a => a.Id).ToListAsync(ct);
        var latest = await db.Observations.Where(o => ids.Contains(o.PartnershipMetricId)).Select(o => new { o.PartnershipMetricId, o.On, o.Id, o.Value }).ToListAsync(ct);
        foreach (var a in await db.PartnershipMetrics.ToListAsync(ct))
        {
            var last = latest.Where(o => o.PartnershipMetricId == a.Id).OrderBy(o => o.On).ThenBy(o => o.Id).LastOrDefault();
            if (last is null) continue;
            await db.PartnershipMetrics.Where(x => x.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LatestValue, last.Value).SetProperty(x => x.LatestOn, last.On), ct);
        }
        db.ChangeTracker.Clear();
        await scoring.RescoreAsync(partnerships.Select(p => p.Id).ToList(), rescoreMetrics: true, ct);
    }
}
