using Warmglow.Core.Measurement;
using System.Globalization;
using Warmglow.Core.Text;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Portfolio;

/// <summary>
/// The portfolio report's opening section: partnerships per tier with the rule that put them there, tier changes waiting
/// for approval, and the Pareto view (how many partnerships bring 80% of the value, and the long tail).
/// </summary>
public sealed class PortfolioReport(PortfolioService portfolio) : IPortfolioReportSource
{
    static string N(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
    static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    public async Task<ReportSection?> PortfolioSectionAsync(Quarter quarter, CancellationToken ct)
    {
        var tiers = await portfolio.TierSummaryAsync(ct);
        var pareto = await portfolio.ParetoAsync(null, ct);
        var figures = new List<ReportFigure>
        {
            new("Strategic", I(tiers.Strategic)), new("Growth", I(tiers.Growth)), new("Transactional", I(tiers.Transactional)),
            new("Too young to rank", I(tiers.Emerging)), new("Tier changes waiting", I(tiers.Pending), "for a manager's approval"),
            new("Bring 80% of the value", pareto.Count == 0 ? "—" : $"{I(pareto.CoreCount)} of {I(pareto.Count)}", $"{N(pareto.CoreSharePercent)}% of the partnerships, by {Labels.Words(pareto.Basis).ToLowerInvariant()}"),
            new("Nothing measurable", I(pareto.NothingMeasurable), "the long tail"),
        };
        var top = new ReportTable("Partnerships by value, with the cumulative share", ["#", "Partnership", "Tier", "Value", "Share", "Cumulative"],
            pareto.Rows.Take(20).Select(r => (IReadOnlyList<string>)
            [
                I(r.Rank), r.Name, r.Tier is { } t ? Labels.Of(t) : "not tiered", N(r.Value), $"{N(r.SharePercent)}%", $"{N(r.CumulativePercent)}%",
            ]).ToList(), Numeric: [0, 3, 4, 5], Empty: "no figures yet: recompute the portfolio.");
        var chart = pareto.Rows.Count == 0 ? null : new ReportChart("Cumulative share of value (%)", ReportChartKind.Line,
            pareto.Rows.Take(30).Select(r => I(r.Rank)).ToList(), [new ReportSeries("Cumulative share", pareto.Rows.Take(30).Select(r => (decimal?)r.CumulativePercent).ToList())], Min: 0, Max: 100);
        return new ReportSection(100, "Tiers and where the value comes from", figures, [top], chart is null ? [] : [chart],
            $"{tiers.Explanation} {pareto.Explanation}");
    }
}
