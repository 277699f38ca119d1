using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Features.Accounts;

/// <summary>A person's place in one workspace: their roles there and, for partner users, their partner organization.</summary>
public class Membership
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int WorkspaceId { get; set; }
    public Workspace? Workspace { get; set; }
    /// <summary>Comma-separated role names (<see cref="Roles"/>).</summary>
    public string Roles { get; set; } = "";
    public int? PartnerId { get; set; }
    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> RoleList => Split(Roles);
    public static IReadOnlyList<string> Split(string? roles) =>
        (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().OrderBy(r => r).ToList();
    public static string Join(IEnumerable<string> roles) => string.Join(',', roles.Distinct().OrderBy(r => r));
}

public enum AccountTokenPurpose { Invitation, PasswordReset, SignIn }

/// <summary>
/// A one-time link (invitation, password reset, demo sign-in): only the SHA-256 of the random token is stored;
/// it works once (<see cref="UsedAt"/>), until <see cref="ExpiresAt"/>, unless revoked.
/// </summary>
public class AccountToken
{
    public int Id { get; set; }
    public AccountTokenPurpose Purpose { get; set; }
    public required string UserId { get; set; }
    public int? WorkspaceId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>A personal API key for integrations: acts as its creator, in one workspace, with one role no higher than theirs.</summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key (e.g. "wg_AbC1"), shown so people can tell keys apart.</summary>
    public required string Prefix { get; set; }
    public required string KeyHash { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("Memberships");
        b.Ignore(m => m.RoleList);
        b.Property(m => m.Roles).HasMaxLength(200);
        b.HasIndex(m => new { m.UserId, m.WorkspaceId }).IsUnique();
        b.HasIndex(m => new { m.WorkspaceId, m.PartnerId });
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Workspace).WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partners.Partner>().WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> b)
    {
        b.ToTable("AccountTokens");
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.CreatedBy).HasMaxLength(200);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => new { t.UserId, t.Purpose });
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(t => t.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(20);
        b.Property(k => k.KeyHash).HasMaxLength(64);
        b.Property(k => k.Role).HasMaxLength(40);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.HasIndex(k => new { k.UserId, k.WorkspaceId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Workspace>().WithMany().HasForeignKey(k => k.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
