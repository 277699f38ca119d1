using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class RoiTests
{
    [Fact]
    public void Compute_WorkedExample()
    {
        // Costs: 100 h × 80 = 8,000 people time + 10,000 budget + 2,000 tools = 20,000.
        // Revenue 50,000 → (50,000 − 20,000) / 20,000 = 1.5 = 150%.
        var result = Roi.Compute(50_000m,
            [new PeopleTimeCost("Partner manager", 100, 80), new BudgetCost("Co-marketing", 10_000), new ToolCost("PRM licence", 2_000)]);

        Assert.Equal((8_000m, 10_000m, 2_000m, 20_000m), (result.PeopleTimeCosts, result.BudgetCosts, result.ToolCosts, result.TotalCosts));
        Assert.Equal(30_000m, result.NetReturn);
        Assert.Equal(1.5m, result.Ratio);
        Assert.Equal(150m, result.Percent);
        Assert.Null(result.UndefinedReason);
    }

    [Fact]
    public void Compute_RevenueBelowCosts_IsNegative()
    {
        // (5,000 − 20,000) / 20,000 = −0.75
        var result = Roi.Compute(5_000m, [new BudgetCost("Events", 20_000)]);

        Assert.Equal(-0.75m, result.Ratio);
        Assert.Equal(-75m, result.Percent);
    }

    [Fact]
    public void Compute_ZeroCosts_IsUndefinedWithAReason()
    {
        var none = Roi.Compute(10_000m, []);
        var zero = Roi.Compute(10_000m, [new PeopleTimeCost("Nobody", 0, 90)]);

        foreach (var result in new[] { none, zero })
        {
            Assert.Null(result.Ratio);
            Assert.Null(result.Percent);
            Assert.Equal(Roi.ZeroCostsReason, result.UndefinedReason);
            Assert.Equal(10_000m, result.NetReturn);
        }
    }

    [Fact]
    public void Compute_IntangiblesAreSummedApartAndNeverEnterTheRoi()
    {
        // Expected = 20,000 × 50% + 10,000 × 25% = 10,000 + 2,500 = 12,500
        var costs = new CostEntry[] { new BudgetCost("Budget", 10_000) };
        var without = Roi.Compute(15_000m, costs);
        var with = Roi.Compute(15_000m, costs,
            [new IntangibleValue("Brand trust", 20_000, 50), new IntangibleValue("Market access", 10_000, 25)]);

        Assert.Equal(12_500m, with.ExpectedIntangibleValue);
        Assert.Equal(30_000m, with.IntangibleEstimateTotal);
        Assert.Equal(without.Ratio, with.Ratio);
        Assert.Equal(0.5m, with.Ratio);
        Assert.Equal(0m, without.ExpectedIntangibleValue);
    }

    [Fact]
    public void CostEntries_KnowTheirKindAndAmount()
    {
        Assert.Equal((CostKind.PeopleTime, 750m), (new PeopleTimeCost("x", 7.5m, 100).Kind, new PeopleTimeCost("x", 7.5m, 100).Amount));
        Assert.Equal(CostKind.Budget, new BudgetCost("x", 1).Kind);
        Assert.Equal(CostKind.Tool, new ToolCost("x", 1).Kind);
    }

    [Fact]
    public void Validate_NamesEveryBadField()
    {
        var errors = Roi.Validate(-1m,
            [new PeopleTimeCost("", -1, -2), new BudgetCost("b", -3), new ToolCost("t", -4), null!],
            [new IntangibleValue(" ", -5, 101), new IntangibleValue("ok", 5, -1)]).ToDictionary();

        Assert.Equal(
        [
            "costs[0].description", "costs[0].hourlyRate", "costs[0].hours", "costs[1].cost", "costs[2].cost", "costs[3]",
            "influencedRevenue",
            "intangibles[0].confidencePercent", "intangibles[0].description", "intangibles[0].estimate", "intangibles[1].confidencePercent",
        ], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentException>(() => Roi.Compute(-1m, []));
    }

    [Fact]
    public void Validate_AcceptsConfidenceBounds()
    {
        Assert.True(Roi.Validate(0m, [], [new IntangibleValue("a", 1, 0), new IntangibleValue("b", 1, 100)]).IsEmpty);
        Assert.False(Roi.Validate(0m, null).IsEmpty);
    }
}
