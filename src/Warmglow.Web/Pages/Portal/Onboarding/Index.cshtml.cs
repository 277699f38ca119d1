using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Onboarding;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal.Onboarding;

/// <summary>A partner user's onboarding checklist (their own partnerships' only): they complete the steps on their side.</summary>
public class IndexModel(OnboardingService onboarding) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public ChecklistDto Checklist { get; private set; } = null!;
    [BindProperty] public int? StepId { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync() => Checklist = await onboarding.GetAsync(Id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCompleteAsync()
    {
        var ct = HttpContext.RequestAborted;
        Checklist = await onboarding.GetAsync(Id, ct);
        if (StepId is not { } step || Checklist.Steps.All(s => s.Id != step)) throw new NotFound($"Onboarding step {StepId}");
        if (await TryAsync(() => onboarding.CompleteAsync(step, new(Note, Version), false, ct)))
        {
            Flash("Thank you: the step is marked done.");
            return Redirect($"/Portal/Onboarding/{Id}");
        }
        Checklist = await onboarding.GetAsync(Id, ct);
        return Page();
    }
}
