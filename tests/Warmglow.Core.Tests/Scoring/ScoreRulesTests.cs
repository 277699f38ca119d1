using Warmglow.Core.Scoring;

namespace Warmglow.Core.Tests.Scoring;

public class ScoreRulesTests
{
    // Weights 3 / 1 / 1: a1 60%, a2 20%, b1 20%. a1 and b1 on 1–5, a2 on 1–10.
    static readonly ScorecardTemplate Small = new("small", "Small", "", [
        new("A", [new("a1", "A one", 3, 5), new("a2", "A two", 1, 10)]),
        new("B", [new("b1", "B one", 1, 5)]),
    ]);

    static Dictionary<string, int> Scores(int a1, int a2, int b1) => new() { ["a1"] = a1, ["a2"] = a2, ["b1"] = b1 };

    static Evaluation Eval(string who, int a1, int a2, int b1) => new(who, Scores(a1, a2, b1));

    /// <summary>A one-criterion template on the given scale, for spread and deviation cases.</summary>
    static ScorecardTemplate One(int scaleMax) => new("one", "One", "", [new("D", [new("c", "C", 1, scaleMax)])]);

    static CriterionScore ScoreOne(int scaleMax, params int[] values) =>
        ScoreRules.Combine(One(scaleMax), values.Select((v, i) => new Evaluation($"e{i}", new Dictionary<string, int> { ["c"] = v })).ToList())
            .Criteria.Single();

    // ---- Normalize ----

    [Theory]
    [InlineData(1, 5, 0)]
    [InlineData(2, 5, 25)]
    [InlineData(3, 5, 50)]
    [InlineData(4, 5, 75)]
    [InlineData(5, 5, 100)]
    [InlineData(1, 10, 0)]
    [InlineData(10, 10, 100)]
    public void Normalize_MapsTheScaleLinearlyOnto0To100(int score, int scaleMax, int expected)
    {
        Assert.Equal(expected, ScoreRules.Normalize(score, scaleMax));
    }

    [Fact]
    public void Normalize_OnATenPointScale_IsNinthsOf100()
    {
        // (4 − 1) / 9 × 100 = 33.33…; (7 − 1) / 9 × 100 = 66.66…
        Assert.Equal(300m / 9m, ScoreRules.Normalize(4, 10));
        Assert.Equal(66.7m, ScoreDisplay.Round(ScoreRules.Normalize(7, 10)));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(6, 5)]
    [InlineData(11, 10)]
    [InlineData(3, 7)]
    public void Normalize_OutOfRange_Throws(int score, int scaleMax)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreRules.Normalize(score, scaleMax));
    }

    // ---- Validate ----

    [Fact]
    public void Validate_EveryCriterionScoredOnItsScale_IsValid()
    {
        Assert.True(ScoreRules.Validate(Small, Scores(5, 10, 1)).IsEmpty);
    }

    [Fact]
    public void Validate_ScoreAboveTheScale_IsRefusedNamingTheCriterion()
    {
        // 6 is fine on a2's 1–10 scale but not on a1's 1–5.
        var errors = ScoreRules.Validate(Small, Scores(6, 6, 3)).ToDictionary();

        Assert.Equal(["must be a whole number from 1 to 5 (got 6)."], errors["scores.a1"]);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(11)]
    public void Validate_ScoreOutsideOneToTen_IsRefused(int score)
    {
        var errors = ScoreRules.Validate(BuiltInTemplates.Vetting110, VettingScores(8, 7, 9, score, 10)).ToDictionary();

        Assert.Equal([$"must be a whole number from 1 to 10 (got {score})."], errors["scores.technology-integration-ease"]);
    }

    [Fact]
    public void Validate_MissingCriterion_IsRefusedNamingItAndItsScale()
    {
        var errors = ScoreRules.Validate(Small, new Dictionary<string, int> { ["a1"] = 3, ["b1"] = 3 }).ToDictionary();

        Assert.Equal(["is required: score 'A two' from 1 to 10."], errors["scores.a2"]);
    }

    [Fact]
    public void Validate_UnknownCriterion_IsRefused()
    {
        var scores = Scores(3, 3, 3);
        scores["charisma"] = 5;

        var errors = ScoreRules.Validate(Small, scores).ToDictionary();

        Assert.Equal(["is not a criterion of template 'small'."], errors["scores.charisma"]);
    }

    [Fact]
    public void Validate_KeysMatchIgnoringCase()
    {
        var scores = new Dictionary<string, int> { ["A1"] = 3, ["a2"] = 3, ["B1"] = 3 };

        Assert.True(ScoreRules.Validate(Small, scores).IsEmpty);
    }

    [Fact]
    public void Validate_SameCriterionTwiceInDifferentCase_IsRefused()
    {
        var scores = new Dictionary<string, int> { ["a1"] = 3, ["A1"] = 4, ["a2"] = 3, ["b1"] = 3 };

        var errors = ScoreRules.Validate(Small, scores).ToDictionary();

        Assert.Equal(["is scored more than once (also as 'a1')."], errors["scores.A1"]);
    }

    [Fact]
    public void Validate_NullScores_IsRefused()
    {
        Assert.Equal(["are required: one score per criterion."], ScoreRules.Validate(Small, null).ToDictionary()["scores"]);
    }

    [Fact]
    public void ValidateEvaluations_NamesTheEvaluation()
    {
        var errors = ScoreRules.ValidateEvaluations(Small, [Eval("ann", 3, 3, 3), Eval("bob", 3, 0, 3)]).ToDictionary();

        Assert.Equal(["must be a whole number from 1 to 10 (got 0)."], errors["evaluations[1].scores.a2"]);
    }

    [Fact]
    public void ValidateEvaluations_SameEvaluatorTwice_IsRefused()
    {
        var errors = ScoreRules.ValidateEvaluations(Small, [Eval("ann", 3, 3, 3), Eval("ANN", 4, 4, 4)]).ToDictionary();

        Assert.Equal(["'ANN' has already scored this candidate."], errors["evaluations[1].evaluatorId"]);
    }

    [Fact]
    public void ValidateEvaluations_BlankEvaluator_IsRefused()
    {
        Assert.True(ScoreRules.ValidateEvaluations(Small, [Eval(" ", 3, 3, 3)]).ToDictionary().ContainsKey("evaluations[0].evaluatorId"));
    }

    // ---- Combine: worked example ----

    [Fact]
    public void Combine_TwoEvaluators_WorkedExample()
    {
        // ann: a1 5 → 100, a2 10 → 100, b1 3 → 50
        // bob: a1 4 → 75,  a2 1 → 0,    b1 3 → 50
        // Means: a1 87.5, a2 50, b1 50.
        // Dimension A = (3 × 87.5 + 1 × 50) / 4 = 312.5 / 4 = 78.125; dimension B = 50.
        // Overall = (3 × 87.5 + 1 × 50 + 1 × 50) / 5 = 362.5 / 5 = 72.5 (= 0.8 × 78.125 + 0.2 × 50).
        var combined = ScoreRules.Combine(Small, [Eval("ann", 5, 10, 3), Eval("bob", 4, 1, 3)]);

        Assert.Equal(2, combined.EvaluatorCount);
        Assert.Equal(72.5m, combined.Overall);
        Assert.Equal([78.125m, 50m], combined.Dimensions.Select(d => d.Score));
        Assert.Equal([0.8m, 0.2m], combined.Dimensions.Select(d => d.WeightShare));
        Assert.Equal([87.5m, 50m, 50m], combined.Criteria.Select(c => c.Mean));
        Assert.Equal([4.5m, 5.5m, 3m], combined.Criteria.Select(c => c.RawMean));
        Assert.Equal([0.6m, 0.2m, 0.2m], combined.Criteria.Select(c => c.WeightShare));
    }

    [Fact]
    public void Combine_TwoEvaluators_SpreadAndDeviationPerCriterion()
    {
        // a1: 5 and 4 → spread 1 of range 4 (25% < 40%); normalized 100, 75 → deviation 12.5 (< 20): no flag.
        // a2: 10 and 1 → spread 9 of range 9 (100%); normalized 100, 0 → deviation 50: flagged.
        // b1: 3 and 3 → spread 0, deviation 0.
        var combined = ScoreRules.Combine(Small, [Eval("ann", 5, 10, 3), Eval("bob", 4, 1, 3)]);
        var (a1, a2, b1) = (combined.Criteria[0], combined.Criteria[1], combined.Criteria[2]);

        Assert.Equal((4, 5, 1, 12.5m, false), (a1.Min!.Value, a1.Max!.Value, a1.Spread!.Value, a1.StdDev!.Value, a1.Disagreement));
        Assert.Equal((1, 10, 9, 50m, true), (a2.Min!.Value, a2.Max!.Value, a2.Spread!.Value, a2.StdDev!.Value, a2.Disagreement));
        Assert.Equal((3, 3, 0, 0m, false), (b1.Min!.Value, b1.Max!.Value, b1.Spread!.Value, b1.StdDev!.Value, b1.Disagreement));
        Assert.Equal([true, false], combined.Dimensions.Select(d => d.Disagreement));
        Assert.True(combined.HasDisagreement);
    }

    static Dictionary<string, int> VettingScores(int financial, int cultural, int strategic, int technology, int customers) => new()
    {
        ["financial-stability"] = financial,
        ["cultural-fit"] = cultural,
        ["strategic-alignment"] = strategic,
        ["technology-integration-ease"] = technology,
        ["customer-overlap"] = customers,
    };

    [Fact]
    public void Combine_VettingScorecard_SalesMarketingOperations_WorkedExample()
    {
        // On 1–10, normalized = (s − 1) / 9 × 100, so a mean of n scores summing to S is 100 × (S − n) / (9n).
        //                        sales mkt ops  sum  mean (0–100)          weight
        // financial stability       8   7   8   23   100 × 20 / 27 = 74.07   20
        // cultural fit              7   8   3   18   100 × 15 / 27 = 55.56   20  ← operations sees a blind spot
        // strategic alignment       9   9   8   26   100 × 23 / 27 = 85.19   25
        // technology integration    6   5   4   15   100 × 12 / 27 = 44.44   15
        // customer overlap         10   9   8   27   100 × 24 / 27 = 88.89   20
        // Overall = (20·2000 + 20·1500 + 25·2300 + 15·1200 + 20·2400) / 27 / 100 = 193500 / 2700 = 71.666… → 71.7
        var combined = ScoreRules.Combine(BuiltInTemplates.Vetting110,
        [
            new("sales", VettingScores(8, 7, 9, 6, 10)),
            new("marketing", VettingScores(7, 8, 9, 5, 9)),
            new("operations", VettingScores(8, 3, 8, 4, 8)),
        ]);

        Assert.Equal(71.7m, ScoreDisplay.Round(combined.Overall));
        Assert.Equal(Math.Round(193500m / 2700m, 20), Math.Round(combined.Overall!.Value, 20));
        Assert.Equal([2000m / 27, 1500m / 27, 2300m / 27, 1200m / 27, 2400m / 27], combined.Criteria.Select(c => c.Mean!.Value));
        Assert.Equal([74.1m, 55.6m, 85.2m, 44.4m, 88.9m], combined.Dimensions.Select(d => ScoreDisplay.Round(d.Score!.Value)));
        Assert.Equal(["cultural-fit"], combined.Criteria.Where(c => c.Disagreement).Select(c => c.Key));
    }

    [Fact]
    public void Combine_VettingScorecard_StandardDeviationsByHand()
    {
        // σ of normalized scores = 100 / 9 × σ of raw scores, and n²σ² = nΣs² − (Σs)².
        // financial 8,7,8: 3·177 − 23² = 2   → σ = 100·√2 / 27  = 5.2378
        // cultural  7,8,3: 3·122 − 18² = 42  → σ = 100·√42 / 27 = 24.0027 (≥ 20, and spread 5 ≥ 3.6)
        // technology 6,5,4: 3·77 − 15² = 6   → σ = 100·√6 / 27  = 9.0722
        var combined = ScoreRules.Combine(BuiltInTemplates.Vetting110,
        [
            new("sales", VettingScores(8, 7, 9, 6, 10)),
            new("marketing", VettingScores(7, 8, 9, 5, 9)),
            new("operations", VettingScores(8, 3, 8, 4, 8)),
        ]);

        Assert.Equal([5.2378m, 24.0027m, 5.2378m, 9.0722m, 9.0722m], combined.Criteria.Select(c => c.StdDev!.Value));
        Assert.Equal([1, 5, 1, 2, 2], combined.Criteria.Select(c => c.Spread!.Value));
    }

    [Fact]
    public void Combine_ThreeEvaluatorsOn1To5_StandardDeviationIsPopulationNotSample()
    {
        // 2, 3, 5 → 25, 50, 100; mean 58.33; population variance = ((−33.3)² + (−8.3)² + 41.7²) / 3 = 972.2 → σ = 31.1805.
        // (The sample deviation, dividing by 2, would be 38.19.)
        var c = ScoreOne(5, 2, 3, 5);

        Assert.Equal(31.1805m, c.StdDev);
        Assert.Equal(58.3m, ScoreDisplay.Round(c.Mean!.Value));
    }

    [Fact]
    public void Combine_PerfectSquareVariance_GivesAnExactDeviation()
    {
        // 1 and 5 on 1–5 → 0 and 100 → σ exactly 50.
        Assert.Equal(50m, ScoreOne(5, 1, 5).StdDev);
    }

    // ---- disagreement thresholds ----

    [Theory]
    // 1–5: range 4, 40% = 1.6 → a spread of 2 flags, 1 does not.
    [InlineData(5, 3, 4, false)]
    [InlineData(5, 3, 5, true)]
    // 1–10: range 9, 40% = 3.6 → a spread of 4 flags, 3 does not (σ = 1.5 × 100 / 9 = 16.67 < 20).
    [InlineData(10, 3, 6, false)]
    [InlineData(10, 3, 7, true)]
    public void Combine_DisagreementFlagsASpreadOf40PercentOfTheScale(int scaleMax, int low, int high, bool flagged)
    {
        Assert.Equal(flagged, ScoreOne(scaleMax, low, high).Disagreement);
    }

    [Fact]
    public void Combine_OneOutlierAmongMany_IsFlaggedBySpread()
    {
        // Nine 8s and one 3 on 1–10: σ = 100 / 9 × √(10·(9·64 + 9) − 75²) / 10 = 100 / 9 × 1.5 = 16.67 < 20, but spread 5 ≥ 3.6.
        var c = ScoreOne(10, 8, 8, 8, 8, 8, 8, 8, 8, 8, 3);

        Assert.Equal(16.6667m, c.StdDev);
        Assert.True(c.Disagreement);
    }

    [Fact]
    public void Combine_StdDevRuleFiresAloneWhenTheSpreadRuleIsRaised()
    {
        // 2 and 4 on 1–5: spread 2 = 50% of range (below a 100% spread rule); normalized 25, 75 → σ = 25 ≥ 20.
        var template = One(5);
        var evaluations = new List<Evaluation>
        {
            new("a", new Dictionary<string, int> { ["c"] = 2 }),
            new("b", new Dictionary<string, int> { ["c"] = 4 }),
        };

        Assert.True(ScoreRules.Combine(template, evaluations, new DisagreementRule(1m, 20m)).Criteria[0].Disagreement);
        Assert.False(ScoreRules.Combine(template, evaluations, new DisagreementRule(1m, 26m)).Criteria[0].Disagreement);
    }

    [Fact]
    public void Combine_DefaultRule_IsTheNamedConstants()
    {
        Assert.Equal(new DisagreementRule(0.40m, 20m), DisagreementRule.Default);
    }

    [Fact]
    public void Combine_SingleEvaluator_NeverDisagrees()
    {
        var combined = ScoreRules.Combine(Small, [Eval("ann", 1, 10, 5)]);

        Assert.False(combined.HasDisagreement);
        Assert.All(combined.Criteria, c => Assert.Equal(0m, c.StdDev));
        // 0.6 × 0 + 0.2 × 100 + 0.2 × 100 = 40
        Assert.Equal(40m, combined.Overall);
    }

    // ---- edge cases ----

    [Fact]
    public void Combine_NoEvaluations_OverallIsNull()
    {
        var combined = ScoreRules.Combine(Small, []);

        Assert.Null(combined.Overall);
        Assert.Equal(0, combined.EvaluatorCount);
        Assert.All(combined.Dimensions, d => Assert.Null(d.Score));
        Assert.All(combined.Criteria, c => Assert.Null(c.Mean));
        Assert.False(combined.HasDisagreement);
        // The shares are still shown, so evaluators see what counts before anyone scores.
        Assert.Equal([0.6m, 0.2m, 0.2m], combined.Criteria.Select(c => c.WeightShare));
    }

    [Fact]
    public void Combine_AllMinimumScores_Is0AndAllMaximum_Is100()
    {
        Assert.Equal(0m, ScoreRules.Combine(Small, [Eval("a", 1, 1, 1)]).Overall);
        Assert.Equal(100m, ScoreRules.Combine(Small, [Eval("a", 5, 10, 5)]).Overall);
    }

    [Fact]
    public void Combine_WeightsNeedNotSumTo100_ScaledWeightsGiveTheSameScore()
    {
        var scaled = new ScorecardTemplate("small", "Small", "", [
            new("A", [new("a1", "A one", 0.6m, 5), new("a2", "A two", 0.2m, 10)]),
            new("B", [new("b1", "B one", 0.2m, 5)]),
        ]);
        List<Evaluation> evaluations = [Eval("ann", 5, 10, 3), Eval("bob", 4, 1, 3)];

        Assert.Equal(ScoreRules.Combine(Small, evaluations).Overall, ScoreRules.Combine(scaled, evaluations).Overall);
    }

    [Fact]
    public void Combine_InvalidScores_ThrowsNamingTheField()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScoreRules.Combine(Small, [Eval("ann", 9, 3, 3)]));

        Assert.Contains("evaluations[0].scores.a1", ex.Message);
    }

    [Fact]
    public void Combine_InvalidTemplate_Throws()
    {
        var bad = Small with { Dimensions = [new("A", [new("a1", "A one", 0, 5)])] };

        var ex = Assert.Throws<ArgumentException>(() => ScoreRules.Combine(bad, []));

        Assert.Contains("dimensions[0].criteria[0].weight", ex.Message);
    }

    [Fact]
    public void Combine_IsReproducible()
    {
        List<Evaluation> evaluations = [Eval("ann", 5, 7, 2), Eval("bob", 2, 4, 3), Eval("cy", 3, 9, 5)];

        Assert.Equal(ScoreRules.Combine(Small, evaluations).Overall, ScoreRules.Combine(Small, evaluations.AsEnumerable().Reverse().ToList()).Overall);
    }
}
