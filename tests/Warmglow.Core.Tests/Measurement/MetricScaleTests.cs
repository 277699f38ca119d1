using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class MetricScaleTests
{
    [Theory]
    // baseline 10, target 50, higher is better: (v − 10) / 40 × 100
    [InlineData(10, 0)]
    [InlineData(30, 50)]
    [InlineData(40, 75)]
    [InlineData(50, 100)]
    [InlineData(60, 100)]   // beyond the target: clamped
    [InlineData(0, 0)]      // below the baseline: clamped
    public void Normalize_HigherIsBetter_IsLinearFromBaselineToTarget(decimal value, decimal expected)
    {
        Assert.Equal(expected, new MetricScale(10, 50, MetricDirection.HigherIsBetter).Normalize(value));
    }

    [Theory]
    // baseline 20 days, target 10 days, lower is better: (v − 20) / (10 − 20) × 100
    [InlineData(20, 0)]
    [InlineData(12, 80)]
    [InlineData(15, 50)]
    [InlineData(10, 100)]
    [InlineData(5, 100)]    // better than the target: clamped
    [InlineData(25, 0)]     // worse than the baseline: clamped
    public void Normalize_LowerIsBetter_RewardsGoingDown(decimal value, decimal expected)
    {
        Assert.Equal(expected, new MetricScale(20, 10, MetricDirection.LowerIsBetter).Normalize(value));
    }

    [Fact]
    public void Normalize_KeepsTheExactQuotient()
    {
        // (1 − 0) / 3 × 100 = 33.33…
        Assert.Equal(100m / 3m, new MetricScale(0, 3, MetricDirection.HigherIsBetter).Normalize(1));
    }

    [Fact]
    public void Normalize_NegativeBaselineWorks()
    {
        // A margin from −10% to +10%: 0 is halfway.
        Assert.Equal(50m, new MetricScale(-10, 10, MetricDirection.HigherIsBetter).Normalize(0));
    }

    [Fact]
    public void Validate_BaselineEqualToTarget_IsRefused()
    {
        var errors = MetricScale.Validate(new MetricScale(5, 5, MetricDirection.HigherIsBetter));

        Assert.Contains("target", errors.ToDictionary().Keys);
        Assert.Throws<InvalidOperationException>(() => new MetricScale(5, 5, MetricDirection.HigherIsBetter).Normalize(5));
    }

    [Theory]
    [InlineData(50, 10, MetricDirection.HigherIsBetter)]
    [InlineData(10, 50, MetricDirection.LowerIsBetter)]
    public void Validate_DirectionContradictingTheOrder_IsRefused(decimal baseline, decimal target, MetricDirection direction)
    {
        var errors = MetricScale.Validate(new MetricScale(baseline, target, direction));

        Assert.Equal(["target"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validate_UnknownDirection_IsRefused()
    {
        Assert.Contains("direction", MetricScale.Validate(new MetricScale(0, 1, (MetricDirection)7)).ToDictionary().Keys);
    }

    [Fact]
    public void Validate_NullAndValid()
    {
        Assert.False(MetricScale.Validate(null).IsEmpty);
        Assert.True(MetricScale.Validate(new MetricScale(0, 1, MetricDirection.HigherIsBetter)).IsEmpty);
        Assert.True(MetricScale.Validate(new MetricScale(1, 0, MetricDirection.LowerIsBetter)).IsEmpty);
    }
}
