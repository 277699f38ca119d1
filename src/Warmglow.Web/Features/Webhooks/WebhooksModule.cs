using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Webhooks;

/// <summary>Signed webhooks (Standard Webhooks): endpoints, the outbox the notifier writes, the delivery job, the log and replay.</summary>
public sealed class WebhooksModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<WebhookDispatcher>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookHttp>();
        services.AddSingleton<IRecurringJob, WebhookDeliveryJob>();
        services.AddScoped<Demo.IDemoContributor, WebhooksDemo>();
    }

    // Pages live under /Admin/Webhooks (the /Admin folder is admins'; Users module).
    public IEnumerable<NavItem> Navigation => [new("webhooks", "Webhooks", "/Admin/Webhooks", 940, Policies.Admin, Area: NavArea.Account)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapWebhooksApi();
}
