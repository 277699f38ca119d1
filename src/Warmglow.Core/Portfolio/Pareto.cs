namespace Warmglow.Core.Portfolio;

public sealed record ParetoItem(int Id, decimal Value);

/// <summary>One row of the Pareto table: the partnership, its value, its share and the cumulative share so far (percent).</summary>
public sealed record ParetoRow(int Id, int Rank, decimal Value, decimal SharePercent, decimal CumulativePercent, bool InCore);

/// <summary>
/// The Pareto view: the count that produces <see cref="ThresholdPercent"/> of the value (the core), as a share of all
/// partnerships, and the long tail that produces nothing measurable (zero or less).
/// </summary>
public sealed record ParetoResult(IReadOnlyList<ParetoRow> Rows, decimal Total, int Count, int CoreCount, decimal CoreSharePercent,
    int NothingMeasurable, decimal ThresholdPercent, string Explanation);

public static class Pareto
{
    /// <summary>
    /// Sorted by value, highest first (ties by id). The core is the smallest number of partnerships whose cumulative
    /// value reaches the threshold. Negative values (net refunds) count as nothing measurable and add nothing.
    /// </summary>
    public static ParetoResult Compute(IEnumerable<ParetoItem> items, decimal thresholdPercent = 80)
    {
        var sorted = items.OrderByDescending(i => i.Value).ThenBy(i => i.Id).ToList();
        var total = sorted.Where(i => i.Value > 0).Sum(i => i.Value);
        var rows = new List<ParetoRow>(sorted.Count);
        decimal running = 0;
        var core = 0;
        for (var n = 0; n < sorted.Count; n++)
        {
            var v = Math.Max(0, sorted[n].Value);
            var before = total == 0 ? 0 : running / total * 100;
            running += v;
            var cumulative = total == 0 ? 0 : Math.Round(running / total * 100, 2);
            var inCore = total > 0 && v > 0 && before < thresholdPercent;
            if (inCore) core++;
            rows.Add(new ParetoRow(sorted[n].Id, n + 1, sorted[n].Value, total == 0 ? 0 : Math.Round(v / total * 100, 2), cumulative, inCore));
        }
        var nothing = sorted.Count(i => i.Value <= 0);
        var coreShare = sorted.Count == 0 ? 0 : Math.Round(core * 100m / sorted.Count, 1);
        var explanation = sorted.Count == 0 ? "No partnerships to compare yet."
            : total == 0 ? $"None of the {sorted.Count} partnerships has measurable value yet."
            : $"{core} of {sorted.Count} partnerships ({coreShare}%) produce {thresholdPercent}% of the value; {nothing} produce nothing measurable.";
        return new ParetoResult(rows, total, sorted.Count, core, coreShare, nothing, thresholdPercent, explanation);
    }
}
