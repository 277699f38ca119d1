using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class SurveyAggregationTests
{
    [Fact]
    public void Aggregate_ShowsMeansFromThreeResponses_HidesBelow()
    {
        var results = SurveyAggregation.Aggregate(new Dictionary<string, IReadOnlyList<int>>
        {
            ["Relationship quality"] = [4, 5, 3],          // 12 / 3 = 4
            ["Communication effectiveness"] = [2, 4],      // 2 responses: hidden
            ["Value delivery"] = [5, 4, 4, 2],             // 15 / 4 = 3.75
            ["Strategic alignment"] = [],
        });

        Assert.Equal(["Communication effectiveness", "Relationship quality", "Strategic alignment", "Value delivery"], results.Select(r => r.Dimension));
        Assert.Equal([null, 4m, null, 3.75m], results.Select(r => r.Mean));
        Assert.Equal([true, false, true, false], results.Select(r => r.Hidden));
        Assert.Equal([2, 3, 0, 4], results.Select(r => r.Responses));
        Assert.Equal("hidden: fewer than 3 responses", results[0].HiddenReason);
        Assert.Null(results[1].HiddenReason);
    }

    [Fact]
    public void Aggregate_KeepsExactMeans()
    {
        // (4 + 4 + 5) / 3 = 4.33…
        var result = SurveyAggregation.Aggregate(new Dictionary<string, IReadOnlyList<int>> { ["x"] = [4, 4, 5] }).Single();

        Assert.Equal(13m / 3m, result.Mean);
    }

    [Fact]
    public void MinimumResponses_Is3()
    {
        Assert.Equal(3, SurveyAggregation.MinimumResponses);
    }

    [Fact]
    public void Validate_AnswersOutside1To5_AreRefusedByDimensionAndIndex()
    {
        var answers = new Dictionary<string, IReadOnlyList<int>> { ["Value delivery"] = [0, 3, 6], ["ok"] = [1, 5] };

        Assert.Equal(["answers.Value delivery[0]", "answers.Value delivery[2]"], SurveyAggregation.Validate(answers).ToDictionary().Keys.Order());
        Assert.Throws<ArgumentException>(() => SurveyAggregation.Aggregate(answers));
    }

    [Fact]
    public void Validate_BlankOrCaseDuplicateDimensions()
    {
        var answers = new Dictionary<string, IReadOnlyList<int>> { [" "] = [3], ["Trust"] = [3], ["trust"] = [3], ["none"] = null! };

        Assert.Equal(["answers", "answers.none", "answers.trust"], SurveyAggregation.Validate(answers).ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.False(SurveyAggregation.Validate(null).IsEmpty);
    }
}
