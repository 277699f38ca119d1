using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Pages.Portal;

/// <summary>The partner user's view. The DbContext's query filter limits it to their own partnership(s).</summary>
public class IndexModel(PartnershipService partnerships, Features.Revenue.RevenueService revenue, Infrastructure.Tenant tenant, TimeProvider clock) : PageModel
{
    public List<PartnershipDto> Items { get; private set; } = [];
    /// <summary>The partner's share on each issued statement (revenue module).</summary>
    public IReadOnlyList<Features.Revenue.EarningDto> Earnings { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var page = await partnerships.ListAsync(new PartnershipQuery(PageSize: 20));
        foreach (var p in page.Items) Items.Add(await partnerships.GetAsync(p.Id));
        if (tenant.PartnerId is { } partner)
            Earnings = await revenue.EarningsAsync(partner, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), HttpContext.RequestAborted);
    }
}
