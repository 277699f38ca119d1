using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Initiatives;

/// <summary>Initiative counts for clusters and the ecosystem dashboard: per partnership (all, running, done) and done per month, each one grouped query.</summary>
public sealed class InitiativeCountSignal(WarmglowDb db) : IInitiativeCountSource
{
    public async Task<IReadOnlyList<PartnershipInitiativeCount>> CountsAsync(IReadOnlyCollection<int> partnershipIds, CancellationToken ct)
    {
        if (partnershipIds.Count == 0) return [];
        var ids = partnershipIds.ToList();
        return await db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.PartnershipId))
            .GroupBy(i => i.PartnershipId)
            .Select(g => new PartnershipInitiativeCount
            {
                PartnershipId = g.Key, Total = g.Count(),
                Running = g.Count(i => i.Status == InitiativeStatus.Running), Done = g.Count(i => i.Status == InitiativeStatus.Done),
            })
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<MonthCount>> DonePerMonthAsync(DateTime since, CancellationToken ct) =>
        await db.Initiatives.AsNoTracking().Where(i => i.Status == InitiativeStatus.Done && i.StatusChangedAt >= since)
            .GroupBy(i => new { i.StatusChangedAt.Year, i.StatusChangedAt.Month })
            .Select(g => new MonthCount { Year = g.Key.Year, Month = g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
}
