using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portfolio.Triage;

/// <summary>Triage rounds and, for managers, starting a new one.</summary>
public class IndexModel(TriageService triage, TimeProvider clock) : WarmglowPage
{
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<TriageRoundSummary> Rounds { get; private set; } = null!;
    public bool CanManage { get; private set; }

    [BindProperty] public TriageRoundInput Input { get; set; } = new(null, null, 3, 3, 3);

    async Task LoadAsync()
    {
        Rounds = await triage.RoundsAsync(PageNumber, null, HttpContext.RequestAborted);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input = new($"Portfolio triage {today:yyyy-MM}", today, 3, 3, 3);
        await LoadAsync();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        TriageRoundDto? round = null;
        if (await TryAsync(async () => round = await triage.StartAsync(Input, HttpContext.RequestAborted)))
        {
            Flash($"Triage started: {round!.Items} partnerships assessed from the portfolio's figures.");
            return Redirect($"/Portfolio/Triage/Round/{round.Id}");
        }
        await LoadAsync();
        return Page();
    }
}
