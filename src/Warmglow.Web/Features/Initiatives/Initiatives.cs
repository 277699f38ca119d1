using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Initiatives;

/// <summary>Who owns a milestone or an outcome: one of our people, or the partner's side (their portal users may update it).</summary>
public enum OwnerSide { Ours, Partner }

/// <summary>The kind's own fields (date, registrants, release…), keyed by <see cref="KindField.Key"/>.</summary>
public sealed class InitiativeFields
{
    public Dictionary<string, string> Values { get; set; } = [];
}

/// <summary>
/// A joint initiative of one partnership: a kind with its own fields, a goal, owners on both sides, the budget split
/// (our share and the partner's) and actual spend in one currency, a status, milestones and outcomes.
/// <see cref="Shared"/> is chosen when it is written: a shared initiative (and its milestones and outcomes) is visible
/// to the partner's portal users; an internal one is not. Partner proposals are always shared.
/// </summary>
public class Initiative : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public InitiativeKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Goal { get; set; }
    public InitiativeStatus Status { get; set; }
    public bool Shared { get; set; }
    public string? OurOwnerId { get; set; }
    public AppUser? OurOwner { get; set; }
    public string? OurOwnerName { get; set; }
    /// <summary>The partner's owner by name (a contact or one of their portal users).</summary>
    public string? PartnerOwnerName { get; set; }
    public required string Currency { get; set; }
    public decimal OurBudget { get; set; }
    public decimal PartnerBudget { get; set; }
    /// <summary>What has actually been spent so far (both sides), the denominator of ROI.</summary>
    public decimal Spent { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public InitiativeFields Fields { get; set; } = new();
    public bool ProposedByPartner { get; set; }
    public string? ProposedByName { get; set; }
    /// <summary>Why it was stopped or declined.</summary>
    public string? StatusReason { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public List<InitiativeMilestone> Milestones { get; set; } = [];
    public List<InitiativeOutcome> Outcomes { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"{Title} ({Warmglow.Core.Text.Labels.Of(Status).ToLowerInvariant()})";
}

/// <summary>A milestone: title, due date, owner side and name, done date. Its state (on track / at risk / late) is derived.</summary>
public class InitiativeMilestone : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public OwnerSide OwnerSide { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? DoneOn { get; set; }
    /// <summary>When it was marked done (the engagement index counts it then).</summary>
    public DateTime? DoneAt { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => DoneOn is null ? Title : $"{Title} (done {DoneOn:yyyy-MM-dd})";
}

/// <summary>An outcome measured as a number against a target: leads, registrants, attendees, users, revenue (in the initiative's currency) or a custom measure.</summary>
public class InitiativeOutcome : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public OutcomeMetric Metric { get; set; }
    /// <summary>The measure's name for a custom outcome (e.g. "Demo requests").</summary>
    public string? Label { get; set; }
    public decimal? Target { get; set; }
    public decimal Actual { get; set; }
    public OwnerSide OwnerSide { get; set; }
    public DateOnly? MeasuredOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"{Label ?? Warmglow.Core.Text.Labels.Of(Metric)}: {Actual}";
}

sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Goal).HasMaxLength(2000);
        b.Property(i => i.OurOwnerId).HasMaxLength(450);
        b.Property(i => i.OurOwnerName).HasMaxLength(256);
        b.Property(i => i.PartnerOwnerName).HasMaxLength(256);
        b.Property(i => i.ProposedByName).HasMaxLength(256);
        b.Property(i => i.StatusReason).HasMaxLength(2000);
        b.Property(i => i.Currency).HasMaxLength(3);
        b.Property(i => i.OurBudget).HasPrecision(18, 4);
        b.Property(i => i.PartnerBudget).HasPrecision(18, 4);
        b.Property(i => i.Spent).HasPrecision(18, 4);
        b.Property(i => i.Fields).HasConversion(JsonColumn.Converter<InitiativeFields>(), JsonColumn.Comparer<InitiativeFields>());
        b.HasOne(i => i.Partnership).WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.OurOwner).WithMany().HasForeignKey(i => i.OurOwnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => new { i.WorkspaceId, i.Status, i.UpdatedAt });
        b.HasIndex(i => new { i.PartnershipId, i.Status });
    }
}

sealed class InitiativeMilestoneConfiguration : IEntityTypeConfiguration<InitiativeMilestone>
{
    public void Configure(EntityTypeBuilder<InitiativeMilestone> b)
    {
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.OwnerName).HasMaxLength(256);
        b.HasOne(m => m.Initiative).WithMany(i => i.Milestones).HasForeignKey(m => m.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.InitiativeId, m.DueOn });
        b.HasIndex(m => new { m.WorkspaceId, m.DoneOn, m.DueOn });
    }
}

sealed class InitiativeOutcomeConfiguration : IEntityTypeConfiguration<InitiativeOutcome>
{
    public void Configure(EntityTypeBuilder<InitiativeOutcome> b)
    {
        b.Property(o => o.Label).HasMaxLength(100);
        b.Property(o => o.Target).HasPrecision(18, 4);
        b.Property(o => o.Actual).HasPrecision(18, 4);
        b.HasOne(o => o.Initiative).WithMany(i => i.Outcomes).HasForeignKey(o => o.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.InitiativeId, o.Metric });
    }
}
