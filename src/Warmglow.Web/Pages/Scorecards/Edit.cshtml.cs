using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Scorecards;

/// <summary>Edits a template as a flat table of rows (dimension, criterion, weight, scale); rows of one dimension are grouped.</summary>
[Authorize(Policy = Policies.Admin)]
public class EditModel(DiscoveryService discovery) : WarmglowPage
{
    const int BlankRows = 4;

    public sealed class Row
    {
        public string? Dimension { get; set; }
        public string? Key { get; set; }
        public string? Criterion { get; set; }
        public decimal? Weight { get; set; }
        public int Scale { get; set; } = 5;
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public List<Row> Rows { get; set; } = [];
    public Dictionary<string, decimal> Shares { get; private set; } = [];
    protected override string InputPrefix => "";

    public async Task OnGetAsync()
    {
        if (Id is { } id)
        {
            var card = await discovery.GetScorecardAsync(id);
            (Name, Description, Version) = (card.Name, card.Description, card.Version);
            Rows = card.Dimensions.SelectMany(d => d.Criteria.Select(c => new Row { Dimension = d.Name, Key = c.Key, Criterion = c.Name, Weight = c.Weight, Scale = c.ScaleMax })).ToList();
            Shares = card.CriterionShares.ToDictionary(s => s.Key, s => s.Percent);
        }
        Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new Row()));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var rows = Rows.Where(r => !string.IsNullOrWhiteSpace(r.Criterion)).ToList();
        var dimensions = rows.GroupBy(r => (r.Dimension ?? "").Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new DimensionInput(g.Key, g.Select(r => new CriterionInput(r.Key, r.Criterion, r.Weight, r.Scale)).ToList())).ToList();
        var input = new ScorecardInput(Name, Description, dimensions, Version);
        int savedId = 0;
        if (await TryAsync(async () => savedId = Id is { } id ? (await discovery.UpdateScorecardAsync(id, input)).Id : (await discovery.CreateScorecardAsync(input)).Id))
        {
            Flash("Scorecard saved.");
            return Redirect($"/Scorecards/Edit/{savedId}");
        }
        Rows = rows;
        Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new Row()));
        return Page();
    }
}
