using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

public enum MetricDirection { HigherIsBetter, LowerIsBetter }

/// <summary>
/// The part of a metric definition that turns an observation into a 0–100 score (product.md §6 "Balanced scorecard":
/// each metric is normalized against its baseline and target). The baseline scores 0 and the target scores 100,
/// linearly in between; values beyond either end are clamped, so overshooting the target earns no bonus and falling
/// below the baseline no penalty beyond 0 (one metric must not swamp its category).
/// <para>
/// The direction is stated explicitly and must agree with the order of baseline and target (higher is better ⇒
/// target above baseline). The formula alone would accept either order, but a mismatch is almost always a typo,
/// and a typo here silently inverts a score, so <see cref="Validate"/> refuses it.
/// </para>
/// </summary>
public sealed record MetricScale(decimal Baseline, decimal Target, MetricDirection Direction)
{
    public const decimal MinScore = 0m;
    public const decimal MaxScore = 100m;

    /// <summary>Baseline ≠ target; target on the right side of the baseline for the direction; known direction. Field names "baseline", "target", "direction".</summary>
    public static FieldErrors Validate(MetricScale? scale)
    {
        var errors = new FieldErrors();
        if (scale is null)
        {
            errors.Add("scale", "is required.");
            return errors;
        }
        if (!Enum.IsDefined(scale.Direction))
            errors.Add("direction", "must be HigherIsBetter or LowerIsBetter.");
        else if (scale.Baseline == scale.Target)
            errors.Add("target", $"must differ from the baseline (both are {TemplateRules.Format(scale.Baseline)}); a metric cannot improve towards where it already is.");
        else if (scale.Direction == MetricDirection.HigherIsBetter && scale.Target < scale.Baseline)
            errors.Add("target", $"must be above the baseline ({TemplateRules.Format(scale.Baseline)}) when higher is better (got {TemplateRules.Format(scale.Target)}).");
        else if (scale.Direction == MetricDirection.LowerIsBetter && scale.Target > scale.Baseline)
            errors.Add("target", $"must be below the baseline ({TemplateRules.Format(scale.Baseline)}) when lower is better (got {TemplateRules.Format(scale.Target)}).");
        return errors;
    }

    /// <summary>
    /// The unclamped progress from baseline (0) to target (100), direction-aware: what trends are read from, so that a
    /// series beyond the target still shows its slope. E.g. baseline 30 days, target 10, lower is better: 20 → 50, 5 → 125.
    /// Throws <see cref="InvalidOperationException"/> when <see cref="Validate"/> refuses the scale.
    /// </summary>
    public decimal Progress(decimal value)
    {
        var errors = Validate(this);
        if (!errors.IsEmpty) throw new InvalidOperationException($"The metric scale is not valid: {errors}");
        return 100m * (value - Baseline) / (Target - Baseline);
    }

    /// <summary>
    /// (value − baseline) / (target − baseline) × 100, clamped to 0–100; exact (round only for display).
    /// E.g. baseline 10, target 50, higher is better: 30 → 50. Baseline 20 days, target 10 days, lower is better: 12 → 80.
    /// Throws <see cref="InvalidOperationException"/> when <see cref="Validate"/> refuses the scale.
    /// </summary>
    public decimal Normalize(decimal value)
    {
        var errors = Validate(this);
        if (!errors.IsEmpty) throw new InvalidOperationException($"The metric scale is not valid: {errors}");
        // The same formula serves both directions: with lower-is-better both numerator and denominator change sign.
        // Multiply before dividing so the only rounding is in the final division.
        var score = 100m * (value - Baseline) / (Target - Baseline);
        return Math.Clamp(score, MinScore, MaxScore);
    }
}
