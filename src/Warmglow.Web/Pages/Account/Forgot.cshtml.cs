using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;

namespace Warmglow.Web.Pages.Account;

public class ForgotModel(AccountService accounts) : WarmglowPage
{
    protected override string InputPrefix => "";
    [BindProperty] public string? Email { get; set; }
    public bool CanMail => accounts.CanMailResetLinks;
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        Sent = await TryAsync(() => accounts.ForgotPasswordAsync(Email));
        return Page();
    }
}
