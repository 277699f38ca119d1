using System.Globalization;

namespace Warmglow.Core.Revenue;

/// <summary>A tier typed as one line: from this amount, this percent.</summary>
public sealed record TierLine(decimal From, decimal Percent);

/// <summary>A phase typed as one line: a contract year or a date range, and each party's percent.</summary>
public sealed record PhaseLine(int? Year, DateOnly? From, DateOnly? To, IReadOnlyList<(string PartyId, decimal Percent)> Shares);

/// <summary>The outcome of reading typed lines: the lines, or the first line that could not be read and why.</summary>
public sealed record TextParse<T>(IReadOnlyList<T> Lines, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// The revenue terms form lets people type tiers ("10000 15") and phases ("year 1: org=30, p5=70" or
/// "2025-01-01..2025-06-30: org=50, p5=50") one per line. This reads and writes that text, invariant culture,
/// so what is written reads back to the same terms.
/// </summary>
public static class TermsText
{
    static readonly char[] TierSeparators = [' ', ':', ';', '\t'];

    public static TextParse<TierLine> ParseTiers(string? text)
    {
        var list = new List<TierLine>();
        var lines = Lines(text);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(TierSeparators, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !Number(parts[0], out var from) || !Number(parts[1].TrimEnd('%'), out var pct))
                return new([], $"line {i + 1} '{lines[i]}' must be 'from percent', e.g. '10000 15'.");
            list.Add(new TierLine(from, pct));
        }
        return new(list, null);
    }

    public static TextParse<PhaseLine> ParsePhases(string? text)
    {
        var list = new List<PhaseLine>();
        var lines = Lines(text);
        for (var i = 0; i < lines.Length; i++)
        {
            TextParse<PhaseLine> Bad() => new([], $"line {i + 1} '{lines[i]}' must look like 'year 1: org=30, p5=70' or '2025-01-01..2025-06-30: org=50, p5=50'.");
            var colon = lines[i].IndexOf(':');
            if (colon < 0) return Bad();
            var head = lines[i][..colon].Trim();
            var shares = new List<(string, decimal)>();
            foreach (var part in lines[i][(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var kv = part.Split('=', StringSplitOptions.TrimEntries);
                if (kv.Length != 2 || kv[0].Length == 0 || !Number(kv[1].TrimEnd('%'), out var pct)) return Bad();
                shares.Add((kv[0], pct));
            }
            if (head.StartsWith("year", StringComparison.OrdinalIgnoreCase) && int.TryParse(head[4..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year))
                list.Add(new PhaseLine(year, null, null, shares));
            else if (head.Split("..") is [var a, var b] && Date(a, out var from) && Date(b, out var to))
                list.Add(new PhaseLine(null, from, to, shares));
            else return Bad();
        }
        return new(list, null);
    }

    public static string FormatTiers(IEnumerable<TierLine> tiers) =>
        string.Join("\n", tiers.Select(t => $"{t.From.ToString(CultureInfo.InvariantCulture)} {t.Percent.ToString(CultureInfo.InvariantCulture)}"));

    public static string FormatPhases(IEnumerable<PhaseLine> phases) =>
        string.Join("\n", phases.Select(p =>
            (p.Year is { } y ? $"year {y.ToString(CultureInfo.InvariantCulture)}" : $"{p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd}") + ": " +
            string.Join(", ", p.Shares.Select(s => $"{s.PartyId}={s.Percent.ToString(CultureInfo.InvariantCulture)}"))));

    static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static bool Number(string s, out decimal value) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    static bool Date(string s, out DateOnly value) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
