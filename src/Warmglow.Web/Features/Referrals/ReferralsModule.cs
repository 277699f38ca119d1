using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Referrals;

/// <summary>Referrals and deal registration: partners register leads and deals, conflicts are found and decided, protection and credit.</summary>
public sealed class ReferralsModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReferralService>();
        services.AddScoped<ReferralFigures>();
        services.AddScoped<ReferralFunnel>();
        services.AddSingleton<Signals.IActivitySource, RegistrationSubmittedActivity>();
        services.AddSingleton<Signals.IActivitySource, RegistrationWonActivity>();
        services.AddScoped<OurAccountsService>();
        services.AddScoped<Signals.IPartnerNextActionSource, ReferralNextActions>();
        services.AddScoped<Signals.IPartnerPipelineSource, ReferralPipelineSignal>();
        services.AddSingleton<IRecurringJob, ReferralJob>();
        services.AddScoped<IDemoContributor, ReferralsDemo>();
        services.AddSection(SectionSlot.PartnershipMain, 250, "ReferralsSection", Policies.Internal);
        services.AddSection(SectionSlot.PortalPartnership, 250, "ReferralsPortal", Policies.Member);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Referrals", Policies.Internal);
        pages.AuthorizePage("/Referrals/Aliases", Policies.Manage);
        pages.AuthorizePage("/Referrals/Accounts", Policies.Manage);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("referrals", "Referrals", "/Referrals", 62, Policies.Internal, Group: NavGroups.Together),
        new("portal-referrals", "Registrations", "/Portal/Referrals", 6, Policies.Member, NavAudience.Partner),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapReferralsEndpoints();
        app.MapOurAccountsEndpoints();
    }
}
