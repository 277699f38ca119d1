using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Scorecards;

public class IndexModel(DiscoveryService discovery) : WarmglowPage
{
    public List<ScorecardSummary> Cards { get; private set; } = [];
    public decimal Threshold { get; private set; }

    public async Task OnGetAsync()
    {
        Cards = await discovery.ListScorecardsAsync();
        Threshold = await discovery.ThresholdAsync();
    }

    [RequirePolicy(Policies.Admin)]
    public async Task<IActionResult> OnPostThresholdAsync(decimal? threshold)
    {
        if (await TryAsync(() => discovery.SetThresholdAsync(threshold)))
        {
            Flash($"Shortlist threshold set to {threshold:0.##}.");
            return Redirect("/Scorecards");
        }
        await OnGetAsync();
        return Page();
    }
}
