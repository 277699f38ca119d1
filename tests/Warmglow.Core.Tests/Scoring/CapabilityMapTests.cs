using Warmglow.Core.Scoring;

namespace Warmglow.Core.Tests.Scoring;

public class CapabilityMapTests
{
    // The seeds' wellness platform and food cooperative: digital community vs physical spaces.
    static readonly CapabilityProfile Platform = new(
        Strengths: ["Digital community tools", "Content", "Mobile app"],
        Gaps: ["Physical spaces", "Local events", "Logistics"]);

    static readonly CapabilityProfile Cooperative = new(
        Strengths: ["  physical SPACES ", "Local  events", "content"],
        Gaps: ["Digital engagement", "mobile app"]);

    [Fact]
    public void Compare_FindsWhereEachSideCoversTheOthersGaps()
    {
        // Our gaps: physical spaces ✓, local events ✓, logistics ✗. Their gaps: digital engagement ✗, mobile app ✓.
        // Covered 3 of 5 gaps → 60%.
        var map = CapabilityMap.Compare(Platform, Cooperative);

        Assert.Equal(["Physical spaces", "Local events"], map.TheyCoverOurGaps);
        Assert.Equal(["mobile app"], map.WeCoverTheirGaps);
        Assert.Equal(["Content"], map.Overlaps);
        Assert.Equal(["Logistics"], map.OurUncoveredGaps);
        Assert.Equal(["Digital engagement"], map.TheirUncoveredGaps);
        Assert.Empty(map.SharedGaps);
        Assert.Equal((5, 3, 60m), (map.GapCount, map.CoveredGapCount, map.ComplementarityPercent!.Value));
    }

    [Fact]
    public void Compare_SharedGap_IsUncoveredOnBothSides()
    {
        // Both lack logistics: 2 gaps each side, only "events" is covered → 1 of 4 = 25%.
        var ours = new CapabilityProfile(["Content"], ["Events", "Logistics"]);
        var theirs = new CapabilityProfile(["events"], ["logistics", "Billing"]);

        var map = CapabilityMap.Compare(ours, theirs);

        Assert.Equal(["Logistics"], map.SharedGaps);
        Assert.Equal(["Logistics"], map.OurUncoveredGaps);
        Assert.Equal(["logistics", "Billing"], map.TheirUncoveredGaps);
        Assert.Equal(25m, map.ComplementarityPercent);
    }

    [Fact]
    public void Compare_AllGapsCovered_Is100Percent()
    {
        var map = CapabilityMap.Compare(new(["A"], ["B"]), new(["B"], ["A"]));

        Assert.Equal(100m, map.ComplementarityPercent);
    }

    [Fact]
    public void Compare_NoGapsAtAll_PercentIsNull()
    {
        var map = CapabilityMap.Compare(new(["A"], []), new(["A", "B"], []));

        Assert.Null(map.ComplementarityPercent);
        Assert.Equal(0, map.GapCount);
        Assert.Equal(["A"], map.Overlaps);
    }

    [Fact]
    public void Compare_OneOfThreeGapsCovered_IsExactThird()
    {
        var map = CapabilityMap.Compare(new([], ["A", "B", "C"]), new(["b"], []));

        Assert.Equal(100m / 3m, map.ComplementarityPercent);
        Assert.Equal(33.3m, ScoreDisplay.Round(map.ComplementarityPercent));
    }

    [Fact]
    public void Compare_RepeatsWithinAListCountOnce()
    {
        var map = CapabilityMap.Compare(new([], ["CRM", " crm ", "Crm"]), new(["crm"], []));

        Assert.Equal((1, 1, 100m), (map.GapCount, map.CoveredGapCount, map.ComplementarityPercent!.Value));
    }

    [Theory]
    [InlineData("  Local   events ", "Local events")]
    [InlineData("CRM", "CRM")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Clean_TrimsAndCollapsesWhitespace(string? name, string expected)
    {
        Assert.Equal(expected, CapabilityMap.Clean(name));
    }

    [Fact]
    public void Validate_BlankName_IsRefusedNamingTheEntry()
    {
        var errors = CapabilityMap.Validate(new(["A", " "], []), Cooperative).ToDictionary();

        Assert.Equal(["must not be blank."], errors["ours.strengths[1]"]);
    }

    [Fact]
    public void Validate_SameCapabilityAsStrengthAndGap_IsRefused()
    {
        var errors = CapabilityMap.Validate(Platform, new(["Content"], ["Billing", "content"])).ToDictionary();

        Assert.Equal(["'content' is also listed as a strength; a capability is either a strength or a gap."], errors["theirs.gaps[1]"]);
    }

    [Fact]
    public void Validate_TooLongName_IsRefused()
    {
        var errors = CapabilityMap.Validate(Platform, new([new string('x', CapabilityMap.NameMax + 1)], [])).ToDictionary();

        Assert.True(errors.ContainsKey("theirs.strengths[0]"));
    }

    [Fact]
    public void Validate_MissingSide_IsRefused()
    {
        Assert.Equal(["is required."], CapabilityMap.Validate(null, Cooperative).ToDictionary()["ours"]);
    }

    [Fact]
    public void Validate_SeedProfiles_AreValid()
    {
        Assert.True(CapabilityMap.Validate(Platform, Cooperative).IsEmpty);
    }

    [Fact]
    public void Compare_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => CapabilityMap.Compare(new(["A"], ["a"]), Cooperative));
    }
}
