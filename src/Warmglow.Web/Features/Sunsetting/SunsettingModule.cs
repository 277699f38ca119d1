using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Sunsetting;

/// <summary>Sunsetting: the wind-down plan a move to Sunsetting starts, its tasks and override, and what it blocks (decision 0028).</summary>
public sealed class SunsettingModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SunsettingService>();
        services.AddScoped<IStageMoveRule, WindDownMoveRule>();
        services.AddScoped<IAgreementCreationRule, WindDownAgreementRule>();
        services.AddScoped<IDemoContributor, SunsettingDemo>();
        services.AddSection(SectionSlot.PartnershipSide, 330, "SunsettingSection", Policies.Internal);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Sunsetting", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("sunsetting", "Wind-downs", "/Sunsetting", 78, Policies.Internal, Group: NavGroups.Results)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSunsettingEndpoints();
}
