using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Notifications;

/// <summary>How a person hears of one kind of event by e-mail: at once, in the daily digest, or not at all.</summary>
public enum MailChoice { Immediate, Digest, Off }

/// <summary>One person's e-mail choice for one event kind ("*": every kind they have not chosen for).</summary>
public class NotificationPreference : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string UserId { get; set; }
    public required string Event { get; set; }
    public MailChoice Choice { get; set; }
}

/// <summary>One person's e-mail state: the digest hour they chose, and how far mail has gone out (so nothing goes twice).</summary>
public class NotificationMailState : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string UserId { get; set; }
    /// <summary>The hour of the day (UTC, 0–23) the digest goes out.</summary>
    public int DigestHourUtc { get; set; } = NotificationMail.DefaultDigestHour;
    /// <summary>Every notice up to this id has been considered for immediate mail.</summary>
    public long MailedThroughId { get; set; }
    public DateTime? LastDigestAt { get; set; }
}

sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Event).HasMaxLength(80);
        b.HasIndex(p => new { p.WorkspaceId, p.UserId, p.Event }).IsUnique();
    }
}

sealed class NotificationMailStateConfiguration : IEntityTypeConfiguration<NotificationMailState>
{
    public void Configure(EntityTypeBuilder<NotificationMailState> b)
    {
        b.Property(p => p.UserId).HasMaxLength(450);
        b.HasIndex(p => new { p.WorkspaceId, p.UserId }).IsUnique();
    }
}

public sealed record MailPreferencesDto(int DigestHourUtc, MailChoice Default, IReadOnlyList<MailKindDto> Kinds, bool MailConfigured);
public sealed record MailKindDto(string Event, string Label, MailChoice Choice);
public sealed record MailPreferencesInput(int? DigestHourUtc, MailChoice? Default, IReadOnlyDictionary<string, MailChoice>? Kinds);

/// <summary>
/// E-mail delivery of notices: each person's choices per kind (quiet by default: everything in one daily digest),
/// immediate mail for the kinds they want at once, the digest at their hour. Every mail holds only that person's own
/// notices (the notifier already limits who receives what), with a plain-text and an HTML part and absolute links.
/// </summary>
public sealed class NotificationMail(WarmglowDb db, IMailSender mail, IConfiguration config, TimeProvider clock, ILogger<NotificationMail> log)
{
    public const int DefaultDigestHour = 7;
    public const MailChoice DefaultChoice = MailChoice.Digest;

    /// <summary>The kinds a person can choose for (others follow their default).</summary>
    public static readonly IReadOnlyList<(string Event, string Label)> Kinds =
    [
        ("task.overdue", "Action items and reviews past their due date"),
        ("survey.opened", "Surveys you are asked to answer"),
        ("statement.issued", "Revenue statements issued"),
        ("statement.paid", "Revenue statements paid"),
        ("health.red_flag", "Red flags on your partnerships"),
    ];

    public async Task<MailPreferencesDto> PreferencesAsync(CancellationToken ct = default)
    {
        var me = db.Tenant.UserId ?? throw new Forbidden("Sign in to choose your notifications.");
        var prefs = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == me).ToDictionaryAsync(p => p.Event, p => p.Choice, ct);
        var hour = await db.NotificationMailStates.AsNoTracking().Where(s => s.UserId == me).Select(s => (int?)s.DigestHourUtc).FirstOrDefaultAsync(ct) ?? DefaultDigestHour;
        var fallback = prefs.GetValueOrDefault("*", DefaultChoice);
        return new(hour, fallback, Kinds.Select(k => new MailKindDto(k.Event, k.Label, prefs.GetValueOrDefault(k.Event, fallback))).ToList(), mail.IsConfigured);
    }

    public async Task<MailPreferencesDto> SavePreferencesAsync(MailPreferencesInput input, CancellationToken ct = default)
    {
        var me = db.Tenant.UserId ?? throw new Forbidden("Sign in to choose your notifications.");
        var errors = new FieldErrors();
        if (input.DigestHourUtc is { } h && h is < 0 or > 23) errors.Add("digestHourUtc", "must be an hour from 0 to 23 (UTC).");
        foreach (var kind in (input.Kinds ?? new Dictionary<string, MailChoice>()).Keys.Where(k => Kinds.All(x => x.Event != k)))
            errors.Add("kinds", $"“{kind}” is not a kind of notification you can choose for.");
        ValidationFailed.ThrowIfAny(errors);

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var existing = await db.NotificationPreferences.Where(p => p.UserId == me).ToListAsync(ct);
        void Set(string ev, MailChoice choice)
        {
            var row = existing.FirstOrDefault(p => p.Event == ev);
            if (row is null) db.NotificationPreferences.Add(new NotificationPreference { UserId = me, Event = ev, Choice = choice });
            else row.Choice = choice;
        }
        if (input.Default is { } d) Set("*", d);
        foreach (var (ev, choice) in input.Kinds ?? new Dictionary<string, MailChoice>()) Set(ev, choice);
        var state = await StateAsync(me, ct);
        if (input.DigestHourUtc is { } hour) state.DigestHourUtc = hour;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await PreferencesAsync(ct);
    }

    /// <summary>One pass for this workspace: immediate mail for new notices, and digests whose hour has come. Returns mails sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (!mail.IsConfigured) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-2); // nothing older is mailed (a long outage does not flood inboxes)
        var people = await db.Notifications.AsNoTracking().Where(n => n.CreatedAt >= since && n.ReadAt == null)
            .Select(n => n.UserId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var userId in people)
        {
            try { sent += await SendForAsync(userId, now, since, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Notification mail for a person in workspace {Workspace} failed; it is tried again next pass", db.Tenant.WorkspaceId);
            }
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    async Task<int> SendForAsync(string userId, DateTime now, DateTime since, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user?.Email is null) return 0;
        var prefs = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Event, p => p.Choice, ct);
        var fallback = prefs.GetValueOrDefault("*", DefaultChoice);
        MailChoice ChoiceFor(string ev) => prefs.GetValueOrDefault(ev, fallback);
        var state = await StateAsync(userId, ct);
        var sent = 0;

        var fresh = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.Id > state.MailedThroughId && n.CreatedAt >= since && n.ReadAt == null)
            .OrderBy(n => n.Id).Select(n => new Item(n.Id, n.Event, n.Title, n.Link, n.Partnership!.Name, n.CreatedAt)).ToListAsync(ct);
        var immediate = fresh.Where(n => ChoiceFor(n.Event) == MailChoice.Immediate).ToList();
        if (immediate.Count > 0)
        {
            var subject = immediate.Count == 1 ? immediate[0].Title : $"{immediate.Count} new notifications in Warmglow";
            await SendAsync(user.Email, user.DisplayName, subject, immediate, digest: false, ct);
            sent++;
        }
        if (fresh.Count > 0) state.MailedThroughId = fresh[^1].Id;

        var digestAt = new DateTime(now.Year, now.Month, now.Day, state.DigestHourUtc, 0, 0, DateTimeKind.Utc);
        if (digestAt > now) digestAt = digestAt.AddDays(-1);
        if (state.LastDigestAt is null || state.LastDigestAt < digestAt)
        {
            var from = state.LastDigestAt is { } last && last > since ? last : digestAt.AddDays(-1);
            var items = await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == userId && n.CreatedAt > from && n.CreatedAt <= now && n.ReadAt == null)
                .OrderBy(n => n.Id).Select(n => new Item(n.Id, n.Event, n.Title, n.Link, n.Partnership!.Name, n.CreatedAt)).ToListAsync(ct);
            var digest = items.Where(n => ChoiceFor(n.Event) == MailChoice.Digest).ToList();
            if (digest.Count > 0)
            {
                await SendAsync(user.Email, user.DisplayName, $"Your Warmglow digest: {digest.Count} notification{(digest.Count == 1 ? "" : "s")}", digest, digest: true, ct);
                sent++;
            }
            state.LastDigestAt = now;
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    sealed record Item(long Id, string Event, string Title, string? Link, string? Partnership, DateTime At);

    Task SendAsync(string to, string name, string subject, IReadOnlyList<Item> items, bool digest, CancellationToken ct)
    {
        var baseUrl = (config["PublicUrl"] ?? "").TrimEnd('/');
        string Url(Item i) => baseUrl + (i.Link ?? "/Notifications");
        var intro = digest ? "Here is what happened since your last digest:" : items.Count == 1 ? "Something needs you in Warmglow:" : "Some things need you in Warmglow:";
        var text = new StringBuilder($"Hello {name},\n\n{intro}\n\n");
        foreach (var i in items) text.Append($"- {i.Title}{(i.Partnership is null ? "" : $" ({i.Partnership})")}\n  {Url(i)}\n");
        text.Append($"\nChoose what you hear of by e-mail: {baseUrl}/Notifications/Settings\n");
        var html = new StringBuilder($"<p>Hello {WebUtility.HtmlEncode(name)},</p><p>{WebUtility.HtmlEncode(intro)}</p><ul>");
        foreach (var i in items)
            html.Append($"<li><a href=\"{WebUtility.HtmlEncode(Url(i))}\">{WebUtility.HtmlEncode(i.Title)}</a>{(i.Partnership is null ? "" : $" ({WebUtility.HtmlEncode(i.Partnership)})")}</li>");
        html.Append($"</ul><p><a href=\"{WebUtility.HtmlEncode(baseUrl)}/Notifications/Settings\">Choose what you hear of by e-mail</a></p>");
        return mail.SendAsync(to, subject, text.ToString(), html.ToString(), ct);
    }

    async Task<NotificationMailState> StateAsync(string userId, CancellationToken ct)
    {
        var state = await db.NotificationMailStates.FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (state is not null) return state;
        // A new person starts from now: nothing older is mailed at once.
        var last = await db.Notifications.Where(n => n.UserId == userId && n.CreatedAt < clock.GetUtcNow().UtcDateTime.AddMinutes(-10))
            .MaxAsync(n => (long?)n.Id, ct) ?? 0;
        state = new NotificationMailState { UserId = userId, MailedThroughId = last };
        db.NotificationMailStates.Add(state);
        return state;
    }
}

/// <summary>Sends notification e-mail (Notifications:MailSeconds, default 60; nothing when SMTP is not configured).</summary>
public sealed class NotificationMailJob : IRecurringJob
{
    public string Name => "notification-mail";

    public TimeSpan? Interval(IConfiguration configuration) =>
        configuration.GetValue("Notifications:MailSeconds", 60) is > 0 and var s ? TimeSpan.FromSeconds(s) : null;

    public Task RunAsync(JobRunner runner, CancellationToken ct) => runner.ForEachWorkspaceAsync(Name,
        (services, token) => services.GetRequiredService<NotificationMail>().SendDueAsync(token), ct);
}
