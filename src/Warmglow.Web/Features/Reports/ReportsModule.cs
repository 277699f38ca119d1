using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Reports;

/// <summary>
/// Reports worth printing: a partnership's quarterly business review pack and the executives' portfolio report, made of
/// the sections other modules provide through <see cref="Signals.IPartnershipReportSource"/> and
/// <see cref="Signals.IPortfolioReportSource"/>, shown as print-ready HTML and, with Chromium installed, as PDF.
/// </summary>
public sealed class ReportsModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReportService>();
        services.AddSingleton<PdfPrinter>();
        services.AddScoped<ReportPdf>();
        services.AddScoped<Demo.IDemoContributor, ReportsDemo>();
        services.AddSection(SectionSlot.PartnershipSide, 90, "ReportsSection", Policies.Oversee);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        // Reports hold revenue, ROI and health: for managers, executives and admins (not evaluators or partners).
        pages.AuthorizeFolder("/Reports", Policies.Oversee);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("reports", "Portfolio report", "/Reports/Portfolio", 95, Policies.Oversee, Group: NavGroups.Results),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapReportsEndpoints();
}

/// <summary>The partnership page's link to its quarterly business review pack.</summary>
public sealed class ReportsSectionViewComponent : Microsoft.AspNetCore.Mvc.ViewComponent
{
    public Microsoft.AspNetCore.Mvc.IViewComponentResult Invoke(int partnershipId) => View(partnershipId);
}
