using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Referrals;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Referrals;

/// <summary>One registration for staff: its details, the conflicts side by side with why each matched, and the manager's actions.</summary>
public class DetailsModel(ReferralService referrals) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public RegistrationDto Registration { get; private set; } = null!;
    public IReadOnlyList<ConflictDto> Conflicts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> CreditPartners { get; private set; } = [];
    public bool CanManage { get; private set; }
    public IReadOnlyList<Features.Signals.RevenueTarget> RevenueTargets { get; private set; } = [];
    [BindProperty] public int? AgreementId { get; set; }

    [BindProperty] public int? Version { get; set; }
    [BindProperty] public ReviewOutcome? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public RegistrationStage? Stage { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public string? InternalNotes { get; set; }
    [BindProperty] public Dictionary<int, CreditKind?> CreditKinds { get; set; } = [];
    [BindProperty] public Dictionary<int, decimal?> CreditShares { get; set; } = [];
    /// <summary>Only carries the "credits" field errors to the form.</summary>
    public string? Credits { get; set; }

    ReferralCaller Caller => ReferralCaller.From(User);

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Registration = await referrals.GetAsync(Id, Caller, ct);
        Conflicts = await referrals.ConflictsAsync(Id, ct);
        CreditPartners = await referrals.CreditPartnersAsync(Id, ct);
        CanManage = await AllowedAsync(Policies.Manage);
        if (CanManage && Registration.WinApprovedAt is not null) RevenueTargets = await referrals.RevenueTargetsAsync(Id, ct);
    }

    public Task OnGetAsync() => LoadAsync();

    async Task<IActionResult> Run(Func<Task> change, string done)
    {
        ModelState.Clear();
        if (await TryAsync(change))
        {
            Flash(done);
            return Redirect($"/Referrals/Details/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostDecideAsync() =>
        Run(() => referrals.DecideAsync(Id, new(Outcome, Reason, Version), Caller, HttpContext.RequestAborted), "Decision recorded.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostMoveAsync() =>
        Run(() => referrals.MoveAsync(Id, new(Stage, Amount, Version), Caller, HttpContext.RequestAborted), "Stage updated.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostExtendAsync() =>
        Run(() => referrals.ExtendAsync(Id, new(Reason, Version), Caller, HttpContext.RequestAborted), "Protection extended.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostApproveWinAsync() =>
        Run(() => referrals.ApproveWinAsync(Id, new(Version), Caller, HttpContext.RequestAborted), "Win approved: it now counts for revenue and rewards.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostPostRevenueAsync() =>
        Run(() => referrals.PostRevenueAsync(Id, new(AgreementId), Caller, HttpContext.RequestAborted), "Posted to the revenue ledger.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostNotesAsync() =>
        Run(() => referrals.SaveInternalNotesAsync(Id, new(InternalNotes, Version), Caller, HttpContext.RequestAborted), "Internal notes saved.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostCreditsAsync()
    {
        var credits = CreditShares.Where(c => c.Value is > 0).Select(c => new CreditInput(c.Key, CreditKinds.GetValueOrDefault(c.Key), c.Value)).ToList();
        return Run(() => referrals.SetCreditsAsync(Id, new(credits, Version), Caller, HttpContext.RequestAborted), "Credit saved.");
    }
}
