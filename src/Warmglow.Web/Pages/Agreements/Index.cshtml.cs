using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Agreements;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Agreements;

public class IndexModel(AgreementService agreements) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    /// <summary>Only this partnership's agreements (the partnership page links here).</summary>
    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty(SupportsGet = true)] public AgreementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public AgreementType? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public Paged<AgreementSummary> Result { get; private set; } = null!;
    public Paged<ReviewDto> Overdue { get; private set; } = null!;
    public bool Filtered => Search is not null || PartnershipId is not null || Status is not null || Type is not null;

    public async Task OnGetAsync()
    {
        Result = await agreements.ListAsync(new(Search, Status, Type, PartnershipId, PageNumber, 25));
        Overdue = await agreements.OverdueAsync(1, 10);
    }
}
