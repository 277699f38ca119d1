using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Agreements;

[Authorize(Policy = Policies.Manage)]
public class CreateModel(AgreementService agreements, PartnershipService partnerships, UserService users, TimeProvider clock) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty] public AgreementForm Input { get; set; } = new();
    public string? PartnershipName { get; private set; }
    public List<(string Id, string Name)> Staff { get; private set; } = [];
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];

    async Task LoadAsync()
    {
        Staff = await users.StaffAsync();
        if (PartnershipId is { } pid) PartnershipName = (await partnerships.GetAsync(pid)).Name;
        else Partnerships = (await partnerships.ListAsync(new(null, null, null, null, null, PartnershipSort.Name, 1, 200))).Items.Select(p => (p.Id, p.Name)).ToList();
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.StartDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input.Title = PartnershipName is null ? null : $"{PartnershipName} agreement";
        if (User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } me) { Input.OwnerIds = [me]; Input.ReviewOwnerIds = [me]; }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        Agreement? created = null;
        if (await TryAsync(async () => created = await agreements.CreateAsync(Input.ToInput(PartnershipId))))
        {
            Flash("Agreement created as a term sheet (version 1).");
            return Redirect($"/Agreements/Details/{created!.Id}");
        }
        await LoadAsync();
        return Page();
    }
}
