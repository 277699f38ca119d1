using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Reports;

namespace Warmglow.Web.Pages.Reports;

/// <summary>A partnership's quarterly business review pack, ready to print or download as a PDF.</summary>
public class QbrModel(ReportService reports, ReportPdf pdf) : ReportPage(reports, pdf)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    protected override Task<Report> LoadAsync(CancellationToken ct) => Reports.PartnershipAsync(Id, Quarter, ct);
}
