using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Notifications;

public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        // Everyone's own inbox: the service reads and changes only the signed-in person's notices.
        var g = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.Member);
        g.MapGet("", (NotificationService s, bool? unread, int? page, int? pageSize, CancellationToken ct) => s.InboxAsync(unread == true, page, pageSize, ct))
            .WithSummary("Your notifications, newest first; unread=true for unread ones only");
        g.MapGet("/unread-count", async (NotificationService s, CancellationToken ct) => new UnreadCount(await s.UnreadCountAsync(ct)))
            .WithSummary("How many of your notifications are unread");
        g.MapPost("/{id:long}/read", async Task<NoContent> (long id, NotificationService s, CancellationToken ct) =>
            {
                await s.MarkReadAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Mark one of your notifications read");
        g.MapPost("/read-all", async (NotificationService s, CancellationToken ct) => new MarkedRead(await s.MarkAllReadAsync(ct)))
            .WithSummary("Mark all your notifications read");
        g.MapGet("/preferences", (NotificationMail s, CancellationToken ct) => s.PreferencesAsync(ct))
            .WithSummary("How you hear of each kind by e-mail (Immediate, Digest or Off; quiet by default: a daily digest) and your digest hour (UTC)");
        g.MapPut("/preferences", (MailPreferencesInput input, NotificationMail s, CancellationToken ct) => s.SavePreferencesAsync(input, ct))
            .WithSummary("Change your e-mail choices: a default for every kind, a choice per kind, the digest hour (0–23, UTC)");
    }
}

public sealed record UnreadCount(int Unread);
public sealed record MarkedRead(int Marked);
