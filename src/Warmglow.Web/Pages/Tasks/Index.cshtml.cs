using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Tasks;

/// <summary>"My tasks" and "All tasks": system tasks and action items together, filtered and paged in the database.</summary>
public class IndexModel(TaskWorkService tasks, Pickers pickers, UserDirectory users) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public TaskScope Scope { get; set; } = TaskScope.Mine;
    [BindProperty(SupportsGet = true)] public int? Partnership { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    /// <summary>"active" (default: open or in progress), "any", or one status.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    public Paged<TaskDto> Result { get; private set; } = null!;
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public List<(string Id, string Name)> People { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        var ct = HttpContext.RequestAborted;
        WorkTaskStatus? status = Enum.TryParse<WorkTaskStatus>(Show, out var s) && Enum.IsDefined(s) ? s : null;
        var active = status is null && Show != "any";
        Result = await tasks.ListAsync(new TaskFilter(Scope, Partnership, Scope == TaskScope.All ? Assignee : null, status, Overdue, active), page, null, ct);
        Partnerships = await pickers.PartnershipsAsync(null, 500, ct);
        People = await users.StaffOptionsAsync(ct);
        CanCreate = await AllowedAsync(Policies.Manage);
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, WorkTaskStatus to, int version)
    {
        var canManage = await AllowedAsync(Policies.Manage);
        try
        {
            if (await TryAsync(() => tasks.SetStatusAsync(id, to, version, canManage, HttpContext.RequestAborted)))
                Flash(to == WorkTaskStatus.Done ? "Task marked done." : $"Task moved to {Core.Text.Labels.Of(to).ToLowerInvariant()}.");
            else
                Flash(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }
        catch (Forbidden f)
        {
            Flash(f.Message);
        }
        return RedirectToPage(new { Scope, Partnership, Assignee, Show, Overdue });
    }
}
