using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Onboarding;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Onboarding;

/// <summary>
/// A checklist template, for one partnership type, one tier, or neither (the default). Its steps are one JSON document,
/// validated whole by <see cref="OnboardingRules.ValidateSteps"/>; checklists copy them when they start.
/// </summary>
public class OnboardingTemplate : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public PartnershipType? Type { get; set; }
    public Tier? Tier { get; set; }
    public List<TemplateStep> Steps { get; set; } = [];
    /// <summary>Set on the templates a new workspace starts with.</summary>
    public bool BuiltIn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? AuditSummary => $"{Name}: {Steps.Count} steps";
}

/// <summary>
/// The onboarding checklist of one partnership (a unique index: it starts once, whatever re-enters Onboarding or races),
/// with the time to onboard stored when its last required step is done, so the figures are plain SQL aggregates.
/// </summary>
public class OnboardingChecklist : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int? TemplateId { get; set; }
    public OnboardingTemplate? Template { get; set; }
    /// <summary>The template's name when the checklist started (the figures per template group by it).</summary>
    public required string TemplateName { get; set; }
    /// <summary>When the partnership entered Onboarding.</summary>
    public DateTime StartedAt { get; set; }
    /// <summary>When the last required step was done; null while onboarding runs.</summary>
    public DateTime? CompletedAt { get; set; }
    public int? DaysToOnboard { get; set; }
    /// <summary>The quarter of <see cref="CompletedAt"/>, e.g. "2026-Q3".</summary>
    public string? CompletedQuarter { get; set; }
    public string? OverrideReason { get; set; }
    public string? OverrideByName { get; set; }
    public DateTime? OverrideAt { get; set; }
    public List<OnboardingStep> Steps { get; set; } = [];
    public int Version { get; set; }
    public string? AuditSummary => OverrideReason is null
        ? CompletedAt is null ? $"Onboarding from {TemplateName}" : $"Onboarded in {DaysToOnboard} days"
        : $"Onboarding overridden: {OverrideReason}";
}

/// <summary>
/// One step of a checklist. Its owner is one of our people or, on the partner's side, a partner user or contact of a
/// member partner. <see cref="Note"/> (from whoever completed it) and <see cref="Comment"/> (why we sent it back) are
/// shared with the partner by design: the forms say so when they are written.
/// </summary>
public class OnboardingStep : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int ChecklistId { get; set; }
    public OnboardingChecklist? Checklist { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public StepOwnerSide OwnerSide { get; set; }
    public string? OwnerUserId { get; set; }
    public int? OwnerContactId { get; set; }
    public bool Required { get; set; }
    public bool NeedsApproval { get; set; }
    public DateOnly DueOn { get; set; }
    public StepStatus Status { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneByName { get; set; }
    public string? Note { get; set; }
    public string? Comment { get; set; }
    public int Version { get; set; }
    public string? AuditSummary => $"{Title}: {Core.Text.Labels.Of(Status).ToLowerInvariant()}";
}

sealed class OnboardingTemplateConfiguration : IEntityTypeConfiguration<OnboardingTemplate>
{
    public void Configure(EntityTypeBuilder<OnboardingTemplate> b)
    {
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.Tier).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Steps).HasConversion(JsonColumn.Converter<List<TemplateStep>>(), JsonColumn.Comparer<List<TemplateStep>>());
    }
}

sealed class OnboardingChecklistConfiguration : IEntityTypeConfiguration<OnboardingChecklist>
{
    public void Configure(EntityTypeBuilder<OnboardingChecklist> b)
    {
        b.Property(c => c.TemplateName).HasMaxLength(200);
        b.Property(c => c.CompletedQuarter).HasMaxLength(10);
        b.Property(c => c.OverrideReason).HasMaxLength(1000);
        b.Property(c => c.OverrideByName).HasMaxLength(256);
        // One checklist per partnership: it starts once.
        b.HasIndex(c => c.PartnershipId).IsUnique();
        b.HasIndex(c => new { c.WorkspaceId, c.CompletedQuarter });
        b.HasOne(c => c.Partnership).WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Template).WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class OnboardingStepConfiguration : IEntityTypeConfiguration<OnboardingStep>
{
    public void Configure(EntityTypeBuilder<OnboardingStep> b)
    {
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.OwnerSide).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.OwnerUserId).HasMaxLength(450);
        b.Property(s => s.DoneByName).HasMaxLength(256);
        b.Property(s => s.Note).HasMaxLength(1000);
        b.Property(s => s.Comment).HasMaxLength(1000);
        b.HasIndex(s => new { s.ChecklistId, s.Position });
        b.HasIndex(s => new { s.WorkspaceId, s.OwnerSide, s.Status });
        b.HasOne(s => s.Checklist).WithMany(c => c.Steps).HasForeignKey(s => s.ChecklistId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partners.Contact>().WithMany().HasForeignKey(s => s.OwnerContactId).OnDelete(DeleteBehavior.SetNull);
    }
}
