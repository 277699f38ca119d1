using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Account;

/// <summary>A one-time sign-in link (printed for the demo accounts). GET only shows it; the POST uses it up, so link previews cannot.</summary>
public class SignInLinkModel(UserService people, AccountTokens tokens, UserManager<AppUser> users, SignInManager<AppUser> signIn, WorkspaceChoice choice) : WarmglowPage
{
    protected override string InputPrefix => "";
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync() =>
        Email = await tokens.FindAsync(Token, AccountTokenPurpose.SignIn) is { } link ? (await users.FindByIdAsync(link.UserId))?.Email : null;

    public async Task<IActionResult> OnPostAsync()
    {
        var link = await tokens.FindAsync(Token, AccountTokenPurpose.SignIn);
        AppUser? user = null;
        if (link is null || !await TryAsync(async () => user = await people.UseSignInLinkAsync(Token))) return Page();
        choice.WorkspaceId = link.WorkspaceId;
        await signIn.SignInAsync(user!, isPersistent: false);
        return Redirect("/");
    }
}
