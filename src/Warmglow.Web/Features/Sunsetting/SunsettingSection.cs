using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Sunsetting;

/// <summary>The partnership page's "Wind-down" card: progress and what Ended still needs, when the partnership has a plan.</summary>
public sealed class SunsettingSectionViewComponent(SunsettingService sunsetting) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        await sunsetting.ForPartnershipAsync(partnershipId, HttpContext.RequestAborted) is { } plan ? View(plan) : Content("");
}
