using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Account;

/// <summary>The account menu's workspace switcher posts here.</summary>
public class SwitchModel(AccountService accounts, SignInManager<AppUser> signIn, WorkspaceChoice choice) : WarmglowPage
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(int workspaceId)
    {
        if (User.Identity?.IsAuthenticated != true) return Redirect("/Account/Login");
        AppUser user;
        try { user = await accounts.SwitchAsync(workspaceId); }
        catch (NotFound) { return NotFound(); }
        choice.WorkspaceId = workspaceId;
        await signIn.SignInAsync(user, isPersistent: true);
        return Redirect("/");
    }
}
