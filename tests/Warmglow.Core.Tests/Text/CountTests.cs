using Warmglow.Core.Text;
using Xunit;

namespace Warmglow.Core.Tests.Text;

public sealed class CountTests
{
    [Theory]
    [InlineData(1, "entry", "1 entry")]
    [InlineData(2, "entry", "2 entries")]
    [InlineData(0, "partner", "0 partners")]
    [InlineData(3, "match", "3 matches")]
    [InlineData(2, "day", "2 days")]
    [InlineData(2, "status", "2 statuses")]
    [InlineData(12345, "round", "12,345 rounds")]
    public void Count_PutsTheNounInTheRightNumber(long count, string noun, string expected) =>
        Assert.Equal(expected, Labels.Count(count, noun));

    [Fact]
    public void Count_TakesAnIrregularPlural() => Assert.Equal("2 people", Labels.Count(2, "person", "people"));
}
