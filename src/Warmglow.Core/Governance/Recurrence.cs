using System.Globalization;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Governance;

public enum RecurrenceFrequency { Weekly, Monthly }

/// <summary>How a series ends; <see cref="Never"/> must be chosen explicitly (there is no default).</summary>
public enum RecurrenceEnd { Never, OnDate, AfterCount }

/// <summary>Every <see cref="Interval"/> weeks or months, ending on a date, after a count, or never.</summary>
public sealed record RecurrenceRule(RecurrenceFrequency Frequency, int Interval, RecurrenceEnd End, DateOnly? Until = null, int? Count = null);

/// <summary>One occurrence of a series: its wall-clock start in the series' zone and its UTC start and end.</summary>
public sealed record Occurrence(DateTime LocalStart, DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// Recurring meetings keep their wall-clock time in an IANA zone: a weekly 10:00 in Berlin is 09:00 UTC in winter and
/// 08:00 UTC in summer. Monthly series repeat on the day of the month of the first meeting (1–28, so every month has
/// one). Times a daylight-saving change skips or repeats follow <see cref="Meetings.ToUtc"/> (RFC 5545).
/// </summary>
public static class Recurrence
{
    public const int MaxCount = 200;
    public const int MaxDurationMinutes = 12 * 60;

    public static FieldErrors Validate(DateTime? firstLocal, int? durationMinutes, string? timeZone, RecurrenceFrequency? frequency, int? interval,
        RecurrenceEnd? end, DateOnly? until, int? count)
    {
        var errors = new FieldErrors();
        if (firstLocal is null) errors.Add("firstStartsAt", "is required.");
        if (durationMinutes is null or <= 0 or > MaxDurationMinutes) errors.Add("durationMinutes", $"must be between 1 and {MaxDurationMinutes} minutes.");
        if (Meetings.Zone(timeZone) is null) errors.Add("timeZone", $"'{timeZone}' is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York.");
        if (frequency is null) errors.Add("frequency", "is required: weekly or monthly.");
        if (interval is null or < 1 or > 12) errors.Add("interval", "must be between 1 and 12.");
        if (frequency == RecurrenceFrequency.Monthly && firstLocal is { Day: > 28 })
            errors.Add("firstStartsAt", "must fall on day 1 to 28 for a monthly series, so that every month has that day.");
        switch (end)
        {
            case null:
                errors.Add("end", "is required: choose an end date, a number of meetings, or say explicitly that the series never ends.");
                break;
            case RecurrenceEnd.OnDate when until is null:
                errors.Add("until", "is required when the series ends on a date.");
                break;
            case RecurrenceEnd.OnDate when firstLocal is { } f && until < DateOnly.FromDateTime(f):
                errors.Add("until", "must not be before the first meeting.");
                break;
            case RecurrenceEnd.AfterCount when count is null or < 1 or > MaxCount:
                errors.Add("count", $"must be between 1 and {MaxCount} meetings.");
                break;
        }
        return errors;
    }

    /// <summary>The n-th (0-based) wall-clock start of a series.</summary>
    public static DateTime LocalStart(DateTime firstLocal, RecurrenceRule rule, int n) => rule.Frequency switch
    {
        RecurrenceFrequency.Weekly => firstLocal.AddDays(7 * rule.Interval * n),
        _ => firstLocal.AddMonths(rule.Interval * n),
    };

    /// <summary>
    /// The occurrences whose start lies in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), in order, never past the
    /// rule's end. A never-ending series is only ever expanded over a finite window.
    /// </summary>
    public static IEnumerable<Occurrence> Occurrences(DateTime firstLocal, int durationMinutes, TimeZoneInfo zone, RecurrenceRule rule, DateTime fromUtc, DateTime toUtc)
    {
        for (var n = 0; ; n++)
        {
            if (rule.End == RecurrenceEnd.AfterCount && n >= (rule.Count ?? 0)) yield break;
            var local = LocalStart(firstLocal, rule, n);
            if (rule.End == RecurrenceEnd.OnDate && DateOnly.FromDateTime(local) > rule.Until) yield break;
            var start = Meetings.ToUtc(local, zone);
            if (start >= toUtc) yield break;
            if (start < fromUtc) continue;
            // The end keeps the wall-clock length too (a 10:00–11:00 meeting is 10:00–11:00 on both sides of a change).
            yield return new(local, start, Meetings.ToUtc(local.AddMinutes(durationMinutes), zone));
        }
    }

    /// <summary>The RFC 5545 RRULE value ("FREQ=WEEKLY;INTERVAL=2;COUNT=10"); UNTIL is the end of the last day, in UTC.</summary>
    public static string ToRRule(RecurrenceRule rule, TimeZoneInfo zone)
    {
        var s = $"FREQ={(rule.Frequency == RecurrenceFrequency.Weekly ? "WEEKLY" : "MONTHLY")};INTERVAL={rule.Interval}";
        return rule.End switch
        {
            RecurrenceEnd.AfterCount => s + $";COUNT={rule.Count}",
            RecurrenceEnd.OnDate => s + ";UNTIL=" + Meetings.ToUtc(rule.Until!.Value.ToDateTime(new TimeOnly(23, 59, 59)), zone)
                .ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            _ => s,
        };
    }

    /// <summary>The rule in plain words: "Every 2 weeks, 10 meetings".</summary>
    public static string Describe(RecurrenceRule rule)
    {
        var unit = rule.Frequency == RecurrenceFrequency.Weekly ? "week" : "month";
        var every = rule.Interval == 1 ? $"Every {unit}" : $"Every {rule.Interval} {unit}s";
        return rule.End switch
        {
            RecurrenceEnd.AfterCount => $"{every}, {rule.Count} meeting{(rule.Count == 1 ? "" : "s")}",
            RecurrenceEnd.OnDate => $"{every} until {rule.Until:d MMM yyyy}",
            _ => $"{every}, no end date",
        };
    }
}

/// <summary>A cadence template: a named rhythm with a default length and agenda.</summary>
public sealed record CadenceTemplateDefault(string Key, string Name, RecurrenceFrequency Frequency, int Interval, int DurationMinutes, IReadOnlyList<AgendaItem> Agenda);

/// <summary>The built-in cadence templates (the seeds' rhythm); a workspace may edit each one.</summary>
public static class CadenceTemplates
{
    public static readonly IReadOnlyList<CadenceTemplateDefault> Defaults =
    [
        new("weekly-tactical", "Weekly tactical", RecurrenceFrequency.Weekly, 1, 30,
            [new("Open action items", null, 10), new("Pipeline and blockers", null, 15), new("Next steps", null, 5)]),
        new("biweekly-alignment", "Bi-weekly alignment", RecurrenceFrequency.Weekly, 2, 60,
            [new("Action items since last time", null, 10), new("Joint pipeline and referrals", null, 20), new("Escalations and decisions needed", null, 20), new("Next steps", null, 10)]),
        new("monthly-strategic", "Monthly strategic review", RecurrenceFrequency.Monthly, 1, 90,
            [new("Health and metrics", null, 20), new("Progress against the joint plan", null, 30), new("Decisions for the steering committee", null, 30), new("Risks", null, 10)]),
        new("quarterly-deep-dive", "Quarterly deep-dive", RecurrenceFrequency.Monthly, 3, 180,
            [new("Quarter in numbers", null, 30), new("What worked, what did not", null, 45), new("Plan for next quarter", null, 60), new("Resources and commitments", null, 30), new("Decisions", null, 15)]),
        new("semiannual-strategy", "Semiannual strategy session", RecurrenceFrequency.Monthly, 6, 240,
            [new("Market and strategy review", null, 60), new("Partnership value and scorecard", null, 60), new("Direction for the next half-year", null, 90), new("Decisions and sponsorship", null, 30)]),
    ];
}
