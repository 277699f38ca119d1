using Warmglow.Core.Measurement;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Revenue;

/// <summary>
/// The reports' revenue sections: revenue recorded in the quarter per currency, the statements of the quarter and revenue
/// by month over the last year (aggregated in the database); across the portfolio, revenue per currency and the
/// partnerships that brought the most.
/// </summary>
public sealed class RevenueReport(WarmglowDb db) : IPartnershipReportSource, IPortfolioReportSource
{
    static string N(decimal v) => v.ToString("#,0.00", CultureInfo.InvariantCulture);

    public async Task<ReportSection?> PartnershipSectionAsync(int partnershipId, Quarter quarter, CancellationToken ct)
    {
        var events = db.RevenueEvents.AsNoTracking().Where(e => e.Agreement!.PartnershipId == partnershipId);
        var (from, to) = (quarter.Start, quarter.End);
        var inQuarter = await events.Where(e => e.Date >= from && e.Date <= to).GroupBy(e => e.Currency)
            .Select(g => new { Currency = g.Key, Total = g.Sum(e => e.Amount), Count = g.Count() }).OrderBy(g => g.Currency).ToListAsync(ct);
        var yearFrom = quarter.Previous.Previous.Previous.Start;
        var monthly = await events.Where(e => e.Date >= yearFrom && e.Date <= to).GroupBy(e => new { e.Currency, e.Date.Year, e.Date.Month })
            .Select(g => new { g.Key.Currency, g.Key.Year, g.Key.Month, Total = g.Sum(e => e.Amount) }).ToListAsync(ct);
        var statements = await db.RevenueStatements.AsNoTracking().Where(s => s.PartnershipId == partnershipId && s.From <= to && s.To >= from)
            .OrderBy(s => s.From).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Agreement!.Title, s.From, s.To, s.Total, s.Currency, s.PayableOn,
                PaidOn = db.StatementPayments.Where(p => p.StatementId == s.Id).Select(p => (DateOnly?)p.PaidOn).FirstOrDefault(),
            }).Take(50).ToListAsync(ct);
        if (inQuarter.Count == 0 && monthly.Count == 0 && statements.Count == 0)
            return new ReportSection(300, "Revenue and statements", [], [], [],
                "No revenue was recorded for this partnership in the quarter or the year before it. Record revenue on its agreement's revenue page.");
        var figures = inQuarter.Select(g => new ReportFigure($"Revenue in {quarter.Name()} ({g.Currency})", N(g.Total), $"{g.Count} event{(g.Count == 1 ? "" : "s")}")).ToList();
        if (figures.Count == 0) figures.Add(new ReportFigure($"Revenue in {quarter.Name()}", "none recorded"));
        figures.Add(new ReportFigure("Statements", statements.Count.ToString(CultureInfo.InvariantCulture),
            $"{statements.Count(s => s.PaidOn is not null)} paid"));
        var table = new ReportTable("Statements of the quarter", ["Agreement", "Period", "Total", "Payable", "Paid"],
            statements.Select(s => (IReadOnlyList<string>)
                [s.Title, $"{s.From:yyyy-MM-dd} – {s.To:yyyy-MM-dd}", $"{N(s.Total)} {s.Currency}", s.PayableOn.ToString("yyyy-MM-dd"), s.PaidOn is { } p ? p.ToString("yyyy-MM-dd") : "not yet"]).ToList(),
            Numeric: [2], Empty: "none issued for this quarter yet.");
        var months = Enumerable.Range(0, 12).Select(i => yearFrom.AddMonths(i)).ToList();
        var currencies = monthly.Select(m => m.Currency).Distinct().Order(StringComparer.Ordinal).Take(3).ToList();
        var chart = new ReportChart("Revenue by month", ReportChartKind.Bar, months.Select(m => m.ToString("MMM yy", CultureInfo.InvariantCulture)).ToList(),
            currencies.Select(c => new ReportSeries(c, months.Select(m => (decimal?)monthly.Where(x => x.Currency == c && x.Year == m.Year && x.Month == m.Month).Sum(x => x.Total)).ToList())).ToList());
        return new ReportSection(300, "Revenue and statements", figures, [table], currencies.Count == 0 ? [] : [chart]);
    }

    public async Task<ReportSection?> PortfolioSectionAsync(Quarter quarter, CancellationToken ct)
    {
        var (from, to) = (quarter.Start, quarter.End);
        var q = db.RevenueEvents.AsNoTracking().Where(e => e.Date >= from && e.Date <= to);
        var totals = await q.GroupBy(e => e.Currency).Select(g => new { Currency = g.Key, Total = g.Sum(e => e.Amount), Partnerships = g.Select(e => e.Agreement!.PartnershipId).Distinct().Count() })
            .OrderBy(g => g.Currency).ToListAsync(ct);
        var top = await q.GroupBy(e => new { e.Agreement!.PartnershipId, e.Agreement.Partnership!.Name, e.Currency })
            .Select(g => new { g.Key.Name, g.Key.Currency, Total = g.Sum(e => e.Amount) })
            .OrderByDescending(g => g.Total).Take(10).ToListAsync(ct);
        return new ReportSection(300, "Revenue",
            totals.Count == 0 ? [new ReportFigure($"Revenue in {quarter.Name()}", "none recorded")]
                : totals.Select(t => new ReportFigure($"Revenue in {quarter.Name()} ({t.Currency})", N(t.Total), $"from {t.Partnerships} partnership{(t.Partnerships == 1 ? "" : "s")}")).ToList(),
            [new ReportTable("The ten partnerships that brought the most revenue", ["Partnership", "Revenue"],
                top.Select(t => (IReadOnlyList<string>)[t.Name, $"{N(t.Total)} {t.Currency}"]).ToList(), Numeric: [1], Empty: "no revenue was recorded in the quarter.")],
            []);
    }
}
