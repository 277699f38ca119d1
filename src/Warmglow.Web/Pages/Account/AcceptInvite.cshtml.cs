using Microsoft.AspNetCore.Identity;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Account;

public class AcceptInviteModel(UserService people, AccountTokens tokens, UserManager<AppUser> users, SignInManager<AppUser> signIn, WorkspaceChoice choice)
    : OneTimeLinkPage(tokens, users, signIn, choice)
{
    protected override AccountTokenPurpose Purpose => AccountTokenPurpose.Invitation;

    protected override async Task<(AppUser User, int? WorkspaceId)> RedeemAsync()
    {
        var (user, workspaceId) = await people.AcceptInvitationAsync(Token, Password);
        return (user, workspaceId);
    }
}
