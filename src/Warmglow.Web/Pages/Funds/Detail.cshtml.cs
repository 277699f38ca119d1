using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Funds;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Funds;

/// <summary>One fund's dashboard: totals, allocations per partnership (paged), spend by activity, its requests (paged), and the allocate and request forms.</summary>
public class DetailModel(FundService funds, Pickers pickers) : WarmglowPage
{
    [FromRoute] public int Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? RequestPage { get; set; }
    [BindProperty] public RequestForm Input { get; set; } = new();
    [BindProperty] public int? AllocatePartnershipId { get; set; }
    [BindProperty] public decimal? AllocateAmount { get; set; }

    public FundDto Fund { get; private set; } = null!;
    public Paged<RequestSummary> Requests { get; private set; } = new([], 1, 25, 0);
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public bool CanManage { get; private set; }

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Fund = await funds.GetAsync(Id, PageNumber, 25, ct);
        Requests = await funds.RequestsAsync(Id, null, null, RequestPage, 25, ct);
        Partnerships = await pickers.PartnershipsAsync(null, Pickers.Limit, ct);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Input.PlannedStart ??= today < Fund.Summary.StartsOn ? Fund.Summary.StartsOn : today;
        Input.PlannedEnd ??= Input.PlannedStart;
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAllocateAsync()
    {
        if (await TryAsync(() => funds.AllocateAsync(Id, new AllocationInput(AllocatePartnershipId, AllocateAmount), HttpContext.RequestAborted)))
        {
            Flash("Allocation saved.");
            return Redirect($"/Funds/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostRequestAsync()
    {
        RequestDto? r = null;
        if (await TryAsync(async () => r = await funds.CreateRequestAsync(Id, Input.ToInput(), HttpContext.RequestAborted)))
        {
            Flash(Input.Draft ? "Request saved as a draft." : "Request submitted; it now counts as pending against the allocation.");
            return Redirect($"/Funds/Requests/{r!.Summary.Id}");
        }
        await LoadAsync();
        return Page();
    }
}
