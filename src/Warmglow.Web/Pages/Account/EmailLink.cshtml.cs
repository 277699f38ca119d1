using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Portal;

namespace Warmglow.Web.Pages.Account;

/// <summary>Passwordless sign-in: asks for the e-mail and mails a one-time link (same answer for any address).</summary>
public class EmailLinkModel(EmailSignInService links) : WarmglowPage
{
    protected override string InputPrefix => "";
    [BindProperty] public string? Email { get; set; }
    public bool CanMail => links.CanMail;
    public bool Sent { get; private set; }
    public int Minutes => (int)EmailSignInService.Lifetime.TotalMinutes;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        Sent = await TryAsync(() => links.RequestAsync(Email));
        return Page();
    }
}
