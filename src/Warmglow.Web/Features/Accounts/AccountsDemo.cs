using Microsoft.AspNetCore.Identity;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Accounts;

/// <summary>
/// The demo's accounts: a pending invitation (Users shows it with resend and revoke) and a personal API key of the first
/// manager, used two days ago (account menu → API keys shows it; its secret was never shown, so it cannot be used).
/// </summary>
public sealed class AccountsDemo(WarmglowDb db, UserManager<AppUser> users, UserService people) : IDemoContributor
{
    public int Order => 60;

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var ws = db.Tenant.RequireWorkspace();
        var domain = context.Staff[0].Email is { } e && e.Contains('@') ? e[(e.IndexOf('@') + 1)..] : "mindfulglow.example";
        // A second demo workspace must not take over the first one's pending invitation: its own address then.
        var email = $"noor.haddad@{domain}";
        if (await users.FindByEmailAsync(email) is not null) email = $"noor.haddad+w{ws}@{domain}";
        await people.InviteIntoAsync(ws, new InviteInput(email, "Noor Haddad", Roles.Evaluator, null), "http://localhost:5000", ct);

        var manager = context.Staff.FirstOrDefault(s => s.DisplayName == "Maya Chen") ?? context.Staff[0];
        var key = ApiKeyHandler.KeyPrefix + AccountTokens.NewSecret();
        db.ApiKeys.Add(new ApiKey
        {
            UserId = manager.Id, WorkspaceId = ws, Name = "CRM sync (demo)", Prefix = key[..10], KeyHash = AccountTokens.Hash(key),
            Role = Roles.Evaluator, CreatedAt = context.Now.AddDays(-30), LastUsedAt = context.Now.AddDays(-2),
        });
        await db.SaveChangesAsync(ct);
    }
}
