using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Signals;

/// <summary>What co-investment funds have paid out for one initiative, in the fund's currency.</summary>
public sealed record FundPaid(int InitiativeId, string Currency, decimal Paid);

/// <summary>
/// Money the funds module paid out (paid claims on requests linked to an initiative): the initiatives module adds it to
/// an initiative's own recorded spend for ROI, so a joint webinar paid from market development funds shows its real
/// cost. Aggregated in the database; one query for a partnership or one initiative.
/// </summary>
public interface IFundSpendSource
{
    Task<IReadOnlyList<FundPaid>> PaidAsync(WarmglowDb db, int? partnershipId, int? initiativeId, CancellationToken ct);
}
