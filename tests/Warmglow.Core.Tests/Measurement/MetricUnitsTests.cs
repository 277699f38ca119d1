using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class MetricUnitsTests
{
    [Theory]
    [InlineData(MetricUnit.Percent, "0")]
    [InlineData(MetricUnit.Percent, "100")]
    [InlineData(MetricUnit.Percent, "37.25")]
    [InlineData(MetricUnit.Count, "12")]
    [InlineData(MetricUnit.Count, "12.000")]
    [InlineData(MetricUnit.Currency, "-1500.50")]
    [InlineData(MetricUnit.Days, "3.5")]
    [InlineData(MetricUnit.Number, "-2.1234")]
    [InlineData(MetricUnit.Score, "80")]
    public void ValidateValue_AcceptsValuesTheUnitCanTake(MetricUnit unit, string value) =>
        Assert.True(MetricUnits.ValidateValue(unit, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "value").IsEmpty);

    [Theory]
    [InlineData(MetricUnit.Percent, "100.01", "0 to 100")]
    [InlineData(MetricUnit.Percent, "-1", "0 to 100")]
    [InlineData(MetricUnit.Percent, "12.345", "2 decimals")]
    [InlineData(MetricUnit.Count, "2.5", "whole number")]
    [InlineData(MetricUnit.Count, "-3", "negative")]
    [InlineData(MetricUnit.Currency, "10.001", "2 decimals")]
    [InlineData(MetricUnit.Days, "-1", "negative")]
    [InlineData(MetricUnit.Number, "1.00001", "4 decimals")]
    [InlineData(MetricUnit.Number, "1000000000001", "at most")]
    [InlineData(MetricUnit.Score, "101", "0 to 100")]
    public void ValidateValue_RefusesWrongUnitValues_NamingTheField(MetricUnit unit, string value, string expected)
    {
        var errors = MetricUnits.ValidateValue(unit, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "rows[3].value");
        var message = Assert.Single(errors.ToDictionary()["rows[3].value"]);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void ValidateValue_Currency_UsesTheCurrencysMinorUnits()
    {
        Assert.False(MetricUnits.ValidateValue(MetricUnit.Currency, 10.5m, "v", currencyMinorUnits: 0).IsEmpty);
        Assert.True(MetricUnits.ValidateValue(MetricUnit.Currency, 10.125m, "v", currencyMinorUnits: 3).IsEmpty);
    }

    [Fact]
    public void Decimals_IgnoresTrailingZeros() => Assert.Equal(1, MetricUnits.Decimals(1.50m));

    // Worked example across the Core pieces the dashboards combine: normalize, then composite with 30/25/25/20.
    [Fact]
    public void Composite_WorkedExample_NormalizesClampsAndWeights()
    {
        var revenue = new MetricScale(100_000m, 200_000m, MetricDirection.HigherIsBetter).Normalize(150_000m);   // 50
        var alignment = new MetricScale(40m, 80m, MetricDirection.HigherIsBetter).Normalize(90m);               // 100 (clamped)
        var cycle = new MetricScale(30m, 10m, MetricDirection.LowerIsBetter).Normalize(25m);                    // 25
        var nps = new MetricScale(0m, 50m, MetricDirection.HigherIsBetter).Normalize(-10m);                     // 0 (clamped)
        Assert.Equal([50m, 100m, 25m, 0m], new[] { revenue, alignment, cycle, nps });
        var result = Scorecard.Compute(ScorecardFrames.Balanced, [
            new(BalancedScorecardCategory.Financial, revenue),
            new(BalancedScorecardCategory.StrategicAlignment, alignment),
            new(BalancedScorecardCategory.OperationalEfficiency, cycle),
            new(BalancedScorecardCategory.RelationshipHealth, nps),
        ]);
        // 0.30×50 + 0.25×100 + 0.25×25 + 0.20×0 = 15 + 25 + 6.25 + 0 = 46.25
        Assert.Equal(46.25m, result.Composite);
    }

    // Lower is better (days to resolve, baseline 30, target 10): values falling 28 → 24 → 20 → 16 are progress
    // 10 → 30 → 50 → 70, a slope of +20 a period: improving, although the raw values decline.
    [Fact]
    public void Trend_OnProgress_IsDirectionAware_AndSeesBeyondTheTarget()
    {
        var scale = new MetricScale(30m, 10m, MetricDirection.LowerIsBetter);
        var progress = new[] { 28m, 24m, 20m, 16m }.Select(scale.Progress).ToList();
        Assert.Equal([10m, 30m, 50m, 70m], progress);
        Assert.Equal(Trend.Rising, Trends.Classify(progress));
        Assert.Equal(Trend.Falling, Trends.Classify(new[] { 28m, 24m, 20m, 16m }));
        // Past the target the clamped score is flat at 100, the progress keeps rising.
        var beyond = new[] { 8m, 6m, 4m }.Select(scale.Progress).ToList();
        Assert.Equal([110m, 120m, 130m], beyond);
        Assert.Equal(Trend.Flat, Trends.Classify(new[] { 8m, 6m, 4m }.Select(scale.Normalize).ToList()));
        Assert.Equal(Trend.Rising, Trends.Classify(beyond));
        // A decline over three consecutive periods (the red flag) needs four points.
        Assert.True(Trends.DecliningForConsecutivePeriods(new[] { 70m, 50m, 30m, 10m }));
        Assert.False(Trends.DecliningForConsecutivePeriods(new[] { 50m, 30m, 10m }));
    }

    [Fact]
    public void Roi_WorkedExample_PeopleTimeBudgetTools_IntangiblesApart()
    {
        var result = Roi.Compute(5_000m, [new PeopleTimeCost("Manager", 10m, 50m), new BudgetCost("Event", 1_000m), new ToolCost("Licence", 500m)],
            [new IntangibleValue("Trust", 10_000m, 30m)]);
        Assert.Equal(2_000m, result.TotalCosts);
        Assert.Equal(1.5m, result.Ratio);          // (5000 − 2000) / 2000
        Assert.Equal(3_000m, result.ExpectedIntangibleValue);
    }
}
