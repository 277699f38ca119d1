using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Users;

/// <summary>
/// The people of the current workspace: the one place that knows how a user belongs to a workspace (AppUser carries no
/// query filter, being Identity's table). Every staff list, staff check and name lookup goes through here.
/// </summary>
public sealed class UserDirectory(WarmglowDb db)
{
    /// <summary>Everyone in this workspace: staff and partner users.</summary>
    public IQueryable<AppUser> Members()
    {
        var ws = db.Tenant.RequireWorkspace();
        return db.Users.AsNoTracking().Where(u => u.WorkspaceId == ws);
    }

    /// <summary>Our own people in this workspace (not partner users).</summary>
    public IQueryable<AppUser> Staff() => Members().Where(u => u.PartnerId == null);

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
