using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Governance;

/// <summary>A partnership's whole activity timeline, paged and filterable by kind, where our people add and edit free notes.</summary>
public class TimelineModel(TimelineService timeline, Pickers pickers) : WarmglowPage
{
    public const int PageSize = 25;
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public string PartnershipName { get; private set; } = "";
    public TimelinePage Entries { get; private set; } = null!;
    public IReadOnlyDictionary<int, PartnershipNoteDto> Notes { get; private set; } = new Dictionary<int, PartnershipNoteDto>();
    public IReadOnlyList<(TimelineKind Kind, string Name)> Kinds { get; private set; } = [];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool? Shared { get; set; }
    [BindProperty] public int? NoteId { get; set; }
    [BindProperty] public string? NoteText { get; set; }
    [BindProperty] public int? NoteVersion { get; set; }

    public static TimelineKind? Parse(string? kind) =>
        Enum.TryParse<TimelineKind>(kind, true, out var k) && Enum.IsDefined(k) ? k : null;

    public string Link(int page) => $"/Governance/Timeline/{Id}?{(Parse(Kind) is { } k ? $"kind={k.ToString().ToLowerInvariant()}&" : "")}page={page}";

    async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        PartnershipName = await pickers.PartnershipNameAsync(Id, ct) ?? "";
        if (PartnershipName == "") return false;
        var page = Math.Clamp(PageNumber ?? 1, 1, TimelineService.MaxDepth / PageSize);
        Entries = await timeline.PageAsync(Id, Parse(Kind), page, PageSize, ct);
        Notes = await timeline.NotesAsync(Id, Entries.Items.Where(e => e.Kind == TimelineKind.Note).Select(e => e.SourceId).ToList(), ct);
        Kinds = timeline.Kinds();
        return true;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<IActionResult> Run(Func<Task> change, string done)
    {
        if (await TryAsync(change))
        {
            Flash(done);
            return Redirect($"/Governance/Timeline/{Id}");
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAddAsync() =>
        Run(() => timeline.AddNoteAsync(Id, new(Text, Shared), HttpContext.RequestAborted), "Note added.");

    public async Task<IActionResult> OnPostEditAsync()
    {
        ModelState.Clear();
        var done = await TryAsync(() => timeline.EditNoteAsync(Id, NoteId ?? 0, new(NoteText, NoteVersion), HttpContext.RequestAborted));
        if (done)
        {
            Flash("Note changed.");
            return Redirect($"/Governance/Timeline/{Id}#entry-note-{NoteId}");
        }
        // Field errors of the edit form show at the top (the form is one of many on the page).
        foreach (var key in ModelState.Keys.Where(k => k != "").ToList())
            foreach (var e in ModelState[key]!.Errors.ToList()) ModelState.AddModelError("", e.ErrorMessage);
        return await LoadAsync() ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostDeleteAsync() =>
        Run(() => timeline.DeleteNoteAsync(Id, NoteId ?? 0, HttpContext.RequestAborted), "Note deleted.");
}
