using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Portfolio;

/// <summary>
/// Portfolio demo data: tiers across the live demo portfolio from a real recompute (after revenue, measurement and
/// health have their data), a year of tier history (partnerships that grew into their tier), one partnership whose
/// value fell so the recompute proposes a downgrade that waits out its grace period, and a manager's saved view.
/// </summary>
public sealed class PortfolioDemo(WarmglowDb db, PortfolioService portfolio) : IDemoContributor
{
    public int Order => 500;

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        await portfolio.RecomputeAsync(ct);
        var tiers = await db.PartnershipTiers.OrderBy(t => t.TierRank).ThenBy(t => t.PartnershipId).ToListAsync(ct);
        if (tiers.Count == 0) return;
        var now = context.Now;
        // History: the strategic and growth partnerships climbed from transactional over the last year.
        foreach (var t in tiers.Where(t => t.Tier is Tier.Strategic or Tier.Growth))
        {
            var first = db.TierChanges.Local.FirstOrDefault(c => c.PartnershipId == t.PartnershipId);
            if (first is not null) { first.At = now.AddDays(-360); first.ToTier = Tier.Transactional; first.Reason = "First tiering: ranked in the lower 70% by composite score."; }
            if (t.Tier == Tier.Strategic)
                db.TierChanges.Add(new TierChange { PartnershipId = t.PartnershipId, FromTier = Tier.Transactional, ToTier = Tier.Growth, At = now.AddDays(-250),
                    Reason = "Proposal approved. Rank rose into the next 20% after the first joint campaign.", ByName = context.Staff[0].DisplayName });
            db.TierChanges.Add(new TierChange { PartnershipId = t.PartnershipId, FromTier = t.Tier == Tier.Strategic ? Tier.Growth : Tier.Transactional, ToTier = t.Tier,
                At = now.AddDays(-120), Reason = "Proposal approved. Sustained composite score and revenue growth.", ByName = context.Staff[0].DisplayName });
            t.Since = now.AddDays(-120);
        }
        // One transactional partnership was strategic until recently: its value fell, so the recompute proposes a downgrade.
        var fallen = tiers.LastOrDefault(t => t.Tier == Tier.Transactional);
        if (fallen is not null)
        {
            db.TierChanges.Add(new TierChange { PartnershipId = fallen.PartnershipId, FromTier = Tier.Growth, ToTier = Tier.Strategic, At = now.AddDays(-300),
                Reason = "Proposal approved. Top of the portfolio after the platform integration launched.", ByName = context.Staff[0].DisplayName });
            fallen.Tier = Tier.Strategic; fallen.TierRank = Tiering.Rank(Tier.Strategic); fallen.Since = now.AddDays(-300);
        }
        await db.SaveChangesAsync(ct);
        // The second pass proposes the downgrade (grace period running) and refreshes the service-level red flags.
        await portfolio.RecomputeAsync(ct);
        var manager = context.Staff.FirstOrDefault(s => s.Email?.Contains("manager", StringComparison.OrdinalIgnoreCase) == true) ?? context.Staff[0];
        db.SavedPortfolioViews.Add(new SavedPortfolioView { UserId = manager.Id, Name = "Strategic by revenue", Query = "tier=Strategic&sort=-ttm", CreatedAt = now });
        db.SavedPortfolioViews.Add(new SavedPortfolioView { UserId = manager.Id, Name = "Live with red flags", Query = "liveOnly=true&flagged=true&sort=-flags", CreatedAt = now });
        await db.SaveChangesAsync(ct);
    }
}
