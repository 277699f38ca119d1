using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Onboarding;

/// <summary>The partnership page's "Onboarding" card: progress and what Active still needs, when the partnership has a checklist.</summary>
public sealed class OnboardingSectionViewComponent(OnboardingService onboarding) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        await onboarding.ForPartnershipAsync(partnershipId, HttpContext.RequestAborted) is { } c ? View(c) : Content("");
}

/// <summary>The portal's partnership card: the onboarding checklist's progress and the steps on the partner's side.</summary>
public sealed class OnboardingPortalViewComponent(OnboardingService onboarding) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        await onboarding.ForPartnershipAsync(partnershipId, HttpContext.RequestAborted) is { } c ? View(c) : Content("");
}
