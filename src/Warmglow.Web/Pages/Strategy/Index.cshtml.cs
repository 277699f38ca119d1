using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Strategy;

public class IndexModel(StrategyService strategy, GoalService goals, PersonaService personas) : PageModel
{
    public StatementDto Statement { get; private set; } = null!;
    public SelfAssessmentDto? Latest { get; private set; }
    public int AssessmentCount { get; private set; }
    public Paged<GoalDto> Goals { get; private set; } = null!;
    public int PersonaCount { get; private set; }

    public async Task OnGetAsync()
    {
        Statement = await strategy.GetStatementAsync();
        var assessments = await strategy.ListAssessmentsAsync(1, 1);
        Latest = assessments.Items.FirstOrDefault();
        AssessmentCount = assessments.Total;
        Goals = await goals.ListAsync(1, 5);
        PersonaCount = (await personas.ListAsync(1, 1)).Total;
    }
}
