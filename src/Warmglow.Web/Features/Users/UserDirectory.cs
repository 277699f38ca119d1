using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Users;

/// <summary>
/// The people of the current workspace: the one place pages and services ask how a user belongs to a workspace (through
/// a membership, decision 0015; AppUser carries no query filter, being Identity's deployment-wide table). Every staff
/// list, staff check and name lookup goes through here.
/// </summary>
public sealed class UserDirectory(WarmglowDb db)
{
    /// <summary>Everyone in this workspace: staff and partner users.</summary>
    public IQueryable<AppUser> Members()
    {
        return db.MembersOf(db.Tenant.RequireWorkspace()).AsNoTracking();
    }

    /// <summary>The memberships of this workspace (who, with which roles, and for partner users which partner).</summary>
    public IQueryable<Accounts.Membership> Memberships()
    {
        var ws = db.Tenant.RequireWorkspace();
        return db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == ws);
    }

    /// <summary>Our own people in this workspace (members who are not partner users here).</summary>
    public IQueryable<AppUser> Staff() => db.StaffOf(db.Tenant.RequireWorkspace()).AsNoTracking();

    /// <summary>Whether <paramref name="userId"/> is one of our people in this workspace.</summary>
    public Task<bool> IsStaffAsync(string userId, CancellationToken ct = default) => Staff().AnyAsync(u => u.Id == userId, ct);

    /// <summary>Which of <paramref name="userIds"/> are our people in this workspace.</summary>
    public async Task<HashSet<string>> StaffAmongAsync(IEnumerable<string> userIds, CancellationToken ct = default)
    {
        var list = userIds.Distinct().ToList();
        return list.Count == 0 ? [] : (await Staff().Where(u => list.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Staff to pick from (owners, managers, sponsors), by name.</summary>
    public async Task<List<(string Id, string Name)>> StaffOptionsAsync(CancellationToken ct = default) =>
        (await Staff().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(s => (s.Id, s.DisplayName)).ToList();

    /// <summary>Display names of members of this workspace, by id.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken ct = default)
    {
        var list = userIds.Distinct().ToList();
        return list.Count == 0 ? [] : await Members().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
