using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Discovery;

/// <summary>Discovery and vetting: scorecard templates, blind scoring, rankings, vetting steps, pilots, go / no-go.</summary>
public sealed class DiscoveryModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<DiscoveryService>()
        .AddSingleton<IWorkspaceSeeder, BuiltInScorecards>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Scorecards", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("scorecards", "Scorecards", "/Scorecards", 50, Policies.Internal, Group: NavGroups.Partners)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapDiscoveryApi();
}

/// <summary>Every new workspace starts with the five built-in scorecard templates.</summary>
sealed class BuiltInScorecards : IWorkspaceSeeder
{
    public int Order => 100;
    public IEnumerable<object> Seed(Workspace workspace) => DiscoveryService.BuiltIns(workspace.Id);
}
