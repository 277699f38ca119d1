namespace Warmglow.Core.Agreements;

/// <summary>Review dates from a review clause: every cadence period counted from the start date.</summary>
public static class ReviewSchedule
{
    /// <summary>How many reviews ahead an open-ended agreement gets at a time.</summary>
    public const int OpenEndedAhead = 4;
    /// <summary>Safety cap for very long agreements.</summary>
    public const int Max = 120;

    public static int Months(ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.Quarterly => 3,
        ReviewCadence.SemiAnnual => 6,
        _ => 12,
    };

    /// <summary>
    /// The review due dates on or after <paramref name="from"/>: start + k × cadence (k ≥ 1), up to and including the end
    /// date; for an open-ended agreement the next <see cref="OpenEndedAhead"/>. Month arithmetic clamps to the month's
    /// last day (31 Jan + 3 months = 30 Apr), always counted from the start date so dates do not drift.
    /// </summary>
    public static IReadOnlyList<DateOnly> DueDates(DateOnly start, DateOnly? end, ReviewCadence cadence, DateOnly from)
    {
        var dates = new List<DateOnly>();
        var months = Months(cadence);
        for (var k = 1; dates.Count < Max; k++)
        {
            var due = start.AddMonths(k * months);
            if (end is { } e && due > e) break;
            if (due < from) continue;
            dates.Add(due);
            if (end is null && dates.Count == OpenEndedAhead) break;
        }
        return dates;
    }
}
