using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Portfolio;

/// <summary>Per workspace: the tiering rules (percentages, value basis, minimum age, downgrade grace).</summary>
public class PortfolioSettings : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int StrategicPercent { get; set; }
    public int GrowthPercent { get; set; }
    public int TransactionalPercent { get; set; }
    public ValueBasis Basis { get; set; }
    public int CompositeWeightPercent { get; set; }
    public int MinimumAgeDays { get; set; }
    public int DowngradeGraceDays { get; set; }
    public DateTime? LastRecomputedAt { get; set; }
    public int Version { get; set; }
    public string? AuditSummary => $"Tiers {StrategicPercent}/{GrowthPercent}/{TransactionalPercent} by {Basis}";

    public TierSettings ToRules() => new(StrategicPercent, GrowthPercent, TransactionalPercent, Basis, CompositeWeightPercent, MinimumAgeDays, DowngradeGraceDays);
}

/// <summary>
/// A partnership's figures as of the last portfolio recompute: what the portfolio page sorts, filters and pages on in
/// the database. Money in minor units of the reporting currency (exact, and sortable on SQLite); scores as doubles
/// (SQLite cannot sort decimals).
/// </summary>
public class PortfolioFigure : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public double? Composite { get; set; }
    public double? HealthScore { get; set; }
    public double? Engagement { get; set; }
    public required string Currency { get; set; }
    public int MinorUnits { get; set; }
    /// <summary>The last completed quarter, e.g. "2026-Q3".</summary>
    public required string Period { get; set; }
    public long RevenuePeriodMinor { get; set; }
    public long RevenueTtmMinor { get; set; }
    public long CostsMinor { get; set; }
    /// <summary>(revenue − costs) ÷ costs × 100 over all recorded revenue and costs; null without costs.</summary>
    public double? RoiPercent { get; set; }
    public List<string> RedFlags { get; set; } = [];
    public int RedFlagCount { get; set; }
    /// <summary>The value the partnership was ranked by (null when emerging), and its rank.</summary>
    public double? Value { get; set; }
    public int? Rank { get; set; }
    public DateTime ComputedAt { get; set; }
}

/// <summary>A partnership's current tier; a manual override carries a reason and an expiry.</summary>
public class PartnershipTier : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public Tier Tier { get; set; }
    /// <summary><see cref="Tiering.Rank"/> of <see cref="Tier"/>, stored so the portfolio sorts by tier in the database.</summary>
    public int TierRank { get; set; }
    public DateTime Since { get; set; }
    public string? OverrideReason { get; set; }
    public DateOnly? OverrideUntil { get; set; }
    public string? OverrideByName { get; set; }
    public int Version { get; set; }
    public string? AuditSummary => OverrideReason is null ? Tier.ToString() : $"{Tier} (override until {OverrideUntil:yyyy-MM-dd}: {OverrideReason})";
}

public enum ProposalStatus { Pending, Approved, Rejected, Withdrawn }

/// <summary>A tier change the recompute proposes; it waits for a manager (a downgrade until its grace period ends).</summary>
public class TierProposal : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public Tier? FromTier { get; set; }
    public Tier ToTier { get; set; }
    public bool Downgrade { get; set; }
    public required string Why { get; set; }
    public DateTime ProposedAt { get; set; }
    /// <summary>The first day it may be approved (today for upgrades; after the grace period for downgrades).</summary>
    public DateOnly ApprovableOn { get; set; }
    public ProposalStatus Status { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
    public string? AuditSummary => $"{FromTier?.ToString() ?? "none"} → {ToTier}: {Status}";
}

/// <summary>One entry of a partnership's tier history.</summary>
public class TierChange : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public Tier? FromTier { get; set; }
    public Tier? ToTier { get; set; }
    public required string Reason { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A user's saved portfolio view: a name and the filter and sort it restores.</summary>
public class SavedPortfolioView : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Query { get; set; }
    public DateTime CreatedAt { get; set; }
}

sealed class PortfolioSettingsConfiguration : IEntityTypeConfiguration<PortfolioSettings>
{
    public void Configure(EntityTypeBuilder<PortfolioSettings> b) => b.HasIndex(s => s.WorkspaceId).IsUnique();
}

sealed class PortfolioFigureConfiguration : IEntityTypeConfiguration<PortfolioFigure>
{
    public void Configure(EntityTypeBuilder<PortfolioFigure> b)
    {
        b.Property(f => f.Currency).HasMaxLength(3);
        b.Property(f => f.Period).HasMaxLength(10);
        b.Property(f => f.RedFlags).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
        b.HasIndex(f => f.PartnershipId).IsUnique();
        b.HasIndex(f => new { f.WorkspaceId, f.RevenueTtmMinor });
        b.HasIndex(f => new { f.WorkspaceId, f.Composite });
        b.HasOne(f => f.Partnership).WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PartnershipTierConfiguration : IEntityTypeConfiguration<PartnershipTier>
{
    public void Configure(EntityTypeBuilder<PartnershipTier> b)
    {
        b.Property(t => t.OverrideReason).HasMaxLength(500);
        b.Property(t => t.OverrideByName).HasMaxLength(200);
        b.HasIndex(t => t.PartnershipId).IsUnique();
        b.HasIndex(t => new { t.WorkspaceId, t.TierRank });
        b.HasOne(t => t.Partnership).WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class TierProposalConfiguration : IEntityTypeConfiguration<TierProposal>
{
    public void Configure(EntityTypeBuilder<TierProposal> b)
    {
        b.Property(t => t.Why).HasMaxLength(500);
        b.Property(t => t.Note).HasMaxLength(500);
        b.Property(t => t.DecidedByName).HasMaxLength(200);
        b.HasIndex(t => new { t.PartnershipId, t.Status });
        b.HasIndex(t => new { t.WorkspaceId, t.Status });
        b.HasOne(t => t.Partnership).WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> b)
    {
        b.Property(t => t.Reason).HasMaxLength(500);
        b.Property(t => t.ByName).HasMaxLength(200);
        b.HasIndex(t => new { t.PartnershipId, t.At });
        b.HasOne(t => t.Partnership).WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SavedPortfolioViewConfiguration : IEntityTypeConfiguration<SavedPortfolioView>
{
    public void Configure(EntityTypeBuilder<SavedPortfolioView> b)
    {
        b.Property(v => v.Name).HasMaxLength(80);
        b.Property(v => v.Query).HasMaxLength(1000);
        b.HasIndex(v => new { v.WorkspaceId, v.UserId, v.Name }).IsUnique();
    }
}
