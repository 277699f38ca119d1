using Warmglow.Core.Measurement;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Signals;

// Contracts between modules, so that measurement can read what other modules record without depending on their
// tables: each module registers its implementations in DI; measurement asks for IEnumerable<...>.

/// <summary>One recorded activity on a partnership, for the engagement index.</summary>
public sealed record PartnershipActivity(int PartnershipId, DateTime At);

/// <summary>A kind of activity a module records. The query must be translatable (the index is computed in the database).</summary>
public interface IActivitySource
{
    ActivityKind Kind { get; }
    IQueryable<PartnershipActivity> Query(WarmglowDb db);
}

/// <summary>A review that should have happened by now and has not.</summary>
public sealed record OverdueReview(int PartnershipId, string Title, DateOnly DueOn, string? Link);

/// <summary>Overdue reviews (a red flag in measurement); the agreements module provides them.</summary>
public interface IOverdueReviewSource
{
    IQueryable<OverdueReview> Overdue(WarmglowDb db, DateOnly today);
}

/// <summary>Revenue the partnership influenced, in the currency it was recorded in (for ROI).</summary>
public sealed record InfluencedRevenue(int PartnershipId, DateOnly Date, string Currency, decimal Amount);

/// <summary>Partner-influenced revenue; the revenue ledger provides it (refunds as negative amounts).</summary>
public interface IInfluencedRevenueSource
{
    IQueryable<InfluencedRevenue> Query(WarmglowDb db);
}
