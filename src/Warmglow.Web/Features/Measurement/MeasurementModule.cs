using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Measurement;

/// <summary>Measurement: metric definitions, observations, the balanced scorecard, ROI, impact goals, dashboards.</summary>
public sealed class MeasurementModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<MeasurementService>()
        .AddScoped<ObservationService>()
        .AddScoped<MeasurementScoring>()
        .AddScoped<ValueService>()
        .AddScoped<DashboardService>()
        .AddScoped<IDemoContributor, MeasurementDemo>()
        .AddSingleton<Signals.IActivitySource, ObservationActivity>()
        .AddScoped<Signals.IPortfolioMeasureSource, PortfolioMeasures>()
        .AddScoped<Signals.IPartnershipReportSource, MeasurementReport>()
        .AddSection(SectionSlot.PartnershipSide, 300, "MeasurementSection", Policies.Internal);

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Metrics", Policies.Internal);
        pages.AuthorizeFolder("/Health", Policies.Internal);
    }

    /// <summary>The /Health folder holds the dashboards (measurement) and the engagement and alert pages (health).</summary>
    public IEnumerable<NavItem> Navigation => [new("health", "Health", "/Health", 80, Policies.Internal, Group: NavGroups.Results)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapMeasurementEndpoints();
}
