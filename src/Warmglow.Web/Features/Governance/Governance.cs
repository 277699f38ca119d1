using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Governance;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Governance;

public enum GovernanceSide { Ours, Partner }

public enum GovernanceRole { Manager, ExecutiveSponsor, SteeringCommittee }

/// <summary>
/// One person in a partnership's governance: a manager on either side, the executive sponsor, or a steering committee
/// member with a role. Our people are users; the partner's are contacts or partner users of a member partner.
/// <see cref="Name"/> keeps the name shown even after the user or contact is gone (which is itself a flag).
/// </summary>
public class GovernancePerson : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public GovernanceSide Side { get; set; }
    public GovernanceRole Role { get; set; }
    /// <summary>The role on the steering committee, e.g. "Chair", "Finance".</summary>
    public string? CommitteeRole { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public int? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public required string Name { get; set; }
    /// <summary>Share of a full-time person given to the partnership (the seeds: 10–50%).</summary>
    public decimal? TimeCommitmentPercent { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"{Name} ({Role})";
}

public sealed class RaciRowDocument
{
    public string Activity { get; set; } = "";
    public Dictionary<string, RaciLetter> Cells { get; set; } = [];
}

public sealed class RaciDocument
{
    public List<string> Columns { get; set; } = [];
    public List<RaciRowDocument> Rows { get; set; } = [];

    public RaciMatrixData ToData() => new(Columns, Rows.Select(r => new RaciRow(r.Activity, r.Cells)).ToList());

    public static RaciDocument From(RaciMatrixData m) => new()
    {
        Columns = [.. m.Columns],
        Rows = m.Rows.Select(r => new RaciRowDocument { Activity = r.Activity, Cells = r.Cells.ToDictionary() }).ToList(),
    };
}

/// <summary>A partnership's RACI matrix, saved whole (one row per partnership).</summary>
public class RaciMatrix : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public RaciDocument Matrix { get; set; } = new();
    public string? UpdatedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"RACI, {Matrix.Rows.Count} activities";
}

public sealed class DecisionRules
{
    public List<DecisionRule> Rules { get; set; } = [];
}

/// <summary>The decision framework: the workspace default (no partnership) or one partnership's override.</summary>
public class DecisionFrameworkSetting : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public DecisionRules Rules { get; set; } = new();
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => PartnershipId is null ? "Workspace decision framework" : "Partnership decision framework";
}

public enum Vote { For, Against, Abstain }

public sealed class DecisionVote
{
    public int PersonId { get; set; }
    public string Name { get; set; } = "";
    public Vote Vote { get; set; }
}

public sealed class DecisionVotes
{
    public List<DecisionVote> Votes { get; set; } = [];
}

/// <summary>
/// One entry of the decision log: the request (what, who, when, type and the route the framework gave it), the
/// discussion, and the decision (outcome, reason, who, when, each committee member's vote).
/// </summary>
public class GovernanceDecision : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Title { get; set; }
    public string? Details { get; set; }
    public DecisionType Type { get; set; }
    public DecisionRoute Route { get; set; }
    public int? Quorum { get; set; }
    public DecisionStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? RequestedById { get; set; }
    public required string RequestedByName { get; set; }
    public string? Discussion { get; set; }
    public string? Outcome { get; set; }
    public string? Reason { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DecisionVotes Votes { get; set; } = new();
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => Title;
}

sealed class GovernancePersonConfiguration : IEntityTypeConfiguration<GovernancePerson>
{
    public void Configure(EntityTypeBuilder<GovernancePerson> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.CommitteeRole).HasMaxLength(100);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.TimeCommitmentPercent).HasPrecision(5, 2);
        b.HasOne(p => p.Partnership).WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // A user or contact removed later leaves the row (and its name) behind: that is the "sponsor left" flag.
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(p => p.Contact).WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.PartnershipId, p.Role });
    }
}

sealed class RaciMatrixConfiguration : IEntityTypeConfiguration<RaciMatrix>
{
    public void Configure(EntityTypeBuilder<RaciMatrix> b)
    {
        b.Property(m => m.Matrix).HasConversion(JsonColumn.Converter<RaciDocument>(), JsonColumn.Comparer<RaciDocument>());
        b.Property(m => m.UpdatedByName).HasMaxLength(256);
        b.HasOne(m => m.Partnership).WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.PartnershipId).IsUnique();
    }
}

sealed class DecisionFrameworkConfiguration : IEntityTypeConfiguration<DecisionFrameworkSetting>
{
    public void Configure(EntityTypeBuilder<DecisionFrameworkSetting> b)
    {
        b.Property(f => f.Rules).HasConversion(JsonColumn.Converter<DecisionRules>(), JsonColumn.Comparer<DecisionRules>());
        b.HasOne(f => f.Partnership).WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // One framework per partnership, and one workspace default (PartnershipId null): unique with nulls distinct,
        // so the service keeps the default single (it is created inside the workspace's first save).
        b.HasIndex(f => new { f.WorkspaceId, f.PartnershipId }).IsUnique();
    }
}

sealed class GovernanceDecisionConfiguration : IEntityTypeConfiguration<GovernanceDecision>
{
    public void Configure(EntityTypeBuilder<GovernanceDecision> b)
    {
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Details).HasMaxLength(4000);
        b.Property(d => d.Discussion).HasMaxLength(4000);
        b.Property(d => d.Outcome).HasMaxLength(1000);
        b.Property(d => d.Reason).HasMaxLength(2000);
        b.Property(d => d.RequestedById).HasMaxLength(450);
        b.Property(d => d.RequestedByName).HasMaxLength(256);
        b.Property(d => d.DecidedById).HasMaxLength(450);
        b.Property(d => d.DecidedByName).HasMaxLength(256);
        b.Property(d => d.Votes).HasConversion(JsonColumn.Converter<DecisionVotes>(), JsonColumn.Comparer<DecisionVotes>());
        b.HasOne(d => d.Partnership).WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.PartnershipId, d.RequestedAt });
        b.HasIndex(d => new { d.WorkspaceId, d.Status, d.DecidedAt });
    }
}
