using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Portfolio;

/// <summary>The partnership page's "Portfolio tier" card: tier, service level, override, pending proposal.</summary>
public sealed class PortfolioSectionViewComponent(PortfolioService portfolio) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) => View(await portfolio.TierAsync(partnershipId, HttpContext.RequestAborted));
}
