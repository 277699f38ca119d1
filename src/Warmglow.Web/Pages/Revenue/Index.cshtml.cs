using Microsoft.AspNetCore.Authorization;
using Warmglow.Core.Revenue;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Revenue;

[Authorize(Policy = Policies.Oversee)]
public class IndexModel(RevenueQueries revenue, TimeProvider clock) : WarmglowPage
{
    public Paged<AgreementRevenueRow> Agreements { get; private set; } = null!;
    public Paged<EventDto> Recent { get; private set; } = null!;
    public Period Quarter { get; private set; } = null!;

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var q = (today.Month - 1) / 3;
        var from = new DateOnly(today.Year, q * 3 + 1, 1);
        Quarter = new Period(from, from.AddMonths(3).AddDays(-1));
        Agreements = await revenue.OverviewAsync(Quarter, page, null, ct);
        Recent = await revenue.RecentEventsAsync(1, 10, ct);
    }
}
