using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Agreements;

public sealed record AgreementsSectionView(int PartnershipId, Paged<AgreementSummary> Agreements, bool CanManage);

/// <summary>The partnership page's "Agreements" card: its agreements and the charter.</summary>
public sealed class AgreementsSectionViewComponent(AgreementService agreements) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        var list = await agreements.ListAsync(new(null, null, null, partnershipId, 1, 10), HttpContext.RequestAborted);
        var canManage = HttpContext.User.IsInRole(Roles.Admin) || HttpContext.User.IsInRole(Roles.Manager);
        return View(new AgreementsSectionView(partnershipId, list, canManage));
    }
}

/// <summary>A partnership's agreements in the partner portal (the DbContext limits them to the partner's own).</summary>
public sealed class AgreementsPortalViewComponent(AgreementService agreements) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        View(await agreements.ListAsync(new(null, null, null, partnershipId, 1, 20), HttpContext.RequestAborted));
}
