using Warmglow.Core.Measurement;
using System.Globalization;
using Warmglow.Core.Text;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Health;

/// <summary>The review pack's "Health and engagement" section: health score, NPS, engagement and red flags, with their history.</summary>
public sealed class HealthReport(HealthReadModel health) : IPartnershipReportSource, IPortfolioReportSource
{
    static string N(decimal v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public async Task<ReportSection?> PartnershipSectionAsync(int partnershipId, Quarter quarter, CancellationToken ct)
    {
        var summary = (await health.SummariesAsync([partnershipId], ct)).GetValueOrDefault(partnershipId);
        var history = (await health.HistoryAsync(partnershipId, ct)).Where(h => h.PeriodEnd <= quarter.End).TakeLast(8).ToList();
        var figures = new List<ReportFigure>
        {
            new("Health score", summary?.HealthScore is { } h ? $"{N(h)} of 100" : "not enough answers yet"),
            new("NPS", summary?.Nps is { } nps ? N(nps) : "no survey answers yet", "−100 to 100"),
            new("Engagement", summary?.Engagement is { } e ? $"{N(e)} of 100" : "not computed yet", summary?.Band is { } b ? Labels.Of(b) : null),
            new("Red flags", summary is null || summary.RedFlags.Count == 0 ? "none" : summary.RedFlags.Count.ToString(CultureInfo.InvariantCulture)),
        };
        var flags = new ReportTable("Red flags", ["Flag"], (summary?.RedFlags ?? []).Select(f => (IReadOnlyList<string>)[f]).ToList(), Empty: "none raised.");
        var charts = history.Count == 0 ? [] : new List<ReportChart>
        {
            new("Engagement and NPS by quarter", ReportChartKind.Line, history.Select(h => h.Period).ToList(),
            [
                new ReportSeries("Engagement (0–100)", history.Select(h => h.Engagement).ToList()),
                new ReportSeries("NPS (−100 to 100)", history.Select(h => h.Nps).ToList()),
            ], Min: history.Any(h => h.Nps < 0) ? -100 : 0, Max: 100),
        };
        return new ReportSection(200, "Health and engagement", figures, [flags], charts,
            summary is null ? "Health has not been computed for this partnership yet: run a survey round or recompute health." : null);
    }

    public async Task<ReportSection?> PortfolioSectionAsync(Quarter quarter, CancellationToken ct)
    {
        var t = await health.TotalsAsync(ct);
        return new ReportSection(200, "Health across the portfolio",
        [
            new("High performers", t.HighPerformers.ToString(CultureInfo.InvariantCulture)),
            new("Steady", t.Steady.ToString(CultureInfo.InvariantCulture)),
            new("Need a check-in", t.NeedsCheckIn.ToString(CultureInfo.InvariantCulture)),
            new("With a red flag", t.WithRedFlags.ToString(CultureInfo.InvariantCulture)),
        ], [],
        [
            new("Partnerships by engagement band", ReportChartKind.Bar, ["High performers", "Steady", "Need a check-in"],
                [new ReportSeries("", [t.HighPerformers, t.Steady, t.NeedsCheckIn])], Min: 0),
        ]);
    }
}
