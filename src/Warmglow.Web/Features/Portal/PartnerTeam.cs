using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Portal;

/// <summary>
/// A partner user who manages their own partner organization's portal users (invite, deactivate) in this workspace.
/// Granted by our managers; it counts only while the person is still a partner user of <see cref="PartnerId"/>.
/// </summary>
public class PartnerAdminGrant : IWorkspaceOwned, IAudited
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string UserId { get; set; }
    public int PartnerId { get; set; }
    public DateTime GrantedAt { get; set; }
    public required string GrantedBy { get; set; }
}

sealed class PartnerAdminGrantConfiguration : IEntityTypeConfiguration<PartnerAdminGrant>
{
    public void Configure(EntityTypeBuilder<PartnerAdminGrant> b)
    {
        b.ToTable("PartnerAdminGrants");
        b.Property(g => g.UserId).HasMaxLength(450);
        b.Property(g => g.GrantedBy).HasMaxLength(256);
        b.HasIndex(g => new { g.WorkspaceId, g.UserId }).IsUnique();
        b.HasIndex(g => new { g.WorkspaceId, g.PartnerId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partners.Partner>().WithMany().HasForeignKey(g => g.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The partner-admin policy: a partner user whose grant is for the partner they belong to now.</summary>
public sealed class PartnerAdminRequirement : IAuthorizationRequirement;

public sealed class PartnerAdminHandler(WarmglowDb db) : AuthorizationHandler<PartnerAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerAdminRequirement requirement)
    {
        if (!context.User.IsInRole(Roles.Partner)) return;
        if (await PartnerTeamService.IsPartnerAdminAsync(db)) context.Succeed(requirement);
    }
}

public sealed record TeamMemberDto(string UserId, string Email, string DisplayName, bool PartnerAdmin, bool SignedIn, DateTime? InvitedAt,
    DateTime? InvitationExpiresAt, bool You);
public sealed record PortalUserDto(string UserId, string Email, string DisplayName, int PartnerId, string Partner, bool PartnerAdmin, bool SignedIn);
public sealed record TeamInviteInput(string? Email, string? DisplayName);
/// <summary>Whom was invited; <see cref="AcceptUrl"/> is the one-time link (7 days) when it could not be mailed, null when it was mailed or not needed.</summary>
public sealed record TeamInvitation(TeamMemberDto Member, bool Mailed, string? AcceptUrl, DateTime? ExpiresAt);
public sealed record PartnerAdminInput(bool? PartnerAdmin);

/// <summary>
/// A partner's own portal users: the partner admin invites and deactivates them (their own partner only); our managers
/// see every partner's portal users and make one a partner admin. Accounts are created and removed through
/// <see cref="UserService"/>, so invitations, one-time links and removal behave exactly as for staff.
/// </summary>
public sealed class PartnerTeamService(WarmglowDb db, UserService people, TimeProvider clock)
{
    /// <summary>Whether the signed-in person is a partner admin of the partner they belong to now.</summary>
    public static Task<bool> IsPartnerAdminAsync(WarmglowDb db, CancellationToken ct = default)
    {
        var me = db.Tenant.UserId;
        var partner = db.Tenant.PartnerId;
        if (me is null || partner is null) return Task.FromResult(false);
        return db.PartnerAdminGrants.AnyAsync(g => g.UserId == me && g.PartnerId == partner, ct);
    }

    int MyPartner => db.Tenant.PartnerId ?? throw new Forbidden("Only a partner admin manages a partner's portal users.");

    async Task RequirePartnerAdminAsync(CancellationToken ct)
    {
        if (!await IsPartnerAdminAsync(db, ct)) throw new Forbidden("Only a partner admin manages a partner's portal users.");
    }

    /// <summary>The partner admin's team: every portal user of their own partner in this workspace.</summary>
    public async Task<IReadOnlyList<TeamMemberDto>> TeamAsync(CancellationToken ct = default)
    {
        await RequirePartnerAdminAsync(ct);
        var ws = db.Tenant.RequireWorkspace();
        var partner = MyPartner;
        var me = db.Tenant.UserId;
        var rows = await (from m in db.Memberships.AsNoTracking()
                          where m.WorkspaceId == ws && m.PartnerId == partner
                          join u in db.Users on m.UserId equals u.Id
                          orderby u.DisplayName, u.Email
                          select new
                          {
                              u.Id, u.Email, u.DisplayName, SignedIn = u.PasswordHash != null, u.InvitedAt,
                              Admin = db.PartnerAdminGrants.Any(g => g.UserId == u.Id && g.PartnerId == partner),
                              Expires = db.AccountTokens.Where(t => t.UserId == u.Id && t.WorkspaceId == ws && t.Purpose == AccountTokenPurpose.Invitation
                                  && t.UsedAt == null && t.RevokedAt == null).Max(t => (DateTime?)t.ExpiresAt),
                          }).Take(500).ToListAsync(ct);
        return rows.Select(r => new TeamMemberDto(r.Id, r.Email ?? "", r.DisplayName, r.Admin, r.SignedIn, r.InvitedAt, r.SignedIn ? null : r.Expires, r.Id == me)).ToList();
    }

    /// <summary>
    /// Invites a colleague as a portal user of the partner admin's own partner. The one-time link is mailed when e-mail
    /// is set up (and returned otherwise, to hand over). Someone who already belongs to this workspace in any other way
    /// is refused: a partner admin never changes the role of staff or of another partner's people.
    /// </summary>
    public async Task<TeamInvitation> InviteAsync(TeamInviteInput input, string baseUrl, CancellationToken ct = default)
    {
        await RequirePartnerAdminAsync(ct);
        var errors = new FieldErrors().Email("email", input.Email, required: true).Required("displayName", input.DisplayName, 200);
        ValidationFailed.ThrowIfAny(errors);
        var ws = db.Tenant.RequireWorkspace();
        var partner = MyPartner;
        var email = input.Email!.Trim();
        var existing = await (from m in db.Memberships.AsNoTracking()
                              where m.WorkspaceId == ws
                              join u in db.Users on m.UserId equals u.Id
                              where u.NormalizedEmail == email.ToUpperInvariant()
                              select new { m.PartnerId, m.Roles }).FirstOrDefaultAsync(ct);
        if (existing is not null && (existing.PartnerId != partner || existing.Roles != Roles.Partner))
            throw ValidationFailed.For("email", "already belongs to someone with another role in this workspace; ask your contact on our side.");
        var invitation = await people.InviteAsync(new InviteInput(email, input.DisplayName, Roles.Partner, partner), baseUrl, ct);
        var member = (await TeamAsync(ct)).First(m => m.UserId == invitation.User.Id);
        return new TeamInvitation(member, invitation.Mailed, invitation.AcceptUrl, invitation.ExpiresAt);
    }

    /// <summary>
    /// Deactivates a colleague: they leave this workspace (sign-ins and API keys stop at once; a pending invitation stops
    /// working). Only people of the partner admin's own partner; never themselves. Invite them again to bring them back.
    /// </summary>
    public async Task DeactivateAsync(string userId, CancellationToken ct = default)
    {
        await RequirePartnerAdminAsync(ct);
        var ws = db.Tenant.RequireWorkspace();
        var partner = MyPartner;
        if (userId == db.Tenant.UserId) throw new Conflict("You cannot deactivate yourself; ask another partner admin or your contact on our side.");
        var member = await db.Memberships.AsNoTracking().AnyAsync(m => m.WorkspaceId == ws && m.UserId == userId && m.PartnerId == partner, ct);
        if (!member) throw new NotFound("Portal user");
        // The grant goes first: should the removal fail, they are still a portal user, just no longer an admin.
        // (UserService owns its transaction for the removal itself.)
        await db.PartnerAdminGrants.Where(g => g.UserId == userId).ExecuteDeleteAsync(ct);
        await people.RemoveAsync(userId, ct);
    }

    // --- our managers ------------------------------------------------------------------------------------

    /// <summary>Every partner's portal users in this workspace (for our managers), optionally of one partner.</summary>
    public async Task<Paged<PortalUserDto>> PortalUsersAsync(int? partnerId, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is not null) throw new Forbidden("Only our managers see every partner's portal users.");
        var ws = db.Tenant.RequireWorkspace();
        if (partnerId is { } pid && !await db.Partners.AnyAsync(p => p.Id == pid, ct)) throw new NotFound($"Partner {pid}");
        var query = from m in db.Memberships.AsNoTracking()
                    where m.WorkspaceId == ws && m.PartnerId != null && (partnerId == null || m.PartnerId == partnerId)
                    join u in db.Users on m.UserId equals u.Id
                    join p in db.Partners on m.PartnerId equals p.Id
                    orderby p.Name, u.DisplayName, u.Email
                    select new PortalUserDto(u.Id, u.Email ?? "", u.DisplayName, p.Id, p.Name,
                        db.PartnerAdminGrants.Any(g => g.UserId == u.Id && g.PartnerId == m.PartnerId), u.PasswordHash != null);
        return await query.ToPageAsync(page, pageSize, ct);
    }

    /// <summary>Our manager makes a partner user a partner admin of their partner, or takes it back. Audited.</summary>
    public async Task<PortalUserDto> SetPartnerAdminAsync(string userId, PartnerAdminInput input, CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is not null) throw new Forbidden("Only our managers make someone a partner admin.");
        if (input.PartnerAdmin is null) throw ValidationFailed.For("partnerAdmin", "is required: true to make them a partner admin, false to take it back.");
        var ws = db.Tenant.RequireWorkspace();
        var partnerId = await db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == ws && m.UserId == userId && m.PartnerId != null)
            .Select(m => m.PartnerId).FirstOrDefaultAsync(ct) ?? throw new NotFound("Portal user");
        var grant = await db.PartnerAdminGrants.FirstOrDefaultAsync(g => g.UserId == userId, ct);
        if (input.PartnerAdmin.Value)
        {
            if (grant is null)
                db.PartnerAdminGrants.Add(new PartnerAdminGrant { UserId = userId, PartnerId = partnerId, GrantedAt = clock.GetUtcNow().UtcDateTime, GrantedBy = db.Tenant.UserName });
            else if (grant.PartnerId != partnerId) grant.PartnerId = partnerId; // they moved to another partner since
        }
        else if (grant is not null) db.PartnerAdminGrants.Remove(grant);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { db.ChangeTracker.Clear(); } // a concurrent identical grant won
        return (await PortalUsersAsync(partnerId, 1, 500, ct)).Items.First(u => u.UserId == userId);
    }
}
