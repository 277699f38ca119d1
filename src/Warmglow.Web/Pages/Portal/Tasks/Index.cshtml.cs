using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal.Tasks;

/// <summary>A partner user's action items: their own partnership's, assigned to them or shared with them.</summary>
public class IndexModel(TaskWorkService tasks) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public bool Closed { get; set; }
    public Paged<TaskDto> Result { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page) =>
        Result = await tasks.ListAsync(new TaskFilter(Mine ? TaskScope.Mine : TaskScope.All, Active: !Closed), page, null, HttpContext.RequestAborted);
}
