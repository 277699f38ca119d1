using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Features.Initiatives;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Initiatives;

/// <summary>One initiative: its fields, budget and ROI, the status moves open to it, milestones (with their state) and outcomes.</summary>
public class DetailModel(InitiativeService initiatives, UserDirectory users) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public InitiativeDto Initiative { get; private set; } = null!;
    public List<(string Id, string Name)> Staff { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public InitiativeForm Input { get; set; } = new();
    [BindProperty] public InitiativeStatus? To { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Version { get; set; }

    [BindProperty] public int? ItemId { get; set; }
    [BindProperty] public string? MilestoneTitle { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public OwnerSide? OwnerSide { get; set; }
    [BindProperty] public string? OwnerName { get; set; }
    [BindProperty] public DateOnly? DoneOn { get; set; }

    [BindProperty] public OutcomeMetric? Metric { get; set; }
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public decimal? Target { get; set; }
    [BindProperty] public decimal? Actual { get; set; }
    [BindProperty] public DateOnly? MeasuredOn { get; set; }

    async Task LoadAsync(bool keepInput = false)
    {
        var ct = HttpContext.RequestAborted;
        Initiative = await initiatives.GetAsync(Id, ct);
        Staff = await users.StaffOptionsAsync(ct);
        CanManage = await AllowedAsync(Policies.Manage);
        if (!keepInput) Input = InitiativeForm.From(Initiative);
    }

    public Task OnGetAsync() => LoadAsync();

    async Task<IActionResult> Run(Func<Task> change, string done, string anchor, bool keepInput = false)
    {
        try
        {
            if (await TryAsync(change))
            {
                Flash(done);
                return Redirect($"/Initiatives/{Id}#{anchor}");
            }
        }
        catch (Forbidden f)
        {
            ModelState.AddModelError("", f.Message);
        }
        await LoadAsync(keepInput);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostEditAsync() =>
        Run(() => initiatives.UpdateAsync(Id, Input.ToInput(), HttpContext.RequestAborted), "Initiative saved.", "details", keepInput: true);

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostStatusAsync() =>
        Run(() => initiatives.SetStatusAsync(Id, new(To, Reason, Version), HttpContext.RequestAborted),
            To == InitiativeStatus.Declined ? "Proposal declined." : "Status changed.", "status");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostAddMilestoneAsync() =>
        Run(() => initiatives.AddMilestoneAsync(Id, new(MilestoneTitle, DueOn, OwnerSide, OwnerName, DoneOn), HttpContext.RequestAborted), "Milestone added.", "milestones");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostUpdateMilestoneAsync() =>
        Run(() => initiatives.UpdateMilestoneAsync(Id, ItemId ?? 0, new(MilestoneTitle, DueOn, OwnerSide, OwnerName, DoneOn, Version), HttpContext.RequestAborted),
            "Milestone saved.", "milestones");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostRemoveMilestoneAsync() =>
        Run(() => initiatives.RemoveMilestoneAsync(Id, ItemId ?? 0, HttpContext.RequestAborted), "Milestone removed.", "milestones");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostAddOutcomeAsync() =>
        Run(() => initiatives.AddOutcomeAsync(Id, new(Metric, Label, Target, Actual, OwnerSide, MeasuredOn), HttpContext.RequestAborted), "Outcome added.", "outcomes");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostUpdateOutcomeAsync() =>
        Run(() => initiatives.UpdateOutcomeAsync(Id, ItemId ?? 0, new(Metric, Label, Target, Actual, OwnerSide, MeasuredOn, Version), HttpContext.RequestAborted),
            "Outcome saved.", "outcomes");
}
