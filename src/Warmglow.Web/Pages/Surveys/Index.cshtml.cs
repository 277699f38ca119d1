using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Surveys;

public class IndexModel(SurveyService surveys) : WarmglowPage
{
    public Paged<MySurvey> Mine { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public Paged<SurveySummary>? Sent { get; private set; }
    public bool CanSend { get; private set; }

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, int? sentPage, int? partnershipId)
    {
        Mine = await surveys.MineAsync(page, 10);
        if (await AllowedAsync(Policies.Oversee)) Sent = await surveys.ListAsync(partnershipId, sentPage, 20);
        CanSend = await AllowedAsync(Policies.Manage);
    }
}
