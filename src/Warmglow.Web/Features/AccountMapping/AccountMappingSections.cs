using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.AccountMapping;

/// <summary>The partnership page's "Account mapping" card (and the portal's): the matrix's largest visible cells and a link to it.</summary>
public sealed class AccountMappingSectionViewComponent(AccountMappingService mapping) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        View(await mapping.MatrixAsync(partnershipId, MappingCaller.From(HttpContext.User), HttpContext.RequestAborted));
}

public sealed class AccountMappingPortalViewComponent(AccountMappingService mapping) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId) =>
        View(await mapping.MatrixAsync(partnershipId, MappingCaller.From(HttpContext.User), HttpContext.RequestAborted));
}
