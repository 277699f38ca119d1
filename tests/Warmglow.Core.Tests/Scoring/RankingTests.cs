using Warmglow.Core.Scoring;

namespace Warmglow.Core.Tests.Scoring;

public class RankingTests
{
    // The seeds' fintech example: 30 candidates scored, 8 at or above the threshold.
    // Given in scrambled id order so that nothing depends on input order.
    static readonly (string Id, decimal? Score)[] Thirty =
    [
        ("c01", 45.0m), ("c02", 79.3m), ("c03", 10.0m), ("c04", 85.5m), ("c05", 63.2m),
        ("c06", 69.99m), ("c07", 38.2m), ("c08", 91.2m), ("c09", 55.1m), ("c10", 22.0m),
        ("c11", 70.0m), ("c12", 50.0m), ("c13", 66.0m), ("c14", 27.4m), ("c15", 74.0m),
        ("c16", 5.0m), ("c17", 85.5m), ("c18", 41.7m), ("c19", 60.0m), ("c20", 15.5m),
        ("c21", 88.0m), ("c22", 35.5m), ("c23", 58.75m), ("c24", 68.4m), ("c25", 30.0m),
        ("c26", 71.25m), ("c27", 48.3m), ("c28", 65.5m), ("c29", 52.0m), ("c30", 40.0m),
    ];

    [Fact]
    public void Rank_ThirtyCandidatesThreshold70_ShortlistsExactlyTheEightAtOrAbove70()
    {
        var ranked = Ranking.Rank(Thirty, 70m);

        Assert.Equal(30, ranked.Count);
        Assert.Equal(8, ranked.Count(r => r.Shortlisted));
        Assert.Equal(["c08", "c21", "c04", "c17", "c02", "c15", "c26", "c11"], ranked.Where(r => r.Shortlisted).Select(r => r.Id));
        // Exactly 70.0 is in; 69.99 is out.
        Assert.True(ranked.Single(r => r.Id == "c11").Shortlisted);
        Assert.False(ranked.Single(r => r.Id == "c06").Shortlisted);
        // The shortlist is the top of the ranking, nothing below it is shortlisted.
        Assert.All(ranked.Take(8), r => Assert.True(r.Shortlisted));
        Assert.All(ranked.Skip(8), r => Assert.False(r.Shortlisted));
    }

    [Fact]
    public void Rank_OrdersByScoreDescending()
    {
        var ranked = Ranking.Rank(Thirty, 70m);

        Assert.Equal(Thirty.Select(t => t.Score).OrderByDescending(s => s), ranked.Select(r => r.Score));
        Assert.Equal(("c08", 91.2m, 1), (ranked[0].Id, ranked[0].Score!.Value, ranked[0].Rank!.Value));
        Assert.Equal(("c16", 5.0m, 30), (ranked[^1].Id, ranked[^1].Score!.Value, ranked[^1].Rank!.Value));
    }

    [Fact]
    public void Rank_TiesShareARankOrderedByIdAndTheNextRankIsSkipped()
    {
        // 91.2 → 1, 88.0 → 2, 85.5 (c04) → 3, 85.5 (c17) → 3, 79.3 → 5.
        var ranked = Ranking.Rank(Thirty, 70m);

        Assert.Equal(
            [("c08", 1), ("c21", 2), ("c04", 3), ("c17", 3), ("c02", 5)],
            ranked.Take(5).Select(r => (r.Id, r.Rank!.Value)));
    }

    [Fact]
    public void Rank_ThresholdIsInclusiveOnExactValues()
    {
        // 70 and 70.00 are the same decimal; 69.999 is not 70 even though it shows as 70.0.
        var ranked = Ranking.Rank<string>([("a", 70m), ("b", 70.00m), ("c", 69.999m)], 70m);

        Assert.Equal([true, true, false], ranked.Select(r => r.Shortlisted));
        Assert.Equal([1, 1, 3], ranked.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void Rank_UnscoredCandidatesGoLastUnrankedAndAreNeverShortlisted()
    {
        var ranked = Ranking.Rank<string>([("z-unscored", null), ("b", 40m), ("a-unscored", null), ("c", 90m)], 0m);

        Assert.Equal(["c", "b", "a-unscored", "z-unscored"], ranked.Select(r => r.Id));
        Assert.Equal([1, 2, null, null], ranked.Select(r => r.Rank));
        // A threshold of 0 shortlists every score, but never an absent one.
        Assert.Equal([true, true, false, false], ranked.Select(r => r.Shortlisted));
    }

    [Fact]
    public void Rank_IdsCompareOrdinally()
    {
        // Ordinal: uppercase before lowercase, the same on every server culture.
        var ranked = Ranking.Rank<string>([("b", 50m), ("B", 50m), ("a", 50m)], 70m);

        Assert.Equal(["B", "a", "b"], ranked.Select(r => r.Id));
    }

    [Fact]
    public void Rank_WorksWithGuidOrIntIds()
    {
        var ranked = Ranking.Rank<int>([(3, 10m), (1, 10m), (2, 20m)], 15m);

        Assert.Equal([(2, 1, true), (1, 2, false), (3, 2, false)], ranked.Select(r => (r.Id, r.Rank!.Value, r.Shortlisted)));
    }

    [Fact]
    public void Rank_DuplicateId_Throws()
    {
        Assert.Throws<ArgumentException>(() => Ranking.Rank<string>([("a", 1m), ("a", 2m)], 0m));
    }

    [Fact]
    public void Rank_Empty_IsEmpty()
    {
        Assert.Empty(Ranking.Rank<string>([], 70m));
    }

    [Fact]
    public void Rank_CombinedScoresFromAScorecard_ShortlistWithTheirBreakdown()
    {
        // End to end on the assessment template (1–5; weights 30 / 25 / 25 / 20):
        // alpha: 5, 4, 4, 3 → 100, 75, 75, 50 → (3000 + 1875 + 1875 + 1000) / 100 = 77.5
        // beta:  3, 3, 3, 3 → 50 everywhere                                    = 50
        // gamma: 4, 4, 4, 4 → 75 everywhere                                    = 75
        var template = BuiltInTemplates.Assessment15;
        Evaluation Score(int a, int b, int c, int d) => new("ann", new Dictionary<string, int>
        {
            ["strategic-fit"] = a, ["cultural-compatibility"] = b, ["operational-capability"] = c, ["market-position"] = d,
        });
        var combined = new Dictionary<string, CombinedScore>
        {
            ["alpha"] = ScoreRules.Combine(template, [Score(5, 4, 4, 3)]),
            ["beta"] = ScoreRules.Combine(template, [Score(3, 3, 3, 3)]),
            ["gamma"] = ScoreRules.Combine(template, [Score(4, 4, 4, 4)]),
            ["delta"] = ScoreRules.Combine(template, []),
        };

        var ranked = Ranking.Rank(combined.Select(c => (c.Key, c.Value.Overall)), 70m);

        Assert.Equal([("alpha", 77.5m, true), ("gamma", 75m, true), ("beta", 50m, false)],
            ranked.Take(3).Select(r => (r.Id, r.Score!.Value, r.Shortlisted)));
        Assert.Equal(("delta", (int?)null, false), (ranked[3].Id, ranked[3].Rank, ranked[3].Shortlisted));
        // Why alpha: its per-dimension breakdown.
        Assert.Equal([100m, 75m, 75m, 50m], combined["alpha"].Dimensions.Select(d => d.Score!.Value));
    }
}
