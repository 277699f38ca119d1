using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Measurement;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal.Referrals;

/// <summary>The partner's own funnel: only their own partner's registrations (the DbContext scopes them), by quarter.</summary>
public class FunnelModel(ReferralFunnel funnel) : WarmglowPage
{
    protected override string InputPrefix => "";

    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public FunnelDto Funnel { get; private set; } = null!;
    public IReadOnlyList<Quarter> Quarters { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Quarters = funnel.Quarters();
        if (!await TryAsync(async () => Funnel = await funnel.ForAsync(new(Quarter: Quarter, PageSize: 1), ct)))
        {
            Quarter = null;
            Funnel = await funnel.ForAsync(new(PageSize: 1), ct);
        }
    }
}
