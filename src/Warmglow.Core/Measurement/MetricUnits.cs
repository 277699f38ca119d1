using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

/// <summary>What a metric's values count in; decides which values are possible at all (<see cref="MetricUnits"/>).</summary>
public enum MetricUnit { Percent, Count, Currency, Score, Days, Number }

/// <summary>Whether a metric predicts results (leading, e.g. joint pipeline) or records them (lagging, e.g. revenue).</summary>
public enum IndicatorKind { Leading, Lagging }

/// <summary>How often a metric is observed; reviews are quarterly by default (product.md §6 "Baselines").</summary>
public enum MetricFrequency { Monthly, Quarterly, Yearly }

/// <summary>
/// Unit rules for metric values (observations, baselines, targets): a value the unit cannot take is a typo or a
/// mix-up of units, and scoring it would silently distort a scorecard, so it is refused with the field named.
/// <list type="bullet">
/// <item>Percent and Score: 0–100, at most 2 decimals (a percentage of 120 is a mistake, not an overshoot).</item>
/// <item>Count: a whole number ≥ 0.</item>
/// <item>Currency: at most 2 decimals (the reporting currency's minor units), may be negative (a loss), |v| ≤ 10¹².</item>
/// <item>Days: ≥ 0, at most 2 decimals.</item>
/// <item>Number: |v| ≤ 10¹², at most 4 decimals (the stored precision).</item>
/// </list>
/// </summary>
public static class MetricUnits
{
    public const decimal MaxMagnitude = Roi.MaxAmount;
    public const int StoredDecimals = 4;

    public static FieldErrors ValidateValue(MetricUnit unit, decimal value, string field, int currencyMinorUnits = 2) =>
        ValidateValue(new FieldErrors(), unit, value, field, currencyMinorUnits);

    public static FieldErrors ValidateValue(FieldErrors errors, MetricUnit unit, decimal value, string field, int currencyMinorUnits = 2)
    {
        var shown = TemplateRules.Format(value);
        if (Math.Abs(value) > MaxMagnitude)
        {
            errors.Add(field, $"must be at most {TemplateRules.Format(MaxMagnitude)} in size (got {shown}).");
            return errors;
        }
        switch (unit)
        {
            case MetricUnit.Percent or MetricUnit.Score:
                if (value < 0 || value > 100) errors.Add(field, $"is a {Name(unit)}, so it must be from 0 to 100 (got {shown}).");
                else if (Decimals(value) > 2) errors.Add(field, $"is a {Name(unit)}: at most 2 decimals (got {shown}).");
                break;
            case MetricUnit.Count:
                if (value < 0) errors.Add(field, $"is a count, so it must not be negative (got {shown}).");
                else if (value != decimal.Truncate(value)) errors.Add(field, $"is a count, so it must be a whole number (got {shown}).");
                break;
            case MetricUnit.Currency:
                if (Decimals(value) > currencyMinorUnits) errors.Add(field, $"is a currency amount: at most {currencyMinorUnits} decimals (got {shown}).");
                break;
            case MetricUnit.Days:
                if (value < 0) errors.Add(field, $"is a number of days, so it must not be negative (got {shown}).");
                else if (Decimals(value) > 2) errors.Add(field, $"is a number of days: at most 2 decimals (got {shown}).");
                break;
            case MetricUnit.Number:
                if (Decimals(value) > StoredDecimals) errors.Add(field, $"has at most {StoredDecimals} decimals (got {shown}).");
                break;
            default:
                errors.Add("unit", $"'{unit}' is not a known unit.");
                break;
        }
        return errors;
    }

    /// <summary>Significant decimals of a value (1.50 → 1).</summary>
    public static int Decimals(decimal value)
    {
        var normalized = value / 1.0000000000000000000000000000m;
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }

    static string Name(MetricUnit unit) => unit == MetricUnit.Percent ? "percentage" : "score";

    /// <summary>A short suffix for display ("%", " days"…); currency amounts get their code from the caller.</summary>
    public static string Suffix(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "%",
        MetricUnit.Days => " days",
        MetricUnit.Score => " / 100",
        _ => "",
    };
}
