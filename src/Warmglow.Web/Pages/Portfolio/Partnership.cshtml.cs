using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portfolio;

/// <summary>One partnership's tier: service level, pending proposal, override (managers) and history.</summary>
public class PartnershipModel(PortfolioService portfolio, Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public string Name { get; private set; } = "";
    public TierDto Tier { get; private set; } = null!;
    public IReadOnlyList<TierChangeDto> History { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public Tier? NewTier { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateOnly? Until { get; set; }
    [BindProperty] public int? Version { get; set; }

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Name = await pickers.PartnershipNameAsync(Id, ct) ?? throw new NotFound($"Partnership {Id}");
        Tier = await portfolio.TierAsync(Id, ct);
        History = await portfolio.HistoryAsync(Id, ct);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public Task OnGetAsync() => LoadAsync();

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostOverrideAsync()
    {
        if (await TryAsync(() => portfolio.OverrideAsync(Id, new(NewTier, Reason, Until, Version), HttpContext.RequestAborted)))
        {
            Flash("Tier set by hand.");
            return Redirect($"/Portfolio/Partnership/{Id}");
        }
        // The service names the tier field "tier"; show it beside the tier picker.
        if (ModelState.TryGetValue("Tier", out var e)) foreach (var m in e.Errors) ModelState.AddModelError(nameof(NewTier), m.ErrorMessage);
        await LoadAsync();
        return Page();
    }
}
