using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Health;

/// <summary>
/// What the recompute's snapshots say, for pages, the API and other modules (<see cref="IHealthSummarySource"/>):
/// summaries, totals and history per partnership, the engagement page and alerts. It never recomputes or writes.
/// </summary>
public sealed class HealthReadModel(WarmglowDb db, IEnumerable<IActivitySource> activity) : IHealthSummarySource
{
    EngagementFormula Formula => HealthFormula.For(activity);
    Quarter CurrentQuarter => Quarter.Of(db.UtcNow);
    Quarter AlertQuarter => HealthFormula.AlertQuarter(CurrentQuarter);

    public async Task<IReadOnlyDictionary<int, HealthSummary>> SummariesAsync(IReadOnlyCollection<int> partnershipIds, CancellationToken ct)
    {
        var ids = partnershipIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<int, HealthSummary>();
        var rows = await db.HealthSnapshots.AsNoTracking().Where(h => ids.Contains(h.PartnershipId)).ToListAsync(ct);
        return rows.ToDictionary(h => h.PartnershipId, h => new HealthSummary(h.PartnershipId, h.HealthScore, h.Nps, h.Engagement, h.Band,
            h.RedFlags.Select(f => f.Reason).ToList()));
    }

    public async Task<HealthTotals> TotalsAsync(CancellationToken ct)
    {
        var bands = await db.HealthSnapshots.Where(h => h.Band != null).GroupBy(h => h.Band).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var flagged = await db.HealthSnapshots.CountAsync(h => h.RedFlagCount > 0, ct);
        int Of(EngagementBand b) => bands.FirstOrDefault(x => x.Key == b)?.Count ?? 0;
        return new HealthTotals(Of(EngagementBand.NeedsCheckIn), Of(EngagementBand.Steady), Of(EngagementBand.HighPerformer), flagged);
    }

    public async Task<IReadOnlyList<HealthPoint>> HistoryAsync(int partnershipId, CancellationToken ct)
    {
        var engagement = await db.EngagementSnapshots.AsNoTracking().Where(s => s.PartnershipId == partnershipId)
            .OrderBy(s => s.PeriodStart).Select(s => new { s.Period, s.PeriodStart, s.Index }).ToListAsync(ct);
        var survey = await SurveyStatistics.ForPartnerships(db, db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.Id), ct);
        var periods = engagement.Select(e => e.PeriodStart).Concat(survey.Select(s => s.PeriodStart)).Distinct().Order();
        return periods.Select(start =>
        {
            var q = Quarter.Of(start);
            var s = survey.FirstOrDefault(x => x.PeriodStart == start);
            return new HealthPoint(q.Label, q.End, engagement.FirstOrDefault(e => e.PeriodStart == start)?.Index,
                (IReadOnlyDictionary<string, decimal>?)s?.Dimensions.ToDictionary(d => d.Key, d => HealthSurveys.ToPercent(d.Value)) ?? new Dictionary<string, decimal>(), s?.Nps);
        }).ToList();
    }

    public async Task<EngagementHistory> EngagementAsync(int partnershipId, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var rows = await db.EngagementSnapshots.AsNoTracking().Where(s => s.PartnershipId == partnershipId).OrderBy(s => s.PeriodStart).ToListAsync(ct);
        return new EngagementHistory(partnershipId, EngagementIndex.Describe(Formula),
            rows.Select(r => new EngagementPoint(r.Period, r.PeriodStart, r.Index, r.Band, r.Components)).ToList());
    }

    public async Task<EngagementPage> EngagementPageAsync(string? period, int? page, int? size, CancellationToken ct = default)
    {
        // The quarters a recompute keeps, newest first: no scan over all snapshots to list them.
        var periods = CurrentQuarter.Trailing(HealthService.PeriodsKept).Reverse().Select(p => p.Start).ToList();
        var chosen = Quarter.TryParse(period, out var q) ? q : AlertQuarter;
        var start = chosen.Start;
        var rows = await db.EngagementSnapshots.AsNoTracking().Where(s => s.PeriodStart == start)
            .OrderBy(s => s.Index).ThenBy(s => s.Partnership!.Name)
            .Select(s => new EngagementRow(s.PartnershipId, s.Partnership!.Name, s.Partnership.Manager != null ? s.Partnership.Manager.DisplayName : null,
                s.Period, s.Index, s.Band, s.Components))
            .ToPageAsync(page, size, ct);
        // One recompute writes every snapshot with the same time: any row of the quarter tells it (index seek).
        var computed = await db.EngagementSnapshots.Where(s => s.PeriodStart == start).Select(s => (DateTime?)s.ComputedAt).FirstOrDefaultAsync(ct);
        return new EngagementPage(EngagementIndex.Describe(Formula), Formula.Components, chosen.Label,
            periods.Select(p => Quarter.Of(p).Label).ToList(), rows, computed);
    }

    /// <summary>Partnerships that need attention or stand out: red flags, check-in band, high performers (filter by kind).</summary>
    public Task<Paged<AlertRow>> AlertsAsync(string? kind, int? page, int? size, CancellationToken ct = default)
    {
        var query = db.HealthSnapshots.AsNoTracking();
        query = kind?.Trim().ToLowerInvariant() switch
        {
            "red-flags" => query.Where(h => h.RedFlagCount > 0),
            "check-in" => query.Where(h => h.Band == EngagementBand.NeedsCheckIn),
            "high-performers" => query.Where(h => h.Band == EngagementBand.HighPerformer),
            null or "" or "all" => query.Where(h => h.RedFlagCount > 0 || h.Band == EngagementBand.NeedsCheckIn || h.Band == EngagementBand.HighPerformer),
            _ => throw ValidationFailed.For("kind", "must be one of: all, red-flags, check-in, high-performers."),
        };
        return query.OrderByDescending(h => h.RedFlagCount).ThenBy(h => h.Engagement).ThenBy(h => h.Partnership!.Name)
            .Select(h => new AlertRow(h.PartnershipId, h.Partnership!.Name, h.Partnership.Manager != null ? h.Partnership.Manager.DisplayName : null,
                h.Period, h.Engagement, h.Band, h.HealthScore, h.Nps, h.RedFlags))
            .ToPageAsync(page, size, ct);
    }
}

/// <summary>Rules the recompute and the read model share.</summary>
public static class HealthFormula
{
    /// <summary>
    /// The formula in force: <see cref="EngagementIndex.Default"/> restricted to the activity kinds some module
    /// records (has an <see cref="IActivitySource"/>). A kind nobody records yet would cap every partnership's index
    /// below 100 and open check-ins for activity that cannot exist (docs/decisions/0010).
    /// </summary>
    public static EngagementFormula For(IEnumerable<IActivitySource> activity)
    {
        var kinds = activity.Select(a => a.Kind).ToHashSet();
        var components = EngagementIndex.Default.Components.Where(c => kinds.Contains(c.Kind)).ToList();
        return components.Count == 0 ? EngagementIndex.Default : new EngagementFormula(components);
    }

    /// <summary>Alerts act on the last completed quarter: the current one is still filling up.</summary>
    public static Quarter AlertQuarter(Quarter current) => current.Previous;
}
