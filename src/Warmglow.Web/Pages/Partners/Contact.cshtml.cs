using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Partners;

[Authorize(Policy = Policies.Manage)]
public class ContactModel(PartnerService partners) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int ContactId { get; set; }
    [BindProperty] public DetailsModel.ContactForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public string PartnerName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var partner = await partners.GetAsync(Id);
        PartnerName = partner.Name;
        var c = partner.Contacts.FirstOrDefault(c => c.Id == ContactId) ?? throw new NotFound($"Contact {ContactId}");
        Input = new DetailsModel.ContactForm { Name = c.Name, Email = c.Email, Title = c.Title, Phone = c.Phone };
        Version = c.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TryAsync(() => partners.UpdateContactAsync(Id, ContactId, new ContactInput(Input.Name, Input.Email, Input.Title, Input.Phone), Version)))
        {
            Flash("Contact saved.");
            return Redirect($"/Partners/{Id}");
        }
        PartnerName = (await partners.GetAsync(Id)).Name;
        return Page();
    }
}
