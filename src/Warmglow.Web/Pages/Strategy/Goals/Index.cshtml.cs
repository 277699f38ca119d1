using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Strategy.Goals;

public class IndexModel(GoalService goals, TimeProvider clock) : PageModel
{
    public Paged<GoalDto> Result { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page)
    {
        Result = await goals.ListAsync(page, null);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}
