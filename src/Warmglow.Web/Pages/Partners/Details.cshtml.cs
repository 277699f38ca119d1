using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Partners;

public class DetailsModel(PartnerService partners) : WarmglowPage
{
    public sealed class ContactForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Title { get; set; }
        public string? Phone { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public ContactForm Contact { get; set; } = new();
    public PartnerDto Partner { get; private set; } = null!;
    protected override string InputPrefix => "Contact";

    public async Task OnGetAsync() => Partner = await partners.GetAsync(Id);

    public async Task<IActionResult> OnPostAddContactAsync()
    {
        if (!await CanManage()) return Forbid();
        if (await TryAsync(() => partners.AddContactAsync(Id, new ContactInput(Contact.Name, Contact.Email, Contact.Title, Contact.Phone))))
        {
            Flash($"Contact {Contact.Name} added.");
            return Redirect($"/Partners/{Id}");
        }
        Partner = await partners.GetAsync(Id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteContactAsync(int contactId)
    {
        if (!await CanManage()) return Forbid();
        await partners.DeleteContactAsync(Id, contactId);
        Flash("Contact removed.");
        return Redirect($"/Partners/{Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int version)
    {
        if (!await CanManage()) return Forbid();
        if (await TryAsync(() => partners.DeleteAsync(Id, version)))
        {
            Flash("Partner deleted.");
            return Redirect("/Partners");
        }
        Partner = await partners.GetAsync(Id);
        return Page();
    }

    async Task<bool> CanManage() => await AllowedAsync(Policies.Manage);
}
