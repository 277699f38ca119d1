using Warmglow.Web.Features.Measurement;

namespace Warmglow.Web.Pages.Health;

public class PartnershipModel(DashboardService dashboards) : WarmglowPage
{
    public PartnershipDashboardDto Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(int id) => Dashboard = await dashboards.PartnershipAsync(id);
}
