using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Users;

public sealed record UserDto(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? PartnerId, bool HasPassword, DateTime? InvitedAt,
    DateTime? InvitationExpiresAt = null);
public sealed record InviteInput(string? Email, string? DisplayName, string? Role, int? PartnerId);
/// <summary>
/// The invited person and their one-time link to hand over; no link when they already have an account (they were added
/// and can switch to this workspace) or when it was mailed to them (<see cref="Mailed"/>).
/// </summary>
public sealed record Invitation(UserDto User, string? AcceptUrl, DateTime? ExpiresAt, bool Mailed = false);
public sealed record RolesInput(string[]? Roles, int? PartnerId);
public sealed record SetupInput(string? WorkspaceName, string? DisplayName, string? Email, string? Password);
public sealed record OneTimeLink(string Url, DateTime ExpiresAt);

/// <summary>People of a workspace: first-run setup, invitations, roles, removal, reset links.</summary>
public sealed class UserService(WarmglowDb db, UserManager<AppUser> users, AccountTokens tokens, TimeProvider clock, UserDirectory people,
    InvitationMailer mailer)
{
    public Task<bool> IsSetUpAsync(CancellationToken ct = default) => db.Users.AnyAsync(u => u.PasswordHash != null, ct);

    /// <summary>First visit: creates the workspace (or adopts the demo workspace) and its admin, the deployment owner. Refused once anyone has signed up.</summary>
    public async Task<AppUser> SetupAsync(SetupInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("workspaceName", input.WorkspaceName, 200).Required("displayName", input.DisplayName, 200)
            .Email("email", input.Email, required: true).Required("password", input.Password, 200);
        ValidationFailed.ThrowIfAny(errors);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        if (await IsSetUpAsync(ct)) throw new Conflict("Warmglow is already set up. Sign in instead.");
        var workspace = await db.Workspaces.OrderBy(w => w.Id).FirstOrDefaultAsync(ct);
        if (workspace is null)
        {
            workspace = new Workspace { Name = input.WorkspaceName!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Workspaces.Add(workspace);
        }
        else workspace.Name = input.WorkspaceName!.Trim();
        await db.SaveChangesAsync(ct);
        var user = new AppUser
        {
            UserName = input.Email!.Trim(), Email = input.Email!.Trim(), EmailConfirmed = true, IsOwner = true,
            DisplayName = input.DisplayName!.Trim(), WorkspaceId = workspace.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, input.Password!), "password");
        db.Memberships.Add(new Membership { UserId = user.Id, WorkspaceId = workspace.Id, Roles = Roles.Admin, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    IQueryable<UserRow> Rows(int ws, string? id = null) =>
        from m in db.Memberships.AsNoTracking()
        where m.WorkspaceId == ws && (id == null || m.UserId == id)
        join u in db.Users on m.UserId equals u.Id
        orderby u.DisplayName, u.Email
        select new UserRow(u.Id, u.Email ?? "", u.DisplayName, m.Roles, m.PartnerId, u.PasswordHash != null, u.InvitedAt,
            db.AccountTokens.Where(t => t.UserId == u.Id && t.WorkspaceId == ws && t.Purpose == AccountTokenPurpose.Invitation
                && t.UsedAt == null && t.RevokedAt == null).Max(t => (DateTime?)t.ExpiresAt));

    sealed record UserRow(string Id, string Email, string DisplayName, string Roles, int? PartnerId, bool HasPassword, DateTime? InvitedAt, DateTime? InvitationExpiresAt)
    {
        public UserDto ToDto() => new(Id, Email, DisplayName, Membership.Split(Roles), PartnerId, HasPassword, InvitedAt, HasPassword ? null : InvitationExpiresAt);
    }

    public async Task<Paged<UserDto>> ListAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var result = await Rows(db.Tenant.RequireWorkspace()).ToPageAsync(page, pageSize, ct);
        return new Paged<UserDto>(result.Items.Select(u => u.ToDto()).ToList(), result.Page, result.PageSize, result.Total);
    }

    /// <summary>People who can manage or sponsor partnerships (not partner users).</summary>
    public async Task<List<(string Id, string Name)>> StaffAsync(CancellationToken ct = default)
    {
        return await people.StaffOptionsAsync(ct);
    }

    public async Task<UserDto> GetAsync(string id, CancellationToken ct = default) =>
        (await Rows(db.Tenant.RequireWorkspace(), id).FirstOrDefaultAsync(ct) ?? throw new NotFound("User")).ToDto();

    /// <summary>
    /// Invites someone into this workspace. A new e-mail gets an account without a password and a one-time link (7 days) to
    /// choose one; someone who never signed in is invited again (new link, the role given now); a person who already has an
    /// account elsewhere is added to this workspace straight away (no link: they sign in as usual and switch).
    /// </summary>
    public async Task<Invitation> InviteAsync(InviteInput input, string baseUrl, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Email("email", input.Email, required: true).Required("displayName", input.DisplayName, 200);
        await CheckRoleAndPartner(errors, input.Role is null ? null : [input.Role], input.PartnerId, ct);
        ValidationFailed.ThrowIfAny(errors);
        return await MailedAsync(await InviteIntoAsync(db.Tenant.RequireWorkspace(), input, mailer.LinkBase(baseUrl), ct), ct);
    }

    /// <summary>The invitation with its link mailed when e-mail is set up (and then not handed back), as it is otherwise.</summary>
    async Task<Invitation> MailedAsync(Invitation invitation, CancellationToken ct) =>
        db.Database.CurrentTransaction is null && await mailer.TrySendAsync(invitation, db.Tenant.UserName, ct)
            ? invitation with { AcceptUrl = null, Mailed = true }
            : invitation;

    /// <summary>Invites into a given workspace (also used by the deployment owner for a new workspace's first admin).</summary>
    internal async Task<Invitation> InviteIntoAsync(int ws, InviteInput input, string baseUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var email = input.Email!.Trim();
        var partnerId = input.Role == Roles.Partner ? input.PartnerId : null;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email, Email = email, DisplayName = input.DisplayName!.Trim(),
                WorkspaceId = ws, PartnerId = partnerId, CreatedAt = now, InvitedAt = now,
            };
            Check(await users.CreateAsync(user), "email");
        }
        // A link sets the account's first password: never hand one to this workspace's admin for an account that another
        // workspace has invited (it would let them take over that membership).
        if (user.PasswordHash is null && await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.WorkspaceId != ws, ct))
            throw new Conflict("This person has a pending invitation to another workspace. Once they have accepted it, invite them again: they will be added here straight away.");
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.UserId == user.Id && m.WorkspaceId == ws, ct);
        if (membership is not null && user.PasswordHash is not null)
            throw ValidationFailed.For("email", "already belongs to a member of this workspace; change their role in the list instead.");
        if (membership is null)
        {
            membership = new Membership { UserId = user.Id, WorkspaceId = ws, CreatedAt = now };
            db.Memberships.Add(membership);
        }
        membership.Roles = input.Role!;
        membership.PartnerId = partnerId;
        if (user.PasswordHash is null)
        {
            user.DisplayName = input.DisplayName!.Trim();
            user.InvitedAt = now;
            user.WorkspaceId ??= ws;
        }
        Check(await users.UpdateAsync(user), "email");
        Audit(ws, user.Id, "Invited", null, new { user.Email, Role = input.Role, PartnerId = partnerId });
        await db.SaveChangesAsync(ct);
        OneTimeLink? link = user.PasswordHash is null ? await InvitationLinkAsync(user.Id, ws, baseUrl, ct) : null;
        if (tx is not null) await tx.CommitAsync(ct);
        return new Invitation((await Rows(ws, user.Id).FirstAsync(ct)).ToDto(), link?.Url, link?.ExpiresAt);
    }

    async Task<OneTimeLink> InvitationLinkAsync(string userId, int ws, string baseUrl, CancellationToken ct)
    {
        var (token, expires) = await tokens.IssueAsync(userId, AccountTokenPurpose.Invitation, ws, AccountTokens.InvitationLifetime, db.Tenant.UserName, ct);
        return new OneTimeLink($"{baseUrl.TrimEnd('/')}/Account/AcceptInvite?token={Uri.EscapeDataString(token)}", expires);
    }

    /// <summary>A new invitation link for someone who has not signed in yet (the old link stops working).</summary>
    public async Task<Invitation> ResendInvitationAsync(string id, string baseUrl, CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        var user = await MemberAsync(id, ws, ct);
        if (user.PasswordHash is not null) throw new Conflict($"{user.DisplayName} has already signed in; there is nothing to accept.");
        var link = await InvitationLinkAsync(user.Id, ws, mailer.LinkBase(baseUrl), ct);
        Audit(ws, user.Id, "InvitationResent", null, null);
        await db.SaveChangesAsync(ct);
        return await MailedAsync(new Invitation(await GetAsync(id, ct), link.Url, link.ExpiresAt), ct);
    }

    /// <summary>Withdraws a pending invitation: the link stops working and the person leaves this workspace.</summary>
    public async Task RevokeInvitationAsync(string id, CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        var user = await MemberAsync(id, ws, ct);
        if (user.PasswordHash is not null) throw new Conflict($"{user.DisplayName} has already accepted; remove them from the workspace instead.");
        await RemoveMembershipAsync(user, ws, "InvitationRevoked", ct);
    }

    /// <summary>Removes the person from this workspace: their sign-ins and API keys stop working here at once.</summary>
    public async Task RemoveAsync(string id, CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        if (id == db.Tenant.UserId) throw new Conflict("You cannot remove yourself; ask another admin.");
        var user = await MemberAsync(id, ws, ct);
        await RemoveMembershipAsync(user, ws, "Removed", ct);
    }

    async Task RemoveMembershipAsync(AppUser user, int ws, string action, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var membership = await db.Memberships.FirstAsync(m => m.UserId == user.Id && m.WorkspaceId == ws, ct);
        db.Memberships.Remove(membership);
        await tokens.RevokeAsync(user.Id, AccountTokenPurpose.Invitation, ws, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ApiKeys.Where(k => k.UserId == user.Id && k.WorkspaceId == ws && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        if (user.WorkspaceId == ws)
            user.WorkspaceId = await db.Memberships.Where(m => m.UserId == user.Id && m.WorkspaceId != ws).OrderBy(m => m.WorkspaceId)
                .Select(m => (int?)m.WorkspaceId).FirstOrDefaultAsync(ct);
        // No new security stamp: that would also end their sign-ins in their other workspaces. Every request re-reads the
        // membership (FreshPrincipalMiddleware, ApiKeyHandler), so without it the next request here is refused.
        Check(await users.UpdateAsync(user), "user");
        Audit(ws, user.Id, action, new { user.Email, membership.Roles }, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// A one-time link (24 hours) for a member to choose a new password, for when e-mail is not configured. Only for people
    /// who belong to this workspace alone: an admin here must not take over an account that also works elsewhere.
    /// </summary>
    public async Task<OneTimeLink> IssueResetLinkAsync(string id, string baseUrl, CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        var user = await MemberAsync(id, ws, ct);
        if (user.IsOwner || await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.WorkspaceId != ws, ct))
            throw new Conflict($"{user.DisplayName} also belongs to other workspaces or owns this deployment: they can use 'Forgot password', or the operator can reset it from the command line.");
        var link = await ResetLinkAsync(user, baseUrl, db.Tenant.UserName, ct);
        Audit(ws, user.Id, "PasswordResetLinkIssued", null, null);
        await db.SaveChangesAsync(ct);
        return link;
    }

    internal async Task<OneTimeLink> ResetLinkAsync(AppUser user, string baseUrl, string? by, CancellationToken ct)
    {
        var (token, expires) = await tokens.IssueAsync(user.Id, AccountTokenPurpose.PasswordReset, null, AccountTokens.ResetLifetime, by, ct);
        return new OneTimeLink($"{baseUrl.TrimEnd('/')}/Account/ResetPassword?token={Uri.EscapeDataString(token)}", expires);
    }

    /// <summary>Accepts an invitation: sets the first password. Returns the person (the caller signs them in).</summary>
    public async Task<(AppUser User, int WorkspaceId)> AcceptInvitationAsync(string? token, string? password, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(new FieldErrors().Required("token", token, 200).Required("password", password, 200));
        var link = await tokens.FindAsync(token, AccountTokenPurpose.Invitation, ct)
            ?? throw new NotFound("This invitation (it may have expired, been revoked or already been used; ask your admin for a new one)");
        var user = await users.FindByIdAsync(link.UserId) ?? throw new NotFound("User");
        if (user.PasswordHash is not null) throw new Conflict("This account already has a password: sign in instead.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await tokens.UseAsync(link, ct);
        Check(await users.AddPasswordAsync(user, password!), "password");
        user.EmailConfirmed = true;
        user.WorkspaceId = link.WorkspaceId;
        Check(await users.UpdateAsync(user), "password");
        Audit(link.WorkspaceId!.Value, user.Id, "InvitationAccepted", null, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (user, link.WorkspaceId!.Value);
    }

    /// <summary>Uses a password reset link: sets the new password (every earlier sign-in and token stops working).</summary>
    public async Task<AppUser> ResetPasswordAsync(string? token, string? password, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(new FieldErrors().Required("token", token, 200).Required("password", password, 200));
        var link = await tokens.FindAsync(token, AccountTokenPurpose.PasswordReset, ct)
            ?? throw new NotFound("This reset link (it may have expired or already been used; ask for a new one)");
        var user = await users.FindByIdAsync(link.UserId) ?? throw new NotFound("User");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await tokens.UseAsync(link, ct);
        var identityToken = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, identityToken, password!), "password"); // also renews the security stamp
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Check(await users.UpdateAsync(user), "password");
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>Uses a one-time sign-in link (printed for the demo accounts at startup).</summary>
    public async Task<AppUser> UseSignInLinkAsync(string? token, CancellationToken ct = default)
    {
        var link = await tokens.FindAsync(token, AccountTokenPurpose.SignIn, ct)
            ?? throw new NotFound("This sign-in link (it may have expired or already been used; restart with --demo for new ones)");
        await tokens.UseAsync(link, ct);
        return await users.FindByIdAsync(link.UserId) ?? throw new NotFound("User");
    }

    async Task<AppUser> MemberAsync(string id, int ws, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id && db.Memberships.Any(m => m.UserId == u.Id && m.WorkspaceId == ws), ct)
        ?? throw new NotFound("User");

    public async Task<UserDto> SetRolesAsync(string id, RolesInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        await CheckRoleAndPartner(errors, input.Roles, input.PartnerId, ct);
        ValidationFailed.ThrowIfAny(errors);
        var ws = db.Tenant.RequireWorkspace();
        var user = await MemberAsync(id, ws, ct);
        var membership = await db.Memberships.FirstAsync(m => m.UserId == user.Id && m.WorkspaceId == ws, ct);
        var current = membership.RoleList;
        var wanted = input.Roles!.Distinct().ToList();
        if (user.Id == db.Tenant.UserId && current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
            throw ValidationFailed.For("roles", "You cannot remove your own admin role; ask another admin.");
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var before = new { Roles = current, membership.PartnerId };
        membership.Roles = Membership.Join(wanted);
        membership.PartnerId = wanted.Contains(Roles.Partner) ? input.PartnerId : null;
        // Their next request, by cookie, token or API key, carries the new roles: every request re-reads the membership
        // (FreshPrincipalMiddleware, ApiKeyHandler). No new security stamp: a demoted person keeps their sign-in with less
        // rights (403s, not a sign-out), and their other workspaces are not touched.
        Audit(ws, user.Id, "RolesChanged", before, new { Roles = wanted.OrderBy(r => r).ToList(), membership.PartnerId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    async Task CheckRoleAndPartner(FieldErrors errors, string[]? roles, int? partnerId, CancellationToken ct)
    {
        var field = roles is { Length: 1 } ? "role" : "roles";
        if (roles is null || roles.Length == 0) { errors.Add(field, $"is required; one of: {string.Join(", ", Roles.All)}."); return; }
        foreach (var r in roles.Where(r => !Roles.All.Contains(r)))
            errors.Add(field, $"'{r}' is not a role; use one of: {string.Join(", ", Roles.All)}.");
        if (roles.Contains(Roles.Partner))
        {
            if (roles.Length > 1) errors.Add(field, "a partner user has only the partner role.");
            if (partnerId is null) errors.Add("partnerId", "is required for a partner user: the partner organization they belong to.");
            else if (!await db.Partners.AnyAsync(p => p.Id == partnerId, ct)) errors.Add("partnerId", $"no partner {partnerId} in this workspace.");
        }
    }

    void Audit(int ws, string userId, string action, object? before, object? after) => db.AuditEntries.Add(new AuditEntry
    {
        WorkspaceId = ws, At = clock.GetUtcNow().UtcDateTime, UserId = db.Tenant.UserId, UserName = db.Tenant.UserName,
        EntityType = "User", EntityId = userId, Action = action,
        Before = before is null ? null : System.Text.Json.JsonSerializer.Serialize(before),
        After = after is null ? null : System.Text.Json.JsonSerializer.Serialize(after),
    });

    static void Check(IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        var errors = new FieldErrors();
        foreach (var e in result.Errors) errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : field, e.Description);
        throw new ValidationFailed(errors);
    }
}
