using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Initiatives;

/// <summary>Joint initiatives: co-marketing, co-selling, co-product, innovation sprints and pilots, with milestones, outcomes and ROI.</summary>
public sealed class InitiativesModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<InitiativeService>();
        services.AddScoped<Signals.IPartnershipReportSource, InitiativesReport>();
        services.AddSingleton<IActivitySource, InitiativeActivity>();
        services.AddScoped<IPartnerNextActionSource, InitiativeNextActions>();
        services.AddScoped<IInitiativeCountSource, InitiativeCountSignal>();
        services.AddScoped<IDemoContributor, InitiativesDemo>();
        services.AddSection(SectionSlot.PartnershipMain, 300, "InitiativesSection", Policies.Internal);
        services.AddSection(SectionSlot.PortalPartnership, 300, "InitiativesPortal", Policies.Member);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Initiatives", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("initiatives", "Initiatives", "/Initiatives", 67, Policies.Internal, Group: NavGroups.Together)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapInitiativesEndpoints();
}

/// <summary>Milestones of joint initiatives marked done, counted when they were marked (the engagement index's "initiatives").</summary>
public sealed class InitiativeActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.Initiatives;
    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.InitiativeMilestones.Where(m => m.DoneAt != null)
            .Select(m => new PartnershipActivity { PartnershipId = m.Initiative!.PartnershipId, At = m.DoneAt!.Value });
}

/// <summary>A partner user's next actions: open milestones their side owns on running or planned shared initiatives, late or due within two weeks.</summary>
public sealed class InitiativeNextActions(WarmglowDb db) : IPartnerNextActionSource
{
    /// <summary>How far ahead a partner user's open milestones show among their next actions.</summary>
    public const int NextActionDays = 14;

    public async Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default)
    {
        var horizon = DateOnly.FromDateTime(db.UtcNow).AddDays(NextActionDays);
        // The partner filter already limits milestones to shared initiatives of the user's own partnerships.
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.InitiativeMilestones.Where(m => m.OwnerSide == OwnerSide.Partner && m.DoneOn == null && m.DueOn <= horizon
                    && (m.Initiative!.Status == Core.Initiatives.InitiativeStatus.Planned || m.Initiative.Status == Core.Initiatives.InitiativeStatus.Running))
                .OrderBy(m => m.DueOn).Take(20)
                .Select(m => new { m.InitiativeId, m.Title, m.DueOn, Initiative = m.Initiative!.Title }), ct);
        return rows.Select(r => new PartnerNextAction($"{r.Title} ({r.Initiative})", $"/Portal/Initiatives/{r.InitiativeId}#milestones", r.DueOn, "Initiative milestone")).ToList();
    }
}
