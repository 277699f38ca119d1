using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Governance;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Governance;

/// <summary>The RACI grid's columns and rows, shared by the staff editor and the partner's proposal form.</summary>
public sealed record RaciGridView(List<string?> Columns, List<RaciModel.RowForm> Rows);

/// <summary>Edit a partnership's RACI matrix as a grid: columns are people or roles, rows activities, cells R / A / C / I.</summary>
public class RaciModel(GovernanceService governance, RaciProposalService proposals) : WarmglowPage
{
    public const int SpareColumns = 2, SpareRows = 3;

    protected override string InputPrefix => "";

    public sealed class RowForm
    {
        public string? Activity { get; set; }
        public List<RaciLetter?> Cells { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public string PartnershipName { get; private set; } = "";
    [BindProperty] public List<string?> Columns { get; set; } = [];
    [BindProperty] public List<RowForm> Rows { get; set; } = [];
    [BindProperty] public int Version { get; set; }
    public bool IsStarter { get; private set; }
    public IReadOnlyList<RaciProposalDto> Proposals { get; private set; } = [];
    [BindProperty] public int? ProposalId { get; set; }
    [BindProperty] public int? ProposalVersion { get; set; }
    [BindProperty] public string? Reason { get; set; }

    async Task LoadNameAsync() => PartnershipName = (await governance.PeopleAsync(Id, HttpContext.RequestAborted)).PartnershipName;

    [RequirePolicy(Policies.Manage)]
    public async Task OnGetAsync()
    {
        await LoadNameAsync();
        var raci = await governance.RaciAsync(Id, HttpContext.RequestAborted);
        IsStarter = raci.IsStarter;
        Version = raci.Version;
        (Columns, Rows) = Grid(raci.Matrix);
        Pad();
        Proposals = await proposals.ListAsync(Id, HttpContext.RequestAborted);
    }

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostAcceptAsync() =>
        Decide(() => proposals.AcceptAsync(Id, ProposalId ?? 0, new(ProposalVersion, Reason), HttpContext.RequestAborted), "Proposal accepted: the matrix is saved.");

    [RequirePolicy(Policies.Manage)]
    public Task<IActionResult> OnPostRejectAsync() =>
        Decide(() => proposals.RejectAsync(Id, ProposalId ?? 0, new(ProposalVersion, Reason), HttpContext.RequestAborted), "Proposal rejected; the partner sees your reason.");

    async Task<IActionResult> Decide(Func<Task> change, string done)
    {
        if (await TryAsync(change))
        {
            Flash(done);
            return Redirect($"/Governance/Raci/{Id}#proposals");
        }
        // Errors of one proposal's form show at the top (the page holds several forms).
        foreach (var key in ModelState.Keys.Where(k => k != "").ToList())
        {
            foreach (var e in ModelState[key]!.Errors.ToList()) ModelState.AddModelError("", e.ErrorMessage);
            ModelState.Remove(key);
        }
        await OnGetAsync();
        return Page();
    }

    void Pad() => Pad(Columns, Rows);

    /// <summary>Adds the spare blank columns and rows the grid offers for additions.</summary>
    public static void Pad(List<string?> columns, List<RowForm> rows)
    {
        while (columns.Count < Math.Max(1, columns.Count(c => !string.IsNullOrWhiteSpace(c))) + SpareColumns) columns.Add(null);
        while (rows.Count < Math.Max(1, rows.Count(r => !string.IsNullOrWhiteSpace(r.Activity))) + SpareRows) rows.Add(new RowForm());
        foreach (var r in rows) while (r.Cells.Count < columns.Count) r.Cells.Add(null);
    }

    /// <summary>The grid as it is shown for a matrix.</summary>
    public static (List<string?> Columns, List<RowForm> Rows) Grid(RaciMatrixData m) =>
        ([.. m.Columns], m.Rows.Select(r => new RowForm
        {
            Activity = r.Activity,
            Cells = m.Columns.Select(c => r.Cells.TryGetValue(c, out var l) ? (RaciLetter?)l : null).ToList(),
        }).ToList());

    /// <summary>
    /// The posted grid as a matrix. Blank columns and blank rows are the spare ones: dropped. A letter under a blank
    /// column is dropped with it.
    /// </summary>
    public static RaciMatrixData ToMatrix(List<string?> columns, List<RowForm> rows)
    {
        var kept = columns.Select((c, i) => (Name: c?.Trim(), Index: i)).Where(c => !string.IsNullOrEmpty(c.Name)).ToList();
        var list = rows.Where(r => !string.IsNullOrWhiteSpace(r.Activity) || r.Cells.Any(c => c is not null))
            .Select(r => new RaciRow(r.Activity?.Trim() ?? "", kept
                .Where(c => c.Index < r.Cells.Count && r.Cells[c.Index] is not null)
                .GroupBy(c => c.Name!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => r.Cells[g.First().Index]!.Value)))
            .ToList();
        return new RaciMatrixData(kept.Select(c => c.Name!).ToList(), list);
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        var matrix = ToMatrix(Columns, Rows);
        if (await TryAsync(() => governance.SaveRaciAsync(Id, new(matrix, Version), HttpContext.RequestAborted)))
        {
            Flash("RACI matrix saved.");
            return Redirect($"/Governance/Partnership/{Id}#raci");
        }
        await LoadNameAsync();
        Pad();
        Proposals = await proposals.ListAsync(Id, HttpContext.RequestAborted);
        return Page();
    }
}
