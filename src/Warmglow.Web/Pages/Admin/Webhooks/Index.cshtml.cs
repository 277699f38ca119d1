using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Webhooks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Admin.Webhooks;

public class IndexModel(WebhookService webhooks) : WarmglowPage
{
    public sealed class EndpointForm
    {
        public string? Url { get; set; }
        public string? Description { get; set; }
        public List<string> Events { get; set; } = [];
        public bool AllEvents { get; set; }
    }

    [BindProperty] public EndpointForm Input { get; set; } = new();
    public Paged<WebhookEndpointDto> Endpoints { get; private set; } = new([], 1, 50, 0);
    /// <summary>Set right after registering: the secret, shown this once.</summary>
    public WebhookEndpointWithSecret? Created { get; private set; }

    public Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct) => LoadAsync(page, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var events = Input.AllEvents ? ["*"] : Input.Events;
        if (await TryAsync(async () => Created = await webhooks.CreateAsync(new(Input.Url, events, Input.Description, true, null), ct)))
        {
            ModelState.Clear();
            Input = new();
        }
        await LoadAsync(null, ct);
        return Page();
    }

    async Task LoadAsync(int? page, CancellationToken ct) => Endpoints = await webhooks.ListAsync(page, ct);

    public static string Kinds(IReadOnlyList<string> events) => events.Contains("*") ? "All events"
        : string.Join(", ", events.Select(e => WebhookEvents.Catalog.FirstOrDefault(c => c.Name == e).Label ?? e));
}
