using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Governance;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Governance;

/// <summary>Governance across the workspace: decision time and its trend, the default decision framework, the partnerships.</summary>
public class IndexModel(DecisionService decisions, Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public DecisionTimeDto DecisionTime { get; private set; } = null!;
    public FrameworkDto Framework { get; private set; } = null!;
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public Dictionary<DecisionType, DecisionRoute?> Routes { get; set; } = [];
    [BindProperty] public Dictionary<DecisionType, int?> Quorums { get; set; } = [];
    [BindProperty] public int? Version { get; set; }

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        DecisionTime = await decisions.DecisionTimeAsync(null, ct);
        Framework = await decisions.FrameworkAsync(null, ct);
        Partnerships = await pickers.PartnershipsAsync(Search, 50, ct);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public Task OnGetAsync() => LoadAsync();

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostFrameworkAsync()
    {
        var rules = Enum.GetValues<DecisionType>()
            .Where(t => Routes.GetValueOrDefault(t) is not null)
            .Select(t => new DecisionRule(t, Routes[t]!.Value, Routes[t] == DecisionRoute.SteeringCommittee ? Quorums.GetValueOrDefault(t) : null))
            .ToList();
        if (await TryAsync(() => decisions.SaveFrameworkAsync(null, new(rules, Version), HttpContext.RequestAborted)))
        {
            Flash("Decision framework saved.");
            return Redirect("/Governance");
        }
        await LoadAsync();
        return Page();
    }
}
