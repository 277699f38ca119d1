using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Clusters;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;

namespace Warmglow.Web.Features.Clusters;

/// <summary>
/// A partner cluster: a named group of complementary partners offering a combined solution to one target customer
/// profile (decision 0030). Its members are replaced whole on each change; the version guards concurrent edits.
/// </summary>
public class PartnerCluster : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Who the combined solution is for, in the user's words.</summary>
    public string? TargetCustomers { get; set; }
    public CustomerSegment? TargetSegment { get; set; }
    public string? TargetRegion { get; set; }
    public List<ClusterMember> Members { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? AuditSummary => $"{Name}: {Members.Count} members";
}

/// <summary>One partner in a cluster, with its part in the combined solution, the customers it serves and how it earns.</summary>
public class ClusterMember : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int ClusterId { get; set; }
    public PartnerCluster? Cluster { get; set; }
    public int PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public int Position { get; set; }
    public string? Part { get; set; }
    public CustomerSegment? Segment { get; set; }
    public BusinessModel? Model { get; set; }
    public string? AuditSummary => Part;
}

/// <summary>A partner-to-partner link: one partner integrates with, resells or co-delivers with another (one per pair and kind).</summary>
public class PartnerLink : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int FromPartnerId { get; set; }
    public Partner? FromPartner { get; set; }
    public int ToPartnerId { get; set; }
    public Partner? ToPartner { get; set; }
    public PartnerLinkKind Kind { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? AuditSummary => Core.Text.Labels.Of(Kind);
}

sealed class PartnerClusterConfiguration : IEntityTypeConfiguration<PartnerCluster>
{
    public void Configure(EntityTypeBuilder<PartnerCluster> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.TargetCustomers).HasMaxLength(1000);
        b.Property(c => c.TargetRegion).HasMaxLength(100);
        b.Property(c => c.TargetSegment).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(c => new { c.WorkspaceId, c.Name }).IsUnique();
    }
}

sealed class ClusterMemberConfiguration : IEntityTypeConfiguration<ClusterMember>
{
    public void Configure(EntityTypeBuilder<ClusterMember> b)
    {
        b.Property(m => m.Part).HasMaxLength(200);
        b.Property(m => m.Segment).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Model).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(m => new { m.ClusterId, m.PartnerId }).IsUnique();
        b.HasIndex(m => m.PartnerId);
        b.HasOne(m => m.Cluster).WithMany(c => c.Members).HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Partner).WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PartnerLinkConfiguration : IEntityTypeConfiguration<PartnerLink>
{
    public void Configure(EntityTypeBuilder<PartnerLink> b)
    {
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.Note).HasMaxLength(500);
        b.HasIndex(l => new { l.FromPartnerId, l.ToPartnerId, l.Kind }).IsUnique();
        b.HasIndex(l => l.ToPartnerId);
        b.HasOne(l => l.FromPartner).WithMany().HasForeignKey(l => l.FromPartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.ToPartner).WithMany().HasForeignKey(l => l.ToPartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
