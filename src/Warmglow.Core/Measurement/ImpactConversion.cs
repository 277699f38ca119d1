using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

/// <summary>Impact achieved from an activity total.</summary>
/// <param name="Units">Whole impact units achieved (floor).</param>
/// <param name="Remainder">Activity beyond the last whole unit, counting towards the next.</param>
/// <param name="ProgressToNext">Remainder ÷ activity per impact, 0 ≤ p &lt; 1.</param>
/// <param name="ActivityToNext">Activity still needed for the next unit.</param>
public sealed record ImpactProgress(decimal Activity, decimal Units, decimal Remainder, decimal ProgressToNext, decimal ActivityToNext);

/// <summary>
/// An impact goal's conversion of activity into impact for purpose-driven partnerships (product.md §6 "Impact goals"),
/// e.g. 100 journal entries → 1 tree is <c>new ImpactConversion(100)</c>. Whole units only count as achieved —
/// nobody plants 0.37 of a tree — and the remainder is shown as progress towards the next one.
/// </summary>
public sealed record ImpactConversion(decimal ActivityPerImpact)
{
    /// <summary>Activity per impact &gt; 0; field name "activityPerImpact".</summary>
    public static FieldErrors Validate(ImpactConversion? conversion)
    {
        var errors = new FieldErrors();
        if (conversion is null) errors.Add("activityPerImpact", "is required.");
        else if (conversion.ActivityPerImpact <= 0)
            errors.Add("activityPerImpact", $"must be greater than 0 (got {TemplateRules.Format(conversion.ActivityPerImpact)}).");
        else if (conversion.ActivityPerImpact > Roi.MaxAmount)
            errors.Add("activityPerImpact", $"must be at most {TemplateRules.Format(Roi.MaxAmount)}.");
        return errors;
    }

    /// <summary>
    /// E.g. 250 entries at 100 per tree → 2 trees, 50 towards the third (progress 0.5, 50 to go).
    /// Throws on an invalid conversion or negative activity.
    /// </summary>
    public ImpactProgress Achieve(decimal activity)
    {
        var errors = Validate(this);
        if (!errors.IsEmpty) throw new InvalidOperationException($"The impact conversion is not valid: {errors}");
        ArgumentOutOfRangeException.ThrowIfNegative(activity);
        var units = Math.Floor(activity / ActivityPerImpact);
        // The remainder from the floored units, not activity % ratio, so that units × ratio + remainder = activity
        // exactly even when the quotient was rounded in its 28th digit.
        var remainder = activity - units * ActivityPerImpact;
        if (remainder >= ActivityPerImpact)
        {
            units += 1;
            remainder -= ActivityPerImpact;
        }
        else if (remainder < 0)
        {
            units -= 1;
            remainder += ActivityPerImpact;
        }
        return new ImpactProgress(activity, units, remainder, remainder / ActivityPerImpact, ActivityPerImpact - remainder);
    }
}
