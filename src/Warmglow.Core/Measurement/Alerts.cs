using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

/// <summary>An open check-in task's identity: one per partnership and period. Period is a label such as "2026-Q1".</summary>
public sealed record CheckInKey(int PartnershipId, string Period);

public enum RedFlagKind { DecliningEngagement, DecliningHealthDimension, MissingSponsor, OverdueReviews, OverdueActionItems }

/// <summary>One red flag. <see cref="Subject"/> names the health dimension for DecliningHealthDimension, else null.</summary>
public sealed record RedFlag(RedFlagKind Kind, string? Subject, string Reason);

/// <summary>What red flags are decided from; series are per period, oldest first.</summary>
/// <param name="HealthSeries">Per health dimension (e.g. "Communication effectiveness"), its scores per period.</param>
public sealed record RedFlagInputs(
    IReadOnlyList<decimal> EngagementSeries,
    IReadOnlyDictionary<string, IReadOnlyList<decimal>> HealthSeries,
    bool HasSponsor,
    int OverdueReviews);

/// <summary>
/// Alert decisions (product.md §6 "Engagement index", "Red flags"), pure so that the job that acts on them can be
/// re-run safely: it asks first, and the answer depends only on what already exists.
/// </summary>
public static class Alerts
{
    /// <summary>
    /// True only when the period's engagement is below <see cref="EngagementIndex.NeedsCheckInBelow"/> and no check-in
    /// task exists yet for (partnership, period) — so running the job twice opens exactly one task. Periods match
    /// ignoring case and surrounding blanks. Null engagement (nothing computed) never opens a task.
    /// </summary>
    public static bool CheckInNeeded(int partnershipId, string period, decimal? engagement, IEnumerable<CheckInKey> existingTaskKeys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentNullException.ThrowIfNull(existingTaskKeys);
        if (engagement is not { } e || EngagementIndex.Classify(e) != EngagementBand.NeedsCheckIn) return false;
        return !existingTaskKeys.Any(k => k.PartnershipId == partnershipId
            && string.Equals(k.Period?.Trim(), period.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Series present, no blank or duplicate dimension names (case-insensitive), overdue reviews ≥ 0.</summary>
    public static FieldErrors Validate(RedFlagInputs? inputs)
    {
        var errors = new FieldErrors();
        if (inputs is null)
        {
            errors.Add("inputs", "are required.");
            return errors;
        }
        if (inputs.EngagementSeries is null) errors.Add("engagementSeries", "is required (an empty list means no data yet).");
        if (inputs.HealthSeries is null) errors.Add("healthSeries", "is required (an empty set means no data yet).");
        else
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, series) in inputs.HealthSeries)
            {
                if (string.IsNullOrWhiteSpace(name)) errors.Add("healthSeries", "has a dimension without a name.");
                else if (!names.Add(name.Trim())) errors.Add($"healthSeries.{name}", "appears more than once.");
                if (series is null) errors.Add($"healthSeries.{name}", "is required.");
            }
        }
        if (inputs.OverdueReviews < 0) errors.Add("overdueReviews", $"must not be negative (got {inputs.OverdueReviews}).");
        return errors;
    }

    /// <summary>
    /// Red flags in a fixed order: declining engagement; declining health dimensions (by name, ordinal); missing sponsor;
    /// overdue reviews. "Declining" means <see cref="Trends.DefaultConsecutivePeriods"/> strict period-over-period drops
    /// in a row at the end of the series (<see cref="Trends.DecliningForConsecutivePeriods"/>).
    /// Throws <see cref="ArgumentException"/> on input <see cref="Validate"/> refuses.
    /// </summary>
    public static IReadOnlyList<RedFlag> RedFlags(RedFlagInputs inputs, int consecutivePeriods = Trends.DefaultConsecutivePeriods)
    {
        var errors = Validate(inputs);
        if (!errors.IsEmpty) throw new ArgumentException($"The red flag inputs are not valid: {errors}", nameof(inputs));
        var flags = new List<RedFlag>();
        if (Trends.DecliningForConsecutivePeriods(inputs.EngagementSeries, consecutivePeriods))
            flags.Add(new(RedFlagKind.DecliningEngagement, null,
                $"Engagement has fallen {consecutivePeriods} periods in a row ({Run(inputs.EngagementSeries, consecutivePeriods)})."));
        // Sorted so the same inputs always give the same list, whatever the dictionary's order.
        foreach (var (name, series) in inputs.HealthSeries.OrderBy(h => h.Key, StringComparer.Ordinal))
            if (Trends.DecliningForConsecutivePeriods(series, consecutivePeriods))
                flags.Add(new(RedFlagKind.DecliningHealthDimension, name.Trim(),
                    $"{name.Trim()} has fallen {consecutivePeriods} periods in a row ({Run(series, consecutivePeriods)})."));
        if (!inputs.HasSponsor)
            flags.Add(new(RedFlagKind.MissingSponsor, null, "No executive sponsor is assigned."));
        if (inputs.OverdueReviews > 0)
            flags.Add(new(RedFlagKind.OverdueReviews, null,
                inputs.OverdueReviews == 1 ? "1 review is overdue." : $"{inputs.OverdueReviews} reviews are overdue."));
        return flags;
    }

    /// <summary>The last n + 1 values, e.g. "72 → 65 → 61 → 58", so the reason shows the evidence.</summary>
    static string Run(IReadOnlyList<decimal> series, int n) =>
        string.Join(" → ", series.Skip(series.Count - n - 1).Select(v => TemplateRules.Format(ScoreDisplay.Round(v))));
}
