using Microsoft.AspNetCore.Identity;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Account;

public class ResetPasswordModel(UserService people, AccountTokens tokens, UserManager<AppUser> users, SignInManager<AppUser> signIn, WorkspaceChoice choice)
    : OneTimeLinkPage(tokens, users, signIn, choice)
{
    protected override AccountTokenPurpose Purpose => AccountTokenPurpose.PasswordReset;

    protected override async Task<(AppUser User, int? WorkspaceId)> RedeemAsync() => (await people.ResetPasswordAsync(Token, Password), null);
}
