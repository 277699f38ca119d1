using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Governance;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Governance;

/// <summary>A workspace's edit of a built-in cadence template (name, rhythm, length, default agenda).</summary>
public class CadenceTemplate : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public RecurrenceFrequency Frequency { get; set; }
    public int Interval { get; set; }
    public int DurationMinutes { get; set; }
    public AgendaDocument Agenda { get; set; } = new();
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? AuditSummary => Name;
}

/// <summary>
/// A partnership's cadence: a series of meetings from a recurrence rule, kept at its wall-clock time in an IANA zone.
/// Its meetings are generated ahead (<see cref="CadenceService.Horizon"/>); one occurrence can be moved or cancelled on
/// its own and the series stays. Calendars get the series as one event with an RRULE.
/// </summary>
public class MeetingSeries : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Title { get; set; }
    public string? TemplateKey { get; set; }
    public required string TimeZone { get; set; }
    /// <summary>Wall-clock start of the first meeting in <see cref="TimeZone"/>.</summary>
    public DateTime FirstStartLocal { get; set; }
    public int DurationMinutes { get; set; }
    public RecurrenceFrequency Frequency { get; set; }
    public int Interval { get; set; }
    public RecurrenceEnd End { get; set; }
    public DateOnly? Until { get; set; }
    public int? Count { get; set; }
    public AgendaDocument Agenda { get; set; } = new();
    /// <summary>Meetings are generated up to here (UTC); the cadence job moves it forward for never-ending series.</summary>
    public DateTime GeneratedUntil { get; set; }
    public int Sequence { get; set; }
    /// <summary>
    /// Set by an edit of the rule (UTC): occurrences before it belong to the rule as it was, so generation never fills
    /// that past in under the new rule.
    /// </summary>
    public DateTime? EditedFrom { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? AuditSummary => Title;

    public RecurrenceRule Rule => new(Frequency, Interval, End, Until, Count);
}

sealed class CadenceTemplateConfiguration : IEntityTypeConfiguration<CadenceTemplate>
{
    public void Configure(EntityTypeBuilder<CadenceTemplate> b)
    {
        b.Property(t => t.Key).HasMaxLength(40);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Agenda).HasConversion(JsonColumn.Converter<AgendaDocument>(), JsonColumn.Comparer<AgendaDocument>());
        b.HasIndex(t => new { t.WorkspaceId, t.Key }).IsUnique();
    }
}

sealed class MeetingSeriesConfiguration : IEntityTypeConfiguration<MeetingSeries>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> b)
    {
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.TemplateKey).HasMaxLength(40);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.End).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Agenda).HasConversion(JsonColumn.Converter<AgendaDocument>(), JsonColumn.Comparer<AgendaDocument>());
        b.HasOne(s => s.Partnership).WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.PartnershipId);
    }
}

public sealed record CadenceTemplateDto(string Key, string Name, RecurrenceFrequency Frequency, int Interval, int DurationMinutes,
    IReadOnlyList<AgendaItem> Agenda, string Rhythm, bool Edited, int Version);

public sealed record CadenceTemplateInput(string? Name, int? Interval, RecurrenceFrequency? Frequency, int? DurationMinutes, IReadOnlyList<AgendaItem>? Agenda, int? Version);

/// <summary>
/// A new cadence. <see cref="FirstStartsAt"/> is a wall-clock time in <see cref="TimeZone"/>; <see cref="End"/> must be
/// chosen (Never, OnDate with <see cref="Until"/>, AfterCount with <see cref="Count"/>). Missing rhythm, length or agenda
/// come from the template.
/// </summary>
public sealed record SeriesInput(string? TemplateKey, string? Title, DateTime? FirstStartsAt, string? TimeZone, RecurrenceEnd? End,
    DateOnly? Until = null, int? Count = null, RecurrenceFrequency? Frequency = null, int? Interval = null, int? DurationMinutes = null,
    IReadOnlyList<AgendaItem>? Agenda = null);

public sealed record SeriesStopInput(DateOnly? LastDay, int? Version);

/// <summary>
/// A change to a cadence; what is left out stays. <see cref="FirstStartsAt"/> is the wall-clock start (in the zone) the
/// changed rhythm counts from, e.g. the next meeting at its new time; without a new count an "after n meetings" end keeps
/// the number of meetings left.
/// </summary>
public sealed record SeriesEditInput(int? Version, string? Title = null, DateTime? FirstStartsAt = null, string? TimeZone = null,
    RecurrenceFrequency? Frequency = null, int? Interval = null, int? DurationMinutes = null, RecurrenceEnd? End = null, DateOnly? Until = null,
    int? Count = null, IReadOnlyList<AgendaItem>? Agenda = null);

public sealed record SeriesDto(int Id, int PartnershipId, string Title, string? TemplateKey, string TimeZone, DateTime FirstStartLocal, int DurationMinutes,
    RecurrenceFrequency Frequency, int Interval, RecurrenceEnd End, DateOnly? Until, int? Count, string Rhythm, string RRule,
    IReadOnlyList<AgendaItem> Agenda, DateTime? NextStartsAt, int Version);

/// <summary>Cadence templates (built-in, editable per workspace) and partnership cadences that generate meetings.</summary>
public sealed class CadenceService(WarmglowDb db)
{
    /// <summary>How far ahead a series' meetings exist as rows (calendars see the whole series through its RRULE).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(120);

    public async Task<IReadOnlyList<CadenceTemplateDto>> TemplatesAsync(CancellationToken ct = default)
    {
        var edited = await db.CadenceTemplates.AsNoTracking().ToDictionaryAsync(t => t.Key, ct);
        return CadenceTemplates.Defaults.Select(d => edited.TryGetValue(d.Key, out var t)
            ? new CadenceTemplateDto(t.Key, t.Name, t.Frequency, t.Interval, t.DurationMinutes, t.Agenda.Items,
                Recurrence.Describe(new(t.Frequency, t.Interval, RecurrenceEnd.Never)).Replace(", no end date", ""), true, t.Version)
            : new CadenceTemplateDto(d.Key, d.Name, d.Frequency, d.Interval, d.DurationMinutes, d.Agenda,
                Recurrence.Describe(new(d.Frequency, d.Interval, RecurrenceEnd.Never)).Replace(", no end date", ""), false, 0)).ToList();
    }

    public async Task<CadenceTemplateDto> SaveTemplateAsync(string key, CadenceTemplateInput input, CancellationToken ct = default)
    {
        var builtIn = CadenceTemplates.Defaults.FirstOrDefault(d => d.Key == key) ?? throw new NotFound($"Cadence template '{key}'");
        var errors = new FieldErrors();
        errors.Required("name", input.Name, 200);
        if (input.Frequency is null) errors.Add("frequency", "is required: weekly or monthly.");
        if (input.Interval is null or < 1 or > 12) errors.Add("interval", "must be between 1 and 12.");
        if (input.DurationMinutes is null or <= 0 or > Recurrence.MaxDurationMinutes) errors.Add("durationMinutes", $"must be between 1 and {Recurrence.MaxDurationMinutes} minutes.");
        foreach (var (field, messages) in Meetings.Validate("x", DateTime.MinValue, DateTime.MinValue.AddHours(1), "UTC", input.Agenda).ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
        ValidationFailed.ThrowIfAny(errors);
        var version = Partners.PartnersApi.RequireVersion(input.Version);
        var row = await db.CadenceTemplates.FirstOrDefaultAsync(t => t.Key == key, ct);
        if (row is null)
        {
            if (version != 0) throw new Conflict("The template changed since you read it; reload and try again.");
            row = new CadenceTemplate { Key = builtIn.Key, Name = "" };
            db.CadenceTemplates.Add(row);
        }
        else PartnerService.ExpectVersion(db, row, version);
        row.Name = input.Name!.Trim();
        row.Frequency = input.Frequency!.Value;
        row.Interval = input.Interval!.Value;
        row.DurationMinutes = input.DurationMinutes!.Value;
        row.Agenda = new AgendaDocument { Items = Clean(input.Agenda) };
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw new Conflict("The template changed since you read it; reload and try again."); }
        return (await TemplatesAsync(ct)).Single(t => t.Key == key);
    }

    static List<AgendaItem> Clean(IReadOnlyList<AgendaItem>? agenda) =>
        (agenda ?? []).Select(a => a with { Item = a.Item.Trim(), Owner = string.IsNullOrWhiteSpace(a.Owner) ? null : a.Owner.Trim() }).ToList();

    public async Task<IReadOnlyList<SeriesDto>> ListAsync(int partnershipId, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var list = await db.MeetingSeries.AsNoTracking().Where(s => s.PartnershipId == partnershipId).OrderBy(s => s.Id).ToListAsync(ct);
        var now = db.UtcNow;
        var ids = list.Select(s => s.Id).ToList();
        var next = await db.Meetings.AsNoTracking().Where(m => m.SeriesId != null && ids.Contains(m.SeriesId.Value) && m.StartsAt >= now && m.Status != MeetingStatus.Cancelled)
            .GroupBy(m => m.SeriesId!.Value).Select(g => new { g.Key, Next = g.Min(m => m.StartsAt) }).ToDictionaryAsync(x => x.Key, x => x.Next, ct);
        return list.Select(s => ToDto(s, next.TryGetValue(s.Id, out var n) ? n : null)).ToList();
    }

    static SeriesDto ToDto(MeetingSeries s, DateTime? next) => new(s.Id, s.PartnershipId, s.Title, s.TemplateKey, s.TimeZone, s.FirstStartLocal, s.DurationMinutes,
        s.Frequency, s.Interval, s.End, s.Until, s.Count, Recurrence.Describe(s.Rule), Recurrence.ToRRule(s.Rule, Meetings.Zone(s.TimeZone) ?? TimeZoneInfo.Utc),
        s.Agenda.Items, next, s.Version);

    /// <summary>Starts a cadence and generates its meetings up to the horizon, in one unit of work.</summary>
    public async Task<SeriesDto> CreateAsync(int partnershipId, SeriesInput input, CancellationToken ct = default)
    {
        var templates = await TemplatesAsync(ct);
        var template = input.TemplateKey is null ? null : templates.FirstOrDefault(t => t.Key == input.TemplateKey);
        var errors = new FieldErrors();
        if (input.TemplateKey is not null && template is null) errors.Add("templateKey", $"'{input.TemplateKey}' is not a cadence template.");
        var title = string.IsNullOrWhiteSpace(input.Title) ? template?.Name : input.Title;
        errors.Required("title", title, 200);
        var frequency = input.Frequency ?? template?.Frequency;
        var interval = input.Interval ?? template?.Interval;
        var duration = input.DurationMinutes ?? template?.DurationMinutes;
        var agenda = input.Agenda ?? template?.Agenda;
        foreach (var (field, messages) in Recurrence.Validate(input.FirstStartsAt, duration, input.TimeZone, frequency, interval, input.End, input.Until, input.Count).ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
        foreach (var (field, messages) in Meetings.Validate("x", DateTime.MinValue, DateTime.MinValue.AddHours(1), "UTC", agenda).ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
        ValidationFailed.ThrowIfAny(errors);
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var s = new MeetingSeries
        {
            PartnershipId = partnershipId, Title = title!.Trim(), TemplateKey = template?.Key, TimeZone = input.TimeZone!.Trim(),
            FirstStartLocal = DateTime.SpecifyKind(input.FirstStartsAt!.Value, DateTimeKind.Unspecified), DurationMinutes = duration!.Value,
            Frequency = frequency!.Value, Interval = interval!.Value, End = input.End!.Value,
            Until = input.End == RecurrenceEnd.OnDate ? input.Until : null, Count = input.End == RecurrenceEnd.AfterCount ? input.Count : null,
            Agenda = new AgendaDocument { Items = Clean(agenda) },
        };
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.MeetingSeries.Add(s);
        await db.SaveChangesAsync(ct);
        await GenerateAsync(s, ct);
        await tx.CommitAsync(ct);
        return (await ListAsync(partnershipId, ct)).Single(x => x.Id == s.Id);
    }

    /// <summary>
    /// Changes a cadence's time, zone, rule, length, title or agenda. Meetings still to come that nobody moved, cancelled or
    /// held are generated again under the changed cadence; past meetings and changed ones stay as they are (a moved
    /// occurrence keeps standing for its original slot). Send the version you read (stale → 409).
    /// </summary>
    public async Task<SeriesDto> UpdateAsync(int partnershipId, int seriesId, SeriesEditInput input, CancellationToken ct = default)
    {
        var version = Partners.PartnersApi.RequireVersion(input.Version);
        var s = await db.MeetingSeries.FirstOrDefaultAsync(x => x.Id == seriesId && x.PartnershipId == partnershipId, ct) ?? throw new NotFound("Cadence");
        if (s.Version != version) throw new Conflict("The cadence changed since you read it; reload the page and make your change again.");
        PartnerService.ExpectVersion(db, s, version);
        var title = input.Title ?? s.Title;
        var first = input.FirstStartsAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Unspecified) : s.FirstStartLocal;
        var zone = input.TimeZone ?? s.TimeZone;
        var frequency = input.Frequency ?? s.Frequency;
        var interval = input.Interval ?? s.Interval;
        var duration = input.DurationMinutes ?? s.DurationMinutes;
        var end = input.End ?? s.End;
        var until = input.End is null ? input.Until ?? s.Until : input.Until;
        var count = input.End is null ? input.Count ?? s.Count : input.Count;
        // "After n meetings" counts from the first start: moving the start on without a new count keeps the meetings left.
        if (end == RecurrenceEnd.AfterCount && input.Count is null && s.End == RecurrenceEnd.AfterCount && first != s.FirstStartLocal
            && Meetings.Zone(zone) is { } newZone && Meetings.Zone(s.TimeZone) is { } oldZone)
        {
            var anchor = Meetings.ToUtc(first, newZone);
            var held = Recurrence.Occurrences(s.FirstStartLocal, s.DurationMinutes, oldZone, s.Rule, DateTime.MinValue, anchor).Count();
            count = Math.Max(1, (s.Count ?? 1) - held);
        }
        var agenda = input.Agenda ?? s.Agenda.Items;
        var errors = new FieldErrors();
        errors.Required("title", title, 200);
        foreach (var (field, messages) in Recurrence.Validate(first, duration, zone, frequency, interval, end, until, count).ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
        foreach (var (field, messages) in Meetings.Validate("x", DateTime.MinValue, DateTime.MinValue.AddHours(1), "UTC", agenda).ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
        ValidationFailed.ThrowIfAny(errors);
        var now = db.UtcNow;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        // Untouched meetings still to come are regenerated; the rest (past, moved, cancelled, held) stay.
        var stale = await db.Meetings.Where(m => m.SeriesId == s.Id && m.StartsAt >= now && !m.Changed && m.Status == MeetingStatus.Scheduled).ToListAsync(ct);
        db.Meetings.RemoveRange(stale);
        s.Title = title!.Trim();
        s.FirstStartLocal = first;
        s.TimeZone = zone!.Trim();
        s.Frequency = frequency;
        s.Interval = interval;
        s.DurationMinutes = duration;
        s.End = end;
        s.Until = end == RecurrenceEnd.OnDate ? until : null;
        s.Count = end == RecurrenceEnd.AfterCount ? count : null;
        s.Agenda = new AgendaDocument { Items = Clean(agenda) };
        s.EditedFrom = now;
        s.Sequence++;
        await db.SaveChangesAsync(ct);
        await GenerateAsync(s, ct);
        await tx.CommitAsync(ct);
        return (await ListAsync(partnershipId, ct)).Single(x => x.Id == s.Id);
    }

    /// <summary>
    /// Creates the series' missing meetings (from at most 400 days back, never before its last edit) up to now + <see cref="Horizon"/> (idempotent: an occurrence
    /// that exists, moved or cancelled, is left as it is).
    /// </summary>
    public async Task<int> GenerateAsync(MeetingSeries s, CancellationToken ct = default)
    {
        var zone = Meetings.Zone(s.TimeZone);
        if (zone is null) return 0;
        var to = db.UtcNow + Horizon;
        var existing = (await db.Meetings.Where(m => m.SeriesId == s.Id).Select(m => m.OccurrenceStart).ToListAsync(ct)).ToHashSet();
        // A series has at most one meeting a day: after an edit of its time, an occurrence kept on a day (moved, cancelled,
        // held) still stands for that day's meeting.
        var days = existing.Where(o => o is not null).Select(o => DateOnly.FromDateTime(Meetings.ToLocal(o!.Value, zone))).ToHashSet();
        var added = 0;
        var from = db.UtcNow.AddDays(-400);
        if (s.EditedFrom is { } edited && edited > from) from = edited;
        foreach (var o in Recurrence.Occurrences(s.FirstStartLocal, s.DurationMinutes, zone, s.Rule, from, to))
        {
            if (existing.Contains(o.StartUtc) || !days.Add(DateOnly.FromDateTime(o.LocalStart))) continue;
            db.Meetings.Add(new Meeting
            {
                PartnershipId = s.PartnershipId, SeriesId = s.Id, OccurrenceStart = o.StartUtc, Title = s.Title, TimeZone = s.TimeZone,
                StartsAt = o.StartUtc, EndsAt = o.EndUtc, Agenda = new AgendaDocument { Items = s.Agenda.Items.ToList() },
                Status = MeetingStatus.Scheduled,
            });
            added++;
        }
        s.GeneratedUntil = to;
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// Ends a cadence after <see cref="SeriesStopInput.LastDay"/> (today when empty): later meetings that nobody changed are
    /// removed, changed ones are cancelled, and calendars get the series with its new UNTIL (SEQUENCE bumped).
    /// </summary>
    public async Task<SeriesDto> StopAsync(int partnershipId, int seriesId, SeriesStopInput input, CancellationToken ct = default)
    {
        var s = await db.MeetingSeries.FirstOrDefaultAsync(x => x.Id == seriesId && x.PartnershipId == partnershipId, ct) ?? throw new NotFound("Cadence");
        PartnerService.ExpectVersion(db, s, Partners.PartnersApi.RequireVersion(input.Version));
        var zone = Meetings.Zone(s.TimeZone) ?? TimeZoneInfo.Utc;
        var last = input.LastDay ?? DateOnly.FromDateTime(Meetings.ToLocal(db.UtcNow, zone));
        if (last < DateOnly.FromDateTime(s.FirstStartLocal))
            ValidationFailed.ThrowIfAny(new FieldErrors().Also("lastDay", "must not be before the first meeting of the cadence."));
        var cutoff = Meetings.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        foreach (var m in await db.Meetings.Where(m => m.SeriesId == s.Id && m.OccurrenceStart >= cutoff).ToListAsync(ct))
        {
            if (!m.Changed && m.Status == MeetingStatus.Scheduled) db.Meetings.Remove(m);
            else if (m.Status != MeetingStatus.Held) { m.Status = MeetingStatus.Cancelled; m.Changed = true; m.Sequence++; }
        }
        if (s.End != RecurrenceEnd.OnDate || s.Until is null || s.Until > last)
        {
            s.End = RecurrenceEnd.OnDate;
            s.Until = last;
            s.Count = null;
        }
        s.Sequence++;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await ListAsync(partnershipId, ct)).Single(x => x.Id == s.Id);
    }
}

static class FieldErrorsExtensions
{
    public static FieldErrors Also(this FieldErrors e, string field, string message)
    {
        e.Add(field, message);
        return e;
    }
}

/// <summary>Keeps every open-ended or long cadence generated ahead (idempotent: existing occurrences are left alone).</summary>
public sealed class CadenceJob : IRecurringJob
{
    public string Name => "governance-cadences";
    public TimeSpan? Interval(IConfiguration configuration) => TimeSpan.FromHours(configuration.GetValue("Governance:CadenceJobHours", 6.0));

    public Task RunAsync(JobRunner runner, CancellationToken ct) => runner.ForEachWorkspaceAsync(Name, async (sp, token) =>
    {
        var db = sp.GetRequiredService<WarmglowDb>();
        var cadences = sp.GetRequiredService<CadenceService>();
        var due = db.UtcNow + CadenceService.Horizon - TimeSpan.FromDays(7);
        foreach (var s in await db.MeetingSeries.Where(s => s.GeneratedUntil < due).ToListAsync(token))
            await cadences.GenerateAsync(s, token);
    }, ct);
}
