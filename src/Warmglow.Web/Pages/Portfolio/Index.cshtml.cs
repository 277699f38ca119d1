using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portfolio;

/// <summary>The portfolio: every partnership with its figures, filtered and sorted by any column, saved views, CSV.</summary>
public class IndexModel(PortfolioService portfolio, UserDirectory users) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public PartnershipStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public Tier? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public string? ManagerId { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Flagged { get; set; }
    [BindProperty(SupportsGet = true)] public bool? LiveOnly { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Query { get; set; }

    public PortfolioPage Result { get; private set; } = null!;
    public List<ViewDto> Views { get; private set; } = [];
    public List<(string Id, string Name)> Managers { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string CurrentQuery { get; private set; } = "";
    public bool IsFiltered => Search is not null || Stage is not null || Tier is not null || ManagerId is not null || Flagged is not null || LiveOnly is not null;

    PortfolioQuery ToQuery() => new(Search, Stage, Tier, ManagerId, Flagged, LiveOnly, Sort, PageNumber);

    async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        try { Result = await portfolio.ListAsync(ToQuery(), ct); }
        catch (ValidationFailed)
        {
            Sort = null;
            ModelState.AddModelError("", "That sort column is not one the portfolio offers; sorted by name instead.");
            Result = await portfolio.ListAsync(ToQuery(), ct);
        }
        Views = await portfolio.ViewsAsync(ct);
        Managers = (await users.Staff().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(500).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        CanManage = await AllowedAsync(Policies.Manage);
        CurrentQuery = PortfolioService.NormalizeQuery(Request.QueryString.Value, new());
    }

    public Task OnGetAsync() => LoadAsync();

    /// <summary>A header link that sorts by <paramref name="column"/>, flipping the direction when it is already the sort.</summary>
    public string SortLink(string column)
    {
        var next = Result.Sort == column ? "-" + column : column;
        var query = Request.Query.Where(q => q.Key is not ("sort" or "page")).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"sort={next}");
        return $"/Portfolio?{string.Join("&", query)}";
    }

    public string? AriaSort(string column) => Result.Sort == column ? "ascending" : Result.Sort == "-" + column ? "descending" : null;

    public async Task<IActionResult> OnPostSaveViewAsync()
    {
        if (await TryAsync(() => portfolio.SaveViewAsync(new(Name, Query), HttpContext.RequestAborted)))
        {
            Flash($"View \"{Name?.Trim()}\" saved.");
            return Redirect($"/Portfolio?{PortfolioService.NormalizeQuery(Query, new())}");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteViewAsync(int viewId)
    {
        await portfolio.DeleteViewAsync(viewId, HttpContext.RequestAborted);
        Flash("View deleted.");
        return Redirect("/Portfolio");
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostRecomputeAsync()
    {
        var r = await portfolio.RecomputeAsync(HttpContext.RequestAborted);
        Flash($"Recomputed {r.Partnerships} partnerships: {r.Proposed} tier change{(r.Proposed == 1 ? "" : "s")} proposed, {r.Withdrawn} withdrawn, {r.Assigned} tiered for the first time.");
        return Redirect("/Portfolio");
    }
}
