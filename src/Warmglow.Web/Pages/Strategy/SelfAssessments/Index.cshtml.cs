using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Strategy.SelfAssessments;

public class IndexModel(StrategyService strategy) : PageModel
{
    public Paged<SelfAssessmentDto> Result { get; private set; } = null!;

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page) => Result = await strategy.ListAssessmentsAsync(page, null);
}
