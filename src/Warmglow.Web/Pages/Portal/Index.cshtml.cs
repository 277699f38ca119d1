using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Portal;

/// <summary>The partner user's home. The DbContext's query filter limits it to their own partnership(s).</summary>
public class IndexModel(PartnershipService partnerships) : PageModel
{
    public List<PartnershipDto> Items { get; private set; } = [];
    public bool IsPartner => User.IsInRole(Roles.Partner);
    public string Name => User.FindFirst(WarmglowClaims.DisplayName)?.Value ?? "";

    public async Task OnGetAsync()
    {
        var page = await partnerships.ListAsync(new PartnershipQuery(PageSize: 20));
        foreach (var p in page.Items) Items.Add(await partnerships.GetAsync(p.Id));
    }
}
