using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Onboarding;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Onboarding;

/// <summary>The onboarding overview: checklists in progress (paged) with their progress, and the figures.</summary>
public class IndexModel(OnboardingService onboarding) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public bool? InProgress { get; set; } = true;
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<ChecklistSummary> Checklists { get; private set; } = null!;
    public OnboardingFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Checklists = await onboarding.ListAsync(InProgress, PageNumber, null, ct);
        Figures = await onboarding.FiguresAsync(ct);
    }
}
