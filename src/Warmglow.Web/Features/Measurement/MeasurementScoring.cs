using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Csv;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Measurement;

/// <summary>
/// The stored scores the dashboards read: each attached metric's latest score and each partnership's composite,
/// recomputed in a bounded number of queries whenever observations, attachments, metrics or settings change.
/// </summary>
public sealed class MeasurementScoring(WarmglowDb db)
{
    /// <summary>The workspace's scorecard settings (the balanced frame and its default weights until saved).</summary>
    public async Task<MeasurementSettings> SettingsAsync(CancellationToken ct = default) =>
        await db.MeasurementSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new MeasurementSettings
        {
            Frame = MeasurementFrame.Balanced, Weights = MetricRules.DefaultWeights(MeasurementFrame.Balanced).ToDictionary(), ReportingCurrency = MeasurementService.DefaultCurrency,
        };

    internal static async Task RequirePartnershipAsync(WarmglowDb db, int partnershipId, CancellationToken ct)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
    }

    /// <summary>Recomputes the stored scores of every scored partnership (after a change of frame or weights), in chunks.</summary>
    public async Task RescoreAllAsync(bool rescoreMetrics, CancellationToken ct)
    {
        var ids = await db.PartnershipMetrics.Select(a => a.PartnershipId).Distinct().ToListAsync(ct);
        foreach (var chunk in ids.Chunk(500)) await RescoreAsync(chunk, rescoreMetrics, ct);
    }

    /// <summary>
    /// Recomputes the latest score of each attached metric (when <paramref name="rescoreMetrics"/>) and the stored
    /// composite of each partnership: a bounded number of queries per call, whatever the number of observations.
    /// </summary>
    public async Task RescoreAsync(IReadOnlyCollection<int> partnershipIds, bool rescoreMetrics, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(ct);
        var attachments = await db.PartnershipMetrics.Include(a => a.Metric).Where(a => partnershipIds.Contains(a.PartnershipId)).ToListAsync(ct);
        if (rescoreMetrics)
            foreach (var a in attachments)
            {
                var score = Score(a);
                if (score != a.LatestScore)
                {
                    a.LatestScore = score;
                    await db.PartnershipMetrics.Where(x => x.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LatestScore, score), ct);
                }
            }
        var scores = await db.PartnershipScores.Where(s => partnershipIds.Contains(s.PartnershipId)).ToDictionaryAsync(s => s.PartnershipId, ct);
        foreach (var id in partnershipIds)
        {
            var own = attachments.Where(a => a.PartnershipId == id).ToList();
            var inFrame = own.Where(a => a.Metric!.Frame == settings.Frame).ToList();
            var result = MetricRules.Compute(settings.Frame, settings.Weights,
                inFrame.Where(a => a.LatestScore is not null).Select(a => (a.Metric!.Category, a.LatestScore!.Value)));
            if (!scores.TryGetValue(id, out var row))
            {
                if (own.Count == 0) continue;
                row = new PartnershipScore { PartnershipId = id };
                db.PartnershipScores.Add(row);
            }
            row.Composite = result.Composite is { } c ? (double)Math.Round(c, 2) : null;
            row.Categories = result.Categories.ToDictionary(c => c.Category, c => c.Score is { } s ? Math.Round(s, 2) : (decimal?)null);
            row.MetricCount = own.Count;
            row.ScoredCount = inFrame.Count(a => a.LatestScore is not null);
            row.UpdatedAt = db.UtcNow;
        }
        // Attachments were loaded only to read; their score columns were written above with ExecuteUpdate (no audit rows).
        foreach (var a in attachments) db.Entry(a).State = EntityState.Detached;
        await db.SaveChangesAsync(ct);
    }

    public static decimal? Score(PartnershipMetric a)
    {
        if (a.LatestValue is not { } value) return null;
        var scale = new MetricScale(a.BaselineOverride ?? a.Metric!.Baseline, a.TargetOverride ?? a.Metric!.Target, a.Metric!.Direction);
        return MetricScale.Validate(scale).IsEmpty ? Math.Round(scale.Normalize(value), 4) : null;
    }
}
