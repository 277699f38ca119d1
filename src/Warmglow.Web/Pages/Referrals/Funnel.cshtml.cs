using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Measurement;
using Warmglow.Core.Referrals;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Referrals;

/// <summary>The referrals funnel for staff: every partner, filtered by partnership, partner, kind and quarter of submission.</summary>
public class FunnelModel(ReferralFunnel funnel, Pickers pickers) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public int? PartnershipId { get; set; }
    [BindProperty(SupportsGet = true)] public int? PartnerId { get; set; }
    [BindProperty(SupportsGet = true)] public RegistrationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public FunnelDto Funnel { get; private set; } = null!;
    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];
    public List<(int Id, string Name)> Partnerships { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        var ct = HttpContext.RequestAborted;
        Quarters = funnel.Quarters();
        Partnerships = await pickers.PartnershipsAsync(null, 200, ct);
        if (!await TryAsync(async () => Funnel = await funnel.ForAsync(new(PartnershipId, PartnerId, Kind, Quarter, page), ct)))
        {
            Quarter = null;
            Funnel = await funnel.ForAsync(new(PartnershipId, PartnerId, Kind, null, page), ct);
        }
    }
}
