using Warmglow.Core.Measurement;
using static Warmglow.Core.Measurement.MetricDirection;
using static Warmglow.Core.Measurement.MetricUnit;
using static Warmglow.Core.Measurement.IndicatorKind;

namespace Warmglow.Web.Features.Measurement;

public sealed record MetricTemplate(string Key, string Name, MeasurementFrame Frame, string Category, MetricUnit Unit, MetricDirection Direction,
    string DataSource, string Calculation, IndicatorKind Indicator, decimal Baseline, decimal Target, MetricFrequency Frequency = MetricFrequency.Quarterly);

public sealed record MetricTemplateSet(string Key, string Name, MeasurementFrame Frame, IReadOnlyList<MetricTemplate> Metrics);

/// <summary>
/// Ready-made measurement protocols a manager applies in one click: two metrics per category of the balanced scorecard,
/// one or two per dimension of the five-dimension frame. Baselines and targets are starting points to edit.
/// </summary>
public static class MetricTemplates
{
    const MeasurementFrame B = MeasurementFrame.Balanced;
    const MeasurementFrame F = MeasurementFrame.FiveDimension;

    public static readonly MetricTemplateSet Balanced = new("balanced", "Balanced scorecard (four categories)", B,
    [
        new("bsc-influenced-revenue", "Partner-influenced revenue", B, "Financial", Currency, HigherIsBetter,
            "Revenue ledger / CRM", "Sum of closed revenue the partner sourced or influenced in the quarter", Lagging, 0, 50_000),
        new("bsc-cost-per-deal", "Cost per partner-sourced deal", B, "Financial", Currency, LowerIsBetter,
            "Program costs ÷ CRM", "Program costs of the quarter divided by partner-sourced deals won", Lagging, 2_000, 800),
        new("bsc-goal-alignment", "Shared goals on track", B, "StrategicAlignment", Percent, HigherIsBetter,
            "Quarterly business review", "Joint goals rated on track ÷ all joint goals × 100", Leading, 40, 90),
        new("bsc-exec-meetings", "Executive touchpoints", B, "StrategicAlignment", Count, HigherIsBetter,
            "Meeting notes", "Meetings with an executive sponsor on both sides in the quarter", Leading, 0, 4),
        new("bsc-time-to-integrate", "Time to resolve joint issues", B, "OperationalEfficiency", Days, LowerIsBetter,
            "Shared issue tracker", "Median days from a joint issue opened to closed", Leading, 20, 5),
        new("bsc-onboarding-completion", "Partner enablement completion", B, "OperationalEfficiency", Percent, HigherIsBetter,
            "Enablement portal", "Partner staff who finished enablement ÷ partner staff enrolled × 100", Leading, 30, 90),
        new("bsc-partner-nps", "Partner satisfaction (NPS)", B, "RelationshipHealth", Number, HigherIsBetter,
            "Quarterly health survey", "% promoters − % detractors among partner respondents", Lagging, 0, 50),
        new("bsc-relationship-score", "Relationship quality score", B, "RelationshipHealth", Score, HigherIsBetter,
            "Quarterly health survey", "Mean relationship-quality answer rescaled to 0–100", Lagging, 50, 85),
    ]);

    public static readonly MetricTemplateSet FiveDimension = new("five-dimension", "Five-dimension value frame", F,
    [
        new("fd-revenue", "Joint revenue", F, "FinancialImpact", Currency, HigherIsBetter,
            "Revenue ledger", "Revenue from joint offers in the quarter", Lagging, 0, 50_000),
        new("fd-skills", "Capabilities gained", F, "CapabilityDevelopment", Count, HigherIsBetter,
            "Enablement log", "New skills, certifications or features delivered thanks to the partner", Leading, 0, 6),
        new("fd-brand-mentions", "Co-branded reach", F, "BrandEnhancement", Count, HigherIsBetter,
            "Marketing analytics", "People reached by co-branded campaigns in the quarter", Leading, 0, 100_000),
        new("fd-csat", "Customer satisfaction with the joint offer", F, "CustomerExperience", Percent, HigherIsBetter,
            "Customer survey", "Satisfied answers ÷ all answers × 100", Lagging, 60, 90),
        new("fd-ecosystem-intros", "Ecosystem introductions", F, "EcosystemGrowth", Count, HigherIsBetter,
            "CRM", "Introductions to third parties made through the partner", Leading, 0, 10),
    ]);

    public static IReadOnlyList<MetricTemplateSet> All { get; } = [Balanced, FiveDimension];

    public static MetricTemplateSet? Find(string? key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
}
