using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Signals;

/// <summary>A partnership's stored composite score (0–100), for the portfolio.</summary>
public sealed class PartnershipComposite
{
    public int PartnershipId { get; init; }
    public double? Composite { get; init; }
}

/// <summary>A recorded programme cost of a partnership, in the currency it was recorded in (for ROI).</summary>
public sealed class PartnershipCost
{
    public int PartnershipId { get; init; }
    public string Currency { get; init; } = "";
    public decimal Amount { get; init; }
}

/// <summary>
/// What the portfolio reads from measurement: the reporting currency, the composite scores and the programme costs.
/// The queries must be translatable (the portfolio recompute groups and sums them in the database).
/// </summary>
public interface IPortfolioMeasureSource
{
    Task<string> ReportingCurrencyAsync(CancellationToken ct);
    IQueryable<PartnershipComposite> Composites(WarmglowDb db);
    IQueryable<PartnershipCost> Costs(WarmglowDb db);
}
