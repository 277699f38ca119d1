using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Strategy;

namespace Warmglow.Web.Pages.Strategy.SelfAssessments;

public class DetailsModel(StrategyService strategy) : PageModel
{
    public SelfAssessmentDto Snapshot { get; private set; } = null!;

    public async Task OnGetAsync(int id) => Snapshot = await strategy.GetAssessmentAsync(id);
}
