using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Me;

public class PasswordModel(AccountService accounts, SignInManager<AppUser> signIn, WorkspaceChoice choice) : WarmglowPage
{
    protected override string InputPrefix => "";
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        AppUser? user = null;
        if (!await TryAsync(async () => user = await accounts.ChangePasswordAsync(new(CurrentPassword, NewPassword)))) return Page();
        choice.WorkspaceId = int.TryParse(User.FindFirst(WarmglowClaims.Workspace)?.Value, out var ws) ? ws : null;
        await signIn.SignInAsync(user!, isPersistent: true); // this browser stays signed in; every other sign-in ends
        Flash("Password changed. Other sign-ins of yours have ended.");
        return Redirect("/");
    }
}
