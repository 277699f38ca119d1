using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Pages.Portal;

/// <summary>The partner user's view. The DbContext's query filter limits it to their own partnership(s).</summary>
public class IndexModel(PartnershipService partnerships) : PageModel
{
    public List<PartnershipDto> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var page = await partnerships.ListAsync(new PartnershipQuery(PageSize: 20));
        foreach (var p in page.Items) Items.Add(await partnerships.GetAsync(p.Id));
    }
}
