using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Agreements;

namespace Warmglow.Web.Pages.Portal;

/// <summary>A partner user's read-only view of an agreement of their own partnership (others are filtered out: 404).</summary>
public class AgreementModel(AgreementService agreements) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Number { get; set; }
    public AgreementDto Agreement { get; private set; } = null!;
    public VersionDto Shown { get; private set; } = null!;
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Agreement = await agreements.GetAsync(Id);
        Shown = await agreements.VersionAsync(Id, Number ?? Agreement.CurrentVersion);
        Versions = await agreements.VersionsAsync(Id);
    }
}
