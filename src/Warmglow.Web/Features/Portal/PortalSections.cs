using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Portal;

// The portal home's own parts, each a SectionSlot.PortalPage section (PortalModule registers them), so the home is one
// ordered list of sections that other modules add to as they arrive.

/// <summary>"What to do next": every module's next actions for this partner user, soonest due first.</summary>
public sealed class PortalNextActionsViewComponent(PortalHomeService home) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) => View(await home.NextActionsAsync(HttpContext.RequestAborted));
}

/// <summary>Earnings at a glance: payable so far and upcoming, per currency (the statements list follows from the revenue module).</summary>
public sealed class PortalEarningsViewComponent(PortalHomeService home) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) => View(await home.EarningsAsync(HttpContext.RequestAborted));
}

/// <summary>Joint goals: both sides' objectives and success metrics from each partnership's charter.</summary>
public sealed class PortalGoalsViewComponent(PortalHomeService home) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) => View(await home.GoalsAsync(HttpContext.RequestAborted));
}

/// <summary>The meeting calendar: scheduled meetings of the partner's partnerships from now on.</summary>
public sealed class PortalMeetingsViewComponent(PortalHomeService home) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) => View(await home.MeetingsAsync(HttpContext.RequestAborted));
}
