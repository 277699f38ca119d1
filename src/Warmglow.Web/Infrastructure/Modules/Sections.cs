using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Warmglow.Web.Infrastructure.Modules;

/// <summary>Where a section goes: the partnership page's main or side column, a partnership's card in the partner portal, or the portal page below the cards (partnership id 0).</summary>
public enum SectionSlot { PartnershipMain, PartnershipSide, PortalPartnership, PortalPage }

/// <summary>
/// A module's section on a shared page: the view component <paramref name="ViewComponent"/> is invoked with the
/// partnership id (<c>partnershipId</c>) for users the <paramref name="Policy"/> admits, in <paramref name="Order"/>.
/// Register one with <c>services.AddSection(...)</c>; pages render them with <c>&lt;vc:sections slot=... partnership-id=... /&gt;</c>.
/// </summary>
public sealed record PageSection(SectionSlot Slot, int Order, string ViewComponent, string Policy);

public static class SectionRegistration
{
    public static IServiceCollection AddSection(this IServiceCollection services, SectionSlot slot, int order, string viewComponent, string policy) =>
        services.AddSingleton(new PageSection(slot, order, viewComponent, policy));
}

/// <summary>Renders every registered section of one slot that the user may see, in order.</summary>
public sealed class SectionsViewComponent(IEnumerable<PageSection> sections, IAuthorizationService auth) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(SectionSlot slot, int partnershipId)
    {
        var visible = new List<PageSection>();
        foreach (var s in sections.Where(s => s.Slot == slot).OrderBy(s => s.Order))
            if ((await auth.AuthorizeAsync(HttpContext.User, s.Policy)).Succeeded) visible.Add(s);
        return View(new SectionsView(visible, partnershipId));
    }
}

public sealed record SectionsView(IReadOnlyList<PageSection> Sections, int PartnershipId);
