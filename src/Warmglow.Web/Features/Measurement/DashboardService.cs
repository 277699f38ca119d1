using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Measurement;

public sealed record TrendPoint(DateOnly On, decimal Value, decimal? Score, bool BeforeLaunch);
public sealed record MetricTrendDto(int MetricId, string Name, string Category, MetricUnit Unit, MetricDirection Direction, decimal Baseline, decimal Target,
    decimal? LatestValue, DateOnly? LatestOn, decimal? Score, string Trend, bool DecliningThreePeriods, IReadOnlyList<TrendPoint> Points);

/// <summary>A partnership's scorecard: categories, composite and how it was computed, and each metric's trend.</summary>
public sealed record ScorecardDto(int PartnershipId, string Partnership, MeasurementFrame Frame, string FrameLabel, decimal? Composite, bool Partial,
    IReadOnlyList<CategoryResult> Categories, IReadOnlyList<MetricTrendDto> Metrics, DateOnly? Launch, string Formula);

public sealed record DashboardQuery(int? Page = null, int? PageSize = null, string? Sort = null, string? Search = null);
public sealed record DashboardRow(int PartnershipId, string Name, PartnershipStage Stage, decimal? Composite, int Metrics,
    decimal? HealthScore, decimal? Nps, decimal? Engagement, EngagementBand? Band, IReadOnlyList<string> RedFlags);
public sealed record DashboardTotals(int Partnerships, int Scored, decimal? AverageComposite, IReadOnlyList<int> Distribution);
public sealed record DashboardDto(Paged<DashboardRow> Rows, DashboardTotals Totals, bool HealthAvailable, HealthTotals? Health, string Sort, MeasurementFrame Frame);

public sealed record PartnershipDashboardDto(ScorecardDto Scorecard, bool HealthAvailable, HealthSummary? Health, IReadOnlyList<HealthPoint> HealthHistory,
    RoiDto Roi, IReadOnlyList<ImpactGoalDto> ImpactGoals);

/// <summary>
/// The workspace and partnership dashboards. The workspace page reads the stored <see cref="PartnershipScore"/> rows
/// (one join, sorted and paged in the database, totals in one aggregate query) and asks the health module for the page's
/// summaries only, so its cost does not grow with the number of observations.
/// </summary>
public sealed class DashboardService(WarmglowDb db, MeasurementService measurement, ObservationService observationService, ValueService value, IEnumerable<IHealthSummarySource> healthSources)
{
    public const int TrendPoints = 40;

    public const string FormulaText =
        "Each metric scores 0–100: (latest − baseline) ÷ (target − baseline) × 100, clamped to 0–100 (for lower-is-better metrics the target lies below the baseline, so the same formula rewards going down). " +
        "A category's score is the mean of its metrics' scores. The composite is the weighted mean of the category scores: Σ weight × score ÷ Σ weight over the categories that have data " +
        "(a category without data is left out rather than counted as 0).";

    IHealthSummarySource? Health => healthSources.FirstOrDefault();

    public async Task<DashboardDto> WorkspaceAsync(DashboardQuery query, CancellationToken ct = default)
    {
        var settings = await measurement.SettingsAsync(ct);
        var search = query.Search?.Trim();
        var rows = from p in db.Partnerships
                   join s in db.PartnershipScores on p.Id equals s.PartnershipId into ss
                   from s in ss.DefaultIfEmpty()
                   select new { p.Id, p.Name, p.Stage, Composite = s == null ? null : s.Composite, Metrics = s == null ? 0 : s.MetricCount };
        if (!string.IsNullOrEmpty(search))
        {
            var lower = search.ToLowerInvariant();
            rows = rows.Where(r => r.Name.ToLower().Contains(lower));
        }
        var sort = query.Sort?.ToLowerInvariant() switch { "composite" => "composite", "-composite" => "-composite", "-name" => "-name", _ => "name" };
        rows = sort switch
        {
            "composite" => rows.OrderBy(r => r.Composite == null).ThenBy(r => r.Composite).ThenBy(r => r.Name).ThenBy(r => r.Id),
            "-composite" => rows.OrderBy(r => r.Composite == null).ThenByDescending(r => r.Composite).ThenBy(r => r.Name).ThenBy(r => r.Id),
            "-name" => rows.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
            _ => rows.OrderBy(r => r.Name).ThenBy(r => r.Id),
        };
        var page = await rows.ToPageAsync(query.Page, query.PageSize, ct);

        var totals = await db.PartnershipScores.Where(s => s.Composite != null).GroupBy(_ => 1).Select(g => new
        {
            Scored = g.Count(),
            Average = g.Average(s => s.Composite),
            B0 = g.Count(s => s.Composite < 20), B1 = g.Count(s => s.Composite >= 20 && s.Composite < 40), B2 = g.Count(s => s.Composite >= 40 && s.Composite < 60),
            B3 = g.Count(s => s.Composite >= 60 && s.Composite < 80), B4 = g.Count(s => s.Composite >= 80),
        }).FirstOrDefaultAsync(ct);
        var partnerships = string.IsNullOrEmpty(search) ? page.Total : await db.Partnerships.CountAsync(ct);

        var health = Health;
        var ids = page.Items.Select(r => r.Id).ToList();
        var summaries = health is null || ids.Count == 0 ? new Dictionary<int, HealthSummary>() : await health.SummariesAsync(ids, ct);
        var healthTotals = health is null ? null : await health.TotalsAsync(ct);

        var items = page.Items.Select(r =>
        {
            var h = summaries.GetValueOrDefault(r.Id);
            return new DashboardRow(r.Id, r.Name, r.Stage, r.Composite is { } c ? (decimal)c : null, r.Metrics,
                h?.HealthScore, h?.Nps, h?.Engagement, h?.Band, h?.RedFlags ?? []);
        }).ToList();
        return new DashboardDto(new Paged<DashboardRow>(items, page.Page, page.PageSize, page.Total),
            new DashboardTotals(partnerships, totals?.Scored ?? 0, totals?.Average is { } avg ? Math.Round((decimal)avg, 1) : null,
                totals is null ? [0, 0, 0, 0, 0] : [totals.B0, totals.B1, totals.B2, totals.B3, totals.B4]),
            health is not null, healthTotals, sort, settings.Frame);
    }

    public async Task<ScorecardDto> ScorecardAsync(int partnershipId, CancellationToken ct = default)
    {
        var name = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? throw new NotFound($"Partnership {partnershipId}");
        var settings = await measurement.SettingsAsync(ct);
        var launch = await observationService.LaunchAsync(partnershipId, ct);
        var attachments = await db.PartnershipMetrics.AsNoTracking().Include(a => a.Metric).Where(a => a.PartnershipId == partnershipId).ToListAsync(ct);
        var ids = attachments.Select(a => a.Id).ToList();
        // One query for every series of the partnership; at most the latest TrendPoints per metric are charted.
        var observations = await db.Observations.AsNoTracking().Where(o => ids.Contains(o.PartnershipMetricId))
            .OrderBy(o => o.On).ThenBy(o => o.Id).Select(o => new { o.PartnershipMetricId, o.On, o.Value }).ToListAsync(ct);
        var byAttachment = observations.GroupBy(o => o.PartnershipMetricId).ToDictionary(g => g.Key, g => g.TakeLast(TrendPoints).ToList());
        var metrics = new List<MetricTrendDto>();
        foreach (var a in attachments.OrderBy(a => a.Metric!.Frame != settings.Frame).ThenBy(a => a.Metric!.Category).ThenBy(a => a.Metric!.Name))
        {
            var m = a.Metric!;
            var baseline = a.BaselineOverride ?? m.Baseline;
            var target = a.TargetOverride ?? m.Target;
            var points = byAttachment.GetValueOrDefault(a.Id) ?? [];
            // Trends read the unclamped progress towards the target, so direction is accounted for and overshoot still shows.
            var scale = new MetricScale(baseline, target, m.Direction);
            var valid = MetricScale.Validate(scale).IsEmpty;
            var progress = points.Select(p => valid ? scale.Progress(p.Value) : p.Value).ToList();
            var trend = Trends.Classify(progress) switch { Trend.Rising => "Improving", Trend.Falling => "Declining", Trend.Flat => "Steady", _ => "Not enough data" };
            metrics.Add(new MetricTrendDto(m.Id, m.Name, m.Category, m.Unit, m.Direction, baseline, target, a.LatestValue, a.LatestOn, a.LatestScore, trend,
                Trends.DecliningForConsecutivePeriods(progress),
                points.Select(p => new TrendPoint(p.On, p.Value, valid ? Math.Round(scale.Normalize(p.Value), 2) : null, launch is { } l && p.On < l)).ToList()));
        }
        var inFrame = attachments.Where(a => a.Metric!.Frame == settings.Frame && a.LatestScore is not null);
        var result = MetricRules.Compute(settings.Frame, settings.Weights, inFrame.Select(a => (a.Metric!.Category, a.LatestScore!.Value)));
        return new ScorecardDto(partnershipId, name, settings.Frame, MetricRules.Label(settings.Frame),
            result.Composite is { } c ? Math.Round(c, 2) : null, result.Partial, result.Categories, metrics, launch, FormulaText);
    }

    public async Task<PartnershipDashboardDto> PartnershipAsync(int partnershipId, CancellationToken ct = default)
    {
        var scorecard = await ScorecardAsync(partnershipId, ct);
        var health = Health;
        HealthSummary? summary = null;
        IReadOnlyList<HealthPoint> history = [];
        if (health is not null)
        {
            summary = (await health.SummariesAsync([partnershipId], ct)).GetValueOrDefault(partnershipId);
            history = await health.HistoryAsync(partnershipId, ct);
        }
        return new PartnershipDashboardDto(scorecard, health is not null, summary, history, await value.RoiAsync(partnershipId, ct), await value.ImpactGoalsAsync(partnershipId, ct));
    }
}
