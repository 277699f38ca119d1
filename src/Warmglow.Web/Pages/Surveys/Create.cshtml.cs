using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Surveys;

[Authorize(Policy = Policies.Manage)]
public class CreateModel(SurveyService surveys, WarmglowDb db) : WarmglowPage
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
        Input.Period = Quarter.Of(db.UtcNow).Label;
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
        var current = Quarter.Of(db.UtcNow);
        Periods = current.Next.Trailing(6).Reverse().Select(q => q.Label).ToList();
        if (PartnershipId is { } id)
        {
            PartnershipName = await db.Partnerships.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync();
            if (PartnershipName is not null) Recipients = await surveys.EligibleRecipientsAsync(id);
        }
        else
        {
            var term = Search?.Trim() ?? "";
            Matches = (await db.Partnerships.AsNoTracking().Where(p => term == "" || p.Name.Contains(term))
                .OrderBy(p => p.Name).Take(50).Select(p => new { p.Id, p.Name }).ToListAsync()).Select(p => (p.Id, p.Name)).ToList();
        }
    }
}
