using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Partners;

public class IndexModel(PartnerService partners) : PageModel
{
    public PartnerQuery Query { get; private set; } = new();
    public Paged<PartnerSummary> Result { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public PartnerFacets Facets { get; private set; } = new([], []);
    public bool IsFiltered => Query.Search is not null || Query.Industry is not null || Query.Region is not null || Query.Type is not null || Query.Stage is not null;

    public async Task OnGetAsync(string? search, string? industry, string? region, PartnershipType? type, PartnershipStage? stage, PartnerSort? sort, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page)
    {
        Query = new PartnerQuery(string.IsNullOrWhiteSpace(search) ? null : search, string.IsNullOrWhiteSpace(industry) ? null : industry,
            string.IsNullOrWhiteSpace(region) ? null : region, type, stage, sort ?? PartnerSort.Name, page);
        Result = await partners.ListAsync(Query);
        Facets = await partners.FacetsAsync();
    }
}
