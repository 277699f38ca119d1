using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Referrals;

/// <summary>Registrations as a pipeline per registering partner for clusters: live ones (open) and won ones, by currency; one grouped query.</summary>
public sealed class ReferralPipelineSignal(WarmglowDb db) : IPartnerPipelineSource
{
    public async Task<IReadOnlyList<PartnerPipeline>> PipelineAsync(IReadOnlyCollection<int> partnerIds, CancellationToken ct)
    {
        if (partnerIds.Count == 0) return [];
        var ids = partnerIds.ToList();
        return await db.Registrations.AsNoTracking()
            .Where(r => ids.Contains(r.PartnerId) && (RegistrationRules.Live.Contains(r.Stage) || r.Stage == RegistrationStage.Won))
            .GroupBy(r => new { r.PartnerId, Won = r.Stage == RegistrationStage.Won, r.Currency })
            .Select(g => new PartnerPipeline { PartnerId = g.Key.PartnerId, Won = g.Key.Won, Currency = g.Key.Currency, Count = g.Count(), Amount = g.Sum(r => r.Amount ?? 0) })
            .ToListAsync(ct);
    }
}
