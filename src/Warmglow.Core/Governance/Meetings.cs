using Warmglow.Core.Validation;

namespace Warmglow.Core.Governance;

/// <summary>One agenda item: what, who brings it, how many minutes it gets.</summary>
public sealed record AgendaItem(string Item, string? Owner, int? Minutes);

/// <summary>Meeting rules: a title, an end after the start, a known IANA time zone, a sane agenda.</summary>
public static class Meetings
{
    public const int MaxAgendaItems = 30;

    /// <summary>The zone for an IANA id (e.g. "Europe/Berlin"), or null when the id is unknown.</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !id.Contains('/') && id != "UTC") return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var z) ? z : null;
    }

    /// <summary>
    /// UTC instant of a wall-clock time in a zone, as RFC 5545 (and so every calendar client) reads it: a time a
    /// daylight-saving change skips uses the offset before the gap (02:30 on a spring-forward night in Berlin is
    /// 03:30 summer time); a time that occurs twice is the first of the two.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            var before = zone.GetUtcOffset(DateTime.SpecifyKind(unspecified.AddHours(-3), DateTimeKind.Unspecified));
            return DateTime.SpecifyKind(unspecified - before, DateTimeKind.Utc);
        }
        if (zone.IsAmbiguousTime(unspecified))
        {
            var first = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - first, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>The wall-clock time of a UTC instant in a zone.</summary>
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);

    public static FieldErrors Validate(string? title, DateTime? startsAtLocal, DateTime? endsAtLocal, string? timeZone, IReadOnlyList<AgendaItem>? agenda)
    {
        var errors = new FieldErrors();
        errors.Required("title", title, 200);
        if (startsAtLocal is null) errors.Add("startsAt", "is required.");
        if (endsAtLocal is null) errors.Add("endsAt", "is required.");
        else if (startsAtLocal is { } s && endsAtLocal <= s) errors.Add("endsAt", "must be after the start.");
        if (Zone(timeZone) is null) errors.Add("timeZone", $"'{timeZone}' is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York.");
        if (agenda is { Count: > MaxAgendaItems }) errors.Add("agenda", $"must have at most {MaxAgendaItems} items.");
        foreach (var (a, i) in (agenda ?? []).Select((a, i) => (a, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(a?.Item)) errors.Add("agenda", $"item {i} has no text.");
            else if (a.Item.Trim().Length > 300) errors.Add("agenda", $"item {i} is longer than 300 characters.");
            if (a?.Minutes is <= 0 or > 480) errors.Add("agenda", $"item {i} needs a time box between 1 and 480 minutes.");
        }
        return errors;
    }
}
