using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class NpsTests
{
    [Fact]
    public void Compute_WorkedExample_Is20()
    {
        // Promoters 10, 9, 9, 10, 9 = 5 (50%); passives 8, 7 = 2; detractors 6, 5, 3 = 3 (30%) → 50 − 30 = 20
        var result = Nps.Compute([10, 9, 9, 8, 7, 6, 5, 10, 3, 9])!;

        Assert.Equal((10, 5, 2, 3), (result.Responses, result.Promoters, result.Passives, result.Detractors));
        Assert.Equal(50m, result.PromoterPercent);
        Assert.Equal(30m, result.DetractorPercent);
        Assert.Equal(20m, result.Score);
    }

    [Theory]
    [InlineData(new[] { 10, 9 }, 100)]
    [InlineData(new[] { 0, 6 }, -100)]
    [InlineData(new[] { 7, 8 }, 0)]      // all passives
    [InlineData(new[] { 9, 6 }, 0)]      // boundaries: 9 promotes, 6 detracts
    [InlineData(new[] { 8, 7, 0, 10 }, 0)]
    public void Compute_Boundaries(int[] answers, decimal expected)
    {
        Assert.Equal(expected, Nps.Compute(answers)!.Score);
    }

    [Fact]
    public void Compute_KeepsExactThirds()
    {
        // 1 promoter of 3 → 33.33…
        Assert.Equal(100m / 3m, Nps.Compute([10, 8, 7])!.Score);
    }

    [Fact]
    public void Compute_Empty_IsNull()
    {
        Assert.Null(Nps.Compute([]));
    }

    [Fact]
    public void Validate_AnswersOutside0To10_AreRefusedByIndex()
    {
        var errors = Nps.Validate([10, 11, -1, 0]).ToDictionary();

        Assert.Equal(["answers[1]", "answers[2]"], errors.Keys.Order());
        Assert.Throws<ArgumentException>(() => Nps.Compute([11]));
        Assert.False(Nps.Validate(null).IsEmpty);
    }
}
