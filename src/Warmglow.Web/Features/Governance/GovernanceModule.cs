using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Governance;

/// <summary>
/// Governance: people and sponsorship, the RACI matrix (and partners' proposed changes), the decision framework and log,
/// meetings and cadences, the calendar, and the partnership's activity timeline with its free notes.
/// </summary>
public sealed class GovernanceModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<GovernanceService>();
        services.AddScoped<DecisionService>();
        services.AddScoped<Signals.IPartnershipReportSource, GovernanceReport>();
        services.AddScoped<MeetingService>();
        services.AddScoped<CadenceService>();
        services.AddScoped<CalendarService>();
        services.AddScoped<TimelineService>();
        services.AddScoped<RaciProposalService>();
        services.AddSingleton<ITimelineSource, NoteTimeline>();
        services.AddSingleton<ITimelineSource, MeetingTimeline>();
        services.AddSingleton<ITimelineSource, DecisionTimeline>();
        services.AddSingleton<ITimelineSource, ActionItemTimeline>();
        services.AddSingleton<IRecurringJob, CadenceJob>();
        services.AddSingleton<IActivitySource, MeetingActivity>();
        services.AddSingleton<IActivitySource, ActionItemActivity>();
        services.AddScoped<ISponsorshipSource>(sp => sp.GetRequiredService<GovernanceService>());
        services.AddScoped<IDemoContributor, GovernanceDemo>();
        services.AddSection(SectionSlot.PartnershipSide, 150, "GovernanceSection", Policies.Internal);
        services.AddSection(SectionSlot.PortalPartnership, 150, "GovernancePortal", Policies.Member);
        services.AddSection(SectionSlot.PartnershipMain, 500, "TimelineSection", Policies.Internal);
        services.AddSection(SectionSlot.PortalPartnership, 160, "TimelinePortal", Policies.Member);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Governance", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("governance", "Governance", "/Governance", 65, Policies.Internal, Group: NavGroups.Together)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapGovernanceEndpoints();
}
