using Warmglow.Core.Governance;

namespace Warmglow.Core.Tests.Governance;

public class RecurrenceTests
{
    static readonly TimeZoneInfo Berlin = Meetings.Zone("Europe/Berlin")!;
    static readonly TimeZoneInfo NewYork = Meetings.Zone("America/New_York")!;
    static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void WeeklySeries_KeepsWallClockAcrossSpringForward()
    {
        var rule = new RecurrenceRule(RecurrenceFrequency.Weekly, 1, RecurrenceEnd.AfterCount, Count: 3);
        var o = Recurrence.Occurrences(new DateTime(2026, 3, 23, 10, 0, 0), 60, Berlin, rule, DateTime.MinValue, DateTime.MaxValue).ToList();
        Assert.Equal(3, o.Count);
        Assert.Equal(Utc(2026, 3, 23, 9), o[0].StartUtc); // CET
        Assert.Equal(Utc(2026, 3, 30, 8), o[1].StartUtc); // CEST: same 10:00 local
        Assert.Equal(Utc(2026, 3, 30, 9), o[1].EndUtc);
        Assert.All(o, x => Assert.Equal(10, x.LocalStart.Hour));
    }

    [Fact]
    public void MeetingSpanningFallBack_EndsAtItsWallClockEnd()
    {
        // New York falls back at 02:00 on 1 Nov 2026: a 00:30–03:30 session lasts four hours of real time.
        var rule = new RecurrenceRule(RecurrenceFrequency.Weekly, 1, RecurrenceEnd.AfterCount, Count: 1);
        var o = Recurrence.Occurrences(new DateTime(2026, 11, 1, 0, 30, 0), 180, NewYork, rule, DateTime.MinValue, DateTime.MaxValue).Single();
        Assert.Equal(Utc(2026, 11, 1, 4, 30), o.StartUtc); // EDT
        Assert.Equal(Utc(2026, 11, 1, 8, 30), o.EndUtc);   // 03:30 EST
    }

    [Fact]
    public void OccurrenceInTheSpringGap_UsesTheOffsetBeforeTheGap()
    {
        var rule = new RecurrenceRule(RecurrenceFrequency.Weekly, 1, RecurrenceEnd.AfterCount, Count: 2);
        var o = Recurrence.Occurrences(new DateTime(2026, 3, 22, 2, 30, 0), 30, Berlin, rule, DateTime.MinValue, DateTime.MaxValue).ToList();
        Assert.Equal(Utc(2026, 3, 22, 1, 30), o[0].StartUtc);
        Assert.Equal(Utc(2026, 3, 29, 1, 30), o[1].StartUtc); // 02:30 does not exist: 03:30 CEST, as calendar clients read it
    }

    [Fact]
    public void BiWeeklyUntilDate_StopsOnTheLastDay_AndWindowsFilter()
    {
        var rule = new RecurrenceRule(RecurrenceFrequency.Weekly, 2, RecurrenceEnd.OnDate, Until: new DateOnly(2026, 2, 9));
        var all = Recurrence.Occurrences(new DateTime(2026, 1, 12, 15, 0, 0), 60, Berlin, rule, DateTime.MinValue, DateTime.MaxValue).ToList();
        Assert.Equal([12, 26, 9], all.Select(x => x.LocalStart.Day));
        var window = Recurrence.Occurrences(new DateTime(2026, 1, 12, 15, 0, 0), 60, Berlin, rule, Utc(2026, 1, 20, 0), Utc(2026, 2, 1, 0)).ToList();
        Assert.Single(window);
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;UNTIL=20260209T225959Z", Recurrence.ToRRule(rule, Berlin));
    }

    [Fact]
    public void QuarterlySeries_RepeatsOnTheSameDayOfMonth()
    {
        var rule = new RecurrenceRule(RecurrenceFrequency.Monthly, 3, RecurrenceEnd.Never);
        var o = Recurrence.Occurrences(new DateTime(2026, 1, 15, 9, 0, 0), 180, NewYork, rule, DateTime.MinValue, Utc(2027, 1, 1, 0)).ToList();
        Assert.Equal([1, 4, 7, 10], o.Select(x => x.LocalStart.Month));
        Assert.Equal(Utc(2026, 1, 15, 14), o[0].StartUtc); // EST
        Assert.Equal(Utc(2026, 4, 15, 13), o[1].StartUtc); // EDT
        Assert.Equal("FREQ=MONTHLY;INTERVAL=3", Recurrence.ToRRule(rule, NewYork));
        Assert.Equal("Every 3 months, no end date", Recurrence.Describe(rule));
    }

    [Fact]
    public void NeverEnding_NeedsAnExplicitChoice_AndBadInputIsNamed()
    {
        var e = Recurrence.Validate(new DateTime(2026, 1, 31, 9, 0, 0), 0, "Mars/Olympus", RecurrenceFrequency.Monthly, 0, null, null, null).ToDictionary();
        Assert.Contains("never ends", e["end"][0]);
        Assert.Contains("day 1 to 28", e["firstStartsAt"][0]);
        Assert.Contains("'Mars/Olympus' is not a known time zone", e["timeZone"][0]);
        Assert.True(e.ContainsKey("durationMinutes") && e.ContainsKey("interval"));
        Assert.True(Recurrence.Validate(new DateTime(2026, 1, 5, 9, 0, 0), 60, "Europe/Berlin", RecurrenceFrequency.Weekly, 1, RecurrenceEnd.Never, null, null).IsEmpty);
        Assert.Contains("count", Recurrence.Validate(new DateTime(2026, 1, 5, 9, 0, 0), 60, "Europe/Berlin", RecurrenceFrequency.Weekly, 1, RecurrenceEnd.AfterCount, null, 0).ToDictionary().Keys);
        Assert.Contains("until", Recurrence.Validate(new DateTime(2026, 1, 5, 9, 0, 0), 60, "Europe/Berlin", RecurrenceFrequency.Weekly, 1, RecurrenceEnd.OnDate, new DateOnly(2025, 1, 1), null).ToDictionary().Keys);
    }

    [Fact]
    public void Templates_CoverTheSeedsRhythm()
    {
        Assert.Equal(["weekly-tactical", "biweekly-alignment", "monthly-strategic", "quarterly-deep-dive", "semiannual-strategy"], CadenceTemplates.Defaults.Select(t => t.Key));
        Assert.All(CadenceTemplates.Defaults, t => Assert.NotEmpty(t.Agenda));
    }
}
