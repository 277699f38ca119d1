using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Account;

public class ResetPasswordModel(UserService people, AccountTokens tokens, UserManager<AppUser> users, SignInManager<AppUser> signIn) : WarmglowPage
{
    protected override string InputPrefix => "";
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync() => Email = await EmailAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Email = await EmailAsync();
        if (Email is null) return Page();
        AppUser? user = null;
        if (!await TryAsync(async () => user = await people.ResetPasswordAsync(Token, Password))) return Page();
        await signIn.SignInAsync(user!, isPersistent: false);
        return Redirect("/");
    }

    async Task<string?> EmailAsync() =>
        await tokens.FindAsync(Token, AccountTokenPurpose.PasswordReset) is { } link ? (await users.FindByIdAsync(link.UserId))?.Email : null;
}
