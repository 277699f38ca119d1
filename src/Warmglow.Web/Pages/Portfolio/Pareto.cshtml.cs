using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portfolio;

/// <summary>Which partnerships make 80% of the value: cumulative curve and table.</summary>
public class ParetoModel(PortfolioService portfolio) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public string? Basis { get; set; }
    public ParetoDto Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        if (Basis is not ("revenue" or "value")) Basis = "revenue";
        Result = await portfolio.ParetoAsync(Basis, HttpContext.RequestAborted);
    }

    /// <summary>The cumulative-share curve as SVG polyline points on a 0–100 × 0–100 box (no inline styles).</summary>
    public string Points()
    {
        if (Result.Rows.Count == 0) return "";
        var n = Result.Rows.Count;
        var ic = System.Globalization.CultureInfo.InvariantCulture;
        return "0,100 " + string.Join(' ', Result.Rows.Select((r, i) => $"{((i + 1) * 100.0 / n).ToString("0.##", ic)},{(100 - (double)r.CumulativePercent).ToString("0.##", ic)}"));
    }
}
