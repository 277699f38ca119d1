using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Scorecards;

[Authorize(Policy = Policies.Oversee)]
public class RankingModel(DiscoveryService discovery) : PageModel
{
    public RankingDto Ranking { get; private set; } = null!;
    public async Task OnGetAsync(int id) => Ranking = await discovery.RankingAsync(id);
}
