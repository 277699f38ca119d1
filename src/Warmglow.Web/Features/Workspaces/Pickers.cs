using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Workspaces;

/// <summary>
/// The choices pages offer in dropdowns and pickers (partners, personas, partnerships; staff come from
/// <see cref="Users.UserDirectory"/>): one place, bounded, by name, within the workspace's filters.
/// </summary>
public sealed class Pickers(WarmglowDb db)
{
    public const int Limit = 500;

    /// <summary>Partners by name (at most <paramref name="limit"/>), plus <paramref name="include"/> if it was chosen but lies beyond the limit.</summary>
    public async Task<List<(int Id, string Name)>> PartnersAsync(int limit = Limit, int? include = null, CancellationToken ct = default)
    {
        var list = await db.Partners.AsNoTracking().OrderBy(p => p.Name).Take(limit).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        if (include is { } chosen && list.All(p => p.Id != chosen))
            list.AddRange(await db.Partners.AsNoTracking().Where(p => p.Id == chosen).Select(p => new { p.Id, p.Name }).ToListAsync(ct));
        return list.Select(p => (p.Id, p.Name)).ToList();
    }

    public async Task<List<(int Id, string Name)>> PersonasAsync(int limit = Limit, CancellationToken ct = default) =>
        (await db.Personas.AsNoTracking().OrderBy(p => p.Name).Take(limit).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();

    /// <summary>Partnerships whose name contains <paramref name="term"/> (all when empty), by name.</summary>
    public async Task<List<(int Id, string Name)>> PartnershipsAsync(string? term, int limit = 50, CancellationToken ct = default)
    {
        var t = term?.Trim() ?? "";
        return (await db.Partnerships.AsNoTracking().Where(p => t == "" || p.Name.Contains(t))
                .OrderBy(p => p.Name).Take(limit).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
    }

    /// <summary>The partnership's name, or null when it is not in this workspace.</summary>
    public Task<string?> PartnershipNameAsync(int id, CancellationToken ct = default) =>
        db.Partnerships.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
}
