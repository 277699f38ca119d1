using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Account;

public class AcceptInviteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync() => Email = (await FindAsync())?.Email;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindAsync();
        if (user is null) return Page();
        Email = user.Email;
        var result = await users.ResetPasswordAsync(user, Token ?? "", Password ?? "");
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Code == "InvalidToken" ? "This invitation link has expired or was already used." : e.Description);
            return Page();
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect(user.PartnerId is null ? "/" : "/Portal");
    }

    async Task<AppUser?> FindAsync() => UserId is null || Token is null ? null : await users.FindByIdAsync(UserId);
}
