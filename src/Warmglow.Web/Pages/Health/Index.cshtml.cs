using Warmglow.Web.Features.Measurement;

namespace Warmglow.Web.Pages.Health;

public class IndexModel(DashboardService dashboards) : WarmglowPage
{
    public DashboardDto Dashboard { get; private set; } = null!;
    public string? Search { get; private set; }

    public async Task OnGetAsync(string? search, string? sort, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page)
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        Dashboard = await dashboards.WorkspaceAsync(new DashboardQuery(page, null, sort, Search));
    }
}
