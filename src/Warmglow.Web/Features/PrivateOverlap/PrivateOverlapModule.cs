using Microsoft.AspNetCore.Authentication;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.PrivateOverlap;

/// <summary>
/// Private overlap between two Warmglow deployments: signed invitations and links, a private set intersection over
/// ristretto255 of one of our populations with one of the partner's, caps, a rate limit and the record of every run.
/// </summary>
public sealed class PrivateOverlapModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PrivateOverlapService>();
        services.AddScoped<PeerClient>();
        services.AddSingleton<PeerKeys>();
        services.AddSingleton<PeerHttp>();
        services.AddSingleton<PsiSessions>();
        services.AddScoped<IDemoContributor, PrivateOverlapDemo>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, PeerSignatureHandler>(PeerSignatureHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(PrivateOverlapApi.PeerPolicy, p => p
            .AddAuthenticationSchemes(PeerSignatureHandler.SchemeName).RequireClaim(PeerSignatureHandler.LinkClaim));
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/PrivateOverlap", Policies.Internal);

    public IEnumerable<NavItem> Navigation =>
    [
        new("private-overlap", "Private overlap", "/PrivateOverlap", 64, Policies.Internal, Group: NavGroups.Together),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPrivateOverlapEndpoints();
}
