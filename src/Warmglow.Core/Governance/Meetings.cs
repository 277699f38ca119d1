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

    /// <summary>UTC instant of a wall-clock time in a zone; a time skipped by a daylight-saving change moves forward by the gap.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

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
