using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Strategy;

namespace Warmglow.Web.Features.Strategy;

sealed class SelfAssessmentSnapshotConfiguration : IEntityTypeConfiguration<SelfAssessmentSnapshot>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentSnapshot> b)
    {
        b.Property(s => s.TakenByName).HasMaxLength(256);
        b.Property(s => s.TakenByUserId).HasMaxLength(450);
        foreach (var notes in new[] { nameof(SelfAssessmentSnapshot.ResourcesNotes), nameof(SelfAssessmentSnapshot.ExpertiseNotes),
                     nameof(SelfAssessmentSnapshot.MarketPositionNotes), nameof(SelfAssessmentSnapshot.BrandValuesNotes),
                     nameof(SelfAssessmentSnapshot.OperationalCapacityNotes), nameof(SelfAssessmentSnapshot.RiskToleranceNotes),
                     nameof(SelfAssessmentSnapshot.StrategicObjectivesNotes) })
            b.Property<string?>(notes).HasMaxLength(SelfAssessment.NotesMax);
        b.HasIndex(s => new { s.WorkspaceId, s.TakenAt });
    }
}

sealed class StrategyStatementConfiguration : IEntityTypeConfiguration<StrategyStatement>
{
    public void Configure(EntityTypeBuilder<StrategyStatement> b)
    {
        b.Property(s => s.WhatWeNeed).HasMaxLength(StrategyRules.TextMax);
        b.Property(s => s.WhatWeCanGive).HasMaxLength(StrategyRules.TextMax);
        b.Property(s => s.WhoCanHelp).HasMaxLength(StrategyRules.TextMax);
        // One statement per workspace.
        b.HasIndex(s => s.WorkspaceId).IsUnique();
    }
}

sealed class StrategicGoalConfiguration : IEntityTypeConfiguration<StrategicGoal>
{
    public void Configure(EntityTypeBuilder<StrategicGoal> b)
    {
        b.Property(g => g.Metric).HasMaxLength(StrategyRules.NameMax);
        b.Property(g => g.Description).HasMaxLength(StrategyRules.DescriptionMax);
        b.Property(g => g.Baseline).HasPrecision(18, 4);
        b.Property(g => g.Target).HasPrecision(18, 4);
        b.HasIndex(g => new { g.WorkspaceId, g.Deadline });
        b.HasOne(g => g.Owner).WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class PartnerPersonaConfiguration : IEntityTypeConfiguration<PartnerPersona>
{
    public void Configure(EntityTypeBuilder<PartnerPersona> b)
    {
        b.Property(p => p.Name).HasMaxLength(StrategyRules.NameMax);
        b.Property(p => p.Values).HasMaxLength(StrategyRules.DescriptionMax);
        b.Property(p => p.MarketPosition).HasMaxLength(StrategyRules.DescriptionMax);
        b.Property(p => p.OperationalStyle).HasMaxLength(StrategyRules.DescriptionMax);
        b.Property(p => p.Size).HasMaxLength(StrategyRules.ShortMax);
        b.Property(p => p.Industry).HasMaxLength(StrategyRules.ShortMax);
        b.Property(p => p.Region).HasMaxLength(StrategyRules.ShortMax);
        b.Property(p => p.Notes).HasMaxLength(StrategyRules.TextMax);
        b.HasIndex(p => new { p.WorkspaceId, p.Name });
        b.HasOne<Discovery.Scorecard>().WithMany().HasForeignKey(p => p.ScorecardId).OnDelete(DeleteBehavior.SetNull);
    }
}
