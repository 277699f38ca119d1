using Warmglow.Core.Measurement;
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

    [Fact]
    public void Quarters_BoundTheSubmissions_ReadAsWords_AndTheRecentOnesGoBackAcrossYears()
    {
        var q = Quarter.Of(new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal((new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc)), FunnelRules.Bounds(q));
        Assert.Equal("Q1 2026", FunnelRules.Describe(q));
        Assert.Equal(["2026-Q1", "2025-Q4", "2025-Q3"], FunnelRules.Recent(new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc), 3).Select(x => x.ToString()).ToArray());
    }
}
