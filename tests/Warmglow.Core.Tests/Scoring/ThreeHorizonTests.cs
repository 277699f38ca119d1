using Warmglow.Core.Scoring;

namespace Warmglow.Core.Tests.Scoring;

public class ThreeHorizonTests
{
    [Theory]
    //          H1     H2     H3   covered onlyH1 none  flagged
    [InlineData(true, false, false, 1, true, false, true)]
    [InlineData(false, false, false, 0, false, true, true)]
    [InlineData(true, true, false, 2, false, false, false)]
    [InlineData(true, false, true, 2, false, false, false)]
    [InlineData(true, true, true, 3, false, false, false)]
    [InlineData(false, true, false, 1, false, false, false)]
    [InlineData(false, false, true, 1, false, false, false)]
    [InlineData(false, true, true, 2, false, false, false)]
    public void Assess_FlagsOnlyH1AndNone(bool h1, bool h2, bool h3, int covered, bool onlyH1, bool none, bool flagged)
    {
        var result = ThreeHorizon.Assess(new(h1, h2, h3));

        Assert.Equal((covered, onlyH1, none, flagged), (result.HorizonsCovered, result.OnlyH1, result.NoneCovered, result.Flagged));
        Assert.Equal(flagged, result.Warning is not null);
    }

    [Fact]
    public void Assess_OnlyH1_WarnsThatItTendsToBeShortLived()
    {
        Assert.Equal(ThreeHorizon.OnlyH1Warning, ThreeHorizon.Assess(new(true, false, false)).Warning);
        Assert.Contains("short-lived", ThreeHorizon.OnlyH1Warning);
    }

    [Fact]
    public void Assess_AllThree_SpansEveryHorizon()
    {
        Assert.True(ThreeHorizon.Assess(new(true, true, true, "co-sold deals", "joint API", "new vertical")).AllThree);
    }

    [Fact]
    public void Validate_NotesTooLong_AreRefused()
    {
        var errors = ThreeHorizon.Validate(new(true, true, false, H2Notes: new string('x', ThreeHorizon.NotesMax + 1))).ToDictionary();

        Assert.Equal(["h2Notes"], errors.Keys);
    }

    [Fact]
    public void Validate_NoNotes_IsFine()
    {
        Assert.True(ThreeHorizon.Validate(new(false, false, false)).IsEmpty);
    }
}
