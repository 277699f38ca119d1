using Warmglow.Core.Portfolio;

namespace Warmglow.Core.Tests.Portfolio;

public class TriageRulesTests
{
    [Theory]
    [InlineData(2, 2, 5, 5, TriageRecommendation.Sunset)]      // neither fits nor pays
    [InlineData(3, 2, 2, 2, TriageRecommendation.Sunset)]      // total 9
    [InlineData(3, 3, 2, 2, TriageRecommendation.Restructure)] // total 10
    [InlineData(4, 3, 3, 3, TriageRecommendation.Invest)]
    [InlineData(5, 5, 5, 5, TriageRecommendation.Invest)]
    [InlineData(4, 3, 2, 5, TriageRecommendation.Restructure)] // one weak dimension blocks the quick win
    [InlineData(3, 5, 5, 5, TriageRecommendation.Restructure)] // alignment 3 is not enough to invest
    [InlineData(1, 5, 4, 4, TriageRecommendation.Restructure)] // pays, does not fit: restructure, not sunset
    public void Recommend_AppliesTheRulesInOrder(int s, int v, int o, int r, TriageRecommendation expected) =>
        Assert.Equal(expected, Triage.Recommend(new TriageScores(s, v, o, r)).Recommendation);

    [Fact]
    public void Restructure_NamesTheWeakestDimensions()
    {
        var advice = Triage.Recommend(new TriageScores(4, 2, 2, 4));
        Assert.Equal("Keep, but fix value exchange (2) and operational efficiency (2).", advice.Why);
    }

    [Fact]
    public void Recommend_RefusesScoresOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Triage.Recommend(new TriageScores(0, 3, 3, 3)));

    [Fact]
    public void Validate_NamesEachBadField()
    {
        var errors = Triage.Validate(null, 6, 0, 3).ToList();
        Assert.Equal(["strategicAlignment", "valueExchange", "operationalEfficiency"], errors.Select(e => e.Field));
        Assert.Contains("from 1 to 5", errors[1].Message);
    }

    [Fact]
    public void Prefill_ReadsTheFigures_AndSaysWhatIsMissing()
    {
        var (s, missing) = Triage.Prefill(new TriageEvidence(85, 70, 50, 1_000_00, true, 200));
        Assert.Equal(new TriageScores(5, 5, 5, 4), s);
        Assert.Empty(missing);

        (s, missing) = Triage.Prefill(new TriageEvidence(null, null, null, 0, false, null));
        Assert.Equal(new TriageScores(3, 1, 3, 3), s);
        Assert.Equal(["strategic alignment", "operational efficiency", "relationship health"], missing);

        (s, _) = Triage.Prefill(new TriageEvidence(10, 30, null, 500, false, -20));
        Assert.Equal(new TriageScores(1, 3, 2, 2), s);
        Assert.Equal(4, Triage.Prefill(new TriageEvidence(50, 50, 50, 500, true, -5)).Scores.ValueExchange);
    }

    [Fact]
    public void Phases_DefaultToThreeTimesThreeMonths()
    {
        var phases = TriagePlanning.Phases(new DateOnly(2026, 1, 1), TriagePhases.Default);
        Assert.Equal(3, phases.Count);
        Assert.Equal(("months 1–3", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (phases[0].Months, phases[0].Starts, phases[0].Due));
        Assert.Equal(("months 4–6", new DateOnly(2026, 6, 30)), (phases[1].Months, phases[1].Due));
        Assert.Equal(("months 7–9", new DateOnly(2026, 9, 30)), (phases[2].Months, phases[2].Due));
    }

    [Fact]
    public void Phases_FollowCustomLengths_AndRecommendationsMapToPhases()
    {
        var phases = TriagePlanning.Phases(new DateOnly(2026, 12, 15), new TriagePhases(1, 2, 6));
        Assert.Equal("month 1", phases[0].Months);
        Assert.Equal(new DateOnly(2027, 1, 14), phases[0].Due);
        Assert.Equal("months 4–9", phases[2].Months);
        Assert.Equal(1, TriagePlanning.PhaseOf(TriageRecommendation.Invest));
        Assert.Equal(2, TriagePlanning.PhaseOf(TriageRecommendation.Restructure));
        Assert.Equal(3, TriagePlanning.PhaseOf(TriageRecommendation.Sunset));
    }

    [Fact]
    public void Phases_ValidateLengths()
    {
        Assert.Empty(TriagePlanning.Validate(TriagePhases.Default));
        Assert.Equal(["quickWinMonths"], TriagePlanning.Validate(new TriagePhases(0, 3, 3)).Select(e => e.Field));
        Assert.Contains(TriagePlanning.Validate(new TriagePhases(12, 12, 12)), e => e.Message.Contains("24 months"));
        Assert.Equal(33, TriagePlanning.ProgressPercent(1, 3));
        Assert.Equal(0, TriagePlanning.ProgressPercent(0, 0));
    }
}
