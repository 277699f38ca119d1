using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Mapping;
using Warmglow.Core.PrivateOverlap;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.AccountMapping;

/// <summary>Our populations and their keys for the private overlap between deployments (docs/decisions/0031).</summary>
public sealed class PopulationKeySource(WarmglowDb db) : IPopulationKeySource
{
    public async Task<IReadOnlyList<OwnPopulation>> OwnPopulationsAsync(int partnershipId, CancellationToken ct)
    {
        var populations = await db.Populations.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.Side == MappingSide.Ours)
            .OrderBy(p => p.Name).ToListAsync(ct);
        var rules = await db.SharingRules.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.Side == MappingSide.Ours)
            .Select(r => new SharingRuleKey(r.Side, r.OurPopulationId, r.PartnerPopulationId, r.Level)).ToListAsync(ct);
        return populations.Select(p => new OwnPopulation(p.Id, p.Name, SharingRules.Describe(p.Kind), p.RecordCount,
            SharingRules.LevelFor(rules, MappingSide.Ours, p.Id, 0))).ToList();
    }

    public async Task<IReadOnlyList<PopulationKeyRecord>> KeysAsync(int partnershipId, int populationId, CancellationToken ct)
    {
        var rows = await db.PopulationRecords.AsNoTracking()
            .Where(r => r.PopulationId == populationId && r.Population!.PartnershipId == partnershipId && r.Population.Side == MappingSide.Ours)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Domain, r.NameKey, r.CountryKey, r.Name, r.Country }).ToListAsync(ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<PopulationKeyRecord>(rows.Count);
        foreach (var r in rows)
            if (PsiKeys.For(r.Domain, r.NameKey, r.CountryKey) is { } key && seen.Add(key))
                keys.Add(new PopulationKeyRecord(key, r.Name, r.Domain, r.Country));
        return keys;
    }
}
