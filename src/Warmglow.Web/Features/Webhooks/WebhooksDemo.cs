using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Webhooks;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Notifications;

namespace Warmglow.Web.Features.Webhooks;

/// <summary>
/// Webhook demo data: one endpoint (a partner's CRM receiver) with a delivery log of the workspace's latest events. The
/// outbox writes messages only while an endpoint exists, so the log is built here from the notices the other modules'
/// demos raised: most delivered on the first try, one after a retry, and the last answered 410 Gone — which is how the
/// endpoint came to be turned off. Nothing is left pending, so the delivery job never sends a demo event anywhere.
/// </summary>
public sealed class WebhooksDemo(WarmglowDb db, WebhookService endpoints, WebhookOutbox outbox) : IDemoContributor
{
    public int Order => 950;

    public const string DemoUrl = "https://hooks.relaywise.example/warmglow";

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var created = await endpoints.CreateAsync(new WebhookEndpointInput(DemoUrl, ["statement.issued", "health.red_flag", "task.overdue", "survey.opened"],
            "Relaywise CRM: posts our statements and red flags into their partner channel", true, null), ct);
        var occasions = await db.Notifications.AsNoTracking()
            .Where(n => n.Event == "statement.issued" || n.Event == "health.red_flag" || n.Event == "task.overdue" || n.Event == "survey.opened")
            .GroupBy(n => n.OccasionKey)
            .Select(g => g.OrderBy(n => n.Id).First())
            .ToListAsync(ct);
        var latest = occasions.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(8).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToList();
        if (latest.Count == 0) return;

        for (var i = 0; i < latest.Count; i++)
        {
            var n = latest[i];
            var at = n.CreatedAt;
            var message = new WebhookMessage
            {
                MessageId = WebhookSigning.NewMessageId(), Event = n.Event, OccasionKey = n.OccasionKey, CreatedAt = at,
                Payload = outbox.Payload(new Notice(n.Event, n.Title, n.OccasionKey) { Link = n.Link, PartnershipId = n.PartnershipId }, at),
            };
            var last = i == latest.Count - 1;
            var retried = i == latest.Count / 2;
            var tries = new List<WebhookAttempt>();
            if (retried) tries.Add(new WebhookAttempt { At = at.AddSeconds(2), StatusCode = 503, Error = "The receiver answered 503 Service Unavailable.", DurationMs = 1200 });
            tries.Add(last
                ? new WebhookAttempt { At = at.AddSeconds(3), StatusCode = 410, Error = "The receiver answered 410 Gone: the endpoint was turned off.", DurationMs = 85 }
                : new WebhookAttempt { At = at.AddSeconds(retried ? 62 : 2), StatusCode = 200, DurationMs = 140 + 17 * i });
            var final = tries[^1];
            var delivery = new WebhookDelivery
            {
                Message = message, EndpointId = created.Endpoint.Id, Status = last ? DeliveryStatus.Failed : DeliveryStatus.Delivered,
                Attempts = tries.Count, NextAttemptAt = final.At, LastAttemptAt = final.At, LastStatusCode = final.StatusCode, LastError = final.Error,
                DeliveredAt = last ? null : final.At, CreatedAt = at,
            };
            db.WebhookDeliveries.Add(delivery);
            foreach (var t in tries) { t.Delivery = delivery; db.WebhookAttempts.Add(t); }
        }
        var endpoint = await db.WebhookEndpoints.FirstAsync(e => e.Id == created.Endpoint.Id, ct);
        var off = latest[^1].CreatedAt.AddSeconds(3);
        endpoint.Enabled = false;
        endpoint.DisabledReason = $"Turned off on {off:yyyy-MM-dd HH:mm} UTC: the receiver answered 410 Gone.";
        await db.SaveChangesAsync(ct);
    }
}
