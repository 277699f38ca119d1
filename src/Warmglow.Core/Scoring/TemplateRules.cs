using System.Globalization;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Scoring;

/// <summary>
/// What makes a scorecard template valid (product.md §2 "Scorecards"), and how its weights are read.
/// <para>
/// Weights are relative, not percentages: a criterion's share is its weight divided by the sum of all weights
/// of the template, so 3 / 1 / 1 and 60 / 20 / 20 mean the same and weights need not add up to 100.
/// We normalize rather than refuse because admins change one weight at a time, and refusing every
/// intermediate state that does not add up to 100 would make editing a chore; the UI shows each share in %
/// (<see cref="CriterionShares"/>, <see cref="DimensionShares"/>) so nobody has to do the division.
/// </para>
/// </summary>
public static class TemplateRules
{
    public const int KeyMax = 64;
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;
    public const int MaxCriteria = 100;
    /// <summary>Upper bound on one weight; relative weights need no more, and it keeps sums far from decimal overflow.</summary>
    public const decimal MaxWeight = 10_000m;

    /// <summary>The allowed scales: 1–5 and 1–10.</summary>
    public static readonly IReadOnlyList<int> Scales = [5, 10];

    public static bool IsScale(int scaleMax) => scaleMax is 5 or 10;

    /// <summary>
    /// Name required; at least one dimension, each with a name (unique) and at least one criterion;
    /// criterion keys present, slug-shaped and unique (case-insensitive); names present; weights &gt; 0; scale 5 or 10.
    /// Field names follow the template's JSON, e.g. "dimensions[0].criteria[2].weight".
    /// </summary>
    public static FieldErrors Validate(ScorecardTemplate template)
    {
        var errors = new FieldErrors()
            .Required("name", template.Name, NameMax)
            .Optional("description", template.Description, DescriptionMax);
        ValidateKey(errors, "key", template.Key);

        var dimensions = template.Dimensions ?? [];
        if (dimensions.Count == 0)
        {
            errors.Add("dimensions", "must have at least one dimension with at least one criterion.");
            return errors;
        }

        var dimensionNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Case-insensitive because field names ("scores.<key>") are matched case-insensitively.
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var criterionCount = 0;
        for (var d = 0; d < dimensions.Count; d++)
        {
            var prefix = $"dimensions[{d}]";
            var dimension = dimensions[d];
            if (dimension is null)
            {
                errors.Add(prefix, "is required.");
                continue;
            }
            errors.Required(prefix + ".name", dimension.Name, NameMax);
            if (!string.IsNullOrWhiteSpace(dimension.Name) && !dimensionNames.Add(dimension.Name.Trim()))
                errors.Add(prefix + ".name", $"'{dimension.Name.Trim()}' is already the name of another dimension.");

            var criteria = dimension.Criteria ?? [];
            if (criteria.Count == 0) errors.Add(prefix + ".criteria", "must have at least one criterion.");
            for (var c = 0; c < criteria.Count; c++)
            {
                var field = $"{prefix}.criteria[{c}]";
                var criterion = criteria[c];
                if (criterion is null)
                {
                    errors.Add(field, "is required.");
                    continue;
                }
                criterionCount++;
                if (ValidateKey(errors, field + ".key", criterion.Key) && !keys.Add(criterion.Key))
                    errors.Add(field + ".key", $"'{criterion.Key}' is already the key of another criterion; keys must be unique within a template.");
                errors.Required(field + ".name", criterion.Name, NameMax);
                if (criterion.Weight <= 0)
                    errors.Add(field + ".weight", $"must be greater than 0 (got {Format(criterion.Weight)}).");
                else if (criterion.Weight > MaxWeight)
                    errors.Add(field + ".weight", $"must be at most {Format(MaxWeight)} (got {Format(criterion.Weight)}); weights are relative, so smaller numbers mean the same.");
                if (!IsScale(criterion.ScaleMax))
                    errors.Add(field + ".scaleMax", $"must be 5 or 10 (a 1–5 or 1–10 scale; got {criterion.ScaleMax}).");
            }
        }
        if (criterionCount > MaxCriteria)
            errors.Add("dimensions", $"must have at most {MaxCriteria} criteria in all (got {criterionCount}).");
        return errors;
    }

    /// <summary>Sum of all criterion weights; the denominator of every share.</summary>
    public static decimal TotalWeight(ScorecardTemplate template) => template.AllCriteria().Sum(c => c.Weight);

    /// <summary>The criterion's exact share of the total weight (0..1).</summary>
    public static decimal NormalizedWeight(ScorecardTemplate template, Criterion criterion) =>
        criterion.Weight / PositiveTotal(template);

    /// <summary>The exact share (0..1) of the criterion with this key (case-insensitive).</summary>
    public static decimal NormalizedWeight(ScorecardTemplate template, string criterionKey)
    {
        var criterion = template.AllCriteria().FirstOrDefault(c => string.Equals(c.Key, criterionKey, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{criterionKey}' is not a criterion of template '{template.Key}'.", nameof(criterionKey));
        return NormalizedWeight(template, criterion);
    }

    /// <summary>The dimension's exact share (0..1): the sum of its criteria's shares.</summary>
    public static decimal NormalizedWeight(ScorecardTemplate template, Dimension dimension) =>
        dimension.Criteria.Sum(c => c.Weight) / PositiveTotal(template);

    /// <summary>Each criterion's share, in template order, with display percentages that add up to exactly 100.</summary>
    public static IReadOnlyList<WeightShare> CriterionShares(ScorecardTemplate template, int decimals = 1)
    {
        var criteria = template.AllCriteria();
        return Shares(criteria.Select(c => (c.Key, c.Weight)).ToList(), decimals);
    }

    /// <summary>Each dimension's share, in template order, with display percentages that add up to exactly 100.</summary>
    public static IReadOnlyList<WeightShare> DimensionShares(ScorecardTemplate template, int decimals = 1) =>
        Shares(template.Dimensions.Select(d => (d.Name, d.Criteria.Sum(c => c.Weight))).ToList(), decimals);

    static List<WeightShare> Shares(List<(string Key, decimal Weight)> items, int decimals)
    {
        var total = items.Sum(i => i.Weight);
        if (total <= 0) throw new ArgumentException("The template has no positive weights; validate it first.");
        var percents = LargestRemainder(items.Select(i => i.Weight).ToList(), decimals);
        return items.Select((item, i) => new WeightShare(item.Key, item.Weight / total, percents[i])).ToList();
    }

    /// <summary>
    /// Percentages rounded to <paramref name="decimals"/> places that add up to exactly 100 (largest-remainder method):
    /// plain rounding of 1/3 + 1/3 + 1/3 would show 33.3 + 33.3 + 33.3 = 99.9 and look like a bug.
    /// </summary>
    internal static decimal[] LargestRemainder(IReadOnlyList<decimal> weights, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 6);
        var total = weights.Sum();
        var unit = 1m;
        for (var i = 0; i < decimals; i++) unit /= 10;
        var exact = weights.Select(w => w * 100m / total).ToArray();
        var result = exact.Select(e => Math.Floor(e / unit) * unit).ToArray();
        var unitsLeft = (int)Math.Round((100m - result.Sum()) / unit);
        // Ties go to the earlier item so that the result does not depend on sort stability.
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take(unitsLeft))
            result[i] += unit;
        return result;
    }

    static decimal PositiveTotal(ScorecardTemplate template)
    {
        var total = TotalWeight(template);
        if (total <= 0) throw new ArgumentException($"Template '{template.Key}' has no positive weights; validate it first.", nameof(template));
        return total;
    }

    /// <summary>Keys appear in JSON field names ("scores.&lt;key&gt;"), so they are restricted to lowercase letters, digits and single hyphens.</summary>
    internal static bool ValidateKey(FieldErrors errors, string field, string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(field, "is required.");
            return false;
        }
        if (key.Length > KeyMax)
        {
            errors.Add(field, $"must be at most {KeyMax} characters (got {key.Length}).");
            return false;
        }
        if (!IsSlug(key))
        {
            errors.Add(field, "must be lowercase letters, digits and single hyphens, e.g. financial-stability.");
            return false;
        }
        return true;
    }

    static bool IsSlug(string key)
    {
        if (key[0] == '-' || key[^1] == '-') return false;
        for (var i = 0; i < key.Length; i++)
        {
            var ch = key[i];
            if (ch == '-' ? key[i - 1] == '-' : !(ch is >= 'a' and <= 'z' or >= '0' and <= '9')) return false;
        }
        return true;
    }

    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
