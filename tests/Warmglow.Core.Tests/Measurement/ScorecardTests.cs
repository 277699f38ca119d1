using Warmglow.Core.Measurement;
using static Warmglow.Core.Measurement.BalancedScorecardCategory;

namespace Warmglow.Core.Tests.Measurement;

public class ScorecardTests
{
    static ScorecardMetric<BalancedScorecardCategory> M(BalancedScorecardCategory c, decimal score, decimal? weight = null) => new(c, score, weight);

    [Fact]
    public void Balanced_DefaultWeightsAre30_25_25_20()
    {
        Assert.Equal([30m, 25m, 25m, 20m], Enum.GetValues<BalancedScorecardCategory>().Select(c => ScorecardFrames.Balanced.DefaultWeights[c]));
        Assert.True(Scorecard.ValidateWeights(ScorecardFrames.Balanced.DefaultWeights).IsEmpty);
    }

    [Fact]
    public void FiveDimension_HasFiveEqualWeightsTotalling100()
    {
        Assert.Equal(5, ScorecardFrames.FiveDimension.DefaultWeights.Count);
        Assert.All(ScorecardFrames.FiveDimension.DefaultWeights.Values, w => Assert.Equal(20m, w));
        Assert.True(Scorecard.ValidateWeights(ScorecardFrames.FiveDimension.DefaultWeights).IsEmpty);
    }

    [Fact]
    public void Compute_WorkedExample_Is74Point5()
    {
        // 0.30×80 + 0.25×60 + 0.25×70 + 0.20×90 = 24 + 15 + 17.5 + 18 = 74.5
        var result = Scorecard.Compute(ScorecardFrames.Balanced,
            [M(Financial, 80), M(StrategicAlignment, 60), M(OperationalEfficiency, 70), M(RelationshipHealth, 90)]);

        Assert.Equal(74.5m, result.Composite);
        Assert.False(result.IsPartial);
        Assert.Equal([0.30m, 0.25m, 0.25m, 0.20m], result.Categories.Select(c => c.EffectiveShare!.Value));
    }

    [Fact]
    public void Compute_CategoryScoreIsTheMeanOfItsMetrics()
    {
        // Financial: (70 + 90) / 2 = 80; the rest as in the worked example → 74.5 again.
        var result = Scorecard.Compute(ScorecardFrames.Balanced,
            [M(Financial, 70), M(Financial, 90), M(StrategicAlignment, 60), M(OperationalEfficiency, 70), M(RelationshipHealth, 90)]);

        var financial = result.Categories.Single(c => c.Category == Financial);
        Assert.Equal(80m, financial.Score);
        Assert.Equal(2, financial.MetricCount);
        Assert.Equal(74.5m, result.Composite);
    }

    [Fact]
    public void Compute_MetricWeightsMakeAWeightedMean_UnweightedCountingOne()
    {
        // (3×100 + 1×0) / 4 = 75; an unweighted metric counts 1: (3×100 + 0) / 4 again.
        var weighted = Scorecard.Compute(ScorecardFrames.Balanced, [M(Financial, 100, 3), M(Financial, 0, 1)]);
        var mixed = Scorecard.Compute(ScorecardFrames.Balanced, [M(Financial, 100, 3), M(Financial, 0)]);

        Assert.Equal(75m, weighted.Categories[0].Score);
        Assert.Equal(75m, mixed.Categories[0].Score);
    }

    [Fact]
    public void Compute_MissingCategories_RenormalizeOverThoseWithData()
    {
        // (30×80 + 20×90) / (30 + 20) = (2400 + 1800) / 50 = 84
        var result = Scorecard.Compute(ScorecardFrames.Balanced, [M(Financial, 80), M(RelationshipHealth, 90)]);

        Assert.Equal(84m, result.Composite);
        Assert.True(result.IsPartial);
        Assert.Equal([0.6m, null, null, 0.4m], result.Categories.Select(c => c.EffectiveShare));
        Assert.Equal([80m, null, null, 90m], result.Categories.Select(c => c.Score));
        Assert.Equal([30m, 25m, 25m, 20m], result.Categories.Select(c => c.Weight));
    }

    [Fact]
    public void Compute_NoData_IsNull()
    {
        var result = Scorecard.Compute(ScorecardFrames.Balanced, []);

        Assert.Null(result.Composite);
        Assert.All(result.Categories, c => Assert.Null(c.Score));
        Assert.Equal(4, result.Categories.Count);
    }

    [Fact]
    public void Compute_CustomWeights()
    {
        // 0.40×80 + 0.20×60 + 0.20×70 + 0.20×90 = 32 + 12 + 14 + 18 = 76
        var weights = new Dictionary<BalancedScorecardCategory, decimal> { [Financial] = 40, [StrategicAlignment] = 20, [OperationalEfficiency] = 20, [RelationshipHealth] = 20 };
        var result = Scorecard.Compute(weights,
            [M(Financial, 80), M(StrategicAlignment, 60), M(OperationalEfficiency, 70), M(RelationshipHealth, 90)]);

        Assert.Equal(76m, result.Composite);
    }

    [Fact]
    public void Compute_ZeroWeightCategoryIsLeftOut_AndOnlyZeroWeightDataGivesNull()
    {
        var weights = new Dictionary<BalancedScorecardCategory, decimal> { [Financial] = 50, [StrategicAlignment] = 50, [OperationalEfficiency] = 0, [RelationshipHealth] = 0 };

        Assert.Equal(70m, Scorecard.Compute(weights, [M(Financial, 80), M(StrategicAlignment, 60), M(OperationalEfficiency, 0)]).Composite);
        Assert.Null(Scorecard.Compute(weights, [M(OperationalEfficiency, 50)]).Composite);
    }

    [Fact]
    public void Compute_FiveDimensionFrame_SharesTheCode()
    {
        // Equal weights: (100 + 80 + 60 + 40 + 20) / 5 = 60
        var result = Scorecard.Compute(ScorecardFrames.FiveDimension,
        [
            new ScorecardMetric<ImpactDimension>(ImpactDimension.FinancialImpact, 100),
            new(ImpactDimension.CapabilityDevelopment, 80),
            new(ImpactDimension.BrandEnhancement, 60),
            new(ImpactDimension.CustomerExperience, 40),
            new(ImpactDimension.EcosystemGrowth, 20),
        ]);

        Assert.Equal(60m, result.Composite);
        Assert.Equal(Enum.GetValues<ImpactDimension>(), result.Categories.Select(c => c.Category));
    }

    [Fact]
    public void Compute_WithNormalizedMetricScales()
    {
        // Revenue 0 → 1,000,000, now 800,000 → 80; time to close 90 → 30 days, now 60 → 50. Equal share: (80×30 + 50×25) / 55
        var revenue = new MetricScale(0, 1_000_000, MetricDirection.HigherIsBetter).Normalize(800_000);
        var days = new MetricScale(90, 30, MetricDirection.LowerIsBetter).Normalize(60);
        var result = Scorecard.Compute(ScorecardFrames.Balanced, [M(Financial, revenue), M(OperationalEfficiency, days)]);

        Assert.Equal((80m * 30 + 50m * 25) / 55, result.Composite);
    }

    [Theory]
    [InlineData(30, 25, 25, 25)]   // 105
    [InlineData(30, 25, 25, 19)]   // 99
    [InlineData(25, 25, 25, 25.5)] // 100.5
    public void ValidateWeights_NotTotalling100_NamesWeights(decimal f, decimal s, decimal o, decimal r)
    {
        var weights = new Dictionary<BalancedScorecardCategory, decimal> { [Financial] = f, [StrategicAlignment] = s, [OperationalEfficiency] = o, [RelationshipHealth] = r };

        var errors = Scorecard.ValidateWeights(weights);

        Assert.Equal(["weights"], errors.ToDictionary().Keys);
        Assert.Throws<ArgumentException>(() => Scorecard.Compute(weights, [M(Financial, 50)]));
    }

    [Fact]
    public void ValidateWeights_MissingOrOutOfRangeCategory_NamesTheCategory()
    {
        var missing = new Dictionary<BalancedScorecardCategory, decimal> { [Financial] = 30, [StrategicAlignment] = 25, [OperationalEfficiency] = 45 };
        var negative = new Dictionary<BalancedScorecardCategory, decimal> { [Financial] = 130, [StrategicAlignment] = -10, [OperationalEfficiency] = -10, [RelationshipHealth] = -10 };

        Assert.Equal(["weights.RelationshipHealth"], Scorecard.ValidateWeights(missing).ToDictionary().Keys);
        Assert.Equal(4, Scorecard.ValidateWeights(negative).ToDictionary().Count);
        Assert.Equal(["weights"], Scorecard.ValidateWeights<BalancedScorecardCategory>(null).ToDictionary().Keys);
    }

    [Fact]
    public void Validate_BadMetrics_NameTheirFields()
    {
        var errors = Scorecard.Validate(ScorecardFrames.Balanced.DefaultWeights,
            [M(Financial, 101), M(Financial, -1), M(Financial, 50, 0), M((BalancedScorecardCategory)9, 50)]).ToDictionary();

        Assert.Equal(["metrics[0].score", "metrics[1].score", "metrics[2].weight", "metrics[3].category"], errors.Keys.Order());
        Assert.Contains("metrics", Scorecard.Validate(ScorecardFrames.Balanced.DefaultWeights, null).ToDictionary().Keys);
    }
}
