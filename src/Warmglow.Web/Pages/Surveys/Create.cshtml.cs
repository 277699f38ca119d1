using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;

using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Pages.Surveys;

[Authorize(Policy = Policies.Manage)]
public class CreateModel(SurveyService surveys, Pickers pickers, TimeProvider clock) : WarmglowPage
{
    public sealed class RoundForm
    {
        public int? PartnershipId { get; set; }
        public string? TemplateKey { get; set; } = HealthSurveys.Quarterly.Key;
        public string? Period { get; set; }
        public bool Anonymous { get; set; } = true;
        public List<string> RecipientIds { get; set; } = [];
        public string? Title { get; set; }
    }

    [BindProperty] public RoundForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public string? PartnershipName { get; private set; }
    public List<(int Id, string Name)> Matches { get; private set; } = [];
    public List<RecipientOption> Recipients { get; private set; } = [];
    public IReadOnlyList<string> Periods { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.PartnershipId = PartnershipId;
        Input.Period = Quarter.Of(clock.GetUtcNow().UtcDateTime).Label;
        await LoadAsync();
        // Everyone eligible is asked by default: both sides.
        Input.RecipientIds = Recipients.Select(r => r.UserId).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        PartnershipId = Input.PartnershipId;
        SurveyRound? round = null;
        if (await TryAsync(async () => round = await surveys.CreateAsync(new SurveyRoundInput(Input.PartnershipId, Input.TemplateKey, Input.Period,
                Input.Anonymous, Input.RecipientIds, Input.Title))))
        {
            Flash($"Survey sent to {round!.Recipients.Count} people.");
            return Redirect($"/Surveys/Results/{round.Id}");
        }
        await LoadAsync();
        return Page();
    }

    async Task LoadAsync()
    {
        var current = Quarter.Of(clock.GetUtcNow().UtcDateTime);
        Periods = current.Next.Trailing(6).Reverse().Select(q => q.Label).ToList();
        if (PartnershipId is { } id)
        {
            PartnershipName = await pickers.PartnershipNameAsync(id);
            if (PartnershipName is not null) Recipients = await surveys.EligibleRecipientsAsync(id);
        }
        else
        {
            Matches = await pickers.PartnershipsAsync(Search);
        }
    }
}
