using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Clusters;

/// <summary>Partner clusters, partner-to-partner links and the ecosystem dashboard (decision 0030).</summary>
public sealed class ClustersModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ClusterService>();
        services.AddScoped<EcosystemService>();
        services.AddScoped<IDemoContributor, ClustersDemo>();
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Clusters", Policies.Internal);
        pages.AuthorizePage("/Clusters/Edit", Policies.Manage);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("clusters", "Clusters", "/Clusters", 36, Policies.Internal, Group: NavGroups.Partners),
        new("ecosystem", "Ecosystem", "/Clusters/Ecosystem", 77, Policies.Internal, Group: NavGroups.Results),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapClustersEndpoints();
}
