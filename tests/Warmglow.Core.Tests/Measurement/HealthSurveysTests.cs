using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class HealthSurveysTests
{
    static readonly IReadOnlyList<SurveyQuestion> Q = HealthSurveys.Pulse.Questions;

    static Dictionary<string, SurveyAnswerInput?> Valid() => new()
    {
        ["relationship"] = new(4, null), ["communication"] = new(3, null), ["alignment"] = new(5, null),
        ["value"] = new(1, null), ["nps"] = new(9, null),
    };

    [Fact]
    public void Templates_CoverTheFourDimensionsAndNps()
    {
        foreach (var t in HealthSurveys.Templates)
        {
            Assert.Equal(HealthSurveys.Dimensions.Order(), t.Questions.Where(q => q.Kind == QuestionKind.Likert).Select(q => q.Dimension!).Distinct().Order());
            Assert.Single(t.Questions, q => q.Kind == QuestionKind.Nps);
            Assert.Equal(t.Questions.Count, t.Questions.Select(q => q.Key).Distinct().Count());
        }
        Assert.Contains(HealthSurveys.Quarterly.Questions, q => q.Kind == QuestionKind.Text && q.Key == "connection");
    }

    [Fact]
    public void Validate_AcceptsACompleteAnswer() => Assert.True(HealthSurveys.Validate(Q, Valid()).IsEmpty);

    [Theory]
    [InlineData("relationship", 0)]
    [InlineData("relationship", 6)]
    [InlineData("nps", -1)]
    [InlineData("nps", 11)]
    public void Validate_RefusesScoresOutOfRange_NamingTheField(string key, int score)
    {
        var answers = Valid();
        answers[key] = new(score, null);
        var errors = HealthSurveys.Validate(Q, answers);
        Assert.Equal([$"answers.{key}"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validate_NpsAcceptsTheWholeRange()
    {
        foreach (var s in new[] { 0, 10 })
        {
            var answers = Valid();
            answers["nps"] = new(s, null);
            Assert.True(HealthSurveys.Validate(Q, answers).IsEmpty);
        }
    }

    [Fact]
    public void Validate_RefusesMissingRequiredAndUnknownQuestions()
    {
        var answers = Valid();
        answers.Remove("value");
        answers["mood"] = new(3, null);
        var errors = HealthSurveys.Validate(Q, answers).ToDictionary();
        Assert.Contains("answers.value", errors.Keys);
        Assert.Contains("answers.mood", errors.Keys);
    }

    [Fact]
    public void Validate_RefusesNoAnswersAtAll()
    {
        Assert.Equal(["answers"], HealthSurveys.Validate(Q, null).ToDictionary().Keys);
        Assert.Equal(["answers"], HealthSurveys.Validate(Q, new Dictionary<string, SurveyAnswerInput?>()).ToDictionary().Keys);
    }

    [Fact]
    public void Validate_TextQuestions_TakeTextOptionallyAndBounded()
    {
        var qs = HealthSurveys.Quarterly.Questions;
        var answers = qs.Where(q => q.Kind != QuestionKind.Text).ToDictionary(q => q.Key, q => (SurveyAnswerInput?)new(q.Kind == QuestionKind.Nps ? 8 : 4, null));
        Assert.True(HealthSurveys.Validate(qs, answers).IsEmpty); // optional text left out
        answers["connection"] = new(3, null);
        Assert.Contains("answers.connection", HealthSurveys.Validate(qs, answers).ToDictionary().Keys);
        answers["connection"] = new(null, new string('x', HealthSurveys.MaxTextLength + 1));
        Assert.Contains("answers.connection", HealthSurveys.Validate(qs, answers).ToDictionary().Keys);
        answers["connection"] = new(null, "Close and warm.");
        Assert.True(HealthSurveys.Validate(qs, answers).IsEmpty);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 50)]
    [InlineData(5, 100)]
    [InlineData(4.5, 87.5)]
    public void ToPercent_MapsTheLikertScale(decimal mean, decimal percent) => Assert.Equal(percent, HealthSurveys.ToPercent(mean));
}

public class SurveyRespondentAggregationTests
{
    static IReadOnlyList<IReadOnlyList<int>> R(params int[][] respondents) => respondents.Select(r => (IReadOnlyList<int>)r).ToList();

    [Fact]
    public void TwoRespondentsWithTwoAnswersEach_StayHidden()
    {
        var result = Assert.Single(SurveyRespondentAggregation.Aggregate(new Dictionary<string, IReadOnlyList<IReadOnlyList<int>>>
        {
            ["Value delivery"] = R([4, 5], [2, 3]),
        }));
        Assert.True(result.Hidden);
        Assert.Null(result.Mean);
        Assert.Equal(2, result.Responses);
    }

    [Fact]
    public void ThreeRespondents_ShowTheExactMeanOfAllAnswers()
    {
        var result = Assert.Single(SurveyRespondentAggregation.Aggregate(new Dictionary<string, IReadOnlyList<IReadOnlyList<int>>>
        {
            ["Value delivery"] = R([4, 5], [2, 3], [1, 1]),
        }));
        Assert.False(result.Hidden);
        Assert.Equal(3, result.Responses);
        Assert.Equal(16m / 6m, result.Mean);
    }

    [Fact]
    public void OutOfRangeAnswers_Throw() =>
        Assert.Throws<ArgumentException>(() => SurveyRespondentAggregation.Aggregate(new Dictionary<string, IReadOnlyList<IReadOnlyList<int>>>
        {
            ["Value delivery"] = R([6], [2], [3]),
        }));
}
