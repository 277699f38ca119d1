using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Partnerships;

public class IndexModel(PartnershipService partnerships) : PageModel
{
    public PartnershipQuery Query { get; private set; } = new();
    public Paged<PartnershipSummary> Result { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public bool IsFiltered => Query.Search is not null || Query.Type is not null || Query.Stage is not null;

    public async Task OnGetAsync(string? search, PartnershipType? type, PartnershipStage? stage, PartnershipSort? sort, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page)
    {
        Query = new PartnershipQuery(string.IsNullOrWhiteSpace(search) ? null : search, type, stage, null, null, sort ?? PartnershipSort.Updated, page);
        Result = await partnerships.ListAsync(Query);
    }
}
