using Warmglow.Web.Features.Reports;

namespace Warmglow.Web.Pages.Reports;

/// <summary>The executives' portfolio report for a quarter, ready to print or download as a PDF.</summary>
public class PortfolioModel(ReportService reports, ReportPdf pdf) : ReportPage(reports, pdf)
{
    protected override Task<Report> LoadAsync(CancellationToken ct) => Reports.PortfolioAsync(Quarter, ct);
}
