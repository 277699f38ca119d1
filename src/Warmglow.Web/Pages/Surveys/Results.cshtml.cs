using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Surveys;

[Authorize(Policy = Policies.Oversee)]
public class ResultsModel(SurveyService surveys) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public SurveyResultsDto Results { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        Results = await surveys.ResultsAsync(Id);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostCloseAsync()
    {
        await surveys.CloseAsync(Id);
        Flash("Survey closed: it takes no more answers.");
        return Redirect($"/Surveys/Results/{Id}");
    }
}
