using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Funds;

public sealed record FundsSectionView(int PartnershipId, IReadOnlyList<PartnershipFund> Funds, bool Portal);

/// <summary>The partnership page's "Co-investment funds" section: its allocations across funds and their balances.</summary>
public sealed class FundsSectionViewComponent(FundService funds) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) => View(new FundsSectionView(partnershipId,
        (await funds.ForPartnershipAsync(partnershipId, HttpContext.RequestAborted)).Select(x => new PartnershipFund(x.Fund, x.Allocation)).ToList(), false));
}

/// <summary>The portal's view of a partnership's allocations and balances, with links to request and claim.</summary>
public sealed class FundsPortalViewComponent(FundService funds) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) => View("~/Pages/Shared/Components/FundsSection/Default.cshtml", new FundsSectionView(partnershipId,
        (await funds.ForPartnershipAsync(partnershipId, HttpContext.RequestAborted)).Select(x => new PartnershipFund(x.Fund, x.Allocation)).ToList(), true));
}
