using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Validation;
using Warmglow.Core.Webhooks;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Webhooks;

public sealed record WebhookEndpointInput(string? Url, IReadOnlyList<string>? Events, string? Description, bool? Enabled, int? Version);
public sealed record WebhookEndpointDto(int Id, string Url, string? Description, IReadOnlyList<string> Events, bool Enabled, string? DisabledReason,
    bool RotatingSecret, DateTime? PreviousSecretUntil, int Version, DateTime CreatedAt, int Pending, int Failed);
/// <summary>The endpoint with its signing secret: returned once, when it is created or its secret rotated.</summary>
public sealed record WebhookEndpointWithSecret(WebhookEndpointDto Endpoint, string Secret);
public sealed record WebhookDeliveryDto(long Id, string MessageId, string Event, DeliveryStatus Status, int Attempts, DateTime NextAttemptAt,
    DateTime? LastAttemptAt, int? LastStatusCode, string? LastError, DateTime? DeliveredAt, DateTime CreatedAt, string? ReplayedBy);
public sealed record WebhookAttemptDto(DateTime At, int? StatusCode, string? Error, long DurationMs);

/// <summary>The event kinds an endpoint may pick from (each module raises its own; "*" takes every one, later ones too).</summary>
public static class WebhookEvents
{
    public static readonly IReadOnlyList<(string Name, string Label)> Catalog =
    [
        ("statement.issued", "A revenue statement was issued"),
        ("statement.paid", "A revenue statement was marked paid"),
        ("survey.opened", "A health survey was opened"),
        ("task.overdue", "An action item or review is overdue"),
        ("health.red_flag", "A partnership has a new red flag"),
        ("webhook.test", "A test event sent from this page"),
    ];
}

/// <summary>Admins' webhook endpoints: register (the secret is shown once), change, rotate the secret, the delivery log, replay.</summary>
public sealed class WebhookService(WarmglowDb db, WebhookSecrets secrets, WebhookOutbox outbox, IConfiguration config)
{
    /// <summary>How long the previous secret keeps signing after a rotation (receivers switch over meanwhile).</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    bool AllowPrivate => config.GetValue("Webhooks:AllowPrivateTargets", false);

    public async Task<Paged<WebhookEndpointDto>> ListAsync(int? page, CancellationToken ct = default) =>
        await Project(db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id)).ToPageAsync(page, 50, ct);

    public async Task<WebhookEndpointDto> GetAsync(int id, CancellationToken ct = default) =>
        await Project(db.WebhookEndpoints.AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFound("The webhook endpoint");

    public async Task<WebhookEndpointWithSecret> CreateAsync(WebhookEndpointInput input, CancellationToken ct = default)
    {
        var (url, events) = Validate(input);
        var secret = WebhookSigning.NewSecret();
        var e = new WebhookEndpoint
        {
            Url = url, Events = string.Join(',', events), Description = Clean(input.Description), Enabled = input.Enabled ?? true,
            ProtectedSecret = secrets.Protect(secret),
        };
        db.WebhookEndpoints.Add(e);
        await db.SaveChangesAsync(ct);
        return new(await GetAsync(e.Id, ct), secret);
    }

    public async Task<WebhookEndpointDto> UpdateAsync(int id, WebhookEndpointInput input, CancellationToken ct = default)
    {
        var e = await Find(id, ct);
        if (input.Version is not { } v) throw ValidationFailed.For("version", "Send the version you read.");
        if (v != e.Version) throw new Conflict("Someone changed this endpoint meanwhile; reload it and try again.");
        var (url, events) = Validate(input);
        e.Url = url;
        e.Events = string.Join(',', events);
        e.Description = Clean(input.Description);
        if (input.Enabled is { } enabled && enabled != e.Enabled)
        {
            e.Enabled = enabled;
            if (enabled) e.DisabledReason = null;
        }
        await Save(ct);
        return await GetAsync(id, ct);
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        db.WebhookEndpoints.Remove(await Find(id, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new secret, returned once; the previous one keeps signing alongside it for <see cref="RotationOverlap"/>.</summary>
    public async Task<WebhookEndpointWithSecret> RotateSecretAsync(int id, CancellationToken ct = default)
    {
        var e = await Find(id, ct);
        var secret = WebhookSigning.NewSecret();
        e.ProtectedPreviousSecret = e.ProtectedSecret;
        e.PreviousSecretUntil = db.UtcNow + RotationOverlap;
        e.ProtectedSecret = secrets.Protect(secret);
        await Save(ct);
        return new(await GetAsync(id, ct), secret);
    }

    /// <summary>Queues a "webhook.test" event for this endpoint only.</summary>
    public async Task SendTestAsync(int id, CancellationToken ct = default)
    {
        var e = await Find(id, ct);
        if (!e.Enabled) throw new Conflict("Turn the endpoint on before sending it a test event.");
        await outbox.EnqueueTestAsync(id, ct);
    }

    public async Task<Paged<WebhookDeliveryDto>> DeliveriesAsync(int id, DeliveryStatus? status, int? page, CancellationToken ct = default)
    {
        await Find(id, ct);
        var q = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id);
        if (status is { } s) q = q.Where(d => d.Status == s);
        return await q.OrderByDescending(d => d.Id)
            .Select(d => new WebhookDeliveryDto(d.Id, d.Message!.MessageId, d.Message.Event, d.Status, d.Attempts, d.NextAttemptAt, d.LastAttemptAt,
                d.LastStatusCode, d.LastError, d.DeliveredAt, d.CreatedAt, d.ReplayedBy))
            .ToPageAsync(page, 25, ct);
    }

    public async Task<IReadOnlyList<WebhookAttemptDto>> AttemptsAsync(long deliveryId, CancellationToken ct = default)
    {
        if (!await db.WebhookDeliveries.AnyAsync(d => d.Id == deliveryId, ct)) throw new NotFound("The delivery");
        return await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderByDescending(a => a.Id).Take(50)
            .Select(a => new WebhookAttemptDto(a.At, a.StatusCode, a.Error, a.DurationMs)).ToListAsync(ct);
    }

    /// <summary>Sends a delivery's message again, as a new delivery with the same <c>webhook-id</c> (receivers de-duplicate on it).</summary>
    public async Task<WebhookDeliveryDto> ReplayAsync(long deliveryId, CancellationToken ct = default)
    {
        var d = await db.WebhookDeliveries.Include(x => x.Endpoint).FirstOrDefaultAsync(x => x.Id == deliveryId, ct) ?? throw new NotFound("The delivery");
        if (!d.Endpoint!.Enabled) throw new Conflict("The endpoint is turned off; turn it on before replaying.");
        if (await db.WebhookDeliveries.AnyAsync(x => x.MessageId == d.MessageId && x.EndpointId == d.EndpointId && x.Status == DeliveryStatus.Pending, ct))
            throw new Conflict("This event is already waiting to be sent to this endpoint.");
        var now = db.UtcNow;
        var replay = new WebhookDelivery
        {
            MessageId = d.MessageId, EndpointId = d.EndpointId, Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
            ReplayedBy = db.Tenant.UserName,
        };
        db.WebhookDeliveries.Add(replay);
        await db.SaveChangesAsync(ct);
        return (await DeliveriesAsync(d.EndpointId, null, 1, ct)).Items.First(x => x.Id == replay.Id);
    }

    (string Url, List<string> Events) Validate(WebhookEndpointInput input)
    {
        var errors = new FieldErrors();
        if (WebhookTargets.Problem(input.Url, AllowPrivate) is { } problem) errors.Add("url", problem);
        var events = (input.Events ?? []).Select(e => e?.Trim() ?? "").Where(e => e.Length > 0).Distinct().ToList();
        if (events.Count == 0) errors.Add("events", "Choose at least one kind of event (or all events).");
        else if (events.FirstOrDefault(e => !WebhookTargets.IsEventName(e)) is { } bad)
            errors.Add("events", $"“{bad}” is not an event kind; use names such as statement.issued, or * for all.");
        if (events.Contains("*")) events = ["*"];
        if (string.Join(',', events).Length > 2000) errors.Add("events", "Choose fewer event kinds, or all events.");
        if (input.Description is { Length: > 200 }) errors.Add("description", "Keep the description to 200 characters.");
        ValidationFailed.ThrowIfAny(errors);
        return (input.Url!.Trim(), events);
    }

    async Task<WebhookEndpoint> Find(int id, CancellationToken ct) =>
        await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFound("The webhook endpoint");

    async Task Save(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict("Someone changed this endpoint meanwhile; reload it and try again."); }
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    IQueryable<WebhookEndpointDto> Project(IQueryable<WebhookEndpoint> q)
    {
        var now = db.UtcNow;
        return q.Select(e => new WebhookEndpointDto(e.Id, e.Url, e.Description, e.Events.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Enabled, e.DisabledReason,
            e.ProtectedPreviousSecret != null && e.PreviousSecretUntil > now, e.PreviousSecretUntil, e.Version, e.CreatedAt,
            db.WebhookDeliveries.Count(d => d.EndpointId == e.Id && d.Status == DeliveryStatus.Pending),
            db.WebhookDeliveries.Count(d => d.EndpointId == e.Id && d.Status == DeliveryStatus.Failed)));
    }
}
