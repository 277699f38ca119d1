using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Governance;

public sealed record GovernanceSectionView(int PartnershipId, PeopleDto People, int Activities, DecisionTimeDto DecisionTime);

/// <summary>The partnership page's "Governance" card: who governs it, sponsorship flags, RACI size, decision time.</summary>
public sealed class GovernanceSectionViewComponent(GovernanceService governance, DecisionService decisions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        var ct = HttpContext.RequestAborted;
        var people = await governance.PeopleAsync(partnershipId, ct);
        var raci = await governance.RaciAsync(partnershipId, ct);
        return View(new GovernanceSectionView(partnershipId, people, raci.IsStarter ? 0 : raci.Matrix.Rows.Count, await decisions.DecisionTimeAsync(partnershipId, ct)));
    }
}

public sealed record GovernancePortalView(PeopleDto People, RaciDto Raci, IReadOnlyList<MeetingDto> Meetings);

/// <summary>A partnership's governance in the partner portal: the people and the RACI matrix (both shared with the partner).</summary>
public sealed class GovernancePortalViewComponent(GovernanceService governance, MeetingService meetings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        var ct = HttpContext.RequestAborted;
        return View(new GovernancePortalView(await governance.PeopleAsync(partnershipId, ct), await governance.RaciAsync(partnershipId, ct),
            await meetings.ListAsync(partnershipId, ct)));
    }
}

public sealed record TimelineSectionView(int PartnershipId, TimelinePage Page, bool Portal);

/// <summary>The partnership page's "Activity" card: the ten newest timeline entries and a link to the whole timeline.</summary>
public sealed class TimelineSectionViewComponent(TimelineService timeline) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        View(new TimelineSectionView(partnershipId, await timeline.PageAsync(partnershipId, null, 1, 10, HttpContext.RequestAborted), false));
}

/// <summary>A partnership's recent shared activity in the partner portal (notes, meetings, shared action items).</summary>
public sealed class TimelinePortalViewComponent(TimelineService timeline) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        View(new TimelineSectionView(partnershipId, await timeline.PageAsync(partnershipId, null, 1, 5, HttpContext.RequestAborted), true));
}
