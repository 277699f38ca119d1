using Warmglow.Core.Measurement;
using System.Globalization;
using Warmglow.Core.Text;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Measurement;

/// <summary>The review pack's "Scorecard and ROI" section: the composite, each category and metric with its trend, and ROI.</summary>
public sealed class MeasurementReport(DashboardService dashboards, ValueService value) : IPartnershipReportSource
{
    static string N(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    public async Task<ReportSection?> PartnershipSectionAsync(int partnershipId, Quarter quarter, CancellationToken ct)
    {
        var card = await dashboards.ScorecardAsync(partnershipId, ct);
        var roi = await value.RoiAsync(partnershipId, ct);
        var figures = new List<ReportFigure>
        {
            new("Composite score", card.Composite is { } c ? $"{N(c)} of 100" : "not scored yet", card.Partial ? "some categories have no data yet" : card.FrameLabel),
            new("Influenced revenue", $"{N(roi.InfluencedRevenue)} {roi.Currency}", roi.OtherCurrencyRevenue.Count == 0 ? "to date"
                : $"to date; also {string.Join(", ", roi.OtherCurrencyRevenue.Select(o => $"{N(o.Amount)} {o.Currency}"))}, not converted or counted in ROI"),
            new("Costs", $"{N(roi.TotalCosts)} {roi.Currency}", "people's time, budget and tools"),
            new("ROI", roi.Percent is { } p ? $"{N(Math.Round(p, 1))}%" : "not defined yet", roi.UndefinedReason),
        };
        var metrics = new ReportTable("Metrics",
            ["Metric", "Category", "Baseline", "Target", "Latest", "Score", "Trend"],
            card.Metrics.Select(m => (IReadOnlyList<string>)
            [
                m.Name, Labels.Words(m.Category), N(m.Baseline), N(m.Target),
                m.LatestValue is { } v ? $"{N(v)} ({m.LatestOn:yyyy-MM-dd})" : "no value yet",
                m.Score is { } s ? N(Math.Round(s, 0)) : "—", m.DecliningThreePeriods ? $"{m.Trend}, 3 periods in a row" : m.Trend,
            ]).ToList(), Numeric: [2, 3, 5], Empty: "no metrics are attached yet: attach them on the partnership's measurement page.");
        var scored = card.Categories.Where(k => k.Score is not null).ToList();
        var charts = scored.Count == 0 ? [] : new List<ReportChart>
        {
            new("Score by category (0–100)", ReportChartKind.Bar, scored.Select(k => k.Label).ToList(),
                [new ReportSeries("", scored.Select(k => k.Score).ToList())], Min: 0, Max: 100),
        };
        return new ReportSection(100, "Scorecard and ROI", figures, [metrics], charts,
            card.Metrics.Count == 0 ? "Nothing is measured yet. Attach metrics from a template on the partnership's measurement page." : null);
    }
}
