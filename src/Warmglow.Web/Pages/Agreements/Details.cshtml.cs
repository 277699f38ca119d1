using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Agreements;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Agreements;

public class DetailsModel(AgreementService agreements) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public AgreementDto Agreement { get; private set; } = null!;
    public VersionDto Current { get; private set; } = null!;
    public IReadOnlyList<TermsDiff.FlatClause> CurrentClauses => Current.Rendered.Where(c => c.Key != "header").ToList();
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public IReadOnlyList<ApprovalDto> Approvals { get; private set; } = [];
    public IReadOnlyList<AgreementTransitionDto> Moves { get; private set; } = [];
    public IReadOnlyList<ReviewDto> Reviews { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanApprove { get; private set; }

    [BindProperty] public AgreementStatus? To { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int? ReviewId { get; set; }
    [BindProperty] public ReviewOutcome? Outcome { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public int? ReviewVersion { get; set; }

    async Task LoadAsync()
    {
        Agreement = await agreements.GetAsync(Id);
        Current = await agreements.VersionAsync(Id, Agreement.CurrentVersion);
        Versions = await agreements.VersionsAsync(Id);
        Approvals = await agreements.ApprovalsAsync(Id);
        Moves = await agreements.TransitionsAsync(Id);
        Reviews = await agreements.ReviewsAsync(Id);
        CanManage = await AllowedAsync(Policies.Manage);
        CanApprove = await AllowedAsync(Policies.Approve);
    }

    public Task OnGetAsync() => LoadAsync();

    async Task<IActionResult> Run(string policy, Func<Task> change, string done)
    {
        if (!await AllowedAsync(policy)) return Forbid();
        ModelState.Clear();
        if (await TryAsync(change))
        {
            Flash(done);
            return Redirect($"/Agreements/Details/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync() =>
        Run(Policies.Manage, () => agreements.MoveAsync(Id, new(To, Reason)), $"Moved to {(To is { } t ? AgreementLifecycle.Display(t) : "")}.");

    public Task<IActionResult> OnPostApproveAsync() =>
        Run(Policies.Approve, () => agreements.ApproveAsync(Id, new(Note)), "Current version approved.");

    public Task<IActionResult> OnPostHeldAsync() =>
        Run(Policies.Manage, () => agreements.RecordHeldAsync(Id, ReviewId ?? 0, new(null, Outcome, Notes, ReviewVersion)), "Review recorded as held; its tasks are done.");

    public Task<IActionResult> OnPostGenerateAsync() =>
        Run(Policies.Manage, () => agreements.GenerateReviewsAsync(Id), "Reviews scheduled from the review clause.");
}
