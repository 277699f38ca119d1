using Warmglow.Core.Revenue;

namespace Warmglow.Core.Tests.Revenue;

public class AllocationTests
{
    [Fact]
    public void SixtyFortyOf100_01_GivesTheOddCentToTheSixtyPercentParty()
    {
        // 10,001 cents: quotas 6,000.6 and 4,000.4 → floors 6,000 + 4,000 = 10,000; the one cent left goes to the
        // larger remainder (0.6 > 0.4), i.e. the 60% party — not by index, by remainder.
        Assert.Equal([60.01m, 40.00m], Allocation.LargestRemainder(100.01m, [60m, 40m], 2));
        // Listed the other way round the same party still gets it: the remainder decides, not the position.
        Assert.Equal([40.00m, 60.01m], Allocation.LargestRemainder(100.01m, [40m, 60m], 2));
    }

    [Fact]
    public void EqualRemainders_GoToTheLowerIndex()
    {
        // 100 cents in thirds: 33.33… each, remainders all equal → the first party gets the cent.
        Assert.Equal([0.34m, 0.33m, 0.33m], Allocation.LargestRemainder(1.00m, [1m, 1m, 1m], 2));
        // 0.01 at 50/50: tie → first.
        Assert.Equal([0.01m, 0m], Allocation.LargestRemainder(0.01m, [50m, 50m], 2));
        // 2 cents in thirds: the first two parties.
        Assert.Equal([0.01m, 0.01m, 0m], Allocation.LargestRemainder(0.02m, [1m, 1m, 1m], 2));
    }

    [Fact]
    public void NegativeTotals_AreTheMirrorImageOfPositiveOnes()
    {
        Assert.Equal([-60.01m, -40.00m], Allocation.LargestRemainder(-100.01m, [60m, 40m], 2));
        Assert.Equal([-0.34m, -0.33m, -0.33m], Allocation.LargestRemainder(-1.00m, [1m, 1m, 1m], 2));
    }

    [Fact]
    public void ZeroMinorUnits_AllocatesWholeYen()
    {
        // 1,001 yen at 60/40: 600.6 / 400.4 → 601 / 400.
        Assert.Equal([601m, 400m], Allocation.LargestRemainder(1001m, [60m, 40m], 0));
    }

    [Fact]
    public void ZeroWeight_NeverGetsAMinorUnit()
    {
        Assert.Equal([0.34m, 0m, 0.33m, 0.33m], Allocation.LargestRemainder(1.00m, [1m, 0m, 1m, 1m], 2));
        Assert.Equal([0m, 0m], Allocation.LargestRemainder(0m, [1m, 1m], 2));
    }

    [Fact]
    public void ExactQuotas_AreNotDisturbed()
    {
        Assert.Equal([600m, 400m], Allocation.LargestRemainder(1000m, [300m, 200m], 2));
        Assert.Equal([33.33m, 66.67m], Allocation.LargestRemainder(100m, [1m, 2m], 2));
    }

    [Fact]
    public void WeightsWithMoreDigitsThanDecimalHolds_StillSumExactly()
    {
        // 1/3 and 1/7 are rounded at 28 digits, so the sums of the quotas are not exact; the total still is.
        var thirds = Allocation.LargestRemainder(100m, [1m / 3m, 1m / 3m, 1m / 3m], 2);
        Assert.Equal([33.34m, 33.33m, 33.33m], thirds);
        var sevenths = Allocation.LargestRemainder(-12_345.67m, [1m / 7m, 2m / 7m, 4m / 7m, 0m], 2);
        Assert.Equal(-12_345.67m, sevenths.Sum());
        Assert.Equal(0m, sevenths[3]);
    }

    [Fact]
    public void RefusesUnusableInput()
    {
        Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(100.001m, [1m], 2));
        Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(10.5m, [1m], 0));
        Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(100m, [], 2));
        Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(100m, [60m, -40m], 2));
        Assert.Throws<ArgumentException>(() => Allocation.LargestRemainder(100m, [0m, 0m], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Allocation.LargestRemainder(100m, [1m], 5));
    }

    [Theory]
    [InlineData("0.125", 2, "0.13")]
    [InlineData("-0.125", 2, "-0.13")]
    [InlineData("0.124", 2, "0.12")]
    [InlineData("2.5", 0, "3")]
    [InlineData("-2.5", 0, "-3")]
    public void RoundToMinor_RoundsHalfAwayFromZero(string amount, int minorUnits, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.RoundToMinor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), minorUnits));
    }

    [Fact]
    public void FitsMinorUnits_AllowsTrailingZerosButNotExtraDecimals()
    {
        Assert.True(Money.FitsMinorUnits(12.50m, 2));
        Assert.True(Money.FitsMinorUnits(12.5000m, 2));
        Assert.False(Money.FitsMinorUnits(12.505m, 2));
        Assert.True(Money.FitsMinorUnits(1500m, 0));
        Assert.False(Money.FitsMinorUnits(1500.5m, 0));
    }

    [Fact]
    public void Format_ShowsTheMinorUnits()
    {
        Assert.Equal("40.00", Money.Format(40m, 2));
        Assert.Equal("-60.01", Money.Format(-60.01m, 2));
        Assert.Equal("1500", Money.Format(1500m, 0));
    }

    [Fact]
    public void Display_GroupsThousands_ForPeople_WhileFormatStaysPlainForFiles()
    {
        Assert.Equal("1,234,567.50", Money.Display(1234567.5m, 2));
        Assert.Equal("-1,000.01", Money.Display(-1000.005m, 2));
        Assert.Equal("1,500", Money.Display(1500m, 0));
        Assert.Equal("1234567.50", Money.Format(1234567.5m, 2));
    }

    [Fact]
    public void Currency_KnowsTheListAndItsMinorUnits()
    {
        Assert.Equal(15, Currency.Known.Count);
        Assert.Equal(new Currency("JPY", 0), Currency.Find("JPY"));
        Assert.Equal(new Currency("EUR", 2), Currency.Find(" eur "));
        Assert.All(Currency.Known.Where(c => c.Code != "JPY"), c => Assert.Equal(2, c.MinorUnits));
        Assert.Null(Currency.Find("XYZ"));
        Assert.Null(Currency.Find(null));
        Assert.Null(Currency.Find(""));
    }
}
