using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Onboarding;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Onboarding;

/// <summary>One checklist: steps with owners, due dates and statuses; managers complete, approve, send back, skip, assign and override.</summary>
public class ChecklistModel(OnboardingService onboarding) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public ChecklistDto Checklist { get; private set; } = null!;
    public bool CanManage { get; private set; }
    /// <summary>The signed-in person's id: our people who own a step complete it here too.</summary>
    public string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);
    public List<(string Value, string Name)> Ours { get; private set; } = [];
    public List<(string Value, string Name)> Theirs { get; private set; } = [];

    [BindProperty] public int? StepId { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? Reason { get; set; }

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Checklist = await onboarding.GetAsync(Id, ct);
        CanManage = await AllowedAsync(Policies.Manage);
        if (CanManage) (Ours, Theirs) = await onboarding.OwnerOptionsAsync(Checklist.PartnershipId, ct);
    }

    public Task OnGetAsync() => LoadAsync();

    async Task<IActionResult> After(bool ok, string message)
    {
        if (ok) { Flash(message); return Redirect($"/Onboarding/Checklist/{Id}"); }
        await LoadAsync();
        return Page();
    }

    async Task<int> StepAsync()
    {
        var c = await onboarding.GetAsync(Id, HttpContext.RequestAborted);
        return StepId is { } s && c.Steps.Any(x => x.Id == s) ? s : throw new NotFound($"Onboarding step {StepId}");
    }

    public async Task<IActionResult> OnPostCompleteAsync()
    {
        var step = await StepAsync();
        var canManage = await AllowedAsync(Policies.Manage);
        return await After(await TryAsync(() => onboarding.CompleteAsync(step, new(Note, Version), canManage, HttpContext.RequestAborted)), "Step marked done.");
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostApproveAsync()
    {
        var step = await StepAsync();
        return await After(await TryAsync(() => onboarding.ApproveAsync(step, new(Comment, Version), HttpContext.RequestAborted)), "Step approved.");
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostSendBackAsync()
    {
        var step = await StepAsync();
        return await After(await TryAsync(() => onboarding.SendBackAsync(step, new(Comment, Version), HttpContext.RequestAborted)), "Step sent back to the partner with your comment.");
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostSkipAsync()
    {
        var step = await StepAsync();
        return await After(await TryAsync(() => onboarding.SkipAsync(step, new(Version), HttpContext.RequestAborted)), "Step skipped.");
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostOwnerAsync()
    {
        var step = await StepAsync();
        var value = Owner ?? "";
        string? user = value.StartsWith("user:", StringComparison.Ordinal) ? value[5..] : null;
        int? contact = value.StartsWith("contact:", StringComparison.Ordinal) && int.TryParse(value[8..], out var cid) ? cid : null;
        try
        {
            await onboarding.SetOwnerAsync(step, new(user, contact, Version), HttpContext.RequestAborted);
            Flash("Owner saved.");
            return Redirect($"/Onboarding/Checklist/{Id}");
        }
        catch (ValidationFailed v)
        {
            foreach (var (_, messages) in v.Errors.ToDictionary())
                foreach (var m in messages) ModelState.AddModelError(nameof(Owner), $"Owner {m}");
        }
        catch (Conflict c) { ModelState.AddModelError("", c.Message); }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostOverrideAsync() =>
        await After(await TryAsync(() => onboarding.OverrideAsync(Id, new(Reason, Version), HttpContext.RequestAborted)), "Override recorded: the partnership may now be moved to Active.");
}
