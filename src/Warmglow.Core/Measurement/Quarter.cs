using System.Globalization;
using System.Text.RegularExpressions;

namespace Warmglow.Core.Measurement;

/// <summary>
/// A calendar quarter, the period of health surveys, engagement and alerts (product.md §6: reviews are quarterly).
/// Labelled "2026-Q3"; <see cref="Start"/> and <see cref="End"/> are inclusive dates.
/// </summary>
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public DateOnly Start => new(Year, (Number - 1) * 3 + 1, 1);
    public DateOnly End => Start.AddMonths(3).AddDays(-1);
    public string Label => $"{Year.ToString("0000", CultureInfo.InvariantCulture)}-Q{Number}";
    public override string ToString() => Label;

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month + 2) / 3);
    public static Quarter Of(DateTime at) => Of(DateOnly.FromDateTime(at));

    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);
    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    /// <summary>The <paramref name="count"/> quarters ending with this one, oldest first.</summary>
    public IReadOnlyList<Quarter> Trailing(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var list = new List<Quarter>(count);
        var q = this;
        for (var i = 0; i < count; i++, q = q.Previous) list.Add(q);
        list.Reverse();
        return list;
    }

    /// <summary>Parses "2026-Q3" (case-insensitive, blanks trimmed); years 2000–2999.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is null) return false;
        var m = LabelPattern().Match(text.Trim());
        if (!m.Success) return false;
        quarter = new(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value[0] - '0');
        return true;
    }

    public int CompareTo(Quarter other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    [GeneratedRegex(@"^(2\d{3})-[Qq]([1-4])$")]
    private static partial Regex LabelPattern();
}
