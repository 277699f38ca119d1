using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class QuarterTests
{
    [Theory]
    [InlineData(2026, 1, 1, "2026-Q1")]
    [InlineData(2026, 3, 31, "2026-Q1")]
    [InlineData(2026, 4, 1, "2026-Q2")]
    [InlineData(2026, 9, 30, "2026-Q3")]
    [InlineData(2026, 12, 31, "2026-Q4")]
    public void Of_PutsADateInItsQuarter(int y, int m, int d, string label) =>
        Assert.Equal(label, Quarter.Of(new DateOnly(y, m, d)).Label);

    [Fact]
    public void StartAndEnd_AreInclusiveCalendarDates()
    {
        var q = new Quarter(2024, 1);
        Assert.Equal(new DateOnly(2024, 1, 1), q.Start);
        Assert.Equal(new DateOnly(2024, 3, 31), q.End);
        Assert.Equal(new DateOnly(2024, 12, 31), new Quarter(2024, 4).End);
    }

    [Fact]
    public void NextAndPrevious_CrossYears()
    {
        Assert.Equal(new Quarter(2027, 1), new Quarter(2026, 4).Next);
        Assert.Equal(new Quarter(2025, 4), new Quarter(2026, 1).Previous);
    }

    [Fact]
    public void Trailing_IsOldestFirstAndEndsWithThisQuarter()
    {
        var list = new Quarter(2026, 2).Trailing(4);
        Assert.Equal(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"], list.Select(q => q.Label));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(2026, 2).Trailing(0));
    }

    [Theory]
    [InlineData("2026-Q3", true, 2026, 3)]
    [InlineData(" 2026-q1 ", true, 2026, 1)]
    [InlineData("2026-Q5", false, 0, 0)]
    [InlineData("2026-Q0", false, 0, 0)]
    [InlineData("26-Q1", false, 0, 0)]
    [InlineData("Q1 2026", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    [InlineData(null, false, 0, 0)]
    public void TryParse_AcceptsOnlyYearDashQuarter(string? text, bool ok, int year, int number)
    {
        Assert.Equal(ok, Quarter.TryParse(text, out var q));
        if (ok) Assert.Equal(new Quarter(year, number), q);
    }

    [Fact]
    public void Compare_OrdersByYearThenQuarter()
    {
        Assert.True(new Quarter(2025, 4).CompareTo(new Quarter(2026, 1)) < 0);
        Assert.True(new Quarter(2026, 2).CompareTo(new Quarter(2026, 1)) > 0);
    }
}
