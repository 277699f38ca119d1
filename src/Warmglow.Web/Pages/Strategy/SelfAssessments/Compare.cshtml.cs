using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Strategy;

namespace Warmglow.Web.Pages.Strategy.SelfAssessments;

public class CompareModel(StrategyService strategy) : PageModel
{
    public SelfAssessmentComparisonDto Result { get; private set; } = null!;

    public async Task OnGetAsync(int? from, int? to) => Result = await strategy.CompareAsync(from, to);
}
