using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Partnerships;

/// <summary>Partnerships: the ten types, the lifecycle state machine and its history.</summary>
public sealed class PartnershipsModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<PartnershipService>().AddSingleton<Signals.ITimelineSource, StageMoveTimeline>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Partnerships", Policies.Internal);

    public IEnumerable<NavItem> Navigation =>
    [
        new("partnerships", "Partnerships", "/Partnerships", 40, Policies.Internal, Group: NavGroups.Partners),
        new("types", "Partnership types", "/Partnerships/Types", 910, Policies.Internal, Area: NavArea.Account),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPartnershipsApi();
}
