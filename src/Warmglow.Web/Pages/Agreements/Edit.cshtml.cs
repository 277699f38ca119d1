using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Agreements;

[Authorize(Policy = Policies.Manage)]
public class EditModel(AgreementService agreements, UserService users) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public AgreementForm Input { get; set; } = new();
    public AgreementDto Agreement { get; private set; } = null!;
    public List<(string Id, string Name)> Staff { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Agreement = await agreements.GetAsync(Id);
        Staff = await users.StaffAsync();
        Input = AgreementForm.From(Agreement);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (await TryAsync(() => agreements.ReviseAsync(Id, Input.ToInput(null))))
        {
            Flash("Saved as a new version.");
            return Redirect($"/Agreements/Details/{Id}");
        }
        Agreement = await agreements.GetAsync(Id);
        Staff = await users.StaffAsync();
        return Page();
    }
}
