using Warmglow.Core.Portfolio;

namespace Warmglow.Web.Features.Signals;

/// <summary>
/// What other modules read of the portfolio's tiers: the tiers of the partnerships a partner is a member of, as a bit
/// mask (bit <c>1 &lt;&lt; (int)tier</c>; 0 when none of them is tiered). The portfolio implements it; the knowledge base
/// uses it to limit shared articles to tiers. It reads past the partner filter (tiers are internal) and returns only the mask.
/// </summary>
public interface ITierSource
{
    Task<int> PartnerTierMaskAsync(int partnerId, CancellationToken ct = default);
}

/// <summary>Mask helpers for <see cref="ITierSource"/>.</summary>
public static class TierMasks
{
    public static int Of(IEnumerable<Tier> tiers) => tiers.Aggregate(0, (m, t) => m | (1 << (int)t));
}

/// <summary>
/// The current tier of one partnership, or null when it has none yet. The portfolio implements it (the tier it stores);
/// onboarding uses it to pick a checklist template for the tier. It reads past the partner filter (tiers are internal).
/// </summary>
public interface IPartnershipTierSource
{
    Task<Tier?> TierOfAsync(int partnershipId, CancellationToken ct = default);
}
