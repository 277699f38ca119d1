using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Onboarding;

/// <summary>Onboarding: checklist templates per type or tier, the checklist a move to Onboarding starts, its steps on both sides, the Active gate and the figures (decision 0027).</summary>
public sealed class OnboardingModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OnboardingService>();
        services.AddScoped<IStageMoveRule, OnboardingMoveRule>();
        services.AddScoped<IPartnerNextActionSource, OnboardingNextActions>();
        services.AddScoped<IDemoContributor, OnboardingDemo>();
        services.AddSingleton<IWorkspaceSeeder, BuiltInOnboardingTemplates>();
        services.AddSection(SectionSlot.PartnershipSide, 310, "OnboardingSection", Policies.Internal);
        services.AddSection(SectionSlot.PortalPartnership, 90, "OnboardingPortal", Policies.Member);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Onboarding", Policies.Internal);
        pages.AuthorizePage("/Onboarding/Templates/Edit", Policies.Manage);
        pages.AuthorizeFolder("/Portal/Onboarding", Portal.PortalModule.PartnerPolicy);
    }

    public IEnumerable<NavItem> Navigation => [new("onboarding", "Onboarding", "/Onboarding", 74, Policies.Internal, Group: NavGroups.Together)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapOnboardingEndpoints();
}

/// <summary>Every new workspace starts with the built-in onboarding templates (the default and one per common type).</summary>
sealed class BuiltInOnboardingTemplates : IWorkspaceSeeder
{
    public int Order => 300;
    public IEnumerable<object> Seed(Workspace workspace) => OnboardingService.BuiltIns(workspace.Id);
}
