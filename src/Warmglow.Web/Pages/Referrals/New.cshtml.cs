using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Pages.Referrals;

/// <summary>A manager registers a lead or deal for a partnership's partner.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Manage)]
public class NewModel(ReferralService referrals, Pickers pickers) : WarmglowPage
{
    [BindProperty] public RegistrationForm Input { get; set; } = new();
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];

    public async Task OnGetAsync(int? partnershipId)
    {
        Input.PartnershipId = partnershipId;
        Partnerships = await pickers.PartnershipsAsync(null, 200, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        RegistrationDto? created = null;
        if (await TryAsync(async () => created = await referrals.RegisterAsync(Input.ToInput(), ReferralCaller.From(User), HttpContext.RequestAborted)))
        {
            Flash(created!.ConflictOpen ? "Registered. It matches another registration: decide the conflict below." : "Registered.");
            return Redirect($"/Referrals/Details/{created.Id}");
        }
        Partnerships = await pickers.PartnershipsAsync(null, 200, HttpContext.RequestAborted);
        return Page();
    }
}
