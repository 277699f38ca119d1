using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Funds;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Funds;

/// <summary>The workspace's co-investment funds (paged) and, for managers, the form that creates one.</summary>
public class IndexModel(FundService funds, Pickers pickers) : WarmglowPage
{
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public FundForm Input { get; set; } = new();

    public Paged<FundSummary> Funds { get; private set; } = new([], 1, 25, 0);
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public bool CanManage { get; private set; }

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Funds = await funds.ListAsync(PageNumber, 25, ct);
        Partnerships = await pickers.PartnershipsAsync(null, Pickers.Limit, ct);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Input.StartsOn ??= today;
        Input.EndsOn ??= today.AddMonths(6);
        Input.ClaimDeadline ??= today.AddMonths(7);
        await LoadAsync();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        FundDto? created = null;
        if (await TryAsync(async () => created = await funds.CreateFundAsync(Input.ToInput(), HttpContext.RequestAborted)))
        {
            Flash($"Fund \"{created!.Summary.Name}\" created. Allocate it to partnerships next.");
            return Redirect($"/Funds/{created.Summary.Id}");
        }
        await LoadAsync();
        return Page();
    }
}
