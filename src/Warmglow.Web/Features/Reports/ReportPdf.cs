using System.Text.RegularExpressions;

namespace Warmglow.Web.Features.Reports;

/// <summary>A report as a PDF: its standalone HTML (with the report stylesheet from wwwroot) printed by <see cref="PdfPrinter"/>.</summary>
public sealed partial class ReportPdf(PdfPrinter printer, IWebHostEnvironment env)
{
    public bool Available => printer.Available;

    public async Task<byte[]> PrintAsync(Report report, CancellationToken ct)
    {
        var file = env.WebRootFileProvider.GetFileInfo("css/report.css");
        string css;
        await using (var s = file.CreateReadStream())
        using (var reader = new StreamReader(s)) css = await reader.ReadToEndAsync(ct);
        return await printer.PrintAsync(ReportHtml.Document(report, css), ct);
    }

    /// <summary>"qbr-brightdesk-2026-Q3.pdf": the subject in lower-case letters, digits and dashes.</summary>
    public static string FileName(Report r)
    {
        var slug = Slug().Replace(r.Subject.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 40) slug = slug[..40].Trim('-');
        return $"{(r.PartnershipId is null ? "portfolio" : "qbr")}-{(slug.Length == 0 ? "report" : slug)}-{r.Quarter}.pdf";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}
