using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Knowledge;

/// <summary>Knowledge base: playbooks, templates and lessons learned in Markdown, with tags, search, versions and visibility.</summary>
public sealed class KnowledgeModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<KnowledgeService>();
        services.AddScoped<IDemoContributor, KnowledgeDemo>();
        services.AddSection(SectionSlot.PartnershipMain, 900, "LessonsSection", Policies.Internal);
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Knowledge", Policies.Internal);
        pages.AuthorizeFolder("/Portal/Knowledge", Policies.Member);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("knowledge", "Knowledge base", "/Knowledge", 90, Policies.Internal, Group: NavGroups.Together),
        new("portal-knowledge", "Knowledge", "/Portal/Knowledge", 9, Policies.Member, NavAudience.Partner),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapKnowledgeEndpoints();
}
