using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Agreements;

/// <summary>Agreements: lifecycle, approval, clauses, versions, review cadences, the partnership charter.</summary>
public sealed class AgreementsModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AgreementService>();
        services.AddScoped<CharterService>();
        services.AddScoped<Signals.IPartnershipReportSource, AgreementsReport>();
        services.AddSingleton<IOverdueReviewSource, AgreementOverdueReviews>();
        services.AddSingleton<IActivitySource, AgreementActivity>();
        services.AddSingleton<ITimelineSource, AgreementVersionTimeline>();
        services.AddScoped<ITerminationTermsSource, AgreementTermination>();
        services.AddScoped<IDemoContributor, AgreementsDemo>();
        services.AddSection(SectionSlot.PartnershipSide, 100, "AgreementsSection", Policies.Internal);
        services.AddSection(SectionSlot.PortalPartnership, 100, "AgreementsPortal", Policies.Member);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Agreements", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("agreements", "Agreements", "/Agreements", 60, Policies.Internal, Group: NavGroups.Together)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAgreementEndpoints();
}
