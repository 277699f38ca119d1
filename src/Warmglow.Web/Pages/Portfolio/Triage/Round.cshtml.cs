using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portfolio.Triage;

/// <summary>One triage round: the rules in words, progress per phase, and its partnerships filtered and paged.</summary>
public class RoundModel(TriageService triage) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public TriageRecommendation? Recommendation { get; set; }
    [BindProperty(SupportsGet = true)] public int? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public TriageItemStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public TriageRoundDto Round { get; private set; } = null!;
    public Paged<TriageItemDto> Items { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Round = await triage.RoundAsync(Id, ct);
        Items = await triage.ItemsAsync(Id, Recommendation, Phase, Status, Sort, PageNumber, null, ct);
    }
}
