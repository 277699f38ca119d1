using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal.Tasks;

/// <summary>One action item in the portal: shared comments only; its partner-side owner updates the status.</summary>
public class DetailsModel(TaskWorkService tasks) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public TaskDetailsDto Details { get; private set; } = null!;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public WorkTaskStatus? Status { get; set; }
    [BindProperty] public int? Version { get; set; }
    public bool Mine { get; private set; }

    public async Task OnGetAsync()
    {
        Details = await tasks.GetAsync(Id, HttpContext.RequestAborted);
        Mine = Details.Task.AssigneeId == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
    }

    async Task<IActionResult> Run(Func<Task> change, string done, string anchor)
    {
        try
        {
            if (await TryAsync(change))
            {
                Flash(done);
                return Redirect($"/Portal/Tasks/{Id}#{anchor}");
            }
        }
        catch (Forbidden f)
        {
            ModelState.AddModelError("", f.Message);
        }
        await OnGetAsync();
        return Page();
    }

    public Task<IActionResult> OnPostStatusAsync() =>
        Run(() => tasks.SetStatusAsync(Id, Status, Version, false, HttpContext.RequestAborted), "Status saved.", "item");

    public Task<IActionResult> OnPostCommentAsync() =>
        Run(() => tasks.CommentAsync(Id, new CommentInput(Text, true), false, HttpContext.RequestAborted), "Comment added.", "comments");
}
