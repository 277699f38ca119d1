using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Pages.Referrals;

namespace Warmglow.Web.Pages.Portal.Referrals;

/// <summary>A partner user registers a lead or deal for one of their partnerships.</summary>
public class NewModel(ReferralService referrals, Pickers pickers) : WarmglowPage
{
    [BindProperty] public RegistrationForm Input { get; set; } = new();
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? partnershipId)
    {
        if (!User.IsInRole(Roles.Partner)) return Redirect("/Referrals/New");
        Input.PartnershipId = partnershipId;
        Partnerships = await pickers.PartnershipsAsync(null, 50, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.IsInRole(Roles.Partner)) return Forbid();
        ModelState.Clear();
        Input.PartnerId = null;
        Input.InternalNotes = null;
        RegistrationDto? created = null;
        if (await TryAsync(async () => created = await referrals.RegisterAsync(Input.ToInput(), ReferralCaller.From(User), HttpContext.RequestAborted)))
        {
            Flash(created!.ConflictOpen ? "Registered. This company is already registered; our team is reviewing it and will decide." : "Registered. Our team will review it.");
            return Redirect($"/Portal/Referrals/Details/{created.Id}");
        }
        Partnerships = await pickers.PartnershipsAsync(null, 50, HttpContext.RequestAborted);
        return Page();
    }
}
