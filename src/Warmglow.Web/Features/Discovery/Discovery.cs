using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Scoring;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Discovery;

/// <summary>A workspace's scorecard template. Dimensions and criteria are one JSON document (edited as a whole).</summary>
public class Scorecard : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Set for the templates every workspace starts with (product.md §2).</summary>
    public string? BuiltInKey { get; set; }
    public List<Dimension> Dimensions { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public ScorecardTemplate ToTemplate() => new(Key, Name, Description ?? "", Dimensions);
}

/// <summary>One evaluator's submitted scores for one candidate on one scorecard. Submitted once, never edited.</summary>
public class ScorecardEvaluation : IWorkspaceOwned, IAudited
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int ScorecardId { get; set; }
    public Scorecard? Scorecard { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string EvaluatorId { get; set; }
    public required string EvaluatorName { get; set; }
    public Dictionary<string, int> Scores { get; set; } = [];
    public string? Notes { get; set; }
    public DateTime SubmittedAt { get; set; }
}

/// <summary>A go / no-go decision on a candidate, with reasons; the latest one counts.</summary>
public class VettingDecision : IWorkspaceOwned, IAudited
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public bool Go { get; set; }
    public required string Reasons { get; set; }
    public string? DecidedById { get; set; }
    public required string DecidedByName { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A vetting step ticked off (or reopened): who, when, with what notes.</summary>
public class VettingStepRecord : IWorkspaceOwned, IAudited
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public VettingStep Step { get; set; }
    public bool Done { get; set; }
    public string? Notes { get; set; }
    public string? ById { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }
}

public sealed record PilotMilestone(string Name, DateOnly? Due, bool Done);

/// <summary>A pilot project: scope, duration, success criteria, milestones, verdict.</summary>
public class Pilot : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public required string Scope { get; set; }
    public DateOnly? StartDate { get; set; }
    public int DurationWeeks { get; set; }
    public required string SuccessCriteria { get; set; }
    public List<PilotMilestone> Milestones { get; set; } = [];
    public PilotVerdict Verdict { get; set; }
    public string? VerdictNotes { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.Property(s => s.Key).HasMaxLength(TemplateRules.KeyMax);
        b.Property(s => s.Name).HasMaxLength(TemplateRules.NameMax);
        b.Property(s => s.Description).HasMaxLength(TemplateRules.DescriptionMax);
        b.Property(s => s.BuiltInKey).HasMaxLength(TemplateRules.KeyMax);
        b.Property(s => s.Dimensions).HasConversion(JsonColumn.Converter<List<Dimension>>(), JsonColumn.Comparer<List<Dimension>>());
        b.HasIndex(s => new { s.WorkspaceId, s.Key }).IsUnique();
    }
}

sealed class ScorecardEvaluationConfiguration : IEntityTypeConfiguration<ScorecardEvaluation>
{
    public void Configure(EntityTypeBuilder<ScorecardEvaluation> b)
    {
        b.Property(e => e.EvaluatorId).HasMaxLength(450);
        b.Property(e => e.EvaluatorName).HasMaxLength(256);
        b.Property(e => e.Notes).HasMaxLength(4000);
        b.Property(e => e.Scores).HasConversion(JsonColumn.Converter<Dictionary<string, int>>(), JsonColumn.Comparer<Dictionary<string, int>>());
        // An evaluator scores a candidate once per scorecard; the database enforces it even under races.
        b.HasIndex(e => new { e.ScorecardId, e.PartnershipId, e.EvaluatorId }).IsUnique();
        b.HasIndex(e => e.PartnershipId);
        b.HasOne(e => e.Scorecard).WithMany().HasForeignKey(e => e.ScorecardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Partnership).WithMany().HasForeignKey(e => e.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class VettingDecisionConfiguration : IEntityTypeConfiguration<VettingDecision>
{
    public void Configure(EntityTypeBuilder<VettingDecision> b)
    {
        b.Property(d => d.Reasons).HasMaxLength(4000);
        b.Property(d => d.DecidedByName).HasMaxLength(256);
        b.HasIndex(d => new { d.PartnershipId, d.At });
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class VettingStepConfiguration : IEntityTypeConfiguration<VettingStepRecord>
{
    public void Configure(EntityTypeBuilder<VettingStepRecord> b)
    {
        b.Property(v => v.Notes).HasMaxLength(4000);
        b.Property(v => v.ByName).HasMaxLength(256);
        b.HasIndex(v => new { v.PartnershipId, v.Step }).IsUnique();
        b.HasOne<Partnership>().WithMany().HasForeignKey(v => v.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PilotConfiguration : IEntityTypeConfiguration<Pilot>
{
    public void Configure(EntityTypeBuilder<Pilot> b)
    {
        b.Property(p => p.Scope).HasMaxLength(4000);
        b.Property(p => p.SuccessCriteria).HasMaxLength(4000);
        b.Property(p => p.VerdictNotes).HasMaxLength(4000);
        b.Property(p => p.Milestones).HasConversion(JsonColumn.Converter<List<PilotMilestone>>(), JsonColumn.Comparer<List<PilotMilestone>>());
        b.HasIndex(p => p.PartnershipId).IsUnique();
        b.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
