using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Workspaces;

/// <summary>The workspace itself: first-run setup, the dashboard (home page) and the error page.</summary>
public sealed class WorkspacesModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<Pickers>()
        .AddScoped<WorkspaceOverview>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizePage("/Index", Policies.Member);
        pages.AllowAnonymousToPage("/Setup");
        pages.AllowAnonymousToPage("/Error");
    }

    public IEnumerable<NavItem> Navigation => [new("home", "Dashboard", "/", 10, Policies.Internal)];
}
