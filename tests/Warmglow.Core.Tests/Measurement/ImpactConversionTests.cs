using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class ImpactConversionTests
{
    [Theory]
    // 100 journal entries → 1 tree
    [InlineData(0, 0, 0, 0, 100)]
    [InlineData(99, 0, 99, 0.99, 1)]
    [InlineData(100, 1, 0, 0, 100)]
    [InlineData(250, 2, 50, 0.5, 50)]
    [InlineData(1234, 12, 34, 0.34, 66)]
    public void Achieve_FloorsAndReportsTheRemainder(decimal activity, decimal units, decimal remainder, decimal progress, decimal toNext)
    {
        var result = new ImpactConversion(100).Achieve(activity);

        Assert.Equal((activity, units, remainder, progress, toNext),
            (result.Activity, result.Units, result.Remainder, result.ProgressToNext, result.ActivityToNext));
    }

    [Fact]
    public void Achieve_FractionalRatio()
    {
        // 2.5 kg of plastic per unit; 7 kg → 2 units, 2 kg towards the third (0.8).
        var result = new ImpactConversion(2.5m).Achieve(7m);

        Assert.Equal((2m, 2m, 0.8m), (result.Units, result.Remainder, result.ProgressToNext));
    }

    [Fact]
    public void Achieve_UnitsTimesRatioPlusRemainderIsTheActivity()
    {
        var conversion = new ImpactConversion(3m);
        foreach (var activity in new[] { 1m, 10m, 100m, 1_000_000m, 0.1m })
        {
            var result = conversion.Achieve(activity);
            Assert.Equal(activity, result.Units * 3m + result.Remainder);
            Assert.InRange(result.Remainder, 0m, 2.9999999m);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Validate_RatioMustBePositive(decimal ratio)
    {
        Assert.Equal(["activityPerImpact"], ImpactConversion.Validate(new ImpactConversion(ratio)).ToDictionary().Keys);
        Assert.Throws<InvalidOperationException>(() => new ImpactConversion(ratio).Achieve(10));
    }

    [Fact]
    public void Achieve_NegativeActivity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImpactConversion(100).Achieve(-1));
        Assert.False(ImpactConversion.Validate(null).IsEmpty);
    }
}
