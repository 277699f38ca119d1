using Warmglow.Core.Measurement;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Signals;

// Contracts between modules, so that measurement can read what other modules record without depending on their
// tables: each module registers its implementations in DI; measurement asks for IEnumerable<...>.

// The rows that travel inside queries are classes with init-only properties, built with object initializers: EF can
// filter, group and union on initializer bindings, but not see through a positional record's constructor arguments.

/// <summary>One recorded activity on a partnership, for the engagement index.</summary>
public sealed class PartnershipActivity
{
    public int PartnershipId { get; init; }
    public DateTime At { get; init; }
}

/// <summary>A kind of activity a module records. The query must be translatable (the index is computed in the database).</summary>
public interface IActivitySource
{
    ActivityKind Kind { get; }
    IQueryable<PartnershipActivity> Query(WarmglowDb db);
}

/// <summary>A review that should have happened by now and has not.</summary>
public sealed class OverdueReview
{
    public int PartnershipId { get; init; }
    public string Title { get; init; } = "";
    public DateOnly DueOn { get; init; }
    public string? Link { get; init; }
}

/// <summary>Overdue reviews (a red flag in measurement); the agreements module provides them.</summary>
public interface IOverdueReviewSource
{
    IQueryable<OverdueReview> Overdue(WarmglowDb db, DateOnly today);
}

/// <summary>Revenue the partnership influenced, in the currency it was recorded in (for ROI).</summary>
public sealed class InfluencedRevenue
{
    public int PartnershipId { get; init; }
    public DateOnly Date { get; init; }
    public string Currency { get; init; } = "";
    public decimal Amount { get; init; }
}

/// <summary>Partner-influenced revenue; the revenue ledger provides it (refunds as negative amounts).</summary>
public interface IInfluencedRevenueSource
{
    IQueryable<InfluencedRevenue> Query(WarmglowDb db);
}

/// <summary>
/// A partnership's relationship health as the health module sees it now: the latest survey-based health score
/// (0–100, null before enough responses), NPS (−100..100), the engagement index of the latest completed period,
/// and the red flags currently raised (short texts, e.g. "Engagement declining 3 periods", "No sponsor").
/// </summary>
public sealed record HealthSummary(int PartnershipId, decimal? HealthScore, decimal? Nps, decimal? Engagement,
    EngagementBand? Band, IReadOnlyList<string> RedFlags);

/// <summary>One period's point on a partnership's health history (period label like "2026-Q3").</summary>
public sealed record HealthPoint(string Period, DateOnly PeriodEnd, decimal? Engagement,
    IReadOnlyDictionary<string, decimal> Dimensions, decimal? Nps);

/// <summary>
/// Health as read by the dashboards (the measurement module owns the dashboards; the health module owns surveys,
/// engagement and alerts and implements this). Both calls must be a bounded number of queries whatever the count.
/// </summary>
public interface IHealthSummarySource
{
    /// <summary>Summaries for a page of partnerships (missing ids: no data yet).</summary>
    Task<IReadOnlyDictionary<int, HealthSummary>> SummariesAsync(IReadOnlyCollection<int> partnershipIds, CancellationToken ct);

    /// <summary>Workspace-wide counts for the dashboard header: partnerships per engagement band and with any red flag.</summary>
    Task<HealthTotals> TotalsAsync(CancellationToken ct);

    /// <summary>Health over time for one partnership, oldest period first.</summary>
    Task<IReadOnlyList<HealthPoint>> HistoryAsync(int partnershipId, CancellationToken ct);
}

public sealed record HealthTotals(int NeedsCheckIn, int Steady, int HighPerformers, int WithRedFlags);
