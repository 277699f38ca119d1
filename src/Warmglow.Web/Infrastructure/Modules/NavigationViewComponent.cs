using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Infrastructure.Modules;

/// <summary>The entries of one navigation area this user may open, with the current one marked.</summary>
public sealed record NavView(IReadOnlyList<NavItem> Items, string? Current);

/// <summary>Renders the registered <see cref="NavItem"/>s the signed-in user's policies admit (the layout loops over nothing by hand).</summary>
public sealed class NavigationViewComponent(Navigation navigation, IAuthorizationService auth) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(NavArea area)
    {
        var user = HttpContext.User;
        var partner = user.IsInRole(Roles.Partner);
        var allowed = new Dictionary<string, bool>();
        var items = new List<NavItem>();
        foreach (var item in navigation.Items.Where(i => i.Area == area))
        {
            if (item.Audience == NavAudience.Staff && partner || item.Audience == NavAudience.Partner && !partner) continue;
            if (!allowed.TryGetValue(item.Policy, out var ok))
                allowed[item.Policy] = ok = (await auth.AuthorizeAsync(user, item.Policy)).Succeeded;
            if (ok) items.Add(item);
        }
        return View(area.ToString(), new NavView(items, ViewData["Section"] as string ?? ViewContext.ViewData["Section"] as string));
    }
}
