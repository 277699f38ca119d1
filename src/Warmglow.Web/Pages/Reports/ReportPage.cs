using Warmglow.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Reports;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Pages.Reports;

/// <summary>What the two report pages share: the quarter picker, the report and its PDF download.</summary>
public abstract class ReportPage(ReportService reports, ReportPdf pdf) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public Report? Report { get; protected set; }
    public IReadOnlyList<Warmglow.Core.Measurement.Quarter> Quarters => reports.RecentQuarters();
    public bool PdfAvailable => pdf.Available;
    public string? Problem { get; private set; }
    protected ReportService Reports => reports;

    protected abstract Task<Report> LoadAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync()
    {
        await TryLoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await TryLoadAsync()) return Page();
        try
        {
            return File(await pdf.PrintAsync(Report!, HttpContext.RequestAborted), "application/pdf", ReportPdf.FileName(Report!));
        }
        catch (Conflict c)
        {
            Problem = c.Message;
            return Page();
        }
    }

    async Task<bool> TryLoadAsync()
    {
        try
        {
            Report = await LoadAsync(HttpContext.RequestAborted);
            return true;
        }
        catch (ValidationFailed)
        {
            Problem = "Choose a quarter from the list.";
            Quarter = null;
            Report = await LoadAsync(HttpContext.RequestAborted);
            return false;
        }
    }
}
