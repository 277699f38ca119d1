using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Agreements;

namespace Warmglow.Web.Pages.Agreements;

public class CompareModel(AgreementService agreements) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    public AgreementDto Agreement { get; private set; } = null!;
    public CompareDto Diff { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Agreement = await agreements.GetAsync(Id);
        Diff = await agreements.CompareAsync(Id, From ?? Math.Max(1, Agreement.CurrentVersion - 1), To ?? Agreement.CurrentVersion);
    }
}
