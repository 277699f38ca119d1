using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Portfolio;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<PortfolioSettings> PortfolioSettings => Set<PortfolioSettings>();
    public DbSet<PortfolioFigure> PortfolioFigures => Set<PortfolioFigure>();
    public DbSet<PartnershipTier> PartnershipTiers => Set<PartnershipTier>();
    public DbSet<TierProposal> TierProposals => Set<TierProposal>();
    public DbSet<TierChange> TierChanges => Set<TierChange>();
    public DbSet<SavedPortfolioView> SavedPortfolioViews => Set<SavedPortfolioView>();

    // Everything here is internal (closed to partner users by default): figures, tiers, proposals, history, settings, views.
}
