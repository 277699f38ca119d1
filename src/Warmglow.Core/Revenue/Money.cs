using System.Globalization;

namespace Warmglow.Core.Revenue;

/// <summary>An ISO 4217 currency and how many minor units (decimal places) its amounts may have.</summary>
public sealed record Currency(string Code, int MinorUnits)
{
    /// <summary>
    /// The currencies revenue sharing accepts. A short list on purpose: every code here has been checked against
    /// ISO 4217 for its minor units, which is what rounding depends on; add a code only together with its minor units.
    /// </summary>
    public static readonly IReadOnlyList<Currency> Known =
    [
        new("EUR", 2), new("USD", 2), new("GBP", 2), new("CHF", 2), new("JPY", 0),
        new("AUD", 2), new("CAD", 2), new("SEK", 2), new("NOK", 2), new("DKK", 2),
        new("BRL", 2), new("MXN", 2), new("INR", 2), new("SGD", 2), new("NZD", 2),
    ];

    static readonly Dictionary<string, Currency> ByCode = Known.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The known currency for a code (trimmed, any case), or null.</summary>
    public static Currency? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var currency) ? currency : null;

    public override string ToString() => Code;
}

/// <summary>Rounding and formatting money. Amounts are always <see cref="decimal"/>: binary floating point cannot hold 0.10.</summary>
public static class Money
{
    /// <summary>
    /// Rounds to the currency's minor units, half away from zero, so that a refund rounds to exactly the negative of
    /// the sale it reverses (banker's rounding would too, but "half a cent goes up" is what finance people expect).
    /// </summary>
    public static decimal RoundToMinor(decimal amount, int minorUnits)
    {
        CheckMinorUnits(minorUnits);
        return Math.Round(amount, minorUnits, MidpointRounding.AwayFromZero);
    }

    /// <summary>True when the amount has no more decimals than the currency allows (12.50 fits EUR; 12.505 and JPY 12.5 do not).</summary>
    public static bool FitsMinorUnits(decimal amount, int minorUnits) => RoundToMinor(amount, minorUnits) == amount;

    /// <summary>Invariant text without trailing zeros beyond the minor units, e.g. "60.01", "-40.00", "1500" for JPY.</summary>
    public static string Format(decimal amount, int minorUnits) =>
        RoundToMinor(amount, minorUnits).ToString("F" + minorUnits, CultureInfo.InvariantCulture);

    /// <summary>An amount as people read it: rounded to the currency's minor unit, with thousands separators ("1,234.50").</summary>
    public static string Display(decimal amount, int minorUnits) =>
        RoundToMinor(amount, minorUnits).ToString("N" + minorUnits, CultureInfo.InvariantCulture);

    /// <summary>Invariant text of a percentage or weight, without trailing zeros ("60", "12.5").</summary>
    internal static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    internal static decimal MinorUnit(int minorUnits)
    {
        CheckMinorUnits(minorUnits);
        var unit = 1m;
        for (var i = 0; i < minorUnits; i++) unit /= 10;
        return unit;
    }

    internal static void CheckMinorUnits(int minorUnits)
    {
        // ISO 4217 has currencies with 0, 2, 3 and 4 minor units; anything beyond is a programming error.
        if (minorUnits is < 0 or > 4) throw new ArgumentOutOfRangeException(nameof(minorUnits), minorUnits, "Minor units must be from 0 to 4.");
    }
}

/// <summary>
/// Splitting an amount into parts that add up to it exactly, with the largest-remainder (Hamilton) method:
/// every part gets its exact quota rounded down to the minor unit, and the minor units left over go one each to the
/// parts with the largest remainders. No part is ever more than one minor unit away from its exact quota, and the
/// parts always sum to the total, which rounding each part on its own cannot promise (three thirds of 1.00 would be 0.99).
/// </summary>
public static class Allocation
{
    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (non-negative, not all zero) into
    /// amounts with <paramref name="minorUnits"/> decimals that sum exactly to the total.
    /// <para>
    /// Ties between equal remainders go to the lower index, so that the same input always gives the same output and
    /// the party listed first in an agreement gets the odd cent. A negative total (a refund) is split as its absolute
    /// value and negated, so a refund claws back exactly what the same sale paid out.
    /// A part with weight 0 always gets exactly 0.
    /// </para>
    /// Throws <see cref="ArgumentException"/> when the total has more decimals than the minor units allow or the weights are unusable.
    /// </summary>
    public static IReadOnlyList<decimal> LargestRemainder(decimal total, IReadOnlyList<decimal> weights, int minorUnits)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var unit = Money.MinorUnit(minorUnits);
        if (weights.Count == 0) throw new ArgumentException("At least one weight is needed.", nameof(weights));
        if (weights.Any(w => w < 0)) throw new ArgumentException("Weights must not be negative.", nameof(weights));
        var weightSum = weights.Sum();
        if (weightSum == 0) throw new ArgumentException("At least one weight must be above 0.", nameof(weights));
        if (!Money.FitsMinorUnits(total, minorUnits))
            throw new ArgumentException($"The total {total.ToString(CultureInfo.InvariantCulture)} has more than {minorUnits} decimals.", nameof(total));

        // Work in whole minor units. Every part's quota is units × w / W; all remainders share the denominator W,
        // so comparing the integer-ish numerators (units × w) mod W is exact, with no division rounded at the 28th digit.
        var units = Math.Abs(total) / unit;
        var parts = new decimal[weights.Count];
        var remainders = new decimal[weights.Count];
        try
        {
            for (var i = 0; i < weights.Count; i++)
            {
                var numerator = units * weights[i];
                remainders[i] = numerator % weightSum;
                // (numerator − remainder) / W is a whole number; Math.Round only guards the representation.
                parts[i] = Math.Round((numerator - remainders[i]) / weightSum);
            }
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("The total and weights are too large to split exactly; scale the weights down.", nameof(weights), e);
        }

        // Each remainder is below W and they add up to leftover × W, so fewer units are left over than there are parts.
        // That holds exactly when every units × w and their sum fit decimal's 28 digits (money amounts with
        // percentages or costs of a few decimals always do); weights like 1/7 with 28 digits are rounded, and then
        // the leftover can be off by one. The loops below still force the sum to be exact in either case.
        var leftover = units - parts.Sum();
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .ToArray();
        var receivers = order.Where(i => weights[i] > 0).ToArray();
        for (var k = 0; leftover > 0; k++, leftover--) parts[receivers[k % receivers.Length]] += 1;
        for (var k = order.Length - 1; leftover < 0; k = k == 0 ? order.Length - 1 : k - 1)
            if (parts[order[k]] > 0)
            {
                parts[order[k]] -= 1;
                leftover++;
            }

        var sign = total < 0 ? -1 : 1;
        // p == 0 stays a plain 0 rather than a negative zero that would print as "-0.00".
        return parts.Select(p => p == 0 ? 0m : sign * p * unit).ToArray();
    }
}
