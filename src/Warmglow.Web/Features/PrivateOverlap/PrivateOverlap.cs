using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.PrivateOverlap;

public enum PeerLinkStatus { Invited, Active, Revoked }

public enum RunRole { Initiator, Responder }

public enum RunStatus { Running, Completed, Refused, Failed }

/// <summary>
/// This deployment's side of a link with the partner's own Warmglow for one partnership: our Ed25519 key pair (the
/// private half protected by the data-protection key ring), the peer's public key and URL once the invitation is
/// accepted, and the one-time secret's hash while it is open. <see cref="PublicId"/> names the link in the peer's requests.
/// </summary>
public class PeerLink : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public PeerLinkStatus Status { get; set; }
    /// <summary>Our id for the link (random, 32 hex): the peer sends it with every request.</summary>
    public required string PublicId { get; set; }
    /// <summary>The peer's id for the link: we send it with every request to the peer.</summary>
    public string? PeerPublicId { get; set; }
    public string? PeerUrl { get; set; }
    public string? PeerName { get; set; }
    public required string OwnPublicKey { get; set; }
    public required string OwnPrivateKeyProtected { get; set; }
    public string? PeerPublicKey { get; set; }
    /// <summary>SHA-256 of the invitation's one-time secret; cleared when the invitation is accepted.</summary>
    public string? SecretHash { get; set; }
    public DateTime? InvitationExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? CreatedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Private overlap link: {PeerName ?? PeerUrl ?? "invitation"}";
}

/// <summary>One run of the private overlap, on either side: who, when, which populations, the sizes and the count.</summary>
public class PrivateOverlapRun : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PeerLinkId { get; set; }
    public PeerLink? PeerLink { get; set; }
    /// <summary>The run's id on both sides (random, 32 hex), chosen by the initiator.</summary>
    public required string RunKey { get; set; }
    public RunRole Role { get; set; }
    public int? OurPopulationId { get; set; }
    public required string OurPopulationName { get; set; }
    public string? PeerPopulationName { get; set; }
    public int OurSize { get; set; }
    public int? PeerSize { get; set; }
    public int? Count { get; set; }
    /// <summary>Both sides' rules allowed record level: we learned which of our records are shared.</summary>
    public bool RecordLevel { get; set; }
    public RunStatus Status { get; set; }
    public string? Problem { get; set; }
    public required string StartedByName { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>One of our records found in the intersection of a record-level run (a copy: re-uploads replace records).</summary>
public class PrivateOverlapMatch : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public long RunId { get; set; }
    public PrivateOverlapRun? Run { get; set; }
    public string? Name { get; set; }
    public string? Domain { get; set; }
    public string? Country { get; set; }
}

/// <summary>A request nonce a peer used (replay protection); kept for the signature window.</summary>
public class PeerNonce
{
    public long Id { get; set; }
    public int PeerLinkId { get; set; }
    public required string Nonce { get; set; }
    public DateTime SeenAt { get; set; }
}

sealed class PeerLinkConfiguration : IEntityTypeConfiguration<PeerLink>
{
    public void Configure(EntityTypeBuilder<PeerLink> b)
    {
        b.Property(l => l.PublicId).HasMaxLength(32);
        b.Property(l => l.PeerPublicId).HasMaxLength(32);
        b.Property(l => l.PeerUrl).HasMaxLength(500);
        b.Property(l => l.PeerName).HasMaxLength(200);
        b.Property(l => l.OwnPublicKey).HasMaxLength(64);
        b.Property(l => l.OwnPrivateKeyProtected).HasMaxLength(1000);
        b.Property(l => l.PeerPublicKey).HasMaxLength(64);
        b.Property(l => l.SecretHash).HasMaxLength(64);
        b.Property(l => l.CreatedByName).HasMaxLength(256);
        b.HasOne(l => l.Partnership).WithMany().HasForeignKey(l => l.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.PublicId).IsUnique();
        b.HasIndex(l => l.PartnershipId);
    }
}

sealed class PrivateOverlapRunConfiguration : IEntityTypeConfiguration<PrivateOverlapRun>
{
    public void Configure(EntityTypeBuilder<PrivateOverlapRun> b)
    {
        b.Property(r => r.RunKey).HasMaxLength(32);
        b.Property(r => r.OurPopulationName).HasMaxLength(100);
        b.Property(r => r.PeerPopulationName).HasMaxLength(100);
        b.Property(r => r.Problem).HasMaxLength(500);
        b.Property(r => r.StartedByName).HasMaxLength(256);
        b.HasOne(r => r.PeerLink).WithMany().HasForeignKey(r => r.PeerLinkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PeerLinkId, r.RunKey, r.Role }).IsUnique();
        b.HasIndex(r => new { r.PeerLinkId, r.StartedAt });
    }
}

sealed class PrivateOverlapMatchConfiguration : IEntityTypeConfiguration<PrivateOverlapMatch>
{
    public void Configure(EntityTypeBuilder<PrivateOverlapMatch> b)
    {
        b.Property(m => m.Name).HasMaxLength(300);
        b.Property(m => m.Domain).HasMaxLength(253);
        b.Property(m => m.Country).HasMaxLength(100);
        b.HasOne(m => m.Run).WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.RunId);
    }
}

sealed class PeerNonceConfiguration : IEntityTypeConfiguration<PeerNonce>
{
    public void Configure(EntityTypeBuilder<PeerNonce> b)
    {
        b.Property(n => n.Nonce).HasMaxLength(32);
        b.HasIndex(n => new { n.PeerLinkId, n.Nonce }).IsUnique();
        b.HasIndex(n => n.SeenAt);
    }
}
