using System.Text;
using System.Text.RegularExpressions;
using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

/// <summary>
/// Activity that counts towards engagement. The first five exist in Warmglow today; the rest arrive with meetings,
/// action items, initiatives, referrals and the partner portal (product.md §6 "Engagement index").
/// </summary>
public enum ActivityKind
{
    StageMoves, Evaluations, AgreementActivity, Observations, SurveyResponses,
    Meetings, ActionItemsDone, Initiatives, Referrals, PortalActivity,
}

public enum EngagementBand
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Needs a check-in")] NeedsCheckIn,
    Steady,
    [System.ComponentModel.DataAnnotations.Display(Name = "High performer")] HighPerformer,
}

/// <summary>One kind of activity in the index: its relative weight and the count per period that scores 100.</summary>
public sealed record EngagementComponent(ActivityKind Kind, decimal Weight, decimal TargetPerPeriod);

/// <summary>The configured index: which activity kinds count, how much, and against which targets.</summary>
public sealed record EngagementFormula(IReadOnlyList<EngagementComponent> Components);

/// <summary>One kind's count and score (0–100) in a period.</summary>
public sealed record EngagementComponentScore(ActivityKind Kind, decimal Weight, decimal TargetPerPeriod, decimal Count, decimal Score);

/// <summary>A period's engagement index (0–100, exact) with its band and per-kind scores.</summary>
public sealed record EngagementResult(decimal Index, EngagementBand Band, IReadOnlyList<EngagementComponentScore> Components);

/// <summary>
/// The engagement index (product.md §6): per configured activity kind, score = min(count / target, 1) × 100; the index
/// is the weighted mean of those scores. Below <see cref="NeedsCheckInBelow"/> the manager gets a check-in task; above
/// <see cref="HighPerformerAbove"/> the partnership is a high performer.
/// <para>
/// Each kind is capped at its target so that a burst of one activity (say 40 portal logins) cannot hide the absence of
/// all others. Weights are relative, like scorecard template weights, because kinds are added over time and forcing a
/// 100 total would make every addition an edit of all others. Kinds left out of the formula do not count at all —
/// a workspace without a portal is not penalized for having no portal activity.
/// </para>
/// </summary>
public static class EngagementIndex
{
    public const decimal NeedsCheckInBelow = 60m;
    public const decimal HighPerformerAbove = 80m;
    public const decimal MaxScore = 100m;

    /// <summary>
    /// A starting formula over the activity Warmglow records today, weighted equally; targets are modest per-quarter
    /// counts (one stage move, one evaluation, one agreement action, three observations, two survey responses).
    /// </summary>
    public static readonly EngagementFormula Default = new(
    [
        new(ActivityKind.StageMoves, 1m, 1m),
        new(ActivityKind.Evaluations, 1m, 1m),
        new(ActivityKind.AgreementActivity, 1m, 1m),
        new(ActivityKind.Observations, 1m, 3m),
        new(ActivityKind.SurveyResponses, 1m, 2m),
    ]);

    /// <summary>
    /// At least one component; kinds known and unique; weight &gt; 0 and target &gt; 0 (a target of 0 would divide by zero).
    /// Field names "components", "components[i].kind", "components[i].weight", "components[i].targetPerPeriod".
    /// </summary>
    public static FieldErrors Validate(EngagementFormula? formula)
    {
        var errors = new FieldErrors();
        var components = formula?.Components;
        if (components is null || components.Count == 0)
        {
            errors.Add("components", "must have at least one activity kind.");
            return errors;
        }
        var kinds = new HashSet<ActivityKind>();
        for (var i = 0; i < components.Count; i++)
        {
            var prefix = $"components[{i}]";
            var c = components[i];
            if (c is null)
            {
                errors.Add(prefix, "is required.");
                continue;
            }
            if (!Enum.IsDefined(c.Kind)) errors.Add(prefix + ".kind", $"'{c.Kind}' is not an activity kind.");
            else if (!kinds.Add(c.Kind)) errors.Add(prefix + ".kind", $"{Label(c.Kind)} is already in the formula; each kind counts once.");
            if (c.Weight <= 0 || c.Weight > TemplateRules.MaxWeight)
                errors.Add(prefix + ".weight", $"must be greater than 0 and at most {TemplateRules.Format(TemplateRules.MaxWeight)} (got {TemplateRules.Format(c.Weight)}).");
            if (c.TargetPerPeriod <= 0 || c.TargetPerPeriod > Roi.MaxAmount)
                errors.Add(prefix + ".targetPerPeriod", $"must be greater than 0 (got {TemplateRules.Format(c.TargetPerPeriod)}).");
        }
        return errors;
    }

    /// <summary>Counts ≥ 0; field names "counts.&lt;Kind&gt;".</summary>
    public static FieldErrors ValidateCounts(IReadOnlyDictionary<ActivityKind, decimal>? counts)
    {
        var errors = new FieldErrors();
        if (counts is null)
        {
            errors.Add("counts", "are required (an empty set means no activity).");
            return errors;
        }
        foreach (var (kind, count) in counts)
            if (count < 0) errors.Add($"counts.{kind}", $"must not be negative (got {TemplateRules.Format(count)}).");
        return errors;
    }

    /// <summary>
    /// The index for one period. A kind missing from <paramref name="counts"/> counted 0; counts of kinds outside the
    /// formula are ignored. Throws <see cref="ArgumentException"/> on input the validators refuse.
    /// </summary>
    public static EngagementResult Compute(EngagementFormula formula, IReadOnlyDictionary<ActivityKind, decimal> counts)
    {
        var errors = Validate(formula);
        if (!errors.IsEmpty) throw new ArgumentException($"The engagement formula is not valid: {errors}", nameof(formula));
        errors = ValidateCounts(counts);
        if (!errors.IsEmpty) throw new ArgumentException($"The activity counts are not valid: {errors}", nameof(counts));

        var scores = formula.Components.Select(c =>
        {
            var count = counts.GetValueOrDefault(c.Kind);
            // Compare before dividing: count ≥ target is exactly 100 without a rounded quotient.
            var score = count >= c.TargetPerPeriod ? MaxScore : MaxScore * count / c.TargetPerPeriod;
            return new EngagementComponentScore(c.Kind, c.Weight, c.TargetPerPeriod, count, score);
        }).ToList();
        var index = scores.Sum(s => s.Weight * s.Score) / scores.Sum(s => s.Weight);
        return new EngagementResult(index, Classify(index), scores);
    }

    /// <summary>Below 60 → NeedsCheckIn; above 80 → HighPerformer; 60 to 80 inclusive → Steady.</summary>
    public static EngagementBand Classify(decimal index) =>
        index < NeedsCheckInBelow ? EngagementBand.NeedsCheckIn
        : index > HighPerformerAbove ? EngagementBand.HighPerformer
        : EngagementBand.Steady;

    /// <summary>The formula in words for the UI, so nobody has to guess why a partnership scored what it did.</summary>
    public static string Describe(EngagementFormula formula)
    {
        var errors = Validate(formula);
        if (!errors.IsEmpty) throw new ArgumentException($"The engagement formula is not valid: {errors}", nameof(formula));
        var total = formula.Components.Sum(c => c.Weight);
        var text = new StringBuilder();
        text.Append("Engagement index (0–100) = weighted mean of the activity scores below. ");
        text.Append("Each activity scores (count in the period ÷ target) × 100, capped at 100.\n");
        foreach (var c in formula.Components)
            text.Append($"- {Label(c.Kind)}: target {TemplateRules.Format(c.TargetPerPeriod)} per period, weight {TemplateRules.Format(c.Weight)} ({TemplateRules.Format(ScoreDisplay.Round(100m * c.Weight / total))}%)\n");
        text.Append($"Below {TemplateRules.Format(NeedsCheckInBelow)} the manager gets a check-in task; above {TemplateRules.Format(HighPerformerAbove)} the partnership is a high performer.");
        return text.ToString();
    }

    /// <summary>"ActionItemsDone" → "Action items done".</summary>
    public static string Label(ActivityKind kind)
    {
        var words = Regex.Replace(kind.ToString(), "(?<!^)([A-Z])", " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
