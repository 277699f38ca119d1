using Warmglow.Core.Scoring;
using D = Warmglow.Core.Scoring.CultureDimension;

namespace Warmglow.Core.Tests.Scoring;

public class CultureCheckTests
{
    [Fact]
    public void Check_ThreeOfFiveMatch_IsNotAligned()
    {
        //              speed  comms  risk  innovation  customer
        // ours           3      4     2        5          4
        // theirs         4      2     2        3          4
        // difference     1      2     0        2          0   → tolerance 1: 3 match
        var result = CultureCheck.Check(new(3, 4, 2, 5, 4), new(4, 2, 2, 3, 4));

        Assert.False(result.Aligned);
        Assert.Equal(3, result.Matches);
        Assert.Equal([new CultureGap(D.CommunicationStyle, 4, 2), new CultureGap(D.InnovationApproach, 5, 3)], result.Mismatches);
    }

    [Fact]
    public void Check_FourOfFiveMatch_IsAligned()
    {
        // Differences 1, 0, 3, 1, 0 → only risk tolerance mismatches.
        var result = CultureCheck.Check(new(3, 3, 1, 4, 5), new(2, 3, 4, 5, 5));

        Assert.True(result.Aligned);
        Assert.Equal(4, result.Matches);
        Assert.Equal([D.RiskTolerance], result.Mismatches.Select(m => m.Dimension));
        Assert.Equal(3, result.Mismatches[0].Difference);
    }

    [Fact]
    public void Check_AllMatch_IsAlignedWithNoMismatches()
    {
        var result = CultureCheck.Check(new(1, 2, 3, 4, 5), new(1, 2, 3, 4, 5));

        Assert.Equal((true, 5), (result.Aligned, result.Matches));
        Assert.Empty(result.Mismatches);
    }

    [Fact]
    public void Check_WiderTolerance_TurnsTheSameRatingsAligned()
    {
        CultureProfile ours = new(3, 4, 2, 5, 4), theirs = new(4, 2, 2, 3, 4);

        Assert.False(CultureCheck.Check(ours, theirs, tolerance: 1).Aligned);
        var wide = CultureCheck.Check(ours, theirs, tolerance: 2);
        Assert.Equal((true, 5, 2), (wide.Aligned, wide.Matches, wide.Tolerance));
    }

    [Fact]
    public void Check_ToleranceZero_NeedsEqualRatings()
    {
        var result = CultureCheck.Check(new(3, 3, 3, 3, 3), new(3, 3, 3, 4, 2), tolerance: 0);

        Assert.Equal((false, 3), (result.Aligned, result.Matches));
    }

    [Fact]
    public void Profile_IndexerReadsEachDimension()
    {
        var profile = new CultureProfile(1, 2, 3, 4, 5);

        Assert.Equal([1, 2, 3, 4, 5], CultureCheck.Dimensions.Select(d => profile[d]));
    }

    [Fact]
    public void Validate_RatingOutside1To5_IsRefusedWithCamelCaseFieldName()
    {
        var errors = CultureCheck.Validate(new(0, 3, 3, 3, 3), new(3, 3, 3, 3, 6)).ToDictionary();

        Assert.Equal(["must be a whole number from 1 to 5 (got 0)."], errors["ours.decisionMakingSpeed"]);
        Assert.Equal(["must be a whole number from 1 to 5 (got 6)."], errors["theirs.customerFocus"]);
    }

    [Fact]
    public void Validate_MissingSideAndBadTolerance_AreRefused()
    {
        var errors = CultureCheck.Validate(new(3, 3, 3, 3, 3), null, tolerance: -1).ToDictionary();

        Assert.Equal(["is required."], errors["theirs"]);
        Assert.True(errors.ContainsKey("tolerance"));
    }

    [Fact]
    public void Check_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => CultureCheck.Check(new(3, 3, 3, 3, 3), new(3, 3, 3, 3, 9)));
    }
}
