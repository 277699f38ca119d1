using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Pages.Partnerships;

public class EvaluateModel(DiscoveryService discovery, PartnershipService partnerships) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "scorecard")] public int? ScorecardId { get; set; }
    [BindProperty] public Dictionary<string, int> Scores { get; set; } = [];
    [BindProperty] public string? Notes { get; set; }
    public string PartnershipName { get; private set; } = "";
    public List<ScorecardSummary> Cards { get; private set; } = [];
    public ScorecardDto? Card { get; private set; }
    protected override string InputPrefix => "";

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TryAsync(() => discovery.SubmitAsync(Id, new EvaluationInput(ScorecardId, Scores, Notes))))
        {
            Flash("Your scores are in.");
            return Redirect($"/Partnerships/{Id}#vetting");
        }
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync()
    {
        var partnership = await partnerships.GetAsync(Id);
        PartnershipName = partnership.Name;
        Cards = await discovery.ListScorecardsAsync();
        // The candidate's persona names the default scorecard (product.md §1 "Partner personas").
        var id = ScorecardId ?? partnership.Persona?.ScorecardId ?? Cards.FirstOrDefault()?.Id;
        if (id is { } cardId) Card = await discovery.GetScorecardAsync(cardId);
    }
}
