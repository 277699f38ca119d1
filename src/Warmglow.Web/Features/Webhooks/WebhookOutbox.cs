using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Webhooks;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;

namespace Warmglow.Web.Features.Webhooks;

/// <summary>
/// Writes a notice into the webhook outbox: one message per workspace and occasion, and one delivery per enabled
/// endpoint that wants its event kind. Plain INSERTs on the caller's connection, so they commit or roll back with the
/// caller's transaction (no event lost if the process dies after the commit, none sent for a rolled-back change); a
/// repeated occasion inserts nothing (ON CONFLICT DO NOTHING, the same on SQLite and PostgreSQL).
/// </summary>
public sealed class WebhookOutbox(WarmglowDb db, IConfiguration config)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync(Notice notice, CancellationToken ct = default)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToListAsync(ct);
        var targets = endpoints.Where(e => e.Wants(notice.Event)).Select(e => e.Id).ToList();
        if (targets.Count == 0) return;
        await EnqueueAsync(notice.Event, notice.OccasionKey, Payload(notice, db.UtcNow), targets, ct);
    }

    /// <summary>A test event for one endpoint ("webhook.test"), so an admin can check their receiver.</summary>
    public Task EnqueueTestAsync(int endpointId, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var notice = new Notice("webhook.test", "A test event from Warmglow.", $"webhook-test:{endpointId}:{Guid.NewGuid():N}");
        return EnqueueAsync(notice.Event, notice.OccasionKey, Payload(notice, now), [endpointId], ct);
    }

    async Task EnqueueAsync(string eventName, string occasion, string payload, IReadOnlyList<int> endpoints, CancellationToken ct)
    {
        var workspace = db.Tenant.RequireWorkspace();
        var now = db.UtcNow;
        var messageId = WebhookSigning.NewMessageId();
        var pending = nameof(DeliveryStatus.Pending);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "WebhookMessages" ("WorkspaceId", "MessageId", "Event", "OccasionKey", "Payload", "CreatedAt") VALUES ({workspace}, {messageId}, {eventName}, {occasion}, {payload}, {now}) ON CONFLICT ("WorkspaceId", "OccasionKey") DO NOTHING""", ct);
        // Only when this call's message went in (a repeated occasion matches no row here).
        foreach (var endpoint in endpoints)
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "WebhookDeliveries" ("WorkspaceId", "MessageId", "EndpointId", "Status", "Attempts", "NextAttemptAt", "CreatedAt") SELECT {workspace}, m."Id", {endpoint}, {pending}, 0, {now}, {now} FROM "WebhookMessages" AS m WHERE m."MessageId" = {messageId}""", ct);
    }

    /// <summary>The body: <c>type</c>, <c>timestamp</c> and <c>data</c> (the notice's sentence, a link into Warmglow, its partnership, its details).</summary>
    internal string Payload(Notice notice, DateTime now)
    {
        var baseUrl = config["PublicUrl"]?.TrimEnd('/');
        var link = notice.Link is null ? null : baseUrl is null ? notice.Link : baseUrl + notice.Link;
        return JsonSerializer.Serialize(new
        {
            type = notice.Event,
            timestamp = now,
            data = new { title = notice.Title, link, partnershipId = notice.PartnershipId, details = notice.Data },
        }, Json);
    }
}
