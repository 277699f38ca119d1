using Warmglow.Core.Validation;

namespace Warmglow.Core.Scoring;

/// <summary>One evaluator's scores for one candidate: criterion key → score on that criterion's scale.</summary>
public sealed record Evaluation(string EvaluatorId, IReadOnlyDictionary<string, int> Scores);

/// <summary>When a criterion's scores count as a disagreement; every workspace may tune it.</summary>
/// <param name="SpreadShare">Flag when max − min on the raw scale ≥ this share of the scale range (ScaleMax − 1).</param>
/// <param name="StdDev">Flag when the population standard deviation of the 0–100 scores ≥ this.</param>
public sealed record DisagreementRule(decimal SpreadShare, decimal StdDev)
{
    public static readonly DisagreementRule Default = new(ScoreRules.DisagreementSpreadShare, ScoreRules.DisagreementStdDev);
}

/// <summary>All evaluators' scores on one criterion. Null statistics mean nobody has scored yet.</summary>
/// <param name="WeightShare">Exact share of the template's total weight (0..1).</param>
/// <param name="Mean">Mean of the evaluators' normalized scores, 0–100, exact.</param>
/// <param name="RawMean">Mean on the criterion's own scale (e.g. 7.33 of 10), exact.</param>
/// <param name="Min">Lowest raw score.</param>
/// <param name="Max">Highest raw score.</param>
/// <param name="StdDev">Population standard deviation of the normalized scores (0–100 points), rounded to 4 places.</param>
public sealed record CriterionScore(
    string Key, string Name, string Dimension, int ScaleMax, decimal WeightShare,
    decimal? Mean, decimal? RawMean, int? Min, int? Max, decimal? StdDev, bool Disagreement)
{
    /// <summary>Max − min on the raw scale.</summary>
    public int? Spread => Max - Min;
}

/// <summary>One dimension's weighted mean (0–100) and its criteria.</summary>
/// <param name="WeightShare">Exact share of the template's total weight (0..1).</param>
/// <param name="Disagreement">True when any of its criteria is flagged.</param>
public sealed record DimensionScore(string Name, decimal WeightShare, decimal? Score, bool Disagreement, IReadOnlyList<CriterionScore> Criteria);

/// <summary>A candidate's combined score on one template; <see cref="Overall"/> is null until someone has scored.</summary>
public sealed record CombinedScore(decimal? Overall, IReadOnlyList<DimensionScore> Dimensions, IReadOnlyList<CriterionScore> Criteria, int EvaluatorCount)
{
    public bool HasDisagreement => Criteria.Any(c => c.Disagreement);
}

/// <summary>
/// Scoring a candidate on a scorecard template (product.md §2 "Scorecards"): several evaluators score every
/// criterion; each score is normalized to 0–100; a criterion's score is the evaluators' mean; a dimension's score
/// and the overall score are means weighted by the normalized weights (<see cref="TemplateRules"/>). The spread per
/// criterion flags disagreement so that blind spots surface.
/// <para>
/// All arithmetic is decimal. Means are exact quotients; only the standard deviation needs a square root,
/// taken by Newton iteration in decimal and rounded to <see cref="StdDevDecimals"/> places, so results are the
/// same on every machine and a threshold comparison is never decided by the 28th digit. Round anything else only for display.
/// </para>
/// </summary>
public static class ScoreRules
{
    /// <summary>Flag a criterion when max − min on the raw scale reaches 40% of the scale range (2 points on 1–5, 4 on 1–10).</summary>
    public const decimal DisagreementSpreadShare = 0.40m;

    /// <summary>
    /// Flag a criterion when the standard deviation of its 0–100 scores reaches 20 points. A standard deviation is at
    /// most half the range, so with the default spread share (40 points) this never fires alone; it matters when a
    /// workspace raises the spread share above twice this value.
    /// </summary>
    public const decimal DisagreementStdDev = 20m;

    public const int StdDevDecimals = 4;

    /// <summary>
    /// Checks one evaluator's scores: every criterion scored exactly once, 1..ScaleMax, no unknown keys.
    /// Keys match case-insensitively. Field names: "scores.&lt;criterion key&gt;". Assumes a valid template.
    /// </summary>
    public static FieldErrors Validate(ScorecardTemplate template, IReadOnlyDictionary<string, int>? scores) =>
        Validate(new FieldErrors(), template, scores, "");

    /// <summary>Checks a candidate's evaluations: evaluator ids present and distinct, each score set as in <see cref="Validate(ScorecardTemplate, IReadOnlyDictionary{string, int}?)"/>; field names "evaluations[i].scores.&lt;key&gt;".</summary>
    public static FieldErrors ValidateEvaluations(ScorecardTemplate template, IReadOnlyList<Evaluation>? evaluations)
    {
        var errors = new FieldErrors();
        if (evaluations is null)
        {
            errors.Add("evaluations", "are required (an empty list means nobody has scored yet).");
            return errors;
        }
        var evaluators = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < evaluations.Count; i++)
        {
            var prefix = $"evaluations[{i}].";
            var evaluation = evaluations[i];
            if (evaluation is null)
            {
                errors.Add($"evaluations[{i}]", "is required.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(evaluation.EvaluatorId))
                errors.Add(prefix + "evaluatorId", "is required.");
            // One evaluator, one voice: a second evaluation by the same person would double their weight.
            else if (!evaluators.Add(evaluation.EvaluatorId.Trim()))
                errors.Add(prefix + "evaluatorId", $"'{evaluation.EvaluatorId.Trim()}' has already scored this candidate.");
            Validate(errors, template, evaluation.Scores, prefix);
        }
        return errors;
    }

    static FieldErrors Validate(FieldErrors errors, ScorecardTemplate template, IReadOnlyDictionary<string, int>? scores, string prefix)
    {
        if (scores is null)
        {
            errors.Add(prefix + "scores", "are required: one score per criterion.");
            return errors;
        }
        var criteria = new Dictionary<string, Criterion>(StringComparer.OrdinalIgnoreCase);
        foreach (var criterion in template.AllCriteria()) criteria.TryAdd(criterion.Key, criterion);

        var scored = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in scores)
        {
            var field = $"{prefix}scores.{key}";
            if (!criteria.TryGetValue(key, out var criterion))
            {
                errors.Add(field, $"is not a criterion of template '{template.Key}'.");
                continue;
            }
            // Only possible with a case-insensitive clash ("Cultural-Fit" and "cultural-fit").
            if (!scored.TryAdd(criterion.Key, key))
            {
                errors.Add(field, $"is scored more than once (also as '{scored[criterion.Key]}').");
                continue;
            }
            if (value < 1 || value > criterion.ScaleMax)
                errors.Add(field, $"must be a whole number from 1 to {criterion.ScaleMax} (got {value}).");
        }
        foreach (var criterion in criteria.Values)
            if (!scored.ContainsKey(criterion.Key))
                errors.Add($"{prefix}scores.{criterion.Key}", $"is required: score '{criterion.Name}' from 1 to {criterion.ScaleMax}.");
        return errors;
    }

    /// <summary>Maps a score on 1..scaleMax linearly to 0..100: (score − 1) / (scaleMax − 1) × 100; e.g. 4 of 5 → 75, 4 of 10 → 33.33….</summary>
    public static decimal Normalize(int score, int scaleMax)
    {
        if (!TemplateRules.IsScale(scaleMax)) throw new ArgumentOutOfRangeException(nameof(scaleMax), scaleMax, "The scale must be 5 or 10.");
        if (score < 1 || score > scaleMax) throw new ArgumentOutOfRangeException(nameof(score), score, $"The score must be from 1 to {scaleMax}.");
        // Multiply before dividing so that the only rounding is in the final division.
        return 100m * (score - 1) / (scaleMax - 1);
    }

    /// <summary>
    /// Combines all evaluations of one candidate. Throws <see cref="ArgumentException"/> when the template or the
    /// evaluations are invalid; check with <see cref="TemplateRules.Validate"/> and <see cref="ValidateEvaluations"/> first.
    /// </summary>
    public static CombinedScore Combine(ScorecardTemplate template, IReadOnlyList<Evaluation> evaluations, DisagreementRule? rule = null)
    {
        var templateErrors = TemplateRules.Validate(template);
        if (!templateErrors.IsEmpty) throw new ArgumentException($"The template is not valid: {templateErrors}", nameof(template));
        var errors = ValidateEvaluations(template, evaluations);
        if (!errors.IsEmpty) throw new ArgumentException($"The evaluations are not valid: {errors}", nameof(evaluations));
        rule ??= DisagreementRule.Default;
        if (rule.SpreadShare <= 0 || rule.SpreadShare > 1) throw new ArgumentOutOfRangeException(nameof(rule), "SpreadShare must be above 0 and at most 1.");
        if (rule.StdDev <= 0) throw new ArgumentOutOfRangeException(nameof(rule), "StdDev must be above 0.");

        var lookups = evaluations.Select(e => new Dictionary<string, int>(e.Scores, StringComparer.OrdinalIgnoreCase)).ToList();
        var total = TemplateRules.TotalWeight(template);
        var allCriteria = new List<CriterionScore>();
        var dimensions = new List<DimensionScore>();
        foreach (var dimension in template.Dimensions)
        {
            var criteria = dimension.Criteria
                .Select(c => Score(c, dimension.Name, c.Weight / total, lookups.Select(l => l[c.Key]).ToList(), rule))
                .ToList();
            allCriteria.AddRange(criteria);
            dimensions.Add(new DimensionScore(
                dimension.Name,
                dimension.Criteria.Sum(c => c.Weight) / total,
                WeightedMean(dimension.Criteria, criteria),
                criteria.Any(c => c.Disagreement),
                criteria));
        }
        return new CombinedScore(WeightedMean(template.AllCriteria(), allCriteria), dimensions, allCriteria, evaluations.Count);
    }

    /// <summary>Σ weight × mean / Σ weight, straight from the raw weights so no rounded share enters the result.</summary>
    static decimal? WeightedMean(IReadOnlyList<Criterion> criteria, IReadOnlyList<CriterionScore> scores)
    {
        if (scores.Any(s => s.Mean is null)) return null;
        var weighted = 0m;
        for (var i = 0; i < criteria.Count; i++) weighted += criteria[i].Weight * scores[i].Mean!.Value;
        return weighted / criteria.Sum(c => c.Weight);
    }

    static CriterionScore Score(Criterion criterion, string dimension, decimal share, IReadOnlyList<int> values, DisagreementRule rule)
    {
        if (values.Count == 0)
            return new CriterionScore(criterion.Key, criterion.Name, dimension, criterion.ScaleMax, share, null, null, null, null, null, false);

        long n = values.Count;
        long sum = values.Sum(v => (long)v);
        long sumOfSquares = values.Sum(v => (long)v * v);
        var range = criterion.ScaleMax - 1;
        var min = values.Min();
        var max = values.Max();

        // Mean of (s − 1) / range × 100 over n scores, as one quotient of integers.
        var mean = 100m * (sum - n) / (n * range);
        // n²·variance = n·Σs² − (Σs)² is an exact integer, so only the square root is inexact.
        var stdDev = Math.Round(100m * DecimalMath.Sqrt(n * sumOfSquares - sum * sum) / (n * range), StdDevDecimals, MidpointRounding.AwayFromZero);
        var disagreement = max - min >= rule.SpreadShare * range || stdDev >= rule.StdDev;
        return new CriterionScore(criterion.Key, criterion.Name, dimension, criterion.ScaleMax, share,
            mean, (decimal)sum / n, min, max, stdDev, disagreement);
    }
}

static class DecimalMath
{
    /// <summary>Square root in decimal: Newton's method seeded from the (deterministic, correctly rounded) double root.</summary>
    public static decimal Sqrt(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0) return 0;
        var root = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 20; i++)
        {
            var next = (root + value / root) / 2;
            if (next == root) break;
            root = next;
        }
        return root;
    }
}
