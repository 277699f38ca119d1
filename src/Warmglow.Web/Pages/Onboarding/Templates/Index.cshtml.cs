using Warmglow.Web.Features.Onboarding;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Onboarding.Templates;

/// <summary>The checklist templates: per tier, per type, and the default.</summary>
public class IndexModel(OnboardingService onboarding) : WarmglowPage
{
    public IReadOnlyList<TemplateDto> Templates { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        Templates = await onboarding.TemplatesAsync(HttpContext.RequestAborted);
        CanManage = await AllowedAsync(Policies.Manage);
    }
}
