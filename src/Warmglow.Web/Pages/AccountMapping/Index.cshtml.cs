using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.AccountMapping;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.AccountMapping;

/// <summary>Across partners: which partnerships share the most accounts with us, and where to start one.</summary>
public class IndexModel(AccountMappingService mapping, Pickers pickers) : WarmglowPage
{
    public Paged<PartnershipOverlap> Result { get; private set; } = null!;
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        Result = await mapping.WorkspaceAsync(page, null, HttpContext.RequestAborted);
        Partnerships = await pickers.PartnershipsAsync(null, 200, HttpContext.RequestAborted);
    }
}
