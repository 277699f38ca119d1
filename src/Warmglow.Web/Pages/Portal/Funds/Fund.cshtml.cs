using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Funds;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Pages.Funds;

namespace Warmglow.Web.Pages.Portal.Funds;

/// <summary>A fund in the portal: the partner's own allocations and balance, their requests and the form to request money.</summary>
public class FundModel(FundService funds) : WarmglowPage
{
    [FromRoute] public int Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public RequestForm Input { get; set; } = new();

    public FundDto Fund { get; private set; } = null!;
    public Paged<RequestSummary> Requests { get; private set; } = new([], 1, 25, 0);

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Fund = await funds.GetAsync(Id, 1, 50, ct);
        Requests = await funds.RequestsAsync(Id, null, null, PageNumber, 25, ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Input.PlannedStart ??= today < Fund.Summary.StartsOn ? Fund.Summary.StartsOn : today;
        Input.PlannedEnd ??= Input.PlannedStart;
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        RequestDto? r = null;
        try
        {
            if (await TryAsync(async () => r = await funds.CreateRequestAsync(Id, Input.ToInput(), HttpContext.RequestAborted)))
            {
                Flash("Request sent; your partnership manager decides on it.");
                return Redirect($"/Portal/Funds/Requests/{r!.Summary.Id}");
            }
        }
        catch (Forbidden f) { ModelState.AddModelError("", f.Message); }
        await LoadAsync();
        return Page();
    }
}
