using Warmglow.Web.Features.Clusters;

namespace Warmglow.Web.Pages.Clusters;

/// <summary>The ecosystem dashboard: growth, engagement, value creation and health over the last 8 quarters, and diversity now.</summary>
public class EcosystemModel(EcosystemService ecosystem) : WarmglowPage
{
    public EcosystemDto Data { get; private set; } = null!;

    public async Task OnGetAsync() => Data = await ecosystem.GetAsync(HttpContext.RequestAborted);
}
