using Warmglow.Core.Measurement;

namespace Warmglow.Core.Tests.Measurement;

public class EngagementIndexTests
{
    static readonly EngagementFormula Formula = new(
    [
        new(ActivityKind.Meetings, 2, 4),
        new(ActivityKind.ActionItemsDone, 1, 10),
        new(ActivityKind.Referrals, 1, 2),
    ]);

    [Fact]
    public void Compute_WorkedExample()
    {
        // Meetings 3 of 4 → 75; action items 5 of 10 → 50; referrals 4 of 2 → capped 100.
        // (2×75 + 1×50 + 1×100) / 4 = 300 / 4 = 75 → steady.
        var result = EngagementIndex.Compute(Formula, new Dictionary<ActivityKind, decimal>
        {
            [ActivityKind.Meetings] = 3, [ActivityKind.ActionItemsDone] = 5, [ActivityKind.Referrals] = 4,
        });

        Assert.Equal([75m, 50m, 100m], result.Components.Select(c => c.Score));
        Assert.Equal(75m, result.Index);
        Assert.Equal(EngagementBand.Steady, result.Band);
    }

    [Fact]
    public void Compute_MissingKindsCountZero_AndOtherKindsAreIgnored()
    {
        // Meetings 4 of 4 → 100, others 0: 2×100 / 4 = 50 → needs a check-in. Portal activity is not in the formula.
        var result = EngagementIndex.Compute(Formula, new Dictionary<ActivityKind, decimal>
        {
            [ActivityKind.Meetings] = 4, [ActivityKind.PortalActivity] = 1000,
        });

        Assert.Equal(50m, result.Index);
        Assert.Equal(EngagementBand.NeedsCheckIn, result.Band);
    }

    [Fact]
    public void Compute_AllTargetsMet_Is100AndHighPerformer()
    {
        var result = EngagementIndex.Compute(Formula, new Dictionary<ActivityKind, decimal>
        {
            [ActivityKind.Meetings] = 8, [ActivityKind.ActionItemsDone] = 10, [ActivityKind.Referrals] = 2,
        });

        Assert.Equal(100m, result.Index);
        Assert.Equal(EngagementBand.HighPerformer, result.Band);
        Assert.Equal(0m, EngagementIndex.Compute(Formula, new Dictionary<ActivityKind, decimal>()).Index);
    }

    [Fact]
    public void Compute_DefaultFormula()
    {
        // Stage moves 1/1 → 100, evaluations 0/1 → 0, agreement 1/1 → 100, observations 3/3 → 100, surveys 1/2 → 50
        // Equal weights: 350 / 5 = 70
        var result = EngagementIndex.Compute(EngagementIndex.Default, new Dictionary<ActivityKind, decimal>
        {
            [ActivityKind.StageMoves] = 1, [ActivityKind.AgreementActivity] = 1, [ActivityKind.Observations] = 3, [ActivityKind.SurveyResponses] = 1,
        });

        Assert.Equal(70m, result.Index);
        Assert.True(EngagementIndex.Validate(EngagementIndex.Default).IsEmpty);
    }

    [Theory]
    [InlineData(0, EngagementBand.NeedsCheckIn)]
    [InlineData(59.99, EngagementBand.NeedsCheckIn)]
    [InlineData(60, EngagementBand.Steady)]
    [InlineData(80, EngagementBand.Steady)]
    [InlineData(80.01, EngagementBand.HighPerformer)]
    [InlineData(100, EngagementBand.HighPerformer)]
    public void Classify_Thresholds(decimal index, EngagementBand expected)
    {
        Assert.Equal(expected, EngagementIndex.Classify(index));
    }

    [Fact]
    public void Validate_NamesBadComponents()
    {
        var errors = EngagementIndex.Validate(new EngagementFormula(
        [
            new(ActivityKind.Meetings, 0, 4),
            new(ActivityKind.Meetings, 1, 0),
            new((ActivityKind)99, 1, 1),
        ])).ToDictionary();

        Assert.Equal(["components[0].weight", "components[1].kind", "components[1].targetPerPeriod", "components[2].kind"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["components"], EngagementIndex.Validate(new EngagementFormula([])).ToDictionary().Keys);
        Assert.Equal(["components"], EngagementIndex.Validate(null).ToDictionary().Keys);
    }

    [Fact]
    public void ValidateCounts_RefusesNegatives()
    {
        var counts = new Dictionary<ActivityKind, decimal> { [ActivityKind.Meetings] = -1 };

        Assert.Equal(["counts.Meetings"], EngagementIndex.ValidateCounts(counts).ToDictionary().Keys);
        Assert.Throws<ArgumentException>(() => EngagementIndex.Compute(Formula, counts));
    }

    [Fact]
    public void Describe_ExplainsTheFormulaInWords()
    {
        var text = EngagementIndex.Describe(Formula);

        Assert.Contains("capped at 100", text);
        Assert.Contains("- Meetings: target 4 per period, weight 2 (50%)", text);
        Assert.Contains("- Action items done: target 10 per period, weight 1 (25%)", text);
        Assert.Contains("Below 60", text);
        Assert.Contains("above 80", text);
    }

    [Fact]
    public void Label_SplitsWords()
    {
        Assert.Equal("Action items done", EngagementIndex.Label(ActivityKind.ActionItemsDone));
        Assert.Equal("Meetings", EngagementIndex.Label(ActivityKind.Meetings));
    }
}
