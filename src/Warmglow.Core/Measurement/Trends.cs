using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

public enum Trend { Falling, Flat, Rising }

/// <summary>
/// Trend detection on per-period series, oldest first (product.md §6 "Red flags": a declining trend over consecutive
/// periods). Two views: a strict run of declines, which drives red flags, and a least-squares slope, which labels a
/// series for display and tolerates one noisy period.
/// </summary>
public static class Trends
{
    /// <summary>Declines in a row that make a red flag.</summary>
    public const int DefaultConsecutivePeriods = 3;

    /// <summary>
    /// Points per period below which a slope counts as flat; tuned for 0–100 scores, where a drift under a point a
    /// period is noise. Pass another tolerance for other units.
    /// </summary>
    public const decimal DefaultFlatTolerance = 1m;

    /// <summary>
    /// True when each of the last <paramref name="n"/> period-over-period changes is strictly negative, which needs at
    /// least n + 1 points; false with fewer points. Equal values break the run (a plateau is not a decline), and so
    /// does any rise at the end (a recovery clears the flag). Throws when n &lt; 1.
    /// </summary>
    public static bool DecliningForConsecutivePeriods(IReadOnlyList<decimal> series, int n = DefaultConsecutivePeriods)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (series.Count < n + 1) return false;
        for (var i = series.Count - n; i < series.Count; i++)
            if (series[i] >= series[i - 1]) return false;
        return true;
    }

    /// <summary>
    /// The least-squares slope per period with x = 0, 1, 2…: (nΣxy − ΣxΣy) / (nΣx² − (Σx)²), exact.
    /// Null with fewer than 2 points (no line through one point).
    /// </summary>
    public static decimal? Slope(IReadOnlyList<decimal> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2) return null;
        decimal n = series.Count;
        decimal sumX = 0, sumY = 0, sumXY = 0, sumXX = 0;
        for (var i = 0; i < series.Count; i++)
        {
            sumX += i;
            sumY += series[i];
            sumXY += i * series[i];
            sumXX += (decimal)i * i;
        }
        return (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
    }

    /// <summary>Tolerance ≥ 0; field name "tolerance".</summary>
    public static FieldErrors ValidateTolerance(decimal tolerance)
    {
        var errors = new FieldErrors();
        if (tolerance < 0) errors.Add("tolerance", $"must not be negative (got {TemplateRules.Format(tolerance)}).");
        return errors;
    }

    /// <summary>
    /// Rising or Falling when the slope's size exceeds <paramref name="tolerance"/>, else Flat (a slope exactly at the
    /// tolerance is flat). Null with fewer than 2 points: "no trend yet" is not the same as flat.
    /// Throws when the tolerance is negative.
    /// </summary>
    public static Trend? Classify(IReadOnlyList<decimal> series, decimal tolerance = DefaultFlatTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (Slope(series) is not { } slope) return null;
        return slope > tolerance ? Trend.Rising : slope < -tolerance ? Trend.Falling : Trend.Flat;
    }
}
