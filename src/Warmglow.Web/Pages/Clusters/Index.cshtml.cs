using Warmglow.Web.Features.Clusters;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Clusters;

/// <summary>Partner clusters: named groups of complementary partners offering a combined solution.</summary>
public class IndexModel(ClusterService clusters) : WarmglowPage
{
    public Paged<ClusterSummary> Result { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public bool CanManage { get; private set; }

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page)
    {
        Result = await clusters.ListAsync(page, null, HttpContext.RequestAborted);
        CanManage = await AllowedAsync(Policies.Manage);
    }
}
