using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Sunsetting;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Sunsetting;

/// <summary>Every wind-down plan, running first.</summary>
public class IndexModel(SunsettingService sunsetting) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public bool? Running { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<WindDownPlanSummary> Plans { get; private set; } = null!;

    public async Task OnGetAsync() => Plans = await sunsetting.ListAsync(Running, PageNumber, null, HttpContext.RequestAborted);
}
