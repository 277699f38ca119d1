using Warmglow.Web.Features.Health;

namespace Warmglow.Web.Pages.Health;

public class EngagementModel(HealthReadModel health) : WarmglowPage
{
    public EngagementPage Data { get; private set; } = null!;

    public async Task OnGetAsync(string? period, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page) => Data = await health.EngagementPageAsync(period, page, 25);
}
