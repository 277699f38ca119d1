using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Portfolio;

/// <summary>The tiers of a partner's partnerships, for <see cref="ITierSource"/> (one query; tiers stay internal).</summary>
public sealed class PortfolioTierSource(WarmglowDb db) : ITierSource
{
    public async Task<int> PartnerTierMaskAsync(int partnerId, CancellationToken ct = default)
    {
        var tiers = await db.PartnershipTiers.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
            .Where(t => db.PartnershipMembers.Any(m => m.PartnershipId == t.PartnershipId && m.PartnerId == partnerId))
            .Select(t => t.Tier).Distinct().ToListAsync(ct);
        return TierMasks.Of(tiers);
    }
}

/// <summary>The current tier the portfolio stores for one partnership, for <see cref="IPartnershipTierSource"/>.</summary>
public sealed class PortfolioPartnershipTierSource(WarmglowDb db) : IPartnershipTierSource
{
    public async Task<Core.Portfolio.Tier?> TierOfAsync(int partnershipId, CancellationToken ct = default) =>
        await db.PartnershipTiers.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
            .Where(t => t.PartnershipId == partnershipId).Select(t => (Core.Portfolio.Tier?)t.Tier).FirstOrDefaultAsync(ct);
}
