using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Mail;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Accounts;

public static class AccountsModule
{
    /// <summary>Memberships, one-time links, API keys (their authentication scheme), the owner policy, mail.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<AccountTokens>();
        services.AddScoped<AccountService>();
        services.AddScoped<WorkspaceChoice>();
        services.AddMail(config);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Owner, p => p.RequireAuthenticatedUser().RequireClaim(WarmglowClaims.Owner));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Workspaces", Policies.Owner);
            o.Conventions.AuthorizeFolder("/Me", Policies.Member);
        });
        return services;
    }

    /// <summary>Where links point: PublicUrl when configured, else the address this request came to.</summary>
    public static string LinkBase(this HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["PublicUrl"] is { Length: > 0 } url
            ? url.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
}
