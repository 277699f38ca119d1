using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Sunsetting;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Sunsetting;

/// <summary>One wind-down plan: tasks with their owners and dates, its length, and the override (managers change them).</summary>
public class PlanModel(SunsettingService sunsetting, UserDirectory people) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public WindDownPlanDto Plan { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public List<(string Id, string Name)> Staff { get; private set; } = [];

    [BindProperty] public int? Days { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public int? TaskId { get; set; }
    [BindProperty] public bool? Done { get; set; }
    [BindProperty] public string? OwnerId { get; set; }
    [BindProperty] public string? Note { get; set; }

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Plan = await sunsetting.GetAsync(Id, ct);
        CanManage = await AllowedAsync(Policies.Manage) && Plan.Running;
        if (CanManage) Staff = await people.StaffOptionsAsync(ct);
        Days ??= Plan.Days;
    }

    public Task OnGetAsync() => LoadAsync();

    async Task<IActionResult> After(bool ok, string message)
    {
        if (ok) { Flash(message); return Redirect($"/Sunsetting/Plan/{Id}"); }
        await LoadAsync();
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostLengthAsync() =>
        await After(await TryAsync(() => sunsetting.SetLengthAsync(Id, new(Days, Version), HttpContext.RequestAborted)), "Wind-down length changed; open tasks rescheduled.");

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostOverrideAsync() =>
        await After(await TryAsync(() => sunsetting.OverrideAsync(Id, new(Reason, Version), HttpContext.RequestAborted)), "Override recorded: the partnership may now be moved to Ended.");

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostTaskAsync()
    {
        var plan = await sunsetting.GetAsync(Id, HttpContext.RequestAborted);
        if (TaskId is not { } taskId || plan.Tasks.All(t => t.Id != taskId)) throw new NotFound($"Wind-down task {TaskId}");
        return await After(await TryAsync(() => sunsetting.UpdateTaskAsync(taskId, new(Done, OwnerId, Note, Version), HttpContext.RequestAborted)), "Task saved.");
    }
}
