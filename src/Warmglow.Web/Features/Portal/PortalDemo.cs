using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Portal;

/// <summary>
/// The demo's portal: the people of every live partner (its first two contacts with an e-mail) get a partner-user
/// account, so each live partnership can be seen from the partner's side. Runs before the modules that ask those people
/// things (health surveys, governance), which find the same accounts.
/// </summary>
public sealed class PortalDemo(WarmglowDb db, UserManager<AppUser> users) : IDemoContributor
{
    public int Order => 50;

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var ws = db.Tenant.RequireWorkspace();
        var partners = await db.PartnershipMembers.AsNoTracking()
            .Where(m => HealthService.LiveStages.Contains(m.Partnership!.Stage)).Select(m => m.PartnerId).Distinct().ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => partners.Contains(c.PartnerId) && c.Email != null)
            .OrderBy(c => c.PartnerId).ThenBy(c => c.Id).ToListAsync(ct);
        foreach (var c in contacts.GroupBy(c => c.PartnerId).SelectMany(g => g.Take(2)))
            await DemoLoader.DemoUserAsync(db, users, c.Email!, c.Name, ws, Roles.Partner, c.PartnerId, context.Now);
    }
}
