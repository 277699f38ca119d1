using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Notifications;

/// <summary>
/// Something worth telling people. <see cref="Event"/> is a stable dotted name ("referral.submitted"), <see cref="Title"/>
/// a sentence a person reads, <see cref="OccasionKey"/> names the occasion ("statement:42:issued"): each recipient gets
/// one notice per occasion, however often it is raised.
/// </summary>
public sealed record Notice(string Event, string Title, string OccasionKey)
{
    /// <summary>An app-relative link to act on it ("/Referrals/7"; portal links for partner users).</summary>
    public string? Link { get; init; }
    public int? PartnershipId { get; init; }
    /// <summary>A payload for webhooks: only data every recipient may see.</summary>
    public object? Data { get; init; }
}

/// <summary>Who of a partnership hears of a notice: our manager of it, the partner users of its member partners, or both.</summary>
public enum NoticeAudience { Manager, PartnerUsers, ManagerAndPartnerUsers }

/// <summary>The one notification service every module raises events into (decision 0021).</summary>
public interface INotifier
{
    /// <summary>
    /// Records the notice for each of <paramref name="userIds"/> who belongs to this workspace, in the caller's transaction
    /// when there is one (it commits or rolls back with the change it tells of). A repeated occasion is ignored per person.
    /// </summary>
    Task NotifyAsync(Notice notice, IEnumerable<string> userIds, CancellationToken ct = default);

    /// <summary>As <see cref="NotifyAsync"/>, to the <paramref name="audience"/> of the notice's partnership (required).</summary>
    Task NotifyPartnershipAsync(Notice notice, NoticeAudience audience, CancellationToken ct = default);
}

public sealed record NotificationDto(long Id, string Title, string? Link, string Event, int? PartnershipId, string? PartnershipName,
    DateTime CreatedAt, bool Read);

/// <summary>Records notices (the in-app inbox) and reads a person's inbox. Delivery by e-mail and webhooks builds on the same rows.</summary>
public sealed class NotificationService(WarmglowDb db, UserDirectory directory, Webhooks.WebhookOutbox webhooks) : INotifier
{
    public async Task NotifyAsync(Notice notice, IEnumerable<string> userIds, CancellationToken ct = default)
    {
        Validate(notice);
        // The webhook outbox, on the same connection and transaction (once per occasion, whoever the recipients are).
        await webhooks.EnqueueAsync(notice, ct);
        var wanted = userIds.Where(u => !string.IsNullOrEmpty(u)).Distinct().ToList();
        if (wanted.Count == 0) return;
        // Only people of this workspace: a stale id (someone who left) is skipped, never an error for the change itself.
        var members = await directory.Memberships().Where(m => wanted.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
        var workspace = db.Tenant.RequireWorkspace();
        var now = db.UtcNow;
        foreach (var userId in members.Distinct())
            await db.Database.ExecuteSqlAsync(InsertOnce(workspace, userId, notice, now), ct);
    }

    public async Task NotifyPartnershipAsync(Notice notice, NoticeAudience audience, CancellationToken ct = default)
    {
        if (notice.PartnershipId is not { } partnershipId)
            throw new InvalidOperationException("A partnership notice needs its PartnershipId.");
        var recipients = new List<string>();
        if (audience is NoticeAudience.Manager or NoticeAudience.ManagerAndPartnerUsers)
        {
            var manager = await db.Partnerships.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).Where(p => p.Id == partnershipId)
                .Select(p => p.ManagerId).FirstOrDefaultAsync(ct);
            if (manager is not null) recipients.Add(manager);
        }
        if (audience is NoticeAudience.PartnerUsers or NoticeAudience.ManagerAndPartnerUsers)
        {
            var partners = db.PartnershipMembers.IgnoreQueryFilters([WarmglowDb.Filters.Partner])
                .Where(m => m.PartnershipId == partnershipId).Select(m => m.PartnerId);
            recipients.AddRange(await directory.Memberships().Where(m => m.PartnerId != null && partners.Contains(m.PartnerId.Value))
                .Select(m => m.UserId).ToListAsync(ct));
        }
        await NotifyAsync(notice, recipients, ct);
    }

    /// <summary>The signed-in person's notices, newest first; unread only when asked.</summary>
    public Task<Paged<NotificationDto>> InboxAsync(bool unreadOnly, int? page, int? pageSize, CancellationToken ct = default)
    {
        var me = db.Tenant.UserId;
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        return query.OrderByDescending(n => n.Id)
            .Select(n => new NotificationDto(n.Id, n.Title, n.Link, n.Event, n.PartnershipId, n.Partnership!.Name, n.CreatedAt, n.ReadAt != null))
            .ToPageAsync(page, pageSize, ct);
    }

    public Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var me = db.Tenant.UserId;
        return me is null ? Task.FromResult(0) : db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
    }

    /// <summary>Marks one of the signed-in person's notices read and returns where it points (someone else's is not found).</summary>
    public async Task<string?> MarkReadAsync(long id, CancellationToken ct = default)
    {
        var me = db.Tenant.UserId;
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == me, ct) ?? throw new NotFound("Notification");
        if (n.ReadAt is null)
        {
            n.ReadAt = db.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        return n.Link;
    }

    /// <summary>Marks all of the signed-in person's notices read, in one statement; returns how many changed.</summary>
    public Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var me = db.Tenant.UserId;
        var now = db.UtcNow;
        return db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    static void Validate(Notice notice)
    {
        if (string.IsNullOrWhiteSpace(notice.Event) || string.IsNullOrWhiteSpace(notice.Title) || string.IsNullOrWhiteSpace(notice.OccasionKey))
            throw new InvalidOperationException("A notice needs an event, a title and an occasion key.");
        if (notice.Link is { } link && !IsLocal(link))
            throw new InvalidOperationException($"A notice's link must be app-relative, not '{link}'.");
    }

    /// <summary>"/x" but not "//host" or "/\host": links never leave the app.</summary>
    public static bool IsLocal(string? link) =>
        link is { Length: > 0 } && link[0] == '/' && (link.Length == 1 || link[1] is not ('/' or '\\'));

    // INSERT … ON CONFLICT DO NOTHING is the same on SQLite (3.24+) and PostgreSQL: a repeated occasion neither fails
    // nor aborts the caller's transaction. Table and column names come from the model.
    FormattableString InsertOnce(int workspace, string userId, Notice n, DateTime now)
    {
        var t = Names.Value(db);
        return FormattableStringFactory.Create(
            $"INSERT INTO {t.Table} ({t.Workspace}, {t.User}, {t.Event}, {t.Title}, {t.Link}, {t.Partnership}, {t.Occasion}, {t.Created}) " +
            $"VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}, {{7}}) ON CONFLICT ({t.Workspace}, {t.User}, {t.Occasion}) DO NOTHING",
            workspace, userId, Clip(n.Event, 80), Clip(n.Title, 300), n.Link, n.PartnershipId, Clip(n.OccasionKey, 200), now);
    }

    static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    sealed record TableNames(string Table, string Workspace, string User, string Event, string Title, string Link, string Partnership,
        string Occasion, string Created);

    static class Names
    {
        static TableNames? cached;

        public static TableNames Value(WarmglowDb db) => cached ??= Read(db);

        static TableNames Read(WarmglowDb db)
        {
            var e = db.Model.FindEntityType(typeof(Notification))!;
            var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
            string Col(string property) => Quote(e.FindProperty(property)!.GetColumnName(table)!);
            return new TableNames(Quote(e.GetTableName()!), Col(nameof(Notification.WorkspaceId)), Col(nameof(Notification.UserId)),
                Col(nameof(Notification.Event)), Col(nameof(Notification.Title)), Col(nameof(Notification.Link)),
                Col(nameof(Notification.PartnershipId)), Col(nameof(Notification.OccasionKey)), Col(nameof(Notification.CreatedAt)));
        }

        static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
    }
}
