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
/// things (health surveys, governance), which find the same accounts. Each partner's first person is its partner admin.
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
        foreach (var group in contacts.GroupBy(c => c.PartnerId))
        {
            var first = true;
            foreach (var c in group.Take(2))
            {
                var user = await DemoLoader.DemoUserAsync(db, users, c.Email!, c.Name, ws, Roles.Partner, c.PartnerId, context.Now);
                // The partner's first person is its partner admin (manages the partner's own portal users).
                if (first && !await db.PartnerAdminGrants.AnyAsync(g => g.UserId == user.Id, ct))
                    db.PartnerAdminGrants.Add(new PartnerAdminGrant { UserId = user.Id, PartnerId = c.PartnerId, GrantedAt = context.Now, GrantedBy = "demo" });
                first = false;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
