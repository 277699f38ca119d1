using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.AccountMapping;

/// <summary>Account mapping: each side's populations from CRM exports, the overlap matrix, and both sides' sharing rules.</summary>
public sealed class AccountMappingModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountMappingService>();
        services.AddScoped<OverlapReferrals>();
        services.AddScoped<Signals.IPopulationKeySource, PopulationKeySource>();
        services.AddScoped<IDemoContributor, AccountMappingDemo>();
        services.AddSection(SectionSlot.PartnershipMain, 260, "AccountMappingSection", Policies.Internal);
        services.AddSection(SectionSlot.PortalPartnership, 260, "AccountMappingPortal", Policies.Member);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/AccountMapping", Policies.Internal);

    public IEnumerable<NavItem> Navigation =>
    [
        new("account-mapping", "Account mapping", "/AccountMapping", 63, Policies.Internal, Group: NavGroups.Together),
        new("portal-account-mapping", "Account mapping", "/Portal/AccountMapping", 7, Policies.Member, NavAudience.Partner),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAccountMappingEndpoints();
}
