using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Tasks;

/// <summary>One task: its details, status, comments thread (internal or shared), and for managers edit and reassign.</summary>
public class DetailsModel(TaskWorkService tasks, Pickers pickers) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public TaskDetailsDto Details { get; private set; } = null!;
    [BindProperty] public TaskFormInput Input { get; set; } = new();
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public bool? CommentShared { get; set; }
    [BindProperty] public WorkTaskStatus? To { get; set; }
    [BindProperty] public int? Version { get; set; }
    public bool CanManage { get; private set; }
    public bool CanWork { get; private set; }
    public bool CanComment { get; private set; }
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public List<(string Id, string Name)> People { get; private set; } = [];

    public async Task OnGetAsync() => await Load(fill: true);

    async Task Load(bool fill)
    {
        var ct = HttpContext.RequestAborted;
        Details = await tasks.GetAsync(Id, ct);
        var t = Details.Task;
        var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        CanManage = await AllowedAsync(Policies.Manage);
        CanWork = CanManage || t.AssigneeId == me;
        CanComment = CanWork || await AllowedAsync(Policies.Oversee);
        if (fill) Input = new TaskFormInput { Title = t.Title, Details = t.Details, Partnership = t.PartnershipId, Assignee = t.AssigneeId, Due = t.DueOn, Shared = t.Shared, Version = t.Version };
        if (CanManage)
        {
            Partnerships = await pickers.PartnershipsAsync(null, 500, ct);
            People = await tasks.AssigneeOptionsAsync(Input.Partnership ?? t.PartnershipId, ct);
        }
    }

    async Task<IActionResult> Run(Func<Task> change, string done, string anchor)
    {
        try
        {
            if (await TryAsync(() => TaskForms.Renamed(change)))
            {
                Flash(done);
                return Redirect($"/Tasks/{Id}#{anchor}");
            }
        }
        catch (Forbidden f)
        {
            ModelState.AddModelError("", f.Message);
        }
        await Load(fill: false);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        if (!await AllowedAsync(Policies.Manage)) return Forbid();
        return await Run(() => tasks.UpdateAsync(Id, Input.ToInput(), HttpContext.RequestAborted), "Task saved.", "task");
    }

    public async Task<IActionResult> OnPostStatusAsync()
    {
        var canManage = await AllowedAsync(Policies.Manage);
        return await Run(() => tasks.SetStatusAsync(Id, To, Version, canManage, HttpContext.RequestAborted),
            To is { } s ? $"Status: {Core.Text.Labels.Of(s).ToLowerInvariant()}." : "Status saved.", "task");
    }

    public async Task<IActionResult> OnPostCommentAsync()
    {
        var canOversee = await AllowedAsync(Policies.Oversee);
        return await Run(() => tasks.CommentAsync(Id, new CommentInput(Comment, CommentShared), canOversee, HttpContext.RequestAborted), "Comment added.", "comments");
    }
}
