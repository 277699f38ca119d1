using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Measurement;

/// <summary>The partnership page's "Measurement" card: links to its dashboard and, for managers, its metrics and costs.</summary>
public sealed class MeasurementSectionViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(int partnershipId) =>
        View((PartnershipId: partnershipId, CanManage: HttpContext.User.IsInRole(Roles.Admin) || HttpContext.User.IsInRole(Roles.Manager)));
}
