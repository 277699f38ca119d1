using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Measurement;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<MetricDefinition> MetricDefinitions => Set<MetricDefinition>();
    public DbSet<PartnershipMetric> PartnershipMetrics => Set<PartnershipMetric>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<ObservationBatch> ObservationBatches => Set<ObservationBatch>();
    public DbSet<PartnershipScore> PartnershipScores => Set<PartnershipScore>();
    public DbSet<MeasurementSettings> MeasurementSettings => Set<MeasurementSettings>();
    public DbSet<ProgramCost> ProgramCosts => Set<ProgramCost>();
    public DbSet<IntangibleEntry> IntangibleEntries => Set<IntangibleEntry>();
    public DbSet<ImpactGoal> ImpactGoals => Set<ImpactGoal>();

    // Measurement is internal: partner users read none of it (docs/decisions/0009), so every filter closes for them.
    [Infrastructure.Modules.ModelPart]
    void OnMeasurementModel(ModelBuilder b)
    {
    }
}
