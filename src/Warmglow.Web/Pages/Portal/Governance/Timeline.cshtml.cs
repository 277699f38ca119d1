using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Pages.Portal.Governance;

/// <summary>A partner user's view of their partnership's shared activity (paged), where they add notes both sides read.</summary>
public class TimelineModel(TimelineService timeline, Pickers pickers) : WarmglowPage
{
    public const int PageSize = 25;
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public string PartnershipName { get; private set; } = "";
    public TimelinePage Entries { get; private set; } = null!;
    [BindProperty] public string? Text { get; set; }

    async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        PartnershipName = await pickers.PartnershipNameAsync(Id, ct) ?? "";
        if (PartnershipName == "") return false;
        Entries = await timeline.PageAsync(Id, null, Math.Clamp(PageNumber ?? 1, 1, TimelineService.MaxDepth / PageSize), PageSize, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await pickers.PartnershipNameAsync(Id, HttpContext.RequestAborted) is null) return NotFound();
        if (await TryAsync(() => timeline.AddNoteAsync(Id, new(Text, true), HttpContext.RequestAborted)))
        {
            Flash("Note added; both sides can read it.");
            return Redirect($"/Portal/Governance/Timeline/{Id}");
        }
        return await LoadAsync() ? Page() : NotFound();
    }
}
