using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Referrals;

public sealed record ReferralsSectionView(int PartnershipId, FiguresDto Figures, IReadOnlyList<RegistrationRow> Recent);

/// <summary>The partnership page's "Referrals" card: figures, the review queue count and the latest registrations.</summary>
public sealed class ReferralsSectionViewComponent(ReferralService referrals, ReferralFigures figures) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        var ct = HttpContext.RequestAborted;
        var recent = await referrals.ListAsync(new(PartnershipId: partnershipId, PageSize: 5), ct);
        return View(new ReferralsSectionView(partnershipId, await figures.ForAsync(partnershipId, ct), recent.Items));
    }
}

/// <summary>In the portal, inside a partnership's card: the partner's own latest registrations and a link to register one.</summary>
public sealed class ReferralsPortalViewComponent(ReferralService referrals) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        var recent = await referrals.ListAsync(new(PartnershipId: partnershipId, PageSize: 5), HttpContext.RequestAborted);
        return View(new ReferralsSectionView(partnershipId, null!, recent.Items));
    }
}
