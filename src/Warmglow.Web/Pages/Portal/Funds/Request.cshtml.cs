using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Funds;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Pages.Funds;

namespace Warmglow.Web.Pages.Portal.Funds;

/// <summary>A partner's request in the portal: its status and decision, and its claim (spend, proof files, submit).</summary>
public class RequestModel(FundService funds) : WarmglowPage
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public ClaimForm Input { get; set; } = new();
    [BindProperty] public int? ClaimId { get; set; }
    public RequestDto Item { get; private set; } = null!;

    async Task LoadAsync()
    {
        Item = await funds.GetRequestAsync(Id, HttpContext.RequestAborted);
        Input.IdempotencyKey ??= Guid.NewGuid().ToString("N");
    }

    public Task OnGetAsync() => LoadAsync();

    async Task<IActionResult> Run(Func<CancellationToken, Task> change, string done)
    {
        try
        {
            if (await TryAsync(() => change(HttpContext.RequestAborted)))
            {
                Flash(done);
                return Redirect($"/Portal/Funds/Requests/{Id}");
            }
        }
        catch (Forbidden f) { ModelState.AddModelError("", f.Message); }
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostClaimAsync() => Run(ct => funds.CreateClaimAsync(Id, new ClaimInput(Input.Spent, Input.Note, Input.IdempotencyKey, false), ct),
        "Claim saved. Add proof files, then submit it.");

    public Task<IActionResult> OnPostProofAsync(IFormFile? file) => Run(async ct =>
    {
        if (file is null) throw ValidationFailed.For("file", "is required: choose a PDF, PNG, JPG, CSV or TXT file of at most 5 MB.");
        await using var stream = file.OpenReadStream();
        await funds.AddProofAsync(ClaimId ?? 0, file.FileName, stream, file.Length, ct);
    }, "Proof file added.");

    public Task<IActionResult> OnPostSubmitClaimAsync() => Run(ct => funds.SubmitClaimAsync(ClaimId ?? 0, Input.Version, ct), "Claim submitted for review.");

    public Task<IActionResult> OnPostSubmitAsync() => Run(ct => funds.SubmitRequestAsync(Id, Input.Version, ct), "Request sent again.");

    public Task<IActionResult> OnPostCancelAsync() => Run(ct => funds.CancelRequestAsync(Id, new CancelInput(Input.Reason, Input.Version), ct), "Request withdrawn.");

    public async Task<IActionResult> OnGetProofAsync(int claimId, int proofId)
    {
        var f = await funds.GetProofAsync(claimId, proofId, HttpContext.RequestAborted);
        return File(f.Content, f.ContentType, f.FileName);
    }
}
