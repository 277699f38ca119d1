using Warmglow.Core.Measurement;
using Warmglow.Core.Validation;

namespace Warmglow.Web.Features.Measurement;

/// <summary>Which categories a frame has, and the rules for a metric definition.</summary>
public static class MetricRules
{
    public const int NameMax = 120;
    public const int TextMax = 1000;

    public static IReadOnlyList<string> CategoriesOf(MeasurementFrame frame) => frame == MeasurementFrame.Balanced
        ? Enum.GetNames<BalancedScorecardCategory>()
        : Enum.GetNames<ImpactDimension>();

    public static IReadOnlyDictionary<string, decimal> DefaultWeights(MeasurementFrame frame) => frame == MeasurementFrame.Balanced
        ? ScorecardFrames.Balanced.DefaultWeights.ToDictionary(w => w.Key.ToString(), w => w.Value)
        : ScorecardFrames.FiveDimension.DefaultWeights.ToDictionary(w => w.Key.ToString(), w => w.Value);

    /// <summary>"StrategicAlignment" → "Strategic alignment".</summary>
    public static string Label(string category) =>
        string.Concat(category.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    public static string Label(MeasurementFrame frame) => frame == MeasurementFrame.Balanced
        ? "Balanced scorecard (financial, strategic alignment, operational efficiency, relationship health)"
        : "Five-dimension value frame (financial impact, capability development, brand enhancement, customer experience, ecosystem growth)";

    /// <summary>Normalizes the category name to the frame's spelling, or null when the frame has no such category.</summary>
    public static string? Category(MeasurementFrame frame, string? category) =>
        CategoriesOf(frame).FirstOrDefault(c => string.Equals(c, category?.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The composite for a frame from (category, score) pairs, via Core's <see cref="Scorecard"/>; weights by
    /// category name. Invalid weights throw (they are validated when saved).
    /// </summary>
    public static FrameResult Compute(MeasurementFrame frame, IReadOnlyDictionary<string, decimal> weights, IEnumerable<(string Category, decimal Score)> metrics) =>
        frame == MeasurementFrame.Balanced ? Compute<BalancedScorecardCategory>(weights, metrics) : Compute<ImpactDimension>(weights, metrics);

    static FrameResult Compute<T>(IReadOnlyDictionary<string, decimal> weights, IEnumerable<(string Category, decimal Score)> metrics) where T : struct, Enum
    {
        var typed = Enum.GetValues<T>().ToDictionary(c => c, c => weights.TryGetValue(c.ToString(), out var w) ? w : 0m);
        var list = metrics.Where(m => Enum.TryParse<T>(m.Category, out _))
            .Select(m => new ScorecardMetric<T>(Enum.Parse<T>(m.Category), m.Score)).ToList();
        var result = Scorecard.Compute(typed, list);
        return new FrameResult(result.Composite, result.IsPartial,
            result.Categories.Select(c => new CategoryResult(c.Category.ToString(), Label(c.Category.ToString()), c.Weight, c.EffectiveShare, c.Score, c.MetricCount)).ToList());
    }

    public static FieldErrors ValidateWeights(MeasurementFrame frame, IReadOnlyDictionary<string, decimal>? weights)
    {
        var errors = frame == MeasurementFrame.Balanced
            ? Scorecard.ValidateWeights(Typed<BalancedScorecardCategory>(weights))
            : Scorecard.ValidateWeights(Typed<ImpactDimension>(weights));
        foreach (var key in weights?.Keys.Where(k => Category(frame, k) is null) ?? [])
            errors.Add($"weights.{key}", $"is not a category of the {frame} frame (expected {string.Join(", ", CategoriesOf(frame))}).");
        return errors;
    }

    static Dictionary<T, decimal>? Typed<T>(IReadOnlyDictionary<string, decimal>? weights) where T : struct, Enum
    {
        if (weights is null) return null;
        var typed = new Dictionary<T, decimal>();
        foreach (var (key, value) in weights)
            if (Enum.TryParse<T>(key.Replace(" ", ""), ignoreCase: true, out var c) && Enum.IsDefined(c)) typed[c] = value;
        return typed;
    }
}

public sealed record CategoryResult(string Category, string Label, decimal Weight, decimal? EffectiveShare, decimal? Score, int MetricCount);
public sealed record FrameResult(decimal? Composite, bool Partial, IReadOnlyList<CategoryResult> Categories);
