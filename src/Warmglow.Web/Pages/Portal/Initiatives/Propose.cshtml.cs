using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Features.Initiatives;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal.Initiatives;

/// <summary>A partner user proposes a joint initiative; our manager accepts or declines it with a reason.</summary>
public class ProposeModel(InitiativeService initiatives, Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public InitiativeKind? Kind { get; set; }
    public string PartnershipName { get; private set; } = "";
    public bool IsPartner => User.FindFirst(Features.Users.WarmglowClaims.Partner) is not null;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Goal { get; set; }
    [BindProperty] public string? Currency { get; set; } = "EUR";
    [BindProperty] public decimal? PartnerBudget { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public Dictionary<string, string?> Fields { get; set; } = [];

    async Task<bool> LoadAsync() =>
        (PartnershipName = await pickers.PartnershipNameAsync(Id, HttpContext.RequestAborted) ?? "") != "";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            InitiativeDto? created = null;
            if (await TryAsync(async () => created = await initiatives.ProposeAsync(
                    new(Id, Kind, Title, Goal, Currency, PartnerBudget, StartsOn, EndsOn, Fields), HttpContext.RequestAborted)))
            {
                Flash("Thank you: your proposal is with your partnership manager, who will accept or decline it.");
                return Redirect($"/Portal/Initiatives/{created!.Summary.Id}");
            }
        }
        catch (Forbidden f)
        {
            ModelState.AddModelError("", f.Message);
        }
        return Page();
    }
}
