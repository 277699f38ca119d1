using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Funds;

/// <summary>Co-investment funds: market development funds and pilot budgets, allocations, requests, approvals, claims with proof, payment and expiry.</summary>
public sealed class FundsModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FundService>();
        services.AddScoped<Signals.IFundSpendSource, FundSpendSource>();
        services.AddSingleton<IRecurringJob, FundsJob>();
        services.AddScoped<IDemoContributor, FundsDemo>();
        services.AddSection(SectionSlot.PartnershipMain, 320, "FundsSection", Policies.Internal);
        services.AddSection(SectionSlot.PortalPartnership, 320, "FundsPortal", Policies.Member);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Funds", Policies.Internal); // the portal's /Portal/Funds pages fall under the portal's member policy

    public IEnumerable<NavItem> Navigation => [new("funds", "Funds", "/Funds", 68, Policies.Internal, Group: NavGroups.Together)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapFundsEndpoints();
}
