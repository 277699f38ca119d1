using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Governance;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Governance;

/// <summary>
/// A subscribable calendar feed: a person's own (every meeting they can see and the action items they are due to do) or
/// one partnership's. Only the SHA-256 of its random token (32 bytes) is stored; the feed reads as the person who made it,
/// so a partner user's feed holds their own partnerships' meetings only. Regenerating revokes the old token.
/// </summary>
public class CalendarFeed : IWorkspaceOwned, IAudited
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastReadAt { get; set; }
}

sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(f => f.UserId).HasMaxLength(450);
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => new { f.UserId, f.PartnershipId });
        b.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(f => f.Partnership).WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record FeedDto(int Id, int? PartnershipId, string Scope, DateTime CreatedAt, DateTime? LastReadAt);

/// <summary>A new feed: the <see cref="Url"/> carries the token and is shown only this once.</summary>
public sealed record FeedCreatedDto(int Id, int? PartnershipId, string Scope, string Url, DateTime CreatedAt);

public sealed record FeedInput(int? PartnershipId);

/// <summary>One line of the calendar page: a meeting (in its own zone) or an action item due that day.</summary>
public sealed record CalendarEntry(DateOnly Day, DateTime? StartsLocal, DateTime? EndsLocal, string? TimeZone, string Title, string Kind,
    int PartnershipId, string PartnershipName, string Link, bool Cancelled);

public sealed class CalendarService(WarmglowDb db)
{
    /// <summary>
    /// Meetings (all partnerships one can see, or one) and, for staff, their own open action items, between two days
    /// (at most 62), in order. Days are the meeting's local day.
    /// </summary>
    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(DateOnly from, DateOnly to, int? partnershipId, CancellationToken ct = default)
    {
        if (to < from || to.DayNumber - from.DayNumber > 62) to = from.AddDays(62);
        if (partnershipId is { } pid && !await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) throw new NotFound($"Partnership {pid}");
        var fromUtc = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var meetings = await db.Meetings.AsNoTracking().Where(m => (partnershipId == null || m.PartnershipId == partnershipId) && m.StartsAt >= fromUtc && m.StartsAt < toUtc)
            .OrderBy(m => m.StartsAt).Take(1000)
            .Select(m => new { m.Id, m.PartnershipId, Name = m.Partnership!.Name, m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.Status }).ToListAsync(ct);
        var list = new List<CalendarEntry>();
        var portal = db.Tenant.PartnerId is not null;
        foreach (var m in meetings)
        {
            var zone = Meetings.Zone(m.TimeZone) ?? TimeZoneInfo.Utc;
            var start = Meetings.ToLocal(m.StartsAt, zone);
            var day = DateOnly.FromDateTime(start);
            if (day < from || day > to) continue;
            list.Add(new(day, start, Meetings.ToLocal(m.EndsAt, zone), m.TimeZone, m.Title, "Meeting", m.PartnershipId, m.Name,
                portal ? $"/Portal" : $"/Governance/Partnership/{m.PartnershipId}#meeting-{m.Id}", m.Status == MeetingStatus.Cancelled));
        }
        if (!portal && db.Tenant.UserId is { } me)
        {
            var items = await db.Tasks.AsNoTracking().Where(t => t.Source == MeetingService.ActionItemSource && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.AssigneeId == me
                    && (partnershipId == null || t.PartnershipId == partnershipId) && t.DueOn >= from && t.DueOn <= to && t.PartnershipId != null)
                .OrderBy(t => t.DueOn).Take(500).Select(t => new { t.Title, t.DueOn, t.PartnershipId, Name = t.Partnership!.Name, t.Link }).ToListAsync(ct);
            list.AddRange(items.Select(t => new CalendarEntry(t.DueOn, null, null, null, t.Title, "Action item due", t.PartnershipId!.Value, t.Name, t.Link ?? "/Tasks", false)));
        }
        return list.OrderBy(e => e.Day).ThenBy(e => e.StartsLocal ?? DateTime.MinValue).ToList();
    }

    public const string FeedPath = "/api/calendar/feeds/";
    /// <summary>Meetings older than this are left out of feeds (series are always in, with their rule).</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(180);

    static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    string Me => db.Tenant.UserId ?? throw new Forbidden("Only a signed-in person has calendar feeds.");

    public async Task<IReadOnlyList<FeedDto>> FeedsAsync(CancellationToken ct = default)
    {
        var me = Me;
        return await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == me && f.RevokedAt == null).OrderBy(f => f.PartnershipId).ThenBy(f => f.Id)
            .Select(f => new FeedDto(f.Id, f.PartnershipId, f.PartnershipId == null ? "My meetings and action items" : f.Partnership!.Name, f.CreatedAt, f.LastReadAt))
            .ToListAsync(ct);
    }

    /// <summary>Creates (or regenerates: the previous feed of the same scope is revoked) a feed; returns its URL once.</summary>
    public async Task<FeedCreatedDto> CreateAsync(FeedInput input, string baseUrl, CancellationToken ct = default)
    {
        var me = Me;
        string scope = "My meetings and action items";
        if (input.PartnershipId is { } pid)
            scope = await db.Partnerships.Where(p => p.Id == pid).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? throw new NotFound($"Partnership {pid}");
        var now = db.UtcNow;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        foreach (var old in await db.CalendarFeeds.Where(f => f.UserId == me && f.PartnershipId == input.PartnershipId && f.RevokedAt == null).ToListAsync(ct))
            old.RevokedAt = now;
        var token = Accounts.AccountTokens.NewSecret();
        var feed = new CalendarFeed { UserId = me, PartnershipId = input.PartnershipId, TokenHash = Hash(token), CreatedAt = now };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(feed.Id, feed.PartnershipId, scope, $"{baseUrl.TrimEnd('/')}{FeedPath}{token}.ics", now);
    }

    public async Task RevokeAsync(int id, CancellationToken ct = default)
    {
        var me = Me;
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == id && f.UserId == me && f.RevokedAt == null, ct) ?? throw new NotFound("Calendar feed");
        feed.RevokedAt = db.UtcNow;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The feed behind a token, read as the person who made it (their workspace, and for partner users their partner);
    /// null when the token is unknown or revoked, the person left the workspace or is deactivated, or the partnership is gone.
    /// </summary>
    public async Task<string?> ReadAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = Hash(token);
        var feed = await db.CalendarFeeds.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed is null) return null;
        var membership = await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == feed.UserId && m.WorkspaceId == feed.WorkspaceId, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == feed.UserId, ct);
        if (membership is null || user is null || user.LockoutEnd is { } until && until > db.UtcNow) return null;
        var partnerUser = membership.RoleList.Contains(Roles.Partner) || membership.PartnerId is not null;
        if (partnerUser && membership.PartnerId is null) return null;
        db.Tenant.Use(feed.WorkspaceId, user.DisplayName, user.Id, partnerUser ? membership.PartnerId : null);
        if (feed.PartnershipId is { } pid && !await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) return null;
        var ics = await BuildAsync(feed.PartnershipId, partnerUser ? null : feed.UserId, ct);
        // Touch at most once an hour: calendar clients poll often.
        if (feed.LastReadAt is null || feed.LastReadAt < db.UtcNow.AddHours(-1))
        {
            await db.CalendarFeeds.IgnoreQueryFilters().Where(f => f.Id == feed.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.LastReadAt, db.UtcNow), ct);
        }
        return ics;
    }

    /// <summary>One meeting as a calendar file to download (its own UID, the zone's VTIMEZONE).</summary>
    public async Task<string> MeetingAsync(int partnershipId, int meetingId, CancellationToken ct = default)
    {
        var m = await db.Meetings.AsNoTracking().Include(x => x.Partnership).FirstOrDefaultAsync(x => x.Id == meetingId && x.PartnershipId == partnershipId, ct)
            ?? throw new NotFound("Meeting");
        var cal = NewCalendar([m.TimeZone]);
        cal.Events.Add(MeetingEvent(m, Math.Max(m.Sequence, 0), standalone: true));
        return new CalendarSerializer().SerializeToString(cal)!;
    }

    /// <summary>
    /// The calendar: cadences as events with an RRULE (moved, cancelled or retitled occurrences as exceptions with a
    /// RECURRENCE-ID), single meetings as events, and (staff only) open action items as all-day events on their due date:
    /// a person's own when <paramref name="assigneeId"/> is given, all of the partnership's in a partnership feed.
    /// </summary>
    public async Task<string> BuildAsync(int? partnershipId, string? assigneeId, CancellationToken ct = default)
    {
        var from = db.UtcNow - Lookback;
        var series = await db.MeetingSeries.AsNoTracking().Include(s => s.Partnership)
            .Where(s => partnershipId == null || s.PartnershipId == partnershipId).OrderBy(s => s.Id).Take(500).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Partnership)
            .Where(m => (partnershipId == null || m.PartnershipId == partnershipId) && m.StartsAt >= from && (m.SeriesId == null || m.Changed))
            .OrderBy(m => m.StartsAt).Take(2000).ToListAsync(ct);
        var items = new List<WorkTask>();
        if (db.Tenant.PartnerId is null)
            items = await db.Tasks.AsNoTracking().Include(t => t.Partnership)
                .Where(t => t.Source == MeetingService.ActionItemSource && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress)
                    && (partnershipId == null ? t.AssigneeId == assigneeId : t.PartnershipId == partnershipId))
                .OrderBy(t => t.DueOn).Take(1000).ToListAsync(ct);

        var cal = NewCalendar(series.Select(s => s.TimeZone).Concat(meetings.Select(m => m.TimeZone)));
        var seriesById = series.ToDictionary(s => s.Id);
        foreach (var s in series) cal.Events.Add(SeriesEvent(s));
        foreach (var m in meetings)
        {
            if (m.SeriesId is { } sid && seriesById.TryGetValue(sid, out var s)) cal.Events.Add(OccurrenceEvent(m, s));
            else if (m.SeriesId is null) cal.Events.Add(MeetingEvent(m, m.Sequence, standalone: false));
        }
        foreach (var t in items)
        {
            var e = new CalendarEvent
            {
                Uid = $"action-{t.WorkspaceId}-{t.Id}@warmglow", Summary = $"Due: {t.Title}", DtStart = new CalDateTime(t.DueOn), DtEnd = new CalDateTime(t.DueOn.AddDays(1)),
                Sequence = t.Version, Status = "CONFIRMED", Transparency = "TRANSPARENT",
                Description = (t.Partnership is null ? "" : $"Action item for {t.Partnership.Name}.") + (t.Details is null ? "" : " " + t.Details),
                DtStamp = new CalDateTime(t.UpdatedAt, "UTC"),
            };
            cal.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(cal)!;
    }

    static Calendar NewCalendar(IEnumerable<string> zones)
    {
        var cal = new Calendar { ProductId = "-//Warmglow//Partnership governance//EN" };
        cal.AddProperty("X-WR-CALNAME", "Warmglow meetings");
        cal.AddProperty("METHOD", "PUBLISH");
        foreach (var z in zones.Where(z => Meetings.Zone(z) is not null && z != "UTC").Distinct().Order()) cal.AddTimeZone(z);
        return cal;
    }

    static CalDateTime Local(DateTime utc, string zoneId)
    {
        var zone = Meetings.Zone(zoneId);
        if (zone is null || zoneId == "UTC") return new CalDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "UTC");
        return new CalDateTime(Meetings.ToLocal(utc, zone), zoneId);
    }

    static string Describe(IReadOnlyList<AgendaItem> agenda, Partnership? p)
    {
        var sb = new StringBuilder();
        if (p is not null) sb.Append("Partnership: ").Append(p.Name).Append('\n');
        if (agenda.Count > 0)
        {
            sb.Append("Agenda:\n");
            foreach (var a in agenda) sb.Append("- ").Append(a.Item).Append(a.Owner is null ? "" : $" ({a.Owner})").Append(a.Minutes is { } m ? $", {m} min" : "").Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    static CalendarEvent MeetingEvent(Meeting m, int sequence, bool standalone) => new()
    {
        Uid = $"meeting-{m.WorkspaceId}-{m.Id}@warmglow", Summary = m.Title, DtStart = Local(m.StartsAt, m.TimeZone), DtEnd = Local(m.EndsAt, m.TimeZone),
        Sequence = sequence, Status = m.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED", Description = Describe(m.Agenda.Items, m.Partnership),
        DtStamp = new CalDateTime(m.UpdatedAt == default ? DateTime.UtcNow : m.UpdatedAt, "UTC"),
    };

    static string SeriesUid(MeetingSeries s) => $"series-{s.WorkspaceId}-{s.Id}@warmglow";

    static CalendarEvent SeriesEvent(MeetingSeries s)
    {
        var zone = Meetings.Zone(s.TimeZone) ?? TimeZoneInfo.Utc;
        var first = Meetings.ToUtc(s.FirstStartLocal, zone);
        var e = new CalendarEvent
        {
            Uid = SeriesUid(s), Summary = s.Title, DtStart = Local(first, s.TimeZone),
            DtEnd = Local(Meetings.ToUtc(s.FirstStartLocal.AddMinutes(s.DurationMinutes), zone), s.TimeZone),
            Sequence = s.Sequence, Status = "CONFIRMED", Description = Describe(s.Agenda.Items, s.Partnership),
            DtStamp = new CalDateTime(s.UpdatedAt == default ? DateTime.UtcNow : s.UpdatedAt, "UTC"),
        };
        e.RecurrenceRule = new Ical.Net.DataTypes.RecurrenceRule(Recurrence.ToRRule(s.Rule, zone));
        return e;
    }

    static CalendarEvent OccurrenceEvent(Meeting m, MeetingSeries s)
    {
        var e = MeetingEvent(m, Math.Max(m.Sequence, s.Sequence), standalone: false);
        e.Uid = SeriesUid(s);
        e.RecurrenceIdentifier = new RecurrenceIdentifier(Local(m.OccurrenceStart ?? m.StartsAt, s.TimeZone), null);
        return e;
    }
}
