using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Portfolio;

/// <summary>Portfolio: the portfolio view, tiers with service levels and approvals, the Pareto view, saved views.</summary>
public sealed class PortfolioModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PortfolioService>();
        services.AddScoped<Signals.IPortfolioReportSource, PortfolioReport>();
        services.AddScoped<TriageService>();
        services.AddScoped<IDemoContributor, TriageDemo>();
        services.AddScoped<IDemoContributor, PortfolioDemo>();
        services.AddScoped<Signals.ITierSource, PortfolioTierSource>();
        services.AddScoped<Signals.IPartnershipTierSource, PortfolioPartnershipTierSource>();
        services.AddSingleton<IRecurringJob, PortfolioJob>();
        services.AddSection(SectionSlot.PartnershipSide, 320, "PortfolioSection", Policies.Oversee);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Portfolio", Policies.Oversee);

    public IEnumerable<NavItem> Navigation => [new("portfolio", "Portfolio", "/Portfolio", 75, Policies.Oversee, Group: NavGroups.Results)];

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPortfolioEndpoints();
        app.MapTriageEndpoints();
    }
}
