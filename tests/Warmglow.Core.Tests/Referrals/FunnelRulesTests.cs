using Warmglow.Core.Referrals;

namespace Warmglow.Core.Tests.Referrals;

public class FunnelRulesTests
{
    [Fact]
    public void Median_OfAHistogram_IsTheMiddleValue_OrTheMeanOfTheTwoMiddleOnes()
    {
        Assert.Null(FunnelRules.Median([]));
        Assert.Null(FunnelRules.Median([(3, 0)]));
        Assert.Equal(5m, FunnelRules.Median([(5, 1)]));
        Assert.Equal(2m, FunnelRules.Median([(9, 1), (1, 1), (2, 1)]));      // 1, 2, 9 (unordered bins)
        Assert.Equal(4m, FunnelRules.Median([(2, 1), (6, 1)]));
        Assert.Equal(1.5m, FunnelRules.Median([(1, 2), (2, 2)]));           // 1, 1, 2, 2
        Assert.Equal(3m, FunnelRules.Median([(3, 10), (100, 3), (0, 2)]));  // a heavy bin holds the middle
    }

    [Theory]
    [InlineData(RegistrationStage.Submitted, false, false, new[] { FunnelStep.Registered })]
    [InlineData(RegistrationStage.Rejected, false, false, new[] { FunnelStep.Registered, FunnelStep.Rejected })]
    [InlineData(RegistrationStage.Approved, false, false, new[] { FunnelStep.Registered, FunnelStep.Approved })]
    [InlineData(RegistrationStage.Won, false, false, new[] { FunnelStep.Registered, FunnelStep.Approved, FunnelStep.Qualified, FunnelStep.Opportunity, FunnelStep.Won })]
    [InlineData(RegistrationStage.Lost, true, true, new[] { FunnelStep.Registered, FunnelStep.Approved, FunnelStep.Qualified, FunnelStep.Opportunity, FunnelStep.Lost })]
    [InlineData(RegistrationStage.Lost, false, false, new[] { FunnelStep.Registered, FunnelStep.Approved, FunnelStep.Lost })]
    [InlineData(RegistrationStage.Expired, true, false, new[] { FunnelStep.Registered, FunnelStep.Approved, FunnelStep.Qualified, FunnelStep.Expired })]
    public void EachStage_ReachedTheStepsBeforeIt(RegistrationStage stage, bool wasQualified, bool wasOpportunity, FunnelStep[] reached) =>
        Assert.Equal(reached, FunnelRules.Steps.Where(s => FunnelRules.Reached(s, stage, wasQualified, wasOpportunity)).ToArray());

    [Fact]
    public void Rates_AreRoundedAndNullWithoutAWhole()
    {
        Assert.Null(FunnelRules.Rate(0, 0));
        Assert.Equal(0.667m, FunnelRules.Rate(2, 3));
        Assert.Equal(0.5m, FunnelRules.WinRate(1, 1, 0));
        Assert.Null(FunnelRules.WinRate(0, 0, 0));
    }

    [Fact]
    public void WholeDays_CountFullDaysOnly_AndNeverBelowZero()
    {
        var t = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(0, FunnelRules.WholeDays(t, t.AddHours(23)));
        Assert.Equal(2, FunnelRules.WholeDays(t, t.AddDays(2.9)));
        Assert.Equal(0, FunnelRules.WholeDays(t, t.AddDays(-1)));
    }

    [Theory]
    [InlineData("2026-Q4", 2026, 4)]
    [InlineData("2026q1", 2026, 1)]
    [InlineData(" 2025-Q2 ", 2025, 2)]
    public void Quarters_Parse(string text, int year, int number) => Assert.Equal(new Quarter(year, number), Quarter.Parse(text));

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("Q4 2026")]
    [InlineData("someday")]
    [InlineData("1900-Q1")]
    public void NotQuarters_AreRefused(string text) => Assert.Null(Quarter.Parse(text));

    [Fact]
    public void Quarters_HaveTheirBounds_AndTheRecentOnesGoBackAcrossYears()
    {
        var q = Quarter.Of(new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new Quarter(2026, 1), q);
        Assert.Equal((new DateTime(2026, 1, 1), new DateTime(2026, 4, 1)), (q.Start, q.End));
        Assert.Equal("Q1 2026", q.Describe());
        Assert.Equal(["2026-Q1", "2025-Q4", "2025-Q3"], Quarter.Recent(new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc), 3).Select(x => x.ToString()).ToArray());
    }
}
