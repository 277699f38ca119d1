using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Tasks;

public class IndexModel(TaskService tasks) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public TaskScope Scope { get; set; } = TaskScope.Mine;
    [BindProperty(SupportsGet = true)] public WorkTaskStatus? Status { get; set; } = WorkTaskStatus.Open;
    [BindProperty(SupportsGet = true)] public bool AnyStatus { get; set; }
    public Paged<TaskDto> Result { get; private set; } = null!;

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page) =>
        Result = await tasks.ListAsync(Scope, AnyStatus ? null : Status, page, null);

    public async Task<IActionResult> OnPostStatusAsync(int id, WorkTaskStatus to, int version)
    {
        var canManage = await AllowedAsync(Policies.Manage);
        try
        {
            if (await TryAsync(() => tasks.SetStatusAsync(id, to, version, canManage)))
                Flash(to == WorkTaskStatus.Done ? "Task marked done." : "Task reopened.");
            else
                Flash(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }
        catch (Forbidden f)
        {
            Flash(f.Message);
        }
        return RedirectToPage(new { Scope, Status, AnyStatus });
    }
}
