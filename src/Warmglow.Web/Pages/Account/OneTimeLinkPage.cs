using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Account;

/// <summary>
/// A page opened from a one-time link (an invitation, a password reset) where the person chooses a password: it shows
/// whose link it is, redeems it with the password, and signs them in (into the workspace the link is for, if any).
/// </summary>
public abstract class OneTimeLinkPage(AccountTokens tokens, UserManager<AppUser> users, SignInManager<AppUser> signIn, WorkspaceChoice choice) : WarmglowPage
{
    protected override string InputPrefix => "";
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    /// <summary>Whose link it is; null when the link is unknown, used, revoked or expired.</summary>
    public string? Email { get; private set; }

    protected abstract AccountTokenPurpose Purpose { get; }

    /// <summary>Uses the link with the chosen password; returns the person and the workspace to sign into (null: their usual one).</summary>
    protected abstract Task<(AppUser User, int? WorkspaceId)> RedeemAsync();

    public async Task OnGetAsync() => Email = await EmailAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Email = await EmailAsync();
        if (Email is null) return Page();
        (AppUser User, int? WorkspaceId) redeemed = default;
        if (!await TryAsync(async () => redeemed = await RedeemAsync())) return Page();
        if (redeemed.WorkspaceId is { } ws) choice.WorkspaceId = ws;
        await signIn.SignInAsync(redeemed.User!, isPersistent: false);
        return Redirect("/");
    }

    async Task<string?> EmailAsync() =>
        await tokens.FindAsync(Token, Purpose) is { } link ? (await users.FindByIdAsync(link.UserId))?.Email : null;
}
