using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Strategy;

/// <summary>Strategy: self-assessments, the strategy statement and SWOT, SMART goals, partner personas.</summary>
public sealed class StrategyModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<StrategyService>()
        .AddScoped<GoalService>()
        .AddScoped<PersonaService>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Strategy", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("strategy", "Strategy", "/Strategy", 20, Policies.Internal)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapStrategyApi();
}
