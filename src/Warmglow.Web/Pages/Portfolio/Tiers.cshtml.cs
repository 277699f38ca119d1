using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portfolio;

/// <summary>Tiers: how many land in each and why, the rules (managers change them), service levels, proposals to approve.</summary>
public class TiersModel(PortfolioService portfolio) : WarmglowPage
{
    protected override string InputPrefix => "";

    public TierSummaryDto Summary { get; private set; } = null!;
    public Paged<ProposalDto> Proposals { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    [BindProperty] public int? StrategicPercent { get; set; }
    [BindProperty] public int? GrowthPercent { get; set; }
    [BindProperty] public int? TransactionalPercent { get; set; }
    [BindProperty] public ValueBasis? Basis { get; set; }
    [BindProperty] public int? CompositeWeightPercent { get; set; }
    [BindProperty] public int? MinimumAgeDays { get; set; }
    [BindProperty] public int? DowngradeGraceDays { get; set; }
    [BindProperty] public int? Version { get; set; }

    async Task LoadAsync(bool fillForm)
    {
        var ct = HttpContext.RequestAborted;
        Summary = await portfolio.TierSummaryAsync(ct);
        Proposals = await portfolio.ProposalsAsync(ProposalStatus.Pending, PageNumber, 50, ct);
        CanManage = await AllowedAsync(Policies.Manage);
        Today = DateOnly.FromDateTime(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        if (fillForm)
        {
            var s = Summary.Settings;
            (StrategicPercent, GrowthPercent, TransactionalPercent, Basis) = (s.StrategicPercent, s.GrowthPercent, s.TransactionalPercent, s.Basis);
            (CompositeWeightPercent, MinimumAgeDays, DowngradeGraceDays, Version) = (s.CompositeWeightPercent, s.MinimumAgeDays, s.DowngradeGraceDays, s.Version);
        }
    }

    public Task OnGetAsync() => LoadAsync(true);

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostSettingsAsync()
    {
        if (await TryAsync(() => portfolio.SaveSettingsAsync(new(StrategicPercent, GrowthPercent, TransactionalPercent, Basis, CompositeWeightPercent,
                MinimumAgeDays, DowngradeGraceDays, Version), HttpContext.RequestAborted)))
        {
            Flash("Tier rules saved. They apply from the next recompute.");
            return Redirect("/Portfolio/Tiers");
        }
        await LoadAsync(false);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostDecideAsync(int proposalId, bool approve, int? proposalVersion, string? note)
    {
        if (await TryAsync(() => approve ? portfolio.ApproveAsync(proposalId, new(note, proposalVersion), HttpContext.RequestAborted)
                                         : portfolio.RejectAsync(proposalId, new(note, proposalVersion), HttpContext.RequestAborted)))
        {
            Flash(approve ? "Tier change approved." : "Tier change rejected.");
            return Redirect("/Portfolio/Tiers");
        }
        await LoadAsync(true);
        return Page();
    }
}
