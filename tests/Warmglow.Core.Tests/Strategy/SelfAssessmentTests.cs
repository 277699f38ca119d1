using Warmglow.Core.Strategy;
using D = Warmglow.Core.Strategy.SelfAssessmentDimension;

namespace Warmglow.Core.Tests.Strategy;

public class SelfAssessmentTests
{
    static SelfAssessmentScores Scores(params int[] s) =>
        new(new(s[0]), new(s[1]), new(s[2], "Known locally"), new(s[3]), new(s[4]), new(s[5]), new(s[6]));

    [Fact]
    public void Compare_GivesDeltaPerDimension_LaterMinusEarlier()
    {
        //            res exp mkt brand ops risk obj
        // January     2   3   2    4    3   2    3   = 19
        // June        3   3   4    4    2   2    5   = 23
        var result = SelfAssessment.Compare(Scores(2, 3, 2, 4, 3, 2, 3), Scores(3, 3, 4, 4, 2, 2, 5));

        Assert.Equal([1, 0, 2, 0, -1, 0, 2], result.Dimensions.Select(d => d.Delta));
        Assert.Equal(SelfAssessment.Dimensions, result.Dimensions.Select(d => d.Dimension));
        Assert.Equal((19, 23), (result.TotalFrom, result.TotalTo));
        Assert.Equal(19m / 7, result.AverageFrom);
        Assert.Equal(23m / 7, result.AverageTo);
        Assert.Equal(23m / 7 - 19m / 7, result.AverageDelta);
        Assert.Equal([D.Resources, D.MarketPosition, D.StrategicObjectives], result.Improved);
        Assert.Equal([D.OperationalCapacity], result.Declined);
        Assert.Equal([D.Expertise, D.BrandValues, D.RiskTolerance], result.Unchanged);
        Assert.Equal("Known locally", result.Dimensions[2].FromNotes);
    }

    [Fact]
    public void Compare_SameSnapshot_HasNoChange()
    {
        var s = Scores(5, 4, 3, 2, 1, 2, 3);
        var result = SelfAssessment.Compare(s, s);

        Assert.All(result.Dimensions, d => Assert.Equal(0, d.Delta));
        Assert.Equal(0m, result.AverageDelta);
        Assert.Empty(result.Improved);
        Assert.Empty(result.Declined);
        Assert.Equal(7, result.Unchanged.Count);
    }

    [Fact]
    public void Compare_ExtremesGiveDeltasOfFour()
    {
        var result = SelfAssessment.Compare(Scores(1, 1, 1, 1, 1, 1, 1), Scores(5, 5, 5, 5, 5, 5, 5));
        Assert.All(result.Dimensions, d => Assert.Equal(4, d.Delta));
        Assert.Equal(4m, result.AverageDelta);
    }

    [Fact]
    public void Compare_RefusesInvalidSnapshots()
    {
        var bad = Scores(1, 2, 3, 4, 5, 6, 1);
        Assert.Throws<ArgumentException>(() => SelfAssessment.Compare(bad, Scores(1, 1, 1, 1, 1, 1, 1)));
        Assert.Throws<ArgumentException>(() => SelfAssessment.Compare(Scores(1, 1, 1, 1, 1, 1, 1), bad with { Expertise = null }));
    }

    [Fact]
    public void Validate_NamesEachBadField()
    {
        var errors = SelfAssessment.Validate(new SelfAssessmentScores(new(0), null, new(6), new(3, new string('n', 2001)), new(1), new(5), new(3)))
            .ToDictionary();

        Assert.Equal(["brandValues.notes", "expertise", "marketPosition.score", "resources.score"], errors.Keys.Order());
        Assert.Contains("from 1 to 5 (got 0)", errors["resources.score"][0]);
        Assert.False(SelfAssessment.Validate(null).IsEmpty);
        Assert.True(SelfAssessment.Validate(Scores(1, 2, 3, 4, 5, 4, 3)).IsEmpty);
    }

    [Fact]
    public void JsonName_IsCamelCase() => Assert.Equal("operationalCapacity", SelfAssessment.JsonName(D.OperationalCapacity));
}
