using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Text;

namespace Warmglow.Core.Tests.Text;

public class LabelsTests
{
    [Theory]
    [InlineData("VeryHigh", "Very high")]
    [InlineData("NeedsCheckIn", "Needs check in")]
    [InlineData("Pool", "Pool")]
    [InlineData("PartnershipCharter", "Partnership charter")]
    [InlineData("Q4", "Q4")]
    [InlineData("APIKey", "API key")]
    public void Words_SplitsIdentifiersIntoSentenceCase(string identifier, string expected) => Assert.Equal(expected, Labels.Words(identifier));

    [Fact]
    public void Of_PrefersTheDisplayName()
    {
        Assert.Equal("Needs a check-in", Labels.Of(EngagementBand.NeedsCheckIn));
        Assert.Equal("Steady", Labels.Of(EngagementBand.Steady));
        Assert.Equal("Very high", Labels.Of(Level.VeryHigh));
    }
}
