using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Governance;

/// <summary>The calendar: meetings and my action items due, as a month grid or an agenda, filterable by partnership; my feed links.</summary>
public class CalendarModel(CalendarService calendar, Pickers pickers, TimeProvider clock) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    /// <summary>The month shown, "yyyy-MM".</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty] public int? FeedId { get; set; }

    public bool Agenda => View == "agenda";
    public DateOnly First { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public IReadOnlyList<CalendarEntry> Entries { get; private set; } = [];
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];
    public IReadOnlyList<FeedDto> Feeds { get; private set; } = [];
    public string? FeedUrl { get; private set; }

    public string Link(string? view = null, DateOnly? month = null) =>
        $"/Governance/Calendar?View={view ?? (Agenda ? "agenda" : "month")}&Month={(month ?? First):yyyy-MM}" + (PartnershipId is { } p ? $"&PartnershipId={p}" : "");

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : new DateOnly(Today.Year, Today.Month, 1);
        var (from, to) = Agenda && Month is null ? (Today, Today.AddDays(41)) : (First, First.AddMonths(1).AddDays(-1));
        Entries = await calendar.EntriesAsync(from, to, PartnershipId, ct);
        Partnerships = await pickers.PartnershipsAsync(null, 200, ct);
        Feeds = await calendar.FeedsAsync(ct);
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostFeedAsync()
    {
        FeedCreatedDto? feed = null;
        if (await TryAsync(async () => feed = await calendar.CreateAsync(new(null), $"{Request.Scheme}://{Request.Host}{Request.PathBase}", HttpContext.RequestAborted)))
            FeedUrl = feed!.Url;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        if (await TryAsync(() => calendar.RevokeAsync(FeedId ?? 0, HttpContext.RequestAborted)))
        {
            Flash("Calendar link revoked: it no longer works.");
            return Redirect("/Governance/Calendar");
        }
        await LoadAsync();
        return Page();
    }
}
