using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class TrendsTests
{
    [Theory]
    [InlineData(new[] { 80.0, 75, 70, 65 }, true)]          // 3 drops in a row: exactly n + 1 points
    [InlineData(new[] { 50.0, 90, 80, 70, 60 }, true)]      // only the last 3 changes matter
    [InlineData(new[] { 80.0, 75, 70 }, false)]             // 3 points give only 2 changes
    [InlineData(new[] { 80.0, 75, 75, 70 }, false)]         // a plateau breaks the run
    [InlineData(new[] { 80.0, 75, 70, 65, 66 }, false)]     // recovery at the end clears it
    [InlineData(new[] { 60.0, 60, 60, 60 }, false)]         // equal values
    [InlineData(new double[0], false)]
    [InlineData(new[] { 10.0 }, false)]
    public void DecliningForConsecutivePeriods_Default3(double[] values, bool expected)
    {
        Assert.Equal(expected, Trends.DecliningForConsecutivePeriods(values.Select(v => (decimal)v).ToList()));
    }

    [Fact]
    public void DecliningForConsecutivePeriods_OtherN()
    {
        Assert.True(Trends.DecliningForConsecutivePeriods([5m, 4m], 1));
        Assert.False(Trends.DecliningForConsecutivePeriods([5m, 4m, 3m], 3));
        Assert.True(Trends.DecliningForConsecutivePeriods([5m, 4m, 3m, 2m, 1m], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trends.DecliningForConsecutivePeriods([5m, 4m], 0));
    }

    [Fact]
    public void Slope_IsLeastSquares()
    {
        // x = 0,1,2,3; y = 1,3,2,4: n=4, Σx=6, Σy=10, Σxy=0+3+4+12=19, Σx²=14 → (76 − 60) / (56 − 36) = 0.8
        Assert.Equal(0.8m, Trends.Slope([1m, 3m, 2m, 4m]));
        Assert.Equal(-10m, Trends.Slope([30m, 20m]));
        Assert.Equal(0m, Trends.Slope([7m, 7m, 7m]));
        Assert.Null(Trends.Slope([7m]));
        Assert.Null(Trends.Slope([]));
    }

    [Theory]
    [InlineData(new[] { 60.0, 65, 70, 75 }, Trend.Rising)]   // slope 5
    [InlineData(new[] { 75.0, 70, 65, 60 }, Trend.Falling)]  // slope −5
    [InlineData(new[] { 70.0, 70, 70 }, Trend.Flat)]
    [InlineData(new[] { 70.0, 70.5, 71 }, Trend.Flat)]       // slope 0.5 ≤ tolerance 1
    [InlineData(new[] { 70.0, 71 }, Trend.Flat)]             // slope exactly 1 is flat
    [InlineData(new[] { 80.0, 60, 70, 65, 50 }, Trend.Falling)] // noisy but falling: slope −5.5
    public void Classify_DefaultTolerance(double[] values, Trend expected)
    {
        Assert.Equal(expected, Trends.Classify(values.Select(v => (decimal)v).ToList()));
    }

    [Fact]
    public void Classify_FewerThanTwoPoints_IsNull_AndToleranceMatters()
    {
        Assert.Null(Trends.Classify([50m]));
        Assert.Equal(Trend.Rising, Trends.Classify([70m, 70.5m, 71m], 0m));
        Assert.Equal(Trend.Flat, Trends.Classify([60m, 65m, 70m], 5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trends.Classify([1m, 2m], -1m));
        Assert.Equal(["tolerance"], Trends.ValidateTolerance(-0.1m).ToDictionary().Keys);
        Assert.True(Trends.ValidateTolerance(0m).IsEmpty);
    }
}
