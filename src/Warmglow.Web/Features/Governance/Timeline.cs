using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Governance;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Governance;

/// <summary>A free note on a partnership's timeline, internal or shared with the partner: chosen when written, never changed.</summary>
public class PartnershipNote : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Text { get; set; }
    public bool Shared { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>Written by a partner user (always shared).</summary>
    public bool FromPartner { get; set; }
    public DateTime At { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => Text.Length > 60 ? Text[..60] : Text;
}

sealed class PartnershipNoteConfiguration : IEntityTypeConfiguration<PartnershipNote>
{
    public void Configure(EntityTypeBuilder<PartnershipNote> b)
    {
        b.Property(n => n.Text).HasMaxLength(4000);
        b.Property(n => n.AuthorId).HasMaxLength(450);
        b.Property(n => n.AuthorName).HasMaxLength(256);
        b.HasOne(n => n.Partnership).WithMany().HasForeignKey(n => n.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.PartnershipId, n.At });
    }
}

public sealed record PartnershipNoteInput(string? Text, bool? Shared);

public sealed record PartnershipNoteEdit(string? Text, int? Version);

public sealed record PartnershipNoteDto(int Id, int PartnershipId, string Text, bool Shared, string AuthorName, bool FromPartner, DateTime At, int Version);

public sealed record TimelineEntryDto(TimelineKind Kind, string KindName, int SourceId, DateTime At, string Title, string? Detail, string? By,
    string? Link, bool Shared);

/// <summary>One page of the timeline, newest first; <see cref="HasNext"/> says whether an older page exists.</summary>
public sealed record TimelinePage(int PartnershipId, IReadOnlyList<TimelineEntryDto> Items, int Page, int PageSize, bool HasNext, TimelineKind? Kind);

/// <summary>
/// A partnership's activity timeline, merged from every module's <see cref="ITimelineSource"/>, and its free notes.
/// Partner users get only what is shared with them (their notes and ours marked shared, meetings, shared action items).
/// </summary>
public sealed class TimelineService(WarmglowDb db, IEnumerable<ITimelineSource> sources, INotifier notifier)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    /// <summary>How far back paging goes (page × size): each source is asked for that many items at most.</summary>
    public const int MaxDepth = 2000;

    public static string Describe(TimelineKind k) => k switch
    {
        TimelineKind.StageMove => "Stage moves",
        TimelineKind.Meeting => "Meetings",
        TimelineKind.Decision => "Decisions",
        TimelineKind.ActionItem => "Action items",
        TimelineKind.AgreementChange => "Agreement versions",
        TimelineKind.Statement => "Statements",
        TimelineKind.Survey => "Surveys",
        _ => "Notes",
    };

    static string DescribeOne(TimelineKind k) => k switch
    {
        TimelineKind.StageMove => "Stage move",
        TimelineKind.Meeting => "Meeting",
        TimelineKind.Decision => "Decision",
        TimelineKind.ActionItem => "Action item",
        TimelineKind.AgreementChange => "Agreement",
        TimelineKind.Statement => "Statement",
        TimelineKind.Survey => "Survey",
        _ => "Note",
    };

    bool IsPartner => db.Tenant.PartnerId is not null;

    /// <summary>The kinds this reader can filter by (partner users: only those with shared items).</summary>
    public IReadOnlyList<(TimelineKind Kind, string Name)> Kinds() =>
        sources.Select(s => s.Kind).Distinct()
            .Where(k => !IsPartner || k is TimelineKind.Note or TimelineKind.Meeting or TimelineKind.ActionItem)
            .Order().Select(k => (k, Describe(k))).ToList();

    /// <summary>Parses a kind from a query string ("meeting", "Meeting"); unknown → a field error naming the choices.</summary>
    public static TimelineKind? ParseKind(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind)) return null;
        if (Enum.TryParse<TimelineKind>(kind.Replace("-", ""), true, out var k) && Enum.IsDefined(k)) return k;
        throw new ValidationFailed(new FieldErrors().Also("kind", $"must be one of: {string.Join(", ", Enum.GetValues<TimelineKind>().Select(Describe))}."));
    }

    /// <summary>
    /// Page <paramref name="page"/> of the timeline, newest first. Each source (of the kind asked for, or all) returns its
    /// newest page × size + 1 items in one query; the merge of those lists holds the newest page × size + 1 of all
    /// items, so the page and whether another follows are exact without counting. Paging stops at <see cref="MaxDepth"/>.
    /// </summary>
    public async Task<TimelinePage> PageAsync(int partnershipId, TimelineKind? kind, int? page, int? pageSize, CancellationToken ct = default)
    {
        var p = Math.Max(1, page ?? 1);
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        if ((long)p * size > MaxDepth)
            ValidationFailed.ThrowIfAny(new FieldErrors().Also("page", $"goes back too far: the timeline pages back {MaxDepth} entries; filter by kind to see older ones."));
        if (!await db.Partnerships.AnyAsync(x => x.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var sharedOnly = IsPartner;
        var take = p * size + 1;
        var all = new List<TimelineItem>();
        // A fixed, small number of sources (one query each), not a loop over rows.
        foreach (var source in sources.Where(s => kind is null || s.Kind == kind))
            all.AddRange(await source.NewestAsync(db, partnershipId, take, sharedOnly, ct));
        var ordered = all.Where(i => !sharedOnly || i.Shared)
            .OrderByDescending(i => i.At).ThenBy(i => i.Kind).ThenByDescending(i => i.SourceId).ToList();
        var items = ordered.Skip((p - 1) * size).Take(size)
            .Select(i => new TimelineEntryDto(i.Kind, DescribeOne(i.Kind), i.SourceId, i.At, i.Title, i.Detail, i.By,
                sharedOnly ? null : i.Link, i.Shared)).ToList();
        return new(partnershipId, items, p, size, ordered.Count > p * size, kind);
    }

    // --- notes ----------------------------------------------------------------------------------------

    static PartnershipNoteDto ToDto(PartnershipNote n) => new(n.Id, n.PartnershipId, n.Text, n.Shared, n.AuthorName, n.FromPartner, n.At, n.Version);

    /// <summary>The notes among <paramref name="ids"/> (the ones on a timeline page), for their edit forms.</summary>
    public async Task<IReadOnlyDictionary<int, PartnershipNoteDto>> NotesAsync(int partnershipId, IReadOnlyCollection<int> ids, CancellationToken ct = default) =>
        await db.PartnershipNotes.AsNoTracking().Where(n => n.PartnershipId == partnershipId && ids.Contains(n.Id))
            .Select(n => new PartnershipNoteDto(n.Id, n.PartnershipId, n.Text, n.Shared, n.AuthorName, n.FromPartner, n.At, n.Version))
            .ToDictionaryAsync(n => n.Id, ct);

    /// <summary>
    /// Adds a note. Our people choose internal or shared (required); a partner user's note is always shared, on their own
    /// partnerships only, and tells our manager.
    /// </summary>
    public async Task<PartnershipNoteDto> AddNoteAsync(int partnershipId, PartnershipNoteInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        errors.Required("text", input.Text, 4000);
        if (IsPartner && input.Shared == false) errors.Add("shared", "cannot be internal: notes from the partner's side are always seen by both sides.");
        else if (!IsPartner && input.Shared is null) errors.Add("shared", "is required: say whether the partner may read this note.");
        ValidationFailed.ThrowIfAny(errors);
        var name = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            ?? throw new NotFound($"Partnership {partnershipId}");
        var n = new PartnershipNote
        {
            PartnershipId = partnershipId, Text = input.Text!.Trim(), Shared = IsPartner || input.Shared == true, AuthorId = db.Tenant.UserId,
            AuthorName = db.Tenant.UserName, FromPartner = IsPartner, At = db.UtcNow,
        };
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.PartnershipNotes.Add(n);
        await db.SaveChangesAsync(ct);
        if (IsPartner)
            await notifier.NotifyPartnershipAsync(new Notice("partnership.note", $"{n.AuthorName} added a note on {name}.", $"partnership-note:{n.Id}")
                { PartnershipId = partnershipId, Link = $"/Governance/Timeline/{partnershipId}?kind=note" }, NoticeAudience.Manager, ct);
        await tx.CommitAsync(ct);
        return ToDto(n);
    }

    /// <summary>Changes a note's text (its visibility stays as written); send the version you read.</summary>
    public async Task<PartnershipNoteDto> EditNoteAsync(int partnershipId, int noteId, PartnershipNoteEdit input, CancellationToken ct = default)
    {
        if (IsPartner) throw new Forbidden("Partner users cannot change notes; add a new one instead.");
        var errors = new FieldErrors();
        errors.Required("text", input.Text, 4000);
        if (input.Version is null) errors.Add("version", "is required: send the version you read, so a change made meanwhile is not overwritten.");
        ValidationFailed.ThrowIfAny(errors);
        var n = await db.PartnershipNotes.FirstOrDefaultAsync(x => x.Id == noteId && x.PartnershipId == partnershipId, ct) ?? throw new NotFound("Note");
        Partners.PartnerService.ExpectVersion(db, n, input.Version!.Value);
        n.Text = input.Text!.Trim();
        await db.SaveChangesAsync(ct);
        return ToDto(n);
    }

    public async Task DeleteNoteAsync(int partnershipId, int noteId, CancellationToken ct = default)
    {
        if (IsPartner) throw new Forbidden("Partner users cannot delete notes.");
        var n = await db.PartnershipNotes.FirstOrDefaultAsync(x => x.Id == noteId && x.PartnershipId == partnershipId, ct) ?? throw new NotFound("Note");
        db.PartnershipNotes.Remove(n);
        await db.SaveChangesAsync(ct);
    }
}

// --- governance's timeline sources -------------------------------------------------------------------

/// <summary>Free notes: partners see the shared ones (the partner filter admits only those, the query says so too).</summary>
public sealed class NoteTimeline : ITimelineSource
{
    public TimelineKind Kind => TimelineKind.Note;

    public async Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct) =>
        await db.PartnershipNotes.AsNoTracking().Where(n => n.PartnershipId == partnershipId && (!sharedOnly || n.Shared))
            .OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new TimelineItem
            {
                Kind = TimelineKind.Note, SourceId = n.Id, At = n.At, Title = n.FromPartner ? "Note from the partner" : n.Shared ? "Shared note" : "Internal note",
                Detail = n.Text, By = n.AuthorName, Shared = n.Shared, Link = $"/Governance/Timeline/{partnershipId}?kind=note",
            }).ToListAsync(ct);
}

/// <summary>Meetings that have started (held, cancelled or past), dated when they start; partners see their meetings.</summary>
public sealed class MeetingTimeline : ITimelineSource
{
    public TimelineKind Kind => TimelineKind.Meeting;

    public async Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct)
    {
        var now = db.UtcNow;
        var rows = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == partnershipId && m.StartsAt <= now)
            .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new { m.Id, m.StartsAt, m.Title, m.Status, m.TimeZone }).ToListAsync(ct);
        return rows.Select(m => new TimelineItem
        {
            Kind = Kind, SourceId = m.Id, At = m.StartsAt, Shared = true, Link = $"/Governance/Partnership/{partnershipId}#meeting-{m.Id}",
            Title = m.Status switch { MeetingStatus.Held => $"Meeting held: {m.Title}", MeetingStatus.Cancelled => $"Meeting cancelled: {m.Title}", _ => $"Meeting: {m.Title}" },
            Detail = $"{Meetings.ToLocal(m.StartsAt, Meetings.Zone(m.TimeZone) ?? TimeZoneInfo.Utc):yyyy-MM-dd HH:mm} {m.TimeZone}",
        }).ToList();
    }
}

/// <summary>Decisions, dated when decided (or requested while open); internal.</summary>
public sealed class DecisionTimeline : ITimelineSource
{
    public TimelineKind Kind => TimelineKind.Decision;

    public async Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct)
    {
        if (sharedOnly) return [];
        var rows = await db.GovernanceDecisions.AsNoTracking().Where(d => d.PartnershipId == partnershipId)
            .OrderByDescending(d => d.DecidedAt ?? d.RequestedAt).ThenByDescending(d => d.Id).Take(take)
            .Select(d => new { d.Id, At = d.DecidedAt ?? d.RequestedAt, d.Title, d.Status, d.Outcome, d.DecidedByName, d.RequestedByName }).ToListAsync(ct);
        return rows.Select(d => new TimelineItem
        {
            Kind = Kind, SourceId = d.Id, At = d.At, Link = $"/Governance/Partnership/{partnershipId}#decision-{d.Id}",
            Title = d.Status switch
            {
                DecisionStatus.Proposed => $"Decision requested: {d.Title}",
                DecisionStatus.Withdrawn => $"Decision withdrawn: {d.Title}",
                DecisionStatus.Superseded => $"Decision superseded: {d.Title}",
                _ => $"Decided: {d.Title}",
            },
            Detail = d.Outcome, By = d.DecidedByName ?? d.RequestedByName,
        }).ToList();
    }
}

/// <summary>
/// Action items, dated when closed (or created while active). Shared are the ones marked shared or owned by a partner
/// user; the partner filter narrows partner users to those of their partnerships.
/// </summary>
public sealed class ActionItemTimeline : ITimelineSource
{
    public TimelineKind Kind => TimelineKind.ActionItem;

    public async Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct)
    {
        var ws = db.Tenant.RequireWorkspace();
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.PartnershipId == partnershipId && t.Source == MeetingService.ActionItemSource)
            .Select(t => new
            {
                t.Id, At = t.DoneAt ?? t.CreatedAt, t.Title, t.Status, t.DueOn, Owner = t.Assignee == null ? null : t.Assignee.DisplayName,
                Shared = t.Shared || db.Memberships.Any(m => m.WorkspaceId == ws && m.UserId == t.AssigneeId && m.PartnerId != null),
            })
            .Where(t => !sharedOnly || t.Shared)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(take).ToListAsync(ct);
        return rows.Select(t => new TimelineItem
        {
            Kind = Kind, SourceId = t.Id, At = t.At, By = t.Owner, Shared = t.Shared, Link = $"/Tasks/{t.Id}",
            Title = t.Status switch
            {
                WorkTaskStatus.Done => $"Action item done: {t.Title}",
                WorkTaskStatus.Dropped => $"Action item dropped: {t.Title}",
                _ => $"Action item: {t.Title}",
            },
            Detail = t.Status is WorkTaskStatus.Open or WorkTaskStatus.InProgress ? $"Due {t.DueOn:yyyy-MM-dd}" : null,
        }).ToList();
    }
}
