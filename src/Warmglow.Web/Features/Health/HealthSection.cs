using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Health;

/// <summary>The partnership page's "Health" card: its surveys, engagement and alerts.</summary>
public sealed class HealthSectionViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int partnershipId) =>
        View((PartnershipId: partnershipId, CanManage: HttpContext.User.IsInRole(Roles.Admin) || HttpContext.User.IsInRole(Roles.Manager)));
}
