using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Accounts;

/// <summary>Accounts: memberships, workspaces of the deployment, one-time links, personal API keys, the owner policy, mail.</summary>
public sealed class AccountsModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountTokens>();
        services.AddScoped<AccountService>();
        services.AddScoped<WorkspaceChoice>();
        services.AddScoped<Demo.IDemoContributor, AccountsDemo>();
        services.AddMail(configuration);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Owner, p => p.RequireAuthenticatedUser().RequireClaim(WarmglowClaims.Owner));
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Workspaces", Policies.Owner);
        pages.AuthorizeFolder("/Me", Policies.Member);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("api-keys", "API keys", "/Me/ApiKeys", 940, Policies.Member, NavAudience.Everyone, NavArea.Account),
        new("password", "Change password", "/Me/Password", 950, Policies.Member, NavAudience.Everyone, NavArea.Account),
        new("workspaces", "Workspaces", "/Workspaces", 960, Policies.Owner, NavAudience.Everyone, NavArea.Account),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAccountsApi();
}

public static class AccountLinks
{
    /// <summary>Where links point: PublicUrl when configured, else the address this request came to.</summary>
    public static string LinkBase(this HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["PublicUrl"] is { Length: > 0 } url
            ? url.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
}
