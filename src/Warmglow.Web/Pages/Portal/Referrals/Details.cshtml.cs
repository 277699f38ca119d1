using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Referrals;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Portal.Referrals;

/// <summary>A partner user's registration: its stage and protection; for approved deals, a form to move the stage and amount.</summary>
public class DetailsModel(ReferralService referrals) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public RegistrationDto Registration { get; private set; } = null!;
    [BindProperty] public RegistrationStage? Stage { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public int? Version { get; set; }

    public bool IsPartner => User.IsInRole(Roles.Partner);

    public async Task OnGetAsync() => Registration = await referrals.GetAsync(Id, ReferralCaller.From(User), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostMoveAsync()
    {
        if (!IsPartner) return Forbid();
        ModelState.Clear();
        var caller = ReferralCaller.From(User);
        if (await TryAsync(() => referrals.MoveAsync(Id, new(Stage, Amount, Version), caller, HttpContext.RequestAborted)))
        {
            Flash(Stage == RegistrationStage.Won ? "Marked won. We approve the win before it counts for revenue and rewards." : "Updated.");
            return Redirect($"/Portal/Referrals/Details/{Id}");
        }
        Registration = await referrals.GetAsync(Id, caller, HttpContext.RequestAborted);
        return Page();
    }
}
