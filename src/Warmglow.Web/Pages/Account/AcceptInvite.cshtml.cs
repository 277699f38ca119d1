using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Account;

public class AcceptInviteModel(UserService people, AccountTokens tokens, UserManager<AppUser> users, SignInManager<AppUser> signIn, WorkspaceChoice choice) : WarmglowPage
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
        (AppUser User, int WorkspaceId) accepted = default;
        if (!await TryAsync(async () => accepted = await people.AcceptInvitationAsync(Token, Password))) return Page();
        choice.WorkspaceId = accepted.WorkspaceId;
        await signIn.SignInAsync(accepted.User!, isPersistent: false);
        return Redirect("/");
    }

    async Task<string?> EmailAsync() =>
        await tokens.FindAsync(Token, AccountTokenPurpose.Invitation) is { } link ? (await users.FindByIdAsync(link.UserId))?.Email : null;
}
