using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Governance;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Governance;

/// <summary>Edit a partnership's RACI matrix as a grid: columns are people or roles, rows activities, cells R / A / C / I.</summary>
public class RaciModel(GovernanceService governance) : WarmglowPage
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

    async Task LoadNameAsync() => PartnershipName = (await governance.PeopleAsync(Id, HttpContext.RequestAborted)).PartnershipName;

    [RequirePolicy(Policies.Manage)]
    public async Task OnGetAsync()
    {
        await LoadNameAsync();
        var raci = await governance.RaciAsync(Id, HttpContext.RequestAborted);
        IsStarter = raci.IsStarter;
        Version = raci.Version;
        Columns = [.. raci.Matrix.Columns];
        Rows = raci.Matrix.Rows.Select(r => new RowForm
        {
            Activity = r.Activity,
            Cells = raci.Matrix.Columns.Select(c => r.Cells.TryGetValue(c, out var l) ? (RaciLetter?)l : null).ToList(),
        }).ToList();
        Pad();
    }

    void Pad()
    {
        while (Columns.Count < Math.Max(1, Columns.Count(c => !string.IsNullOrWhiteSpace(c))) + SpareColumns) Columns.Add(null);
        while (Rows.Count < Math.Max(1, Rows.Count(r => !string.IsNullOrWhiteSpace(r.Activity))) + SpareRows) Rows.Add(new RowForm());
        foreach (var r in Rows) while (r.Cells.Count < Columns.Count) r.Cells.Add(null);
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        // Blank columns and blank rows are the spare ones: dropped. A letter under a blank column is dropped with it.
        var kept = Columns.Select((c, i) => (Name: c?.Trim(), Index: i)).Where(c => !string.IsNullOrEmpty(c.Name)).ToList();
        var rows = Rows.Where(r => !string.IsNullOrWhiteSpace(r.Activity) || r.Cells.Any(c => c is not null))
            .Select(r => new RaciRow(r.Activity?.Trim() ?? "", kept
                .Where(c => c.Index < r.Cells.Count && r.Cells[c.Index] is not null)
                .GroupBy(c => c.Name!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => r.Cells[g.First().Index]!.Value)))
            .ToList();
        var matrix = new RaciMatrixData(kept.Select(c => c.Name!).ToList(), rows);
        if (await TryAsync(() => governance.SaveRaciAsync(Id, new(matrix, Version), HttpContext.RequestAborted)))
        {
            Flash("RACI matrix saved.");
            return Redirect($"/Governance/Partnership/{Id}#raci");
        }
        await LoadNameAsync();
        Pad();
        return Page();
    }
}
