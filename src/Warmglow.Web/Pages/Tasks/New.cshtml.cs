using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Pages.Tasks;

/// <summary>Make a task by hand (managers): on a partnership it is an action item, which may go to a partner user of it.</summary>
public class NewModel(TaskWorkService tasks, Pickers pickers, TimeProvider clock) : WarmglowPage
{
    [BindProperty] public TaskFormInput Input { get; set; } = new();
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public List<(string Id, string Name)> People { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int? partnership)
    {
        Input.Partnership = partnership;
        Input.Due ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(7);
        await Load();
    }

    async Task Load()
    {
        var ct = HttpContext.RequestAborted;
        Partnerships = await pickers.PartnershipsAsync(null, 500, ct);
        People = await tasks.AssigneeOptionsAsync(Input.Partnership, ct);
    }

    /// <summary>Picking a partnership first lists its partner users as possible owners too.</summary>
    public async Task<IActionResult> OnPostPeopleAsync()
    {
        ModelState.Clear();
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        TaskDto? made = null;
        if (await TryAsync(() => TaskForms.Renamed(async () => made = await tasks.CreateAsync(Input.ToInput(), HttpContext.RequestAborted))))
        {
            Flash("Task created.");
            return Redirect($"/Tasks/{made!.Id}");
        }
        await Load();
        return Page();
    }
}

/// <summary>The task form's fields, named as people read them.</summary>
public sealed class TaskFormInput
{
    public string? Title { get; set; }
    public string? Details { get; set; }
    public int? Partnership { get; set; }
    public string? Assignee { get; set; }
    public DateOnly? Due { get; set; }
    public bool Shared { get; set; }
    public int? Version { get; set; }

    public TaskInput ToInput() => new(Title, Details, Partnership, Assignee, Due, Shared, Version);
}
