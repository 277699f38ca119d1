using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;

namespace Warmglow.Web.Features.Initiatives;

public sealed record InitiativesSectionView(int PartnershipId, PartnershipInitiatives Data, bool Portal, bool CanManage = false);

/// <summary>The partnership page's "Initiatives" section: its initiatives (first page), their state, and ROI per currency.</summary>
public sealed class InitiativesSectionViewComponent(InitiativeService initiatives, IAuthorizationService auth) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        var canManage = (await auth.AuthorizeAsync(HttpContext.User, Users.Policies.Manage)).Succeeded;
        return View(new InitiativesSectionView(partnershipId, await initiatives.ForPartnershipAsync(partnershipId, 1, 10, HttpContext.RequestAborted), false, canManage));
    }
}

/// <summary>A partnership's shared initiatives in the partner portal, with a link to propose one.</summary>
public sealed class InitiativesPortalViewComponent(InitiativeService initiatives) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        View(new InitiativesSectionView(partnershipId, await initiatives.ForPartnershipAsync(partnershipId, 1, 20, HttpContext.RequestAborted), true));
}
