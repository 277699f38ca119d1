using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Portal;

/// <summary>
/// The partner portal: what a partner user sees of their own partnership(s). Each module adds its part as a
/// <see cref="SectionSlot.PortalPartnership"/> (inside a partnership's card) or <see cref="SectionSlot.PortalPage"/> section.
/// </summary>
public sealed class PortalModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<Demo.IDemoContributor, PortalDemo>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Portal", Policies.Member);

    public IEnumerable<NavItem> Navigation => [new("portal", "My partnership", "/Portal", 5, Policies.Member, NavAudience.Partner)];
}
