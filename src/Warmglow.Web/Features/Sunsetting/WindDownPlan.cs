using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Sunsetting;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Sunsetting;

/// <summary>
/// The wind-down of a partnership moved to Sunsetting: one plan per partnership (a unique index), its length and why,
/// the agreement's notice period it may not undercut, and a manager's override that lets it end with tasks open.
/// </summary>
public class WindDownPlan : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public DateOnly StartedOn { get; set; }
    public int Days { get; set; }
    public DateOnly EndsOn { get; set; }
    public required string Basis { get; set; }
    public int? AgreementId { get; set; }
    public string? AgreementTitle { get; set; }
    public int? NoticeDays { get; set; }
    public string? OverrideReason { get; set; }
    public string? OverrideByName { get; set; }
    public DateTime? OverrideAt { get; set; }
    /// <summary>Set when the partnership reaches Ended; a plan without it is running (new agreements wait).</summary>
    public DateTime? CompletedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<WindDownTask> Tasks { get; set; } = [];
    public int Version { get; set; }
    public string? AuditSummary => OverrideReason is null ? $"Wind-down of {Days} days until {EndsOn:yyyy-MM-dd}" : $"Wind-down overridden: {OverrideReason}";
}

/// <summary>One task of a wind-down plan (plan items of this module, not system tasks: decision 0028).</summary>
public class WindDownTask : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PlanId { get; set; }
    public WindDownPlan? Plan { get; set; }
    public WindDownTaskKind Kind { get; set; }
    public required string Title { get; set; }
    public bool Required { get; set; }
    public DateOnly DueOn { get; set; }
    public string? OwnerId { get; set; }
    public bool Done { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneByName { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
    public string? AuditSummary => $"{Title}: {(Done ? "done" : "open")}";
}

sealed class WindDownPlanConfiguration : IEntityTypeConfiguration<WindDownPlan>
{
    public void Configure(EntityTypeBuilder<WindDownPlan> b)
    {
        b.Property(p => p.Basis).HasMaxLength(500);
        b.Property(p => p.AgreementTitle).HasMaxLength(200);
        b.Property(p => p.OverrideReason).HasMaxLength(1000);
        b.Property(p => p.OverrideByName).HasMaxLength(256);
        // One plan per partnership: the plan starts once, whatever runs twice or races.
        b.HasIndex(p => p.PartnershipId).IsUnique();
        b.HasIndex(p => new { p.WorkspaceId, p.CompletedAt });
        b.HasOne(p => p.Partnership).WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class WindDownTaskConfiguration : IEntityTypeConfiguration<WindDownTask>
{
    public void Configure(EntityTypeBuilder<WindDownTask> b)
    {
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.OwnerId).HasMaxLength(450);
        b.Property(t => t.DoneByName).HasMaxLength(256);
        b.Property(t => t.Note).HasMaxLength(1000);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(t => new { t.PlanId, t.Kind }).IsUnique();
        b.HasOne(t => t.Plan).WithMany(p => p.Tasks).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
