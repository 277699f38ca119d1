using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Webhooks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Admin.Webhooks;

public class EndpointModel(WebhookService webhooks) : WarmglowPage
{
    public sealed class EditForm
    {
        public string? Url { get; set; }
        public string? Description { get; set; }
        public List<string> Events { get; set; } = [];
        public bool AllEvents { get; set; }
        public bool Enabled { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public EditForm Input { get; set; } = new();
    public WebhookEndpointDto Endpoint { get; private set; } = null!;
    public Paged<WebhookDeliveryDto> Deliveries { get; private set; } = new([], 1, 25, 0);
    public WebhookEndpointWithSecret? Rotated { get; private set; }
    public long? ShowAttemptsFor { get; private set; }
    public IReadOnlyList<WebhookAttemptDto> Attempts { get; private set; } = [];

    public async Task OnGetAsync(int id, long? delivery, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        await LoadAsync(id, page, ct);
        Fill();
        if (delivery is { } d)
        {
            ShowAttemptsFor = d;
            Attempts = await webhooks.AttemptsAsync(d, ct);
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        var events = Input.AllEvents ? ["*"] : Input.Events;
        if (await TryAsync(() => webhooks.UpdateAsync(id, new(Input.Url, events, Input.Description, Input.Enabled, Input.Version), ct)))
        {
            Flash("Endpoint saved.");
            return Redirect($"/Admin/Webhooks/Endpoint?id={id}");
        }
        await LoadAsync(id, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(int id, CancellationToken ct)
    {
        Rotated = await webhooks.RotateSecretAsync(id, ct);
        await LoadAsync(id, null, ct);
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(int id, CancellationToken ct)
    {
        if (await TryAsync(() => webhooks.SendTestAsync(id, ct)))
        {
            Flash("A test event is on its way; it shows in the log below within a few seconds.");
            return Redirect($"/Admin/Webhooks/Endpoint?id={id}");
        }
        await LoadAsync(id, null, ct);
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(int id, long delivery, CancellationToken ct)
    {
        if (await TryAsync(() => webhooks.ReplayAsync(delivery, ct)))
        {
            Flash("The event will be sent again (with the same webhook-id).");
            return Redirect($"/Admin/Webhooks/Endpoint?id={id}");
        }
        await LoadAsync(id, null, ct);
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await webhooks.DeleteAsync(id, ct);
        Flash("Endpoint removed; nothing more is sent to it.");
        return Redirect("/Admin/Webhooks");
    }

    async Task LoadAsync(int id, int? page, CancellationToken ct)
    {
        Endpoint = await webhooks.GetAsync(id, ct);
        Deliveries = await webhooks.DeliveriesAsync(id, null, page, ct);
    }

    void Fill() => Input = new EditForm
    {
        Url = Endpoint.Url, Description = Endpoint.Description, Events = Endpoint.Events.ToList(), AllEvents = Endpoint.Events.Contains("*"),
        Enabled = Endpoint.Enabled, Version = Endpoint.Version,
    };

    public static string Status(WebhookDeliveryDto d) => d.Status switch
    {
        DeliveryStatus.Delivered => "Delivered",
        DeliveryStatus.Failed => "Failed",
        _ => d.Attempts == 0 ? "Waiting to be sent" : "Will retry",
    };
}
