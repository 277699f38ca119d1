using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Funds;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Funds;

/// <summary>One request: its decision (within the approver's limit), its claims with proof files, review and payment.</summary>
public class RequestModel(FundService funds) : WarmglowPage
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public ClaimForm Input { get; set; } = new();
    [BindProperty] public int? ClaimId { get; set; }

    public RequestDto Item { get; private set; } = null!;
    public FundDto Fund { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanReview { get; private set; }

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Item = await funds.GetRequestAsync(Id, ct);
        Fund = await funds.GetAsync(Item.Summary.FundId, 1, 1, ct);
        CanManage = await AllowedAsync(Policies.Manage);
        CanReview = CanManage || User.IsInRole(Roles.Executive);
        Input.IdempotencyKey ??= Guid.NewGuid().ToString("N");
        Input.PaidOn ??= DateOnly.FromDateTime(DateTime.UtcNow);
    }

    public Task OnGetAsync() => LoadAsync();

    async Task<IActionResult> Run(Func<CancellationToken, Task> change, string done)
    {
        if (await TryAsync(() => change(HttpContext.RequestAborted)))
        {
            Flash(done);
            return Redirect($"/Funds/Requests/{Id}");
        }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Internal)]
    public Task<IActionResult> OnPostDecideAsync() => Run(async ct =>
    {
        try { await funds.DecideRequestAsync(Id, new DecisionInput(Input.Decision, Input.Reason, Input.Version), ct); }
        catch (Forbidden f) { throw new Conflict(f.Message); }
    }, "Decision recorded.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostSubmitAsync() => Run(ct => funds.SubmitRequestAsync(Id, Input.Version, ct), "Request submitted.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostCancelAsync() => Run(ct => funds.CancelRequestAsync(Id, new CancelInput(Input.Reason, Input.Version), ct), "Request cancelled; its amount returned to the allocation.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostClaimAsync() => Run(ct => funds.CreateClaimAsync(Id, new ClaimInput(Input.Spent, Input.Note, Input.IdempotencyKey, false), ct),
        "Claim saved as a draft. Add proof files, then submit it.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostProofAsync(IFormFile? file) => Run(async ct =>
    {
        if (file is null) throw ValidationFailed.For("file", "is required: choose a PDF, PNG, JPG, CSV or TXT file of at most 5 MB.");
        await using var stream = file.OpenReadStream();
        await funds.AddProofAsync(ClaimId ?? 0, file.FileName, stream, file.Length, ct);
    }, "Proof file added.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostSubmitClaimAsync() => Run(ct => funds.SubmitClaimAsync(ClaimId ?? 0, Input.Version, ct), "Claim submitted for review.");

    [RequirePolicy(Policies.Internal)]
    public Task<IActionResult> OnPostReviewAsync() => Run(async ct =>
    {
        try { await funds.ReviewClaimAsync(ClaimId ?? 0, new DecisionInput(Input.Decision, Input.Reason, Input.Version), ct); }
        catch (Forbidden f) { throw new Conflict(f.Message); }
    }, "Review recorded.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostPayAsync() => Run(ct => funds.PayClaimAsync(ClaimId ?? 0, new PaymentInput(Input.PaidOn, Input.Reference, Input.IdempotencyKey, Input.Version), ct),
        "Payment recorded; the rest of the approved amount returned to the allocation.");

    public async Task<IActionResult> OnGetProofAsync(int claimId, int proofId)
    {
        var f = await funds.GetProofAsync(claimId, proofId, HttpContext.RequestAborted);
        return File(f.Content, f.ContentType, f.FileName);
    }
}
