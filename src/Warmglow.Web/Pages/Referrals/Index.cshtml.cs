using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Referrals;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Referrals;

/// <summary>Every registration with filters (the review queue first by default), the workspace's figures and settings.</summary>
public class IndexModel(ReferralService referrals, ReferralFigures figures, Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty(SupportsGet = true)] public RegistrationStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public RegistrationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool AwaitingReview { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public Paged<RegistrationRow> Result { get; private set; } = null!;
    public FiguresDto Figures { get; private set; } = null!;
    public SettingsDto Settings { get; private set; } = null!;
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public int? ProtectionDays { get; set; }
    [BindProperty] public int? ReviewSlaBusinessDays { get; set; }
    [BindProperty] public int? Version { get; set; }

    async Task LoadAsync(int? page)
    {
        var ct = HttpContext.RequestAborted;
        Result = await referrals.ListAsync(new(PartnershipId, Stage, Kind, AwaitingReview, Search, page), ct);
        Figures = await figures.ForAsync(null, ct);
        Settings = await referrals.SettingsAsync(ct);
        Partnerships = await pickers.PartnershipsAsync(null, 200, ct);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public Task OnGetAsync([FromQuery(Name = "page")] int? page) => LoadAsync(page);

    public string ExportLink => $"/api/referrals/export.csv?{string.Join("&", new[] {
        PartnershipId is { } p ? $"partnershipId={p}" : null, Stage is { } s ? $"stage={s}" : null, Kind is { } k ? $"kind={k}" : null }.Where(x => x is not null))}";

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostSettingsAsync()
    {
        if (await TryAsync(() => referrals.SaveSettingsAsync(new(ProtectionDays, ReviewSlaBusinessDays, Version), HttpContext.RequestAborted)))
        {
            Flash("Deal registration settings saved.");
            return Redirect("/Referrals");
        }
        await LoadAsync(null);
        return Page();
    }
}
