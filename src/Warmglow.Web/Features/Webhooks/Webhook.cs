using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Webhooks;

/// <summary>
/// A receiver an admin registered: where to send, which event kinds ("*" for all), and the signing secret (stored
/// encrypted with the data-protection key ring; shown to the admin once). While a secret is rotated the previous one
/// keeps signing too, until <see cref="PreviousSecretUntil"/>.
/// </summary>
public class WebhookEndpoint : IWorkspaceOwned, IVersioned, ITimestamped, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    /// <summary>Comma-separated event kinds, or "*".</summary>
    public required string Events { get; set; }
    public required string ProtectedSecret { get; set; }
    public string? ProtectedPreviousSecret { get; set; }
    public DateTime? PreviousSecretUntil { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>Why deliveries stopped (the receiver answered 410 Gone), in words.</summary>
    public string? DisabledReason { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? AuditSummary => Url;

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public bool Wants(string eventName) => EventList.Any(e => e == "*" || e == eventName);
}

/// <summary>
/// The outbox: one row per event (per workspace and occasion), written in the same transaction as the change it tells
/// of. <see cref="MessageId"/> is the <c>webhook-id</c> every attempt and replay carries, so receivers can de-duplicate.
/// </summary>
public class WebhookMessage : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string MessageId { get; set; }
    public required string Event { get; set; }
    public required string OccasionKey { get; set; }
    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum DeliveryStatus { Pending, Delivered, Failed }

/// <summary>One message to one endpoint, with its retry state. A replay is a new delivery of the same message.</summary>
public class WebhookDelivery : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public long MessageId { get; set; }
    public WebhookMessage? Message { get; set; }
    public int EndpointId { get; set; }
    public WebhookEndpoint? Endpoint { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set on a replay: who asked.</summary>
    public string? ReplayedBy { get; set; }
}

/// <summary>The delivery log: every attempt, its answer and how long it took.</summary>
public class WebhookAttempt : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public long DeliveryId { get; set; }
    public WebhookDelivery? Delivery { get; set; }
    public DateTime At { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public long DurationMs { get; set; }
}

sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.Property(e => e.Url).HasMaxLength(500);
        b.Property(e => e.Description).HasMaxLength(200);
        b.Property(e => e.Events).HasMaxLength(2000);
        b.Property(e => e.ProtectedSecret).HasMaxLength(1000);
        b.Property(e => e.ProtectedPreviousSecret).HasMaxLength(1000);
        b.Property(e => e.DisabledReason).HasMaxLength(300);
        b.Ignore(e => e.EventList);
        b.HasIndex(e => new { e.WorkspaceId, e.Enabled });
    }
}

sealed class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> b)
    {
        b.Property(m => m.MessageId).HasMaxLength(40);
        b.Property(m => m.Event).HasMaxLength(80);
        b.Property(m => m.OccasionKey).HasMaxLength(200);
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => new { m.WorkspaceId, m.OccasionKey }).IsUnique();
    }
}

sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.LastError).HasMaxLength(500);
        b.Property(d => d.ReplayedBy).HasMaxLength(200);
        b.HasOne(d => d.Message).WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Endpoint).WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // The worker's queue: due pending deliveries per workspace.
        b.HasIndex(d => new { d.WorkspaceId, d.Status, d.NextAttemptAt });
        b.HasIndex(d => new { d.EndpointId, d.Id });
    }
}

sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.Property(a => a.Error).HasMaxLength(500);
        b.HasOne(a => a.Delivery).WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.DeliveryId, a.Id });
    }
}
