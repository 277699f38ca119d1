using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Webhooks;

public static class WebhooksApi
{
    public static void MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        g.MapGet("/endpoints", (int? page, WebhookService s, CancellationToken ct) => s.ListAsync(page, ct))
            .WithSummary("Registered endpoints with their event kinds and how many deliveries wait or failed");
        g.MapPost("/endpoints", async Task<Created<WebhookEndpointWithSecret>> (WebhookEndpointInput input, WebhookService s, CancellationToken ct) =>
            {
                var created = await s.CreateAsync(input, ct);
                return TypedResults.Created($"/api/webhooks/endpoints/{created.Endpoint.Id}", created);
            })
            .WithSummary("Register an endpoint: an http(s) URL (public addresses only unless allowed by the deployment), event kinds ('*' for all); the answer carries the signing secret, shown this once");
        g.MapGet("/endpoints/{id:int}", (int id, WebhookService s, CancellationToken ct) => s.GetAsync(id, ct));
        g.MapPut("/endpoints/{id:int}", (int id, WebhookEndpointInput input, WebhookService s, CancellationToken ct) => s.UpdateAsync(id, input, ct))
            .WithSummary("Change the URL, event kinds, description or whether it is on; send the version you read");
        g.MapDelete("/endpoints/{id:int}", async Task<NoContent> (int id, WebhookService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        g.MapPost("/endpoints/{id:int}/rotate-secret", (int id, WebhookService s, CancellationToken ct) => s.RotateSecretAsync(id, ct))
            .WithSummary("A new signing secret, shown this once; the previous one also signs for 24 hours");
        g.MapPost("/endpoints/{id:int}/test", async Task<Accepted> (int id, WebhookService s, CancellationToken ct) =>
            {
                await s.SendTestAsync(id, ct);
                return TypedResults.Accepted($"/api/webhooks/endpoints/{id}/deliveries");
            })
            .WithSummary("Queue a webhook.test event for this endpoint");
        g.MapGet("/endpoints/{id:int}/deliveries", (int id, DeliveryStatus? status, int? page, WebhookService s, CancellationToken ct) =>
                s.DeliveriesAsync(id, status, page, ct))
            .WithSummary("The delivery log, newest first: status, attempts, the last answer");
        g.MapGet("/deliveries/{deliveryId:long}/attempts", (long deliveryId, WebhookService s, CancellationToken ct) => s.AttemptsAsync(deliveryId, ct))
            .WithSummary("Every attempt of one delivery: when, the status code or error, how long it took");
        g.MapPost("/deliveries/{deliveryId:long}/replay", (long deliveryId, WebhookService s, CancellationToken ct) => s.ReplayAsync(deliveryId, ct))
            .WithSummary("Send the delivery's event again (same webhook-id)");
    }
}
