using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Partners;

/// <summary>Partners: organizations and their contacts, search, CSV import and export.</summary>
public sealed class PartnersModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<PartnerService>()
        .AddScoped<PartnerCsv>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Partners", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("partners", "Partners", "/Partners", 30, Policies.Internal, Group: NavGroups.Partners)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPartnersApi();
}
