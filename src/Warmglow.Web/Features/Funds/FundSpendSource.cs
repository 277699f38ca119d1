using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Funds;

/// <summary>Paid fund requests linked to an initiative, summed per initiative and fund currency (see <see cref="IFundSpendSource"/>).</summary>
public sealed class FundSpendSource : IFundSpendSource
{
    public async Task<IReadOnlyList<FundPaid>> PaidAsync(WarmglowDb db, int? partnershipId, int? initiativeId, CancellationToken ct)
    {
        var q = db.FundRequests.AsNoTracking().Where(r => r.InitiativeId != null && r.PaidAmount != null);
        if (partnershipId is { } pid) q = q.Where(r => r.PartnershipId == pid);
        if (initiativeId is { } iid) q = q.Where(r => r.InitiativeId == iid);
        var rows = await q.GroupBy(r => new { r.InitiativeId, r.Fund!.Currency })
            .Select(g => new { g.Key.InitiativeId, g.Key.Currency, Paid = g.Sum(r => r.PaidAmount!.Value) }).ToListAsync(ct);
        return rows.Select(r => new FundPaid(r.InitiativeId!.Value, r.Currency, r.Paid)).ToList();
    }
}
