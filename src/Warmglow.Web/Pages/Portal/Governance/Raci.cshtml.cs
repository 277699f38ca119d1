using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Pages.Governance;

namespace Warmglow.Web.Pages.Portal.Governance;

/// <summary>A partner user reads their partnership's RACI matrix and proposes a changed one; our manager accepts or rejects it.</summary>
public class RaciModel(GovernanceService governance, RaciProposalService proposals, Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public string PartnershipName { get; private set; } = "";
    public RaciDto Raci { get; private set; } = null!;
    public IReadOnlyList<RaciProposalDto> Proposals { get; private set; } = [];
    [BindProperty] public List<string?> Columns { get; set; } = [];
    [BindProperty] public List<Pages.Governance.RaciModel.RowForm> Rows { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    async Task<bool> LoadAsync(bool grid)
    {
        var ct = HttpContext.RequestAborted;
        PartnershipName = await pickers.PartnershipNameAsync(Id, ct) ?? "";
        if (PartnershipName == "") return false;
        Raci = await governance.RaciAsync(Id, ct);
        Proposals = await proposals.ListAsync(Id, ct);
        if (grid) (Columns, Rows) = Pages.Governance.RaciModel.Grid(Raci.Matrix);
        Pages.Governance.RaciModel.Pad(Columns, Rows);
        return true;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await pickers.PartnershipNameAsync(Id, HttpContext.RequestAborted) is null) return NotFound();
        var matrix = Pages.Governance.RaciModel.ToMatrix(Columns, Rows);
        if (await TryAsync(() => proposals.ProposeAsync(Id, new(matrix, Comment), HttpContext.RequestAborted)))
        {
            Flash("Your proposal is sent; our partnership manager will accept it or tell you why not.");
            return Redirect($"/Portal/Governance/Raci/{Id}#proposals");
        }
        return await LoadAsync(false) ? Page() : NotFound();
    }
}
