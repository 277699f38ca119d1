using Warmglow.Core.Scoring;

namespace Warmglow.Core.Tests.Scoring;

public class ValueEquationTests
{
    [Theory]
    // fit × resources / complexity
    [InlineData(8, 6, 4, 12)]       // 48 / 4
    [InlineData(9, 9, 2, 40.5)]     // 81 / 2
    [InlineData(10, 10, 1, 100)]    // the maximum
    [InlineData(1, 1, 10, 0.1)]     // the minimum
    [InlineData(7.5, 4, 5, 6)]      // 30 / 5, decimal inputs from averaged scores
    public void Compute_IsFitTimesResourcesOverComplexity(decimal fit, decimal resources, decimal complexity, decimal expected)
    {
        var value = ValueEquation.Compute(fit, resources, complexity);

        Assert.Equal(expected, value.Value);
        Assert.Equal((fit, resources, complexity), (value.StrategicFit, value.ResourceContribution, value.ImplementationComplexity));
    }

    [Fact]
    public void Compute_KeepsTheExactValueAndRoundsOnlyForDisplay()
    {
        // 7 × 5 / 3 = 35 / 3 = 11.666…
        var value = ValueEquation.Compute(7, 5, 3);

        Assert.Equal(35m / 3m, value.Value);
        Assert.Equal(11.67m, value.Rounded);
    }

    [Fact]
    public void Compute_RoundsHalfAwayFromZero()
    {
        // 1.5 × 1.15 / 1 = 1.725 exactly → 1.73 (Math.Round's default, half to even, would show 1.72).
        Assert.Equal(1.725m, ValueEquation.Compute(1.5m, 1.15m, 1).Value);
        Assert.Equal(1.73m, ValueEquation.Compute(1.5m, 1.15m, 1).Rounded);
    }

    [Fact]
    public void Compute_HighComplexityCanSinkAGoodFit()
    {
        // A great fit (9 × 8 = 72) that is hard to implement (9) is worth less than a modest one (6 × 6 = 36) that is easy (2).
        Assert.True(ValueEquation.Compute(9, 8, 9).Value < ValueEquation.Compute(6, 6, 2).Value);
        Assert.Equal((8m, 18m), (ValueEquation.Compute(9, 8, 9).Value, ValueEquation.Compute(6, 6, 2).Value));
    }

    [Theory]
    [InlineData(0, 5, 5, "strategicFit")]
    [InlineData(11, 5, 5, "strategicFit")]
    [InlineData(5, 0.5, 5, "resourceContribution")]
    [InlineData(5, 5, 0, "implementationComplexity")]
    [InlineData(5, 5, -2, "implementationComplexity")]
    [InlineData(5, 5, 10.01, "implementationComplexity")]
    public void Validate_InputOutside1To10_IsRefusedNamingTheField(decimal fit, decimal resources, decimal complexity, string field)
    {
        var errors = ValueEquation.Validate(fit, resources, complexity).ToDictionary();

        Assert.Equal([field], errors.Keys);
        Assert.StartsWith("must be from 1 to 10 (got ", errors[field][0]);
    }

    [Fact]
    public void Compute_ZeroComplexity_ThrowsInsteadOfDividingByZero()
    {
        var ex = Assert.Throws<ArgumentException>(() => ValueEquation.Compute(5, 5, 0));

        Assert.Contains("implementationComplexity", ex.Message);
    }
}
