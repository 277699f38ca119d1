using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Users;

public sealed record UserDto(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? PartnerId, bool HasPassword, DateTime? InvitedAt);
public sealed record InviteInput(string? Email, string? DisplayName, string? Role, int? PartnerId);
public sealed record Invitation(UserDto User, string AcceptUrl);
public sealed record RolesInput(string[]? Roles, int? PartnerId);
public sealed record SetupInput(string? WorkspaceName, string? DisplayName, string? Email, string? Password);

/// <summary>Adds the workspace, partner and display name to every sign-in (cookie and bearer token).</summary>
public sealed class WarmglowClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.WorkspaceId is { } ws) identity.AddClaim(new Claim(WarmglowClaims.Workspace, ws.ToString()));
        if (user.PartnerId is { } p) identity.AddClaim(new Claim(WarmglowClaims.Partner, p.ToString()));
        identity.AddClaim(new Claim(WarmglowClaims.DisplayName, user.DisplayName));
        return identity;
    }
}

/// <summary>People of a workspace: first-run setup, invitations, roles.</summary>
public sealed class UserService(WarmglowDb db, UserManager<AppUser> users, TimeProvider clock, UserDirectory people)
{
    public Task<bool> IsSetUpAsync(CancellationToken ct = default) => db.Users.AnyAsync(u => u.PasswordHash != null, ct);

    /// <summary>First visit: creates the workspace (or adopts the demo workspace) and its admin. Refused once anyone has signed up.</summary>
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
            UserName = input.Email!.Trim(), Email = input.Email!.Trim(), EmailConfirmed = true,
            DisplayName = input.DisplayName!.Trim(), WorkspaceId = workspace.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, input.Password!), "password");
        Check(await users.AddToRoleAsync(user, Roles.Admin), "role");
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<Paged<UserDto>> ListAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var result = await people.Members().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PartnerId, HasPassword = u.PasswordHash != null, u.InvitedAt })
            .ToPageAsync(page, pageSize, ct);
        var ids = result.Items.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return new Paged<UserDto>(result.Items.Select(u => new UserDto(u.Id, u.Email ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => r).ToList(), u.PartnerId, u.HasPassword, u.InvitedAt)).ToList(),
            result.Page, result.PageSize, result.Total);
    }

    /// <summary>People who can manage or sponsor partnerships (not partner users).</summary>
    public async Task<List<(string Id, string Name)>> StaffAsync(CancellationToken ct = default)
    {
        return await people.StaffOptionsAsync(ct);
    }

    public async Task<UserDto> GetAsync(string id, CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.WorkspaceId == ws, ct) ?? throw new NotFound("User");
        return new UserDto(u.Id, u.Email ?? "", u.DisplayName, (await users.GetRolesAsync(u)).OrderBy(r => r).ToList(), u.PartnerId, u.PasswordHash != null, u.InvitedAt);
    }

    /// <summary>Creates the user without a password and returns a one-time link to choose one.</summary>
    public async Task<Invitation> InviteAsync(InviteInput input, string baseUrl, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Email("email", input.Email, required: true).Required("displayName", input.DisplayName, 200);
        await CheckRoleAndPartner(errors, input.Role is null ? null : [input.Role], input.PartnerId, ct);
        ValidationFailed.ThrowIfAny(errors);
        if (await users.FindByEmailAsync(input.Email!.Trim()) is not null)
            throw ValidationFailed.For("email", "already belongs to a user.");
        var ws = db.Tenant.RequireWorkspace();
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = input.Email!.Trim(), Email = input.Email!.Trim(), DisplayName = input.DisplayName!.Trim(),
            WorkspaceId = ws, PartnerId = input.Role == Roles.Partner ? input.PartnerId : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime, InvitedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user), "email");
        Check(await users.AddToRoleAsync(user, input.Role!), "role");
        Audit(user.Id, "Invited", null, new { user.Email, Role = input.Role, user.PartnerId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var url = $"{baseUrl.TrimEnd('/')}/Account/AcceptInvite?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        return new Invitation(await GetAsync(user.Id, ct), url);
    }

    public async Task<UserDto> SetRolesAsync(string id, RolesInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        await CheckRoleAndPartner(errors, input.Roles, input.PartnerId, ct);
        ValidationFailed.ThrowIfAny(errors);
        var ws = db.Tenant.RequireWorkspace();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.WorkspaceId == ws, ct) ?? throw new NotFound("User");
        var current = await users.GetRolesAsync(user);
        var wanted = input.Roles!.Distinct().ToList();
        if (user.Id == db.Tenant.UserId && current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
            throw ValidationFailed.For("roles", "You cannot remove your own admin role; ask another admin.");
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)), "roles");
        Check(await users.AddToRolesAsync(user, wanted.Except(current)), "roles");
        var before = new { Roles = current.OrderBy(r => r).ToList(), user.PartnerId };
        user.PartnerId = wanted.Contains(Roles.Partner) ? input.PartnerId : null;
        Check(await users.UpdateAsync(user), "roles");
        await users.UpdateSecurityStampAsync(user);
        Audit(user.Id, "RolesChanged", before, new { Roles = wanted.OrderBy(r => r).ToList(), user.PartnerId });
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

    void Audit(string userId, string action, object? before, object? after) => db.AuditEntries.Add(new AuditEntry
    {
        WorkspaceId = db.Tenant.RequireWorkspace(), At = clock.GetUtcNow().UtcDateTime, UserId = db.Tenant.UserId, UserName = db.Tenant.UserName,
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
