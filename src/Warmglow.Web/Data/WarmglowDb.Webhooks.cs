using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Webhooks;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookMessage> WebhookMessages => Set<WebhookMessage>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    [Infrastructure.Modules.ModelPart]
    void OnWebhooksModel(ModelBuilder b)
    {
        // Webhooks are an admin's integration: endpoints, secrets, the outbox and the delivery log stay internal (the default).
    }
}
