using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Agreements;

namespace Warmglow.Web.Pages.Agreements;

public class VersionModel(AgreementService agreements) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Number { get; set; }
    public AgreementDto Agreement { get; private set; } = null!;
    public VersionDto Shown { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Agreement = await agreements.GetAsync(Id);
        Shown = await agreements.VersionAsync(Id, Number ?? Agreement.CurrentVersion);
    }
}
