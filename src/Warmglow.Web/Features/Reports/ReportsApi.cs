using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Reports;

public static class ReportsApi
{
    public static void MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Oversee);
        g.MapGet("/partnerships/{id:int}/qbr", (int id, string? quarter, ReportService s, CancellationToken ct) => s.PartnershipAsync(id, quarter, ct))
            .WithSummary("A partnership's quarterly business review pack (quarter like 2026-Q3, the current one by default): every module's section with its figures, tables and charts");
        g.MapGet("/partnerships/{id:int}/qbr.pdf", async Task<FileContentHttpResult> (int id, string? quarter, ReportService s, ReportPdf pdf, CancellationToken ct) =>
            {
                var report = await s.PartnershipAsync(id, quarter, ct);
                return TypedResults.File(await pdf.PrintAsync(report, ct), "application/pdf", ReportPdf.FileName(report));
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The same pack as a PDF, made by headless Chromium on the server (409 when Chromium is not installed)");

        g.MapGet("/portfolio", (string? quarter, ReportService s, CancellationToken ct) => s.PortfolioAsync(quarter, ct))
            .RequireAuthorization(Policies.Oversee)
            .WithSummary("The executives' portfolio report for a quarter: tiers, value, health and revenue across partnerships");
        g.MapGet("/portfolio.pdf", async Task<FileContentHttpResult> (string? quarter, ReportService s, ReportPdf pdf, CancellationToken ct) =>
            {
                var report = await s.PortfolioAsync(quarter, ct);
                return TypedResults.File(await pdf.PrintAsync(report, ct), "application/pdf", ReportPdf.FileName(report));
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .RequireAuthorization(Policies.Oversee)
            .WithSummary("The portfolio report as a PDF (409 when Chromium is not installed)");
    }
}
