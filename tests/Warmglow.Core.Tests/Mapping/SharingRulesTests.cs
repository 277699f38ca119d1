using Warmglow.Core.Mapping;

namespace Warmglow.Core.Tests.Mapping;

public class SharingRulesTests
{
    static SharingRuleKey R(MappingSide owner, int ours, int theirs, SharingLevel level) => new(owner, ours, theirs, level);

    [Fact]
    public void NoRules_CountsOnly_ForBothViewers()
    {
        Assert.Equal(SharingLevel.Counts, SharingRules.LevelFor([], MappingSide.Ours, 1, 2));
        Assert.Equal(new CellAccess(true, false), SharingRules.Access([], MappingSide.Ours, 1, 2));
        Assert.Equal(new CellAccess(true, false), SharingRules.Access([], MappingSide.Partner, 1, 2));
    }

    [Fact]
    public void PairRule_BeatsPopulationRule_BeatsPartnershipRule()
    {
        SharingRuleKey[] rules = [R(MappingSide.Ours, 0, 0, SharingLevel.All), R(MappingSide.Ours, 1, 0, SharingLevel.Overlap), R(MappingSide.Ours, 1, 2, SharingLevel.Hidden)];
        Assert.Equal(SharingLevel.Hidden, SharingRules.LevelFor(rules, MappingSide.Ours, 1, 2));
        Assert.Equal(SharingLevel.Overlap, SharingRules.LevelFor(rules, MappingSide.Ours, 1, 3));
        Assert.Equal(SharingLevel.All, SharingRules.LevelFor(rules, MappingSide.Ours, 4, 3));
        // The partner's rules are theirs: ours do not set their level.
        Assert.Equal(SharingLevel.Counts, SharingRules.LevelFor(rules, MappingSide.Partner, 1, 2));
        // The partner's population rule is keyed by their population.
        Assert.Equal(SharingLevel.Hidden, SharingRules.LevelFor([R(MappingSide.Partner, 0, 7, SharingLevel.Hidden)], MappingSide.Partner, 1, 7));
    }

    [Fact]
    public void BothSidesApply_AHiddenSideHidesTheCount_RecordsNeedTheOtherSidesOverlap()
    {
        // We share overlaps; the partner shares counts only: the partner sees our overlapping records, we see only the count.
        SharingRuleKey[] rules = [R(MappingSide.Ours, 0, 0, SharingLevel.Overlap)];
        Assert.Equal(new CellAccess(true, false), SharingRules.Access(rules, MappingSide.Ours, 1, 2));
        Assert.Equal(new CellAccess(true, true), SharingRules.Access(rules, MappingSide.Partner, 1, 2));
        // The partner hides the pair: nobody sees the count, whatever we share.
        SharingRuleKey[] hidden = [R(MappingSide.Ours, 0, 0, SharingLevel.All), R(MappingSide.Partner, 1, 2, SharingLevel.Hidden)];
        Assert.Equal(CellAccess.None, SharingRules.Access(hidden, MappingSide.Ours, 1, 2));
        Assert.Equal(CellAccess.None, SharingRules.Access(hidden, MappingSide.Partner, 1, 2));
        Assert.Equal(new CellAccess(true, true), SharingRules.Access(hidden, MappingSide.Partner, 1, 3));
    }

    [Fact]
    public void WholePopulation_OnlyOwnOrAllAccounts()
    {
        Assert.True(SharingRules.CanListPopulation([], MappingSide.Ours, MappingSide.Ours, 1));
        Assert.False(SharingRules.CanListPopulation([R(MappingSide.Partner, 0, 0, SharingLevel.Overlap)], MappingSide.Ours, MappingSide.Partner, 5));
        Assert.True(SharingRules.CanListPopulation([R(MappingSide.Partner, 0, 5, SharingLevel.All)], MappingSide.Ours, MappingSide.Partner, 5));
        Assert.False(SharingRules.CanListPopulation([R(MappingSide.Partner, 0, 5, SharingLevel.All)], MappingSide.Ours, MappingSide.Partner, 6));
        // A pair rule of "all" does not open the whole population.
        Assert.False(SharingRules.CanListPopulation([R(MappingSide.Ours, 1, 2, SharingLevel.All)], MappingSide.Partner, MappingSide.Ours, 1));
    }

    [Theory]
    [InlineData("hidden", SharingLevel.Hidden)]
    [InlineData("Counts only", SharingLevel.Counts)]
    [InlineData("OVERLAP", SharingLevel.Overlap)]
    [InlineData("overlapping accounts", SharingLevel.Overlap)]
    [InlineData("all", SharingLevel.All)]
    public void Parse_KnownLevels(string text, SharingLevel level) => Assert.Equal(level, SharingRules.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("public")]
    [InlineData("3")]
    public void Parse_UnknownLevels_Null(string? text) => Assert.Null(SharingRules.Parse(text));
}
