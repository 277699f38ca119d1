using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Portfolio;

public enum TriageItemStatus { NotStarted, InProgress, Done }

/// <summary>A triage round: every live partnership assessed on four dimensions, with a plan in three phases from <see cref="StartsOn"/>.</summary>
public class TriageRound : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public int QuickWinMonths { get; set; }
    public int RestructureMonths { get; set; }
    public int RemainingMonths { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public List<TriageItem> Items { get; set; } = [];
    public int Version { get; set; }
    public string? AuditSummary => $"Triage {Name} from {StartsOn:yyyy-MM-dd}";

    public TriagePhases Phases => new(QuickWinMonths, RestructureMonths, RemainingMonths);
}

/// <summary>One partnership in a triage round: its four scores (pre-filled, editable), the recommendation and its plan item.</summary>
public class TriageItem : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int RoundId { get; set; }
    public TriageRound? Round { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int StrategicAlignment { get; set; }
    public int ValueExchange { get; set; }
    public int OperationalEfficiency { get; set; }
    public int RelationshipHealth { get; set; }
    /// <summary>What the data suggested when the round started, e.g. "Suggested from data: 4, 5, 3, 3. No data for relationship health."</summary>
    public required string Prefill { get; set; }
    public bool Edited { get; set; }
    public string? Notes { get; set; }
    public TriageRecommendation Recommendation { get; set; }
    public required string Why { get; set; }
    public int Phase { get; set; }
    public string? OwnerId { get; set; }
    public DateOnly DueOn { get; set; }
    public TriageItemStatus Status { get; set; }
    public DateTime? DoneAt { get; set; }
    public int Version { get; set; }
    public string? AuditSummary => $"{Warmglow.Core.Text.Labels.Of(Recommendation)} ({StrategicAlignment}/{ValueExchange}/{OperationalEfficiency}/{RelationshipHealth}), {Warmglow.Core.Text.Labels.Of(Status).ToLowerInvariant()}";
}

sealed class TriageRoundConfiguration : IEntityTypeConfiguration<TriageRound>
{
    public void Configure(EntityTypeBuilder<TriageRound> b)
    {
        b.Property(r => r.Name).HasMaxLength(120);
        b.Property(r => r.CreatedByName).HasMaxLength(256);
        b.HasIndex(r => new { r.WorkspaceId, r.StartsOn });
    }
}

sealed class TriageItemConfiguration : IEntityTypeConfiguration<TriageItem>
{
    public void Configure(EntityTypeBuilder<TriageItem> b)
    {
        b.Property(i => i.Prefill).HasMaxLength(300);
        b.Property(i => i.Notes).HasMaxLength(2000);
        b.Property(i => i.Why).HasMaxLength(300);
        b.Property(i => i.OwnerId).HasMaxLength(450);
        b.Property(i => i.Recommendation).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(i => new { i.RoundId, i.PartnershipId }).IsUnique();
        b.HasIndex(i => new { i.RoundId, i.Phase, i.Status });
        b.HasOne(i => i.Round).WithMany(r => r.Items).HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Partnership).WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
