using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

/// <summary>The balanced scorecard's four categories (product.md §6).</summary>
public enum BalancedScorecardCategory { Financial, StrategicAlignment, OperationalEfficiency, RelationshipHealth }

/// <summary>The alternative five-dimension frame (product.md §6).</summary>
public enum ImpactDimension { FinancialImpact, CapabilityDevelopment, BrandEnhancement, CustomerExperience, EcosystemGrowth }

/// <summary>A way to group metrics into weighted categories; <typeparamref name="TCategory"/> lists the categories.</summary>
/// <param name="DefaultWeights">Percent per category, totalling exactly 100.</param>
public sealed record ScorecardFrame<TCategory>(string Key, string Name, IReadOnlyDictionary<TCategory, decimal> DefaultWeights)
    where TCategory : struct, Enum;

/// <summary>The two built-in frames.</summary>
public static class ScorecardFrames
{
    /// <summary>Financial 30, strategic alignment 25, operational efficiency 25, relationship health 20.</summary>
    public static readonly ScorecardFrame<BalancedScorecardCategory> Balanced = new("balanced", "Balanced scorecard",
        new Dictionary<BalancedScorecardCategory, decimal>
        {
            [BalancedScorecardCategory.Financial] = 30m,
            [BalancedScorecardCategory.StrategicAlignment] = 25m,
            [BalancedScorecardCategory.OperationalEfficiency] = 25m,
            [BalancedScorecardCategory.RelationshipHealth] = 20m,
        }.AsReadOnly());

    /// <summary>Five dimensions of 20 each: the product page gives no weights, so none is favoured.</summary>
    public static readonly ScorecardFrame<ImpactDimension> FiveDimension = new("five-dimension", "Five-dimension value frame",
        Enum.GetValues<ImpactDimension>().ToDictionary(d => d, _ => 20m).AsReadOnly());
}

/// <summary>One metric's normalized score (0–100, see <see cref="MetricScale.Normalize"/>) in a category.</summary>
/// <param name="Weight">Relative weight within its category; null counts as 1, so unweighted metrics are a plain mean.</param>
public sealed record ScorecardMetric<TCategory>(TCategory Category, decimal Score, decimal? Weight = null)
    where TCategory : struct, Enum;

/// <summary>One category's result. <see cref="Score"/> and <see cref="EffectiveShare"/> are null when it has no metrics.</summary>
/// <param name="Weight">The configured weight in percent.</param>
/// <param name="EffectiveShare">Its share (0..1) of the composite after re-normalizing over the categories with data.</param>
public sealed record CategoryScore<TCategory>(TCategory Category, decimal Weight, decimal? EffectiveShare, decimal? Score, int MetricCount)
    where TCategory : struct, Enum;

/// <summary>The composite (null when no category has data, or all with data weigh 0) and every category of the frame, in enum order.</summary>
public sealed record ScorecardResult<TCategory>(decimal? Composite, IReadOnlyList<CategoryScore<TCategory>> Categories)
    where TCategory : struct, Enum
{
    /// <summary>True when some category with weight lacks data, so the composite rests on part of the frame only.</summary>
    public bool IsPartial => Categories.Any(c => c.Score is null && c.Weight > 0);
}

/// <summary>
/// Category and composite scores for a scorecard frame (product.md §6 "Balanced scorecard"; the same code serves the
/// five-dimension frame). A category's score is the (weighted) mean of its metrics' normalized scores; the composite is
/// the weighted mean of the category scores.
/// <para>
/// Category weights are percentages and must total exactly 100 — unlike scorecard template weights, which are relative
/// (<see cref="TemplateRules"/>): here the product states them as percentages and people compare them with the book.
/// </para>
/// <para>
/// Missing categories: the composite re-normalizes the weights over the categories that have data (financial 80 and
/// relationship 90 alone → (30×80 + 20×90) / 50 = 84). The alternatives are worse: counting a missing category as 0
/// punishes a partnership for a metric nobody has measured yet, and refusing a composite until every category has data
/// hides everything early in a partnership's life. <see cref="ScorecardResult{TCategory}.IsPartial"/> and the effective
/// shares tell the UI to say so.
/// </para>
/// </summary>
public static class Scorecard
{
    public const decimal WeightTotal = 100m;

    /// <summary>
    /// Every category of the frame has a weight from 0 to 100 and they total exactly 100 (field "weights", per category
    /// "weights.&lt;Category&gt;"); every metric's score is 0–100, its weight (if given) &gt; 0 and its category known
    /// (fields "metrics[i].score", "metrics[i].weight", "metrics[i].category").
    /// </summary>
    public static FieldErrors Validate<TCategory>(IReadOnlyDictionary<TCategory, decimal>? weights, IReadOnlyList<ScorecardMetric<TCategory>>? metrics)
        where TCategory : struct, Enum
    {
        var errors = ValidateWeights(weights);
        if (metrics is null)
        {
            errors.Add("metrics", "are required (an empty list means nothing has been measured yet).");
            return errors;
        }
        for (var i = 0; i < metrics.Count; i++)
        {
            var field = $"metrics[{i}]";
            var metric = metrics[i];
            if (metric is null)
            {
                errors.Add(field, "is required.");
                continue;
            }
            if (!Enum.IsDefined(metric.Category))
                errors.Add(field + ".category", $"'{metric.Category}' is not a category of this frame.");
            if (metric.Score < MetricScale.MinScore || metric.Score > MetricScale.MaxScore)
                errors.Add(field + ".score", $"must be a normalized score from 0 to 100 (got {TemplateRules.Format(metric.Score)}).");
            if (metric.Weight is { } w && (w <= 0 || w > TemplateRules.MaxWeight))
                errors.Add(field + ".weight", $"must be greater than 0 and at most {TemplateRules.Format(TemplateRules.MaxWeight)} (got {TemplateRules.Format(w)}).");
        }
        return errors;
    }

    /// <summary>The weights part of <see cref="Validate{TCategory}"/>, for a settings form that edits only weights.</summary>
    public static FieldErrors ValidateWeights<TCategory>(IReadOnlyDictionary<TCategory, decimal>? weights)
        where TCategory : struct, Enum
    {
        var errors = new FieldErrors();
        if (weights is null)
        {
            errors.Add("weights", "are required: one percentage per category, totalling 100.");
            return errors;
        }
        var total = 0m;
        foreach (var category in Enum.GetValues<TCategory>())
        {
            if (!weights.TryGetValue(category, out var weight))
            {
                errors.Add($"weights.{category}", "is required (use 0 to leave the category out).");
                continue;
            }
            if (weight < 0 || weight > WeightTotal)
                errors.Add($"weights.{category}", $"must be from 0 to 100 percent (got {TemplateRules.Format(weight)}).");
            else total += weight;
        }
        foreach (var category in weights.Keys.Where(c => !Enum.IsDefined(c)))
            errors.Add($"weights.{category}", "is not a category of this frame.");
        if (errors.IsEmpty && total != WeightTotal)
            errors.Add("weights", $"must total exactly 100 percent (got {TemplateRules.Format(total)}).");
        return errors;
    }

    /// <summary>Scores with the frame's default weights.</summary>
    public static ScorecardResult<TCategory> Compute<TCategory>(ScorecardFrame<TCategory> frame, IReadOnlyList<ScorecardMetric<TCategory>> metrics)
        where TCategory : struct, Enum => Compute(frame.DefaultWeights, metrics);

    /// <summary>
    /// Scores with the given category weights, exactly (round only for display).
    /// Throws <see cref="ArgumentException"/> on input <see cref="Validate{TCategory}"/> refuses.
    /// </summary>
    public static ScorecardResult<TCategory> Compute<TCategory>(IReadOnlyDictionary<TCategory, decimal> weights, IReadOnlyList<ScorecardMetric<TCategory>> metrics)
        where TCategory : struct, Enum
    {
        var errors = Validate(weights, metrics);
        if (!errors.IsEmpty) throw new ArgumentException($"The scorecard input is not valid: {errors}");

        var categoryScores = new List<(TCategory Category, decimal Weight, decimal? Score, int Count)>();
        foreach (var category in Enum.GetValues<TCategory>())
        {
            var own = metrics.Where(m => EqualityComparer<TCategory>.Default.Equals(m.Category, category)).ToList();
            decimal? score = own.Count == 0
                ? null
                : own.Sum(m => (m.Weight ?? 1m) * m.Score) / own.Sum(m => m.Weight ?? 1m);
            categoryScores.Add((category, weights[category], score, own.Count));
        }

        // Re-normalize over the categories with data (see the class remarks).
        var presentWeight = categoryScores.Where(c => c.Score is not null).Sum(c => c.Weight);
        decimal? composite = presentWeight == 0
            ? null
            : categoryScores.Where(c => c.Score is not null).Sum(c => c.Weight * c.Score!.Value) / presentWeight;
        return new ScorecardResult<TCategory>(composite, categoryScores
            .Select(c => new CategoryScore<TCategory>(c.Category, c.Weight,
                c.Score is null || presentWeight == 0 ? null : c.Weight / presentWeight, c.Score, c.Count))
            .ToList());
    }
}
