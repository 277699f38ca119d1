using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Governance;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Governance;

public enum MeetingStatus { Scheduled, Held, Cancelled }

public sealed class AgendaDocument
{
    public List<AgendaItem> Items { get; set; } = [];
}

/// <summary>A partnership meeting: when (UTC, with the IANA zone it was planned in), its agenda and status.</summary>
public class Meeting : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Title { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public required string TimeZone { get; set; }
    public AgendaDocument Agenda { get; set; } = new();
    public MeetingStatus Status { get; set; }
    /// <summary>The cadence (series) this meeting belongs to, if any, and the start the series gave it (its RECURRENCE-ID).</summary>
    public int? SeriesId { get; set; }
    public MeetingSeries? Series { get; set; }
    public DateTime? OccurrenceStart { get; set; }
    /// <summary>Set when this occurrence was moved, cancelled or retitled on its own: calendars then get it as an exception.</summary>
    public bool Changed { get; set; }
    /// <summary>The iCalendar SEQUENCE: bumped whenever what a calendar shows changes (time, title, cancellation).</summary>
    public int Sequence { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => Title;
}

/// <summary>A note on a meeting, internal or shared with the partner: chosen when it is written, never changed.</summary>
public class MeetingNote : IWorkspaceOwned, IAudited
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public required string Text { get; set; }
    public bool Shared { get; set; }
    public required string AuthorName { get; set; }
    public DateTime At { get; set; }
}

public enum Attendance { Invited, Attended, Absent }

/// <summary>Someone expected at a meeting, from either side, and whether they came.</summary>
public class MeetingAttendee : IWorkspaceOwned, IVersioned, IAudited
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public GovernanceSide Side { get; set; }
    public string? UserId { get; set; }
    public int? ContactId { get; set; }
    public required string Name { get; set; }
    public Attendance Attendance { get; set; }
    public int Version { get; set; }
}

sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> b)
    {
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Name).HasMaxLength(256);
        b.Property(a => a.Side).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Attendance).HasConversion<string>().HasMaxLength(20);
        b.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.MeetingId, a.UserId, a.ContactId });
    }
}

sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.TimeZone).HasMaxLength(64);
        b.Property(m => m.Agenda).HasConversion(JsonColumn.Converter<AgendaDocument>(), JsonColumn.Comparer<AgendaDocument>());
        b.HasOne(m => m.Partnership).WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.PartnershipId, m.StartsAt });
        b.HasOne(m => m.Series).WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.SeriesId, m.OccurrenceStart }).IsUnique();
        b.HasIndex(m => new { m.WorkspaceId, m.StartsAt });
    }
}

sealed class MeetingNoteConfiguration : IEntityTypeConfiguration<MeetingNote>
{
    public void Configure(EntityTypeBuilder<MeetingNote> b)
    {
        b.Property(n => n.Text).HasMaxLength(8000);
        b.Property(n => n.AuthorName).HasMaxLength(256);
        b.HasOne(n => n.Meeting).WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.MeetingId, n.At });
    }
}

public sealed record MeetingInput(string? Title, DateTime? StartsAt, DateTime? EndsAt, string? TimeZone, IReadOnlyList<AgendaItem>? Agenda);

/// <summary>Move one meeting (wall-clock times in its zone); for a cadence's meeting only this occurrence moves.</summary>
public sealed record MeetingMoveInput(DateTime? StartsAt, DateTime? EndsAt, string? Title, int? Version);

public sealed record MeetingStatusInput(MeetingStatus? Status, int? Version);

/// <summary>An attendee: one of ours or a partner's portal user (<see cref="UserId"/>) or a partner contact (<see cref="ContactId"/>).</summary>
public sealed record AttendeeInput(string? UserId, int? ContactId, Attendance? Attendance);

public sealed record AttendanceInput(Attendance? Attendance, int? Version);

public sealed record AttendeeDto(int Id, GovernanceSide Side, string Name, Attendance Attendance, string AttendanceName, int Version);

public sealed record NoteInput(string? Text, bool? Shared);

/// <summary>An action item: its owner is one of ours or a portal user of a partner in the partnership; <see cref="Shared"/> lets the partner's users see it.</summary>
public sealed record ActionItemInput(string? Title, string? OwnerId, DateOnly? DueOn, bool? Shared = null);

public sealed record NoteDto(int Id, string Text, bool Shared, string AuthorName, DateTime At);

/// <summary>Start and end are shown in the meeting's own zone (<see cref="StartsLocal"/>) and stored in UTC.</summary>
public sealed record MeetingDto(int Id, int PartnershipId, string Title, DateTime StartsAt, DateTime EndsAt, string TimeZone,
    DateTime StartsLocal, DateTime EndsLocal, IReadOnlyList<AgendaItem> Agenda, MeetingStatus Status, IReadOnlyList<NoteDto> Notes,
    IReadOnlyList<ActionItemDto> ActionItems, int Version)
{
    public int? SeriesId { get; init; }
    public bool Changed { get; init; }
    public int Sequence { get; init; }
    public IReadOnlyList<AttendeeDto> Attendees { get; init; } = [];
}

public sealed record ActionItemDto(int TaskId, string Title, string? Owner, DateOnly DueOn, string Status);

/// <summary>
/// Meetings with agenda, notes (internal or shared, chosen when written) and action items (tasks opened through
/// <see cref="TaskService.OpenOnceAsync"/>, so they join everyone's task list). Partner users read their own
/// partnership's meetings and only the shared notes.
/// </summary>
public sealed class MeetingService(WarmglowDb db, TaskService tasks, UserDirectory users)
{
    public const string ActionItemSource = "action-item";

    /// <summary>The partnership's latest 50 meetings with their notes, action items and attendees: four queries in all.</summary>
    public async Task<IReadOnlyList<MeetingDto>> ListAsync(int partnershipId, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == partnershipId).OrderByDescending(m => m.StartsAt)
            .Take(50).ToListAsync(ct);
        return await WithDetailsAsync(partnershipId, meetings, ct);
    }

    public async Task<MeetingDto> GetAsync(int partnershipId, int id, CancellationToken ct = default)
    {
        var m = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.PartnershipId == partnershipId, ct) ?? throw new NotFound("Meeting");
        return (await WithDetailsAsync(partnershipId, [m], ct))[0];
    }

    async Task<IReadOnlyList<MeetingDto>> WithDetailsAsync(int partnershipId, IReadOnlyList<Meeting> meetings, CancellationToken ct)
    {
        if (meetings.Count == 0) return [];
        var ids = meetings.Select(m => m.Id).ToList();
        var partner = db.Tenant.PartnerId is not null;
        var notes = (await db.MeetingNotes.AsNoTracking().Where(n => ids.Contains(n.MeetingId) && (!partner || n.Shared)).OrderBy(n => n.At)
            .Select(n => new { n.MeetingId, Note = new NoteDto(n.Id, n.Text, n.Shared, n.AuthorName, n.At) }).ToListAsync(ct))
            .ToLookup(n => n.MeetingId, n => n.Note);
        // Action items are the partnership's tasks keyed "action:{meeting}:…"; partner users see none here.
        var items = partner ? Enumerable.Empty<(int, ActionItemDto)>().ToLookup(x => x.Item1, x => x.Item2)
            : (await db.Tasks.AsNoTracking().Where(t => t.PartnershipId == partnershipId && t.Source == ActionItemSource).OrderBy(t => t.DueOn)
                .Select(t => new { t.SourceKey, Item = new ActionItemDto(t.Id, t.Title, t.Assignee!.DisplayName, t.DueOn, t.Status.ToString()) })
                .ToListAsync(ct))
                .Select(t => (Meeting: MeetingOf(t.SourceKey), t.Item)).Where(t => t.Meeting is not null)
                .ToLookup(t => t.Meeting!.Value, t => t.Item);
        var attendees = (await db.MeetingAttendees.AsNoTracking().Where(a => ids.Contains(a.MeetingId)).OrderBy(a => a.Side).ThenBy(a => a.Name)
            .ToListAsync(ct)).ToLookup(a => a.MeetingId);
        return meetings.Select(m =>
        {
            var zone = Meetings.Zone(m.TimeZone) ?? TimeZoneInfo.Utc;
            return new MeetingDto(m.Id, m.PartnershipId, m.Title, m.StartsAt, m.EndsAt, m.TimeZone, TimeZoneInfo.ConvertTimeFromUtc(m.StartsAt, zone),
                TimeZoneInfo.ConvertTimeFromUtc(m.EndsAt, zone), m.Agenda.Items, m.Status, notes[m.Id].ToList(), items[m.Id].ToList(), m.Version)
            {
                SeriesId = m.SeriesId, Changed = m.Changed, Sequence = m.Sequence,
                Attendees = attendees[m.Id].Select(ToDto).ToList(),
            };
        }).ToList();
    }

    /// <summary>The meeting an action item's source key ("action:{meeting}:{suffix}") names.</summary>
    static int? MeetingOf(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 3 && parts[0] == "action" && int.TryParse(parts[1], out var id) ? id : null;
    }

    /// <summary>Schedules a meeting; start and end are wall-clock times in <see cref="MeetingInput.TimeZone"/>.</summary>
    public async Task<MeetingDto> ScheduleAsync(int partnershipId, MeetingInput input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(Meetings.Validate(input.Title, input.StartsAt, input.EndsAt, input.TimeZone, input.Agenda));
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var zone = Meetings.Zone(input.TimeZone)!;
        var m = new Meeting
        {
            PartnershipId = partnershipId, Title = input.Title!.Trim(), TimeZone = input.TimeZone!.Trim(),
            StartsAt = Meetings.ToUtc(input.StartsAt!.Value, zone), EndsAt = Meetings.ToUtc(input.EndsAt!.Value, zone),
            Agenda = new AgendaDocument { Items = (input.Agenda ?? []).Select(a => a with { Item = a.Item.Trim(), Owner = a.Owner?.Trim() }).ToList() },
        };
        db.Meetings.Add(m);
        await db.SaveChangesAsync(ct);
        return await GetAsync(partnershipId, m.Id, ct);
    }

    static AttendeeDto ToDto(MeetingAttendee a) => new(a.Id, a.Side, a.Name, a.Attendance, a.Attendance switch
    {
        Attendance.Attended => "attended", Attendance.Absent => "absent", _ => "invited",
    }, a.Version);

    /// <summary>Moves (and optionally retitles) one meeting; calendars see the change (SEQUENCE bumped), the cadence stays.</summary>
    public async Task<MeetingDto> MoveAsync(int partnershipId, int meetingId, MeetingMoveInput input, CancellationToken ct = default)
    {
        var m = await db.Meetings.FirstOrDefaultAsync(x => x.Id == meetingId && x.PartnershipId == partnershipId, ct) ?? throw new NotFound("Meeting");
        ValidationFailed.ThrowIfAny(Meetings.Validate(input.Title ?? m.Title, input.StartsAt, input.EndsAt, m.TimeZone, null));
        Partners.PartnerService.ExpectVersion(db, m, Partners.PartnersApi.RequireVersion(input.Version));
        if (m.Status == MeetingStatus.Cancelled) throw new Conflict("This meeting is cancelled; schedule a new one instead.");
        var zone = Meetings.Zone(m.TimeZone)!;
        m.StartsAt = Meetings.ToUtc(input.StartsAt!.Value, zone);
        m.EndsAt = Meetings.ToUtc(input.EndsAt!.Value, zone);
        if (!string.IsNullOrWhiteSpace(input.Title)) m.Title = input.Title.Trim();
        m.Changed = true;
        m.Sequence++;
        await db.SaveChangesAsync(ct);
        return await GetAsync(partnershipId, meetingId, ct);
    }

    /// <summary>Marks a meeting held or cancelled (or back to scheduled); cancelling keeps a cadence's other meetings.</summary>
    public async Task<MeetingDto> SetStatusAsync(int partnershipId, int meetingId, MeetingStatusInput input, CancellationToken ct = default)
    {
        if (input.Status is not { } status || !Enum.IsDefined(status))
            ValidationFailed.ThrowIfAny(new FieldErrors().Also("status", "is required: scheduled, held or cancelled."));
        var m = await db.Meetings.FirstOrDefaultAsync(x => x.Id == meetingId && x.PartnershipId == partnershipId, ct) ?? throw new NotFound("Meeting");
        Partners.PartnerService.ExpectVersion(db, m, Partners.PartnersApi.RequireVersion(input.Version));
        if (input.Status == MeetingStatus.Held && m.StartsAt > db.UtcNow)
            ValidationFailed.ThrowIfAny(new FieldErrors().Also("status", "A meeting can be marked held only once it has started."));
        if ((m.Status == MeetingStatus.Cancelled) != (input.Status == MeetingStatus.Cancelled))
        {
            m.Changed = true;
            m.Sequence++;
        }
        m.Status = input.Status!.Value;
        await db.SaveChangesAsync(ct);
        return await GetAsync(partnershipId, meetingId, ct);
    }

    /// <summary>Adds an attendee from either side: one of ours, or a contact or portal user of a partner in the partnership.</summary>
    public async Task<AttendeeDto> AddAttendeeAsync(int partnershipId, int meetingId, AttendeeInput input, CancellationToken ct = default)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId && m.PartnershipId == partnershipId, ct)) throw new NotFound("Meeting");
        var errors = new FieldErrors();
        var userId = string.IsNullOrWhiteSpace(input.UserId) ? null : input.UserId.Trim();
        if ((userId is null) == (input.ContactId is null)) errors.Add("userId", "is required: pick one person (one of ours, a partner contact or a partner's portal user).");
        if (input.Attendance is { } att && !Enum.IsDefined(att)) errors.Add("attendance", "must be invited, attended or absent.");
        ValidationFailed.ThrowIfAny(errors);
        var partnerIds = await db.PartnershipMembers.Where(m => m.PartnershipId == partnershipId).Select(m => m.PartnerId).ToListAsync(ct);
        GovernanceSide side;
        string? name;
        if (input.ContactId is { } cid)
        {
            side = GovernanceSide.Partner;
            name = await db.Contacts.Where(c => c.Id == cid && partnerIds.Contains(c.PartnerId)).Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (name is null) ValidationFailed.ThrowIfAny(errors.Also("contactId", "is not a contact of a partner in this partnership."));
        }
        else if ((name = await users.Staff().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)) is not null) side = GovernanceSide.Ours;
        else
        {
            side = GovernanceSide.Partner;
            var member = await users.Memberships().Where(m => m.UserId == userId && m.PartnerId != null && partnerIds.Contains(m.PartnerId.Value)).AnyAsync(ct);
            name = member ? await users.Members().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
            if (name is null) ValidationFailed.ThrowIfAny(errors.Also("userId", "is not one of our people or a portal user of a partner in this partnership."));
        }
        if (await db.MeetingAttendees.AnyAsync(a => a.MeetingId == meetingId && a.UserId == userId && a.ContactId == input.ContactId, ct))
            throw new Conflict($"{name} is already on this meeting.");
        var a = new MeetingAttendee { MeetingId = meetingId, Side = side, UserId = userId, ContactId = input.ContactId, Name = name!, Attendance = input.Attendance ?? Attendance.Invited };
        db.MeetingAttendees.Add(a);
        await db.SaveChangesAsync(ct);
        return ToDto(a);
    }

    public async Task<AttendeeDto> SetAttendanceAsync(int partnershipId, int meetingId, int attendeeId, AttendanceInput input, CancellationToken ct = default)
    {
        if (input.Attendance is not { } att || !Enum.IsDefined(att))
            ValidationFailed.ThrowIfAny(new FieldErrors().Also("attendance", "is required: invited, attended or absent."));
        var a = await db.MeetingAttendees.FirstOrDefaultAsync(x => x.Id == attendeeId && x.MeetingId == meetingId && x.Meeting!.PartnershipId == partnershipId, ct)
            ?? throw new NotFound("Attendee");
        Partners.PartnerService.ExpectVersion(db, a, Partners.PartnersApi.RequireVersion(input.Version));
        a.Attendance = input.Attendance!.Value;
        await db.SaveChangesAsync(ct);
        return ToDto(a);
    }

    public async Task<NoteDto> AddNoteAsync(int partnershipId, int meetingId, NoteInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        errors.Required("text", input.Text, 8000);
        if (input.Shared is null) errors.Add("shared", "is required: say whether the partner may read this note.");
        ValidationFailed.ThrowIfAny(errors);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId && m.PartnershipId == partnershipId, ct)) throw new NotFound("Meeting");
        var n = new MeetingNote { MeetingId = meetingId, Text = input.Text!.Trim(), Shared = input.Shared!.Value, AuthorName = db.Tenant.UserName, At = db.UtcNow };
        db.MeetingNotes.Add(n);
        await db.SaveChangesAsync(ct);
        return new(n.Id, n.Text, n.Shared, n.AuthorName, n.At);
    }

    /// <summary>An action item from a meeting: a task for one of our people or the partner's, linked back to the meeting.</summary>
    public async Task<ActionItemDto> AddActionItemAsync(int partnershipId, int meetingId, ActionItemInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        errors.Required("title", input.Title, 200);
        if (input.DueOn is null) errors.Add("dueOn", "is required.");
        if (string.IsNullOrWhiteSpace(input.OwnerId)) errors.Add("ownerId", "is required: pick who does it.");
        else if (!await users.IsStaffAsync(input.OwnerId, ct))
        {
            // The partner's side may own it too (decision 0025): a portal user of a partner in this partnership.
            var partnerIds = db.PartnershipMembers.Where(m => m.PartnershipId == partnershipId).Select(m => m.PartnerId);
            if (!await users.Memberships().AnyAsync(m => m.UserId == input.OwnerId && m.PartnerId != null && partnerIds.Contains(m.PartnerId.Value), ct))
                errors.Add("ownerId", "is not one of our people or a portal user of a partner in this partnership.");
        }
        ValidationFailed.ThrowIfAny(errors);
        var title = await db.Meetings.Where(m => m.Id == meetingId && m.PartnershipId == partnershipId).Select(m => m.Title).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("Meeting");
        var (task, _) = await tasks.OpenOnceAsync(new WorkTask
        {
            PartnershipId = partnershipId, Title = input.Title!.Trim(), Details = $"From the meeting \"{title}\".", AssigneeId = input.OwnerId,
            DueOn = input.DueOn!.Value, Source = ActionItemSource, Shared = input.Shared == true, SourceKey = $"action:{meetingId}:{Guid.NewGuid():N}",
            Link = $"/Governance/Partnership/{partnershipId}#meeting-{meetingId}",
        }, ct);
        var owner = (await users.NamesAsync([input.OwnerId!], ct)).GetValueOrDefault(input.OwnerId!);
        return new(task.Id, task.Title, owner, task.DueOn, task.Status.ToString());
    }
}
