using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class AlertsTests
{
    [Fact]
    public void CheckInNeeded_LowEngagementWithoutTask_IsTrue()
    {
        Assert.True(Alerts.CheckInNeeded(7, "2026-Q1", 59.9m, []));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(85)]
    public void CheckInNeeded_EngagementAtOrAbove60_IsFalse(decimal engagement)
    {
        Assert.False(Alerts.CheckInNeeded(7, "2026-Q1", engagement, []));
    }

    [Fact]
    public void CheckInNeeded_NoEngagement_IsFalse()
    {
        Assert.False(Alerts.CheckInNeeded(7, "2026-Q1", null, []));
    }

    [Fact]
    public void CheckInNeeded_RunTwice_OpensExactlyOneTask()
    {
        var tasks = new List<CheckInKey>();
        for (var run = 0; run < 2; run++)
            if (Alerts.CheckInNeeded(7, "2026-Q1", 40m, tasks)) tasks.Add(new CheckInKey(7, "2026-Q1"));

        Assert.Single(tasks);
    }

    [Fact]
    public void CheckInNeeded_TaskForAnotherPartnershipOrPeriod_DoesNotCount()
    {
        var tasks = new[] { new CheckInKey(8, "2026-Q1"), new CheckInKey(7, "2025-Q4") };

        Assert.True(Alerts.CheckInNeeded(7, "2026-Q1", 40m, tasks));
        Assert.False(Alerts.CheckInNeeded(7, " 2025-q4 ", 40m, tasks)); // same period, other spelling
    }

    static RedFlagInputs Healthy() => new([70m, 72m, 75m, 74m], new Dictionary<string, IReadOnlyList<decimal>>(), true, 0);

    [Fact]
    public void RedFlags_Healthy_IsEmpty()
    {
        Assert.Empty(Alerts.RedFlags(Healthy()));
    }

    [Fact]
    public void RedFlags_AllFour_InAFixedOrderWithReasons()
    {
        var inputs = new RedFlagInputs(
            [72m, 65m, 61m, 58m],
            new Dictionary<string, IReadOnlyList<decimal>>
            {
                ["Strategic alignment"] = [4m, 3.5m, 3m, 2.5m],
                ["Communication effectiveness"] = [4.5m, 4m, 3.8m, 3.2m],
                ["Value delivery"] = [3m, 3m, 3m, 3m],
            },
            HasSponsor: false,
            OverdueReviews: 2);

        var flags = Alerts.RedFlags(inputs);

        Assert.Equal(
            [RedFlagKind.DecliningEngagement, RedFlagKind.DecliningHealthDimension, RedFlagKind.DecliningHealthDimension, RedFlagKind.MissingSponsor, RedFlagKind.OverdueReviews],
            flags.Select(f => f.Kind));
        Assert.Equal([null, "Communication effectiveness", "Strategic alignment", null, null], flags.Select(f => f.Subject));
        Assert.Equal("Engagement has fallen 3 periods in a row (72 → 65 → 61 → 58).", flags[0].Reason);
        Assert.Equal("Strategic alignment has fallen 3 periods in a row (4 → 3.5 → 3 → 2.5).", flags[2].Reason);
        Assert.Equal("2 reviews are overdue.", flags[4].Reason);
    }

    [Fact]
    public void RedFlags_RecoveryOrTooFewPeriods_DoNotFlag()
    {
        var recovered = Healthy() with { EngagementSeries = [80m, 70m, 60m, 50m, 55m] };
        var short_ = Healthy() with { EngagementSeries = [80m, 70m, 60m] };

        Assert.Empty(Alerts.RedFlags(recovered));
        Assert.Empty(Alerts.RedFlags(short_));
        Assert.Single(Alerts.RedFlags(short_, consecutivePeriods: 2));
    }

    [Fact]
    public void RedFlags_OneOverdueReview_IsSingular()
    {
        Assert.Equal("1 review is overdue.", Alerts.RedFlags(Healthy() with { OverdueReviews = 1 }).Single().Reason);
    }

    [Fact]
    public void Validate_RefusesBadInputs()
    {
        var bad = new RedFlagInputs(null!, new Dictionary<string, IReadOnlyList<decimal>> { [" "] = [] , ["x"] = null! }, true, -1);

        Assert.Equal(["engagementSeries", "healthSeries", "healthSeries.x", "overdueReviews"], Alerts.Validate(bad).ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentException>(() => Alerts.RedFlags(bad));
    }
}
