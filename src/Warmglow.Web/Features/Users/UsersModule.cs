using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Users;

/// <summary>People: sign-in, invitations, roles, the admin pages and the API's token endpoint.</summary>
public sealed class UsersModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<UserService>()
        .AddScoped<InvitationMailer>()
        .AddScoped<UserDirectory>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Admin", Policies.Admin);
        pages.AllowAnonymousToFolder("/Account");
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("users", "Users", "/Admin/Users", 920, Policies.Admin, Area: NavArea.Account),
        new("api", "API documentation", "/api/docs", 990, Policies.Internal, Area: NavArea.Account),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapUsersApi();
}
