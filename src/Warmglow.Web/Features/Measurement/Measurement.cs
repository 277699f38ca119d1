using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Measurement;

/// <summary>The two scorecard frames of product.md §6; a metric belongs to one category of one frame.</summary>
public enum MeasurementFrame { Balanced, FiveDimension }

/// <summary>How an observation arrived (one audit entry per batch, see <see cref="ObservationBatch"/>).</summary>
public enum ObservationSource { Form, Api, Import, Demo }

public enum IntangibleKind { BrandTrust, Knowledge, MarketAccess, Other }

/// <summary>One metric of the workspace's measurement protocol (product.md §6 "Metric definitions").</summary>
public class MetricDefinition : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public MeasurementFrame Frame { get; set; }
    /// <summary>A member name of <see cref="BalancedScorecardCategory"/> or <see cref="ImpactDimension"/>, per <see cref="Frame"/>.</summary>
    public required string Category { get; set; }
    public MetricUnit Unit { get; set; }
    public MetricDirection Direction { get; set; }
    public string? DataSource { get; set; }
    public string? Calculation { get; set; }
    public IndicatorKind Indicator { get; set; }
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public MetricFrequency Frequency { get; set; } = MetricFrequency.Quarterly;
    /// <summary>Set when created from a template, so applying it twice adds nothing.</summary>
    public string? TemplateKey { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? AuditSummary => Name;
}

/// <summary>
/// A metric attached to a partnership, with optional baseline / target overrides. Also holds the latest observation
/// and its normalized score, maintained on every write (docs/decisions/0009): the dashboards read these rows instead of
/// scanning the observation series. Those columns are written with ExecuteUpdate, so they do not flood the audit log.
/// </summary>
public class PartnershipMetric : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public int MetricDefinitionId { get; set; }
    public MetricDefinition? Metric { get; set; }
    public decimal? BaselineOverride { get; set; }
    public decimal? TargetOverride { get; set; }
    public decimal? LatestValue { get; set; }
    public DateOnly? LatestOn { get; set; }
    public decimal? LatestScore { get; set; }
    public string? AuditSummary => $"metric {MetricDefinitionId} on partnership {PartnershipId}";
}

/// <summary>One value of a metric for a partnership on a date: the time series.</summary>
public class Observation : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public int PartnershipMetricId { get; set; }
    public DateOnly On { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public int BatchId { get; set; }
}

/// <summary>
/// One write of observations (a form entry, an API call, a CSV import): the audited unit. A million observations make
/// as many audit entries as there were writes, each with its count, not a million entries.
/// </summary>
public class ObservationBatch : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public ObservationSource Source { get; set; }
    public int Count { get; set; }
    public string? FileName { get; set; }
    public string? ById { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }
    public string? AuditSummary => $"{Count} observation{(Count == 1 ? "" : "s")} ({Source})";
}

/// <summary>The stored scorecard of a partnership, recomputed when its observations, metrics or the weights change.</summary>
public class PartnershipScore : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    /// <summary>
    /// 0–100, rounded to 2 decimals. A double, not a decimal: SQLite cannot sort or average EF decimals (stored as
    /// text) in the database, and the dashboard sorts and averages this column over every partnership.
    /// </summary>
    public double? Composite { get; set; }
    public Dictionary<string, decimal?> Categories { get; set; } = [];
    public int MetricCount { get; set; }
    public int ScoredCount { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Per workspace: the scorecard frame in use, its category weights (percent, total 100) and the reporting currency.</summary>
public class MeasurementSettings : IWorkspaceOwned, IVersioned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public MeasurementFrame Frame { get; set; }
    public Dictionary<string, decimal> Weights { get; set; } = [];
    public required string ReportingCurrency { get; set; }
    public int Version { get; set; }
    public string? AuditSummary => $"{Frame}: " + string.Join(", ", Weights.Select(w => $"{w.Key} {w.Value:0.##}%"));
}

/// <summary>A program cost of a partnership (people time, budget, tool), in the reporting currency.</summary>
public class ProgramCost : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public CostKind Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly On { get; set; }
    public decimal? Hours { get; set; }
    public decimal? HourlyRate { get; set; }
    /// <summary>The cost in money (for people time: hours × rate, rounded to the currency's minor units).</summary>
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public string? AuditSummary => $"{Kind}: {Description} {Amount:0.##} {Currency}";
}

/// <summary>Intangible value (brand trust, knowledge, market access): an estimate with a confidence; never part of ROI.</summary>
public class IntangibleEntry : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public IntangibleKind Kind { get; set; }
    public required string Description { get; set; }
    public decimal Estimate { get; set; }
    public decimal ConfidencePercent { get; set; }
    public required string Currency { get; set; }
    public string? AuditSummary => $"{Kind}: {Description}";
}

/// <summary>An impact goal: the activity counted by an attached metric converts into impact units (100 entries → 1 tree).</summary>
public class ImpactGoal : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public int PartnershipMetricId { get; set; }
    public required string Name { get; set; }
    public required string ActivityUnit { get; set; }
    public required string ImpactUnit { get; set; }
    public decimal ActivityPerImpact { get; set; }
    public decimal? TargetImpact { get; set; }
    public string? AuditSummary => Name;
}

sealed class MetricDefinitionConfiguration : IEntityTypeConfiguration<MetricDefinition>
{
    public void Configure(EntityTypeBuilder<MetricDefinition> b)
    {
        b.Property(m => m.Name).HasMaxLength(MetricRules.NameMax);
        b.Property(m => m.Category).HasMaxLength(40);
        b.Property(m => m.DataSource).HasMaxLength(MetricRules.TextMax);
        b.Property(m => m.Calculation).HasMaxLength(MetricRules.TextMax);
        b.Property(m => m.TemplateKey).HasMaxLength(80);
        b.Property(m => m.Baseline).HasPrecision(18, 4);
        b.Property(m => m.Target).HasPrecision(18, 4);
        b.HasIndex(m => new { m.WorkspaceId, m.Name }).IsUnique();
    }
}

sealed class PartnershipMetricConfiguration : IEntityTypeConfiguration<PartnershipMetric>
{
    public void Configure(EntityTypeBuilder<PartnershipMetric> b)
    {
        b.Property(m => m.BaselineOverride).HasPrecision(18, 4);
        b.Property(m => m.TargetOverride).HasPrecision(18, 4);
        b.Property(m => m.LatestValue).HasPrecision(18, 4);
        b.Property(m => m.LatestScore).HasPrecision(9, 4);
        b.HasIndex(m => new { m.PartnershipId, m.MetricDefinitionId }).IsUnique();
        b.HasIndex(m => new { m.WorkspaceId, m.MetricDefinitionId });
        b.HasOne(m => m.Metric).WithMany().HasForeignKey(m => m.MetricDefinitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> b)
    {
        b.Property(o => o.Value).HasPrecision(18, 4);
        b.Property(o => o.Note).HasMaxLength(MetricRules.TextMax);
        // The series of one attached metric, by date: the only way observations are read.
        b.HasIndex(o => new { o.PartnershipMetricId, o.On });
        b.HasIndex(o => new { o.WorkspaceId, o.PartnershipId });
        b.HasOne<PartnershipMetric>().WithMany().HasForeignKey(o => o.PartnershipMetricId).OnDelete(DeleteBehavior.Cascade);
        // Cascades everywhere below the partnership: deleting a partnership removes its measurement in one statement
        // (RESTRICT would fire mid-cascade on PostgreSQL).
        b.HasOne<ObservationBatch>().WithMany().HasForeignKey(o => o.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ObservationBatchConfiguration : IEntityTypeConfiguration<ObservationBatch>
{
    public void Configure(EntityTypeBuilder<ObservationBatch> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ById).HasMaxLength(450);
        b.Property(x => x.ByName).HasMaxLength(256);
        b.HasIndex(x => new { x.WorkspaceId, x.PartnershipId });
        b.HasOne<Partnership>().WithMany().HasForeignKey(x => x.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PartnershipScoreConfiguration : IEntityTypeConfiguration<PartnershipScore>
{
    public void Configure(EntityTypeBuilder<PartnershipScore> b)
    {
        b.Property(s => s.Categories).HasConversion(JsonColumn.Converter<Dictionary<string, decimal?>>(), JsonColumn.Comparer<Dictionary<string, decimal?>>());
        b.HasIndex(s => s.PartnershipId).IsUnique();
        b.HasIndex(s => new { s.WorkspaceId, s.Composite });
        b.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class MeasurementSettingsConfiguration : IEntityTypeConfiguration<MeasurementSettings>
{
    public void Configure(EntityTypeBuilder<MeasurementSettings> b)
    {
        b.Property(s => s.Weights).HasConversion(JsonColumn.Converter<Dictionary<string, decimal>>(), JsonColumn.Comparer<Dictionary<string, decimal>>());
        b.Property(s => s.ReportingCurrency).HasMaxLength(3);
        b.HasIndex(s => s.WorkspaceId).IsUnique();
    }
}

sealed class ProgramCostConfiguration : IEntityTypeConfiguration<ProgramCost>
{
    public void Configure(EntityTypeBuilder<ProgramCost> b)
    {
        b.Property(c => c.Description).HasMaxLength(Roi.DescriptionMax);
        b.Property(c => c.Hours).HasPrecision(18, 2);
        b.Property(c => c.HourlyRate).HasPrecision(18, 4);
        b.Property(c => c.Amount).HasPrecision(18, 4);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.HasIndex(c => new { c.WorkspaceId, c.PartnershipId });
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class IntangibleEntryConfiguration : IEntityTypeConfiguration<IntangibleEntry>
{
    public void Configure(EntityTypeBuilder<IntangibleEntry> b)
    {
        b.Property(c => c.Description).HasMaxLength(Roi.DescriptionMax);
        b.Property(c => c.Estimate).HasPrecision(18, 4);
        b.Property(c => c.ConfidencePercent).HasPrecision(5, 2);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.HasIndex(c => new { c.WorkspaceId, c.PartnershipId });
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ImpactGoalConfiguration : IEntityTypeConfiguration<ImpactGoal>
{
    public void Configure(EntityTypeBuilder<ImpactGoal> b)
    {
        b.Property(g => g.Name).HasMaxLength(MetricRules.NameMax);
        b.Property(g => g.ActivityUnit).HasMaxLength(80);
        b.Property(g => g.ImpactUnit).HasMaxLength(80);
        b.Property(g => g.ActivityPerImpact).HasPrecision(18, 4);
        b.Property(g => g.TargetImpact).HasPrecision(18, 4);
        b.HasIndex(g => new { g.WorkspaceId, g.PartnershipId });
        b.HasOne<Partnership>().WithMany().HasForeignKey(g => g.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // Detaching refuses while a goal uses the metric (service); the cascade serves partnership deletion.
        b.HasOne<PartnershipMetric>().WithMany().HasForeignKey(g => g.PartnershipMetricId).OnDelete(DeleteBehavior.Cascade);
    }
}
