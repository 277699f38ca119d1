using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Accounts;

public sealed record WorkspaceDto(int Id, string Name, IReadOnlyList<string> Roles, bool Current);
public sealed record NewWorkspaceInput(string? Name, string? AdminEmail, string? AdminDisplayName);
public sealed record NewWorkspace(WorkspaceDto Workspace, Invitation FirstAdmin);
public sealed record ApiKeyInput(string? Name, string? Role);
public sealed record ApiKeyDto(int Id, string Name, string Prefix, string Role, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);
/// <summary>The key itself is in <see cref="Key"/> only in this answer: it is stored hashed and never shown again.</summary>
public sealed record CreatedApiKey(ApiKeyDto ApiKey, string Key);
public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>A person's side of accounts: their workspaces, switching, API keys, password; the owner's workspaces.</summary>
public sealed class AccountService(WarmglowDb db, UserManager<AppUser> users, UserService people, IMailSender mail, IConfiguration config,
    ILogger<AccountService> log, TimeProvider clock)
{
    string Me => db.Tenant.UserId ?? throw new Forbidden("Sign in first.");

    public async Task<List<WorkspaceDto>> WorkspacesAsync(CancellationToken ct = default)
    {
        var me = Me;
        var current = db.Tenant.WorkspaceId;
        var rows = await (from m in db.Memberships.AsNoTracking()
                          where m.UserId == me
                          join w in db.Workspaces on m.WorkspaceId equals w.Id
                          orderby w.Name
                          select new { w.Id, w.Name, m.Roles }).ToListAsync(ct);
        return rows.Select(r => new WorkspaceDto(r.Id, r.Name, Membership.Split(r.Roles), r.Id == current)).ToList();
    }

    /// <summary>Makes this workspace the person's current one (404 unless they belong to it). The caller re-issues the sign-in.</summary>
    public async Task<AppUser> SwitchAsync(int workspaceId, CancellationToken ct = default)
    {
        var me = Me;
        if (!await db.Memberships.AnyAsync(m => m.UserId == me && m.WorkspaceId == workspaceId, ct)) throw new NotFound("Workspace");
        var user = await users.FindByIdAsync(me) ?? throw new NotFound("User");
        user.WorkspaceId = workspaceId;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) throw new Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>Deployment owner: a new workspace and an invitation for its first admin.</summary>
    public async Task<NewWorkspace> CreateWorkspaceAsync(NewWorkspaceInput input, string baseUrl, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("name", input.Name, 200).Email("adminEmail", input.AdminEmail, required: true)
            .Required("adminDisplayName", input.AdminDisplayName, 200);
        ValidationFailed.ThrowIfAny(errors);
        var name = input.Name!.Trim();
        if (await db.Workspaces.AnyAsync(w => w.Name == name, ct)) throw ValidationFailed.For("name", "is already the name of a workspace.");
        var workspace = new Workspace { Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(ct);
        db.Tenant.Use(workspace.Id, db.Tenant.UserName, db.Tenant.UserId); // the invitation and its audit entry belong to the new workspace
        var invitation = await people.InviteIntoAsync(workspace.Id, new InviteInput(input.AdminEmail, input.AdminDisplayName, Roles.Admin, null), baseUrl, ct);
        await tx.CommitAsync(ct);
        return new NewWorkspace(new WorkspaceDto(workspace.Id, workspace.Name, [], false), invitation);
    }

    public async Task<List<WorkspaceDto>> AllWorkspacesAsync(CancellationToken ct = default) =>
        (await db.Workspaces.AsNoTracking().OrderBy(w => w.Name).Select(w => new { w.Id, w.Name }).ToListAsync(ct))
        .Select(w => new WorkspaceDto(w.Id, w.Name, [], w.Id == db.Tenant.WorkspaceId)).ToList();

    // --- API keys ------------------------------------------------------------------------------------

    public async Task<List<ApiKeyDto>> ApiKeysAsync(CancellationToken ct = default)
    {
        var me = Me;
        var ws = db.Tenant.RequireWorkspace();
        return await db.ApiKeys.AsNoTracking().Where(k => k.UserId == me && k.WorkspaceId == ws).OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.Role, k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToListAsync(ct);
    }

    /// <summary>A new key for this workspace with a role no higher than the creator's own here.</summary>
    public async Task<CreatedApiKey> CreateApiKeyAsync(ApiKeyInput input, IReadOnlyList<string> myRoles, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("name", input.Name, 100);
        if (string.IsNullOrWhiteSpace(input.Role)) errors.Add("role", $"is required; one of: {string.Join(", ", myRoles)}.");
        else if (!Roles.All.Contains(input.Role)) errors.Add("role", $"'{input.Role}' is not a role; use one of: {string.Join(", ", Roles.All)}.");
        else if (!Roles.Covers(myRoles, input.Role)) errors.Add("role", $"may not be higher than your own role ({string.Join(", ", myRoles)}).");
        ValidationFailed.ThrowIfAny(errors);
        if (db.Tenant.UserId is null || db.Tenant.WorkspaceId is null) throw new Forbidden("Sign in first.");
        var key = ApiKeyHandler.KeyPrefix + AccountTokens.NewSecret();
        var row = new ApiKey
        {
            UserId = Me, WorkspaceId = db.Tenant.RequireWorkspace(), Name = input.Name!.Trim(), Prefix = key[..10],
            KeyHash = AccountTokens.Hash(key), Role = input.Role!, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(new ApiKeyDto(row.Id, row.Name, row.Prefix, row.Role, row.CreatedAt, null, null), key);
    }

    public async Task RevokeApiKeyAsync(int id, CancellationToken ct = default)
    {
        var me = Me;
        var ws = db.Tenant.RequireWorkspace();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.UserId == me && k.WorkspaceId == ws, ct) ?? throw new NotFound("API key");
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    // --- passwords -----------------------------------------------------------------------------------

    public async Task<AppUser> ChangePasswordAsync(PasswordChange input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(new FieldErrors().Required("currentPassword", input.CurrentPassword, 200).Required("newPassword", input.NewPassword, 200));
        var user = await users.FindByIdAsync(Me) ?? throw new NotFound("User");
        var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!); // renews the security stamp
        if (!result.Succeeded)
        {
            var errors = new FieldErrors();
            foreach (var e in result.Errors) errors.Add(e.Code == "PasswordMismatch" ? "currentPassword" : "newPassword", e.Description);
            throw new ValidationFailed(errors);
        }
        return user;
    }

    /// <summary>Where links in e-mails point: PublicUrl (never the request's Host header, which a stranger controls).</summary>
    public string? PublicUrl => config["PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : null;

    /// <summary>"Forgot password" works by e-mail, so it needs SMTP and PublicUrl.</summary>
    public bool CanMailResetLinks => mail.IsConfigured && PublicUrl is not null;

    /// <summary>Mails a reset link if the address belongs to someone; says nothing either way (no account probing).</summary>
    public async Task ForgotPasswordAsync(string? email, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(new FieldErrors().Email("email", email, required: true));
        if (!CanMailResetLinks)
            throw new Conflict("E-mail is not set up on this server, so reset links cannot be mailed. Ask an admin of your workspace for a reset link.");
        var user = await users.FindByEmailAsync(email!.Trim());
        if (user is null) return;
        var link = await people.ResetLinkAsync(user, PublicUrl!, "forgot password", ct);
        try
        {
            await mail.SendAsync(user.Email!, "Choose a new Warmglow password",
                $"Hello {user.DisplayName},\n\nsomeone (hopefully you) asked to reset your Warmglow password. Choose a new one here:\n\n{link.Url}\n\n" +
                $"The link works once, until {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If you did not ask for it, ignore this e-mail.\n", ct);
        }
        catch (Exception e) when (e is MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException or InvalidOperationException or IOException)
        {
            log.LogError(e, "Could not send the password reset e-mail");
            throw new Conflict("The e-mail could not be sent just now; try again in a few minutes or ask an admin of your workspace.");
        }
    }
}
