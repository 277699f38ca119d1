using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Agreements;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Agreements;

/// <summary>The termination clause of a partnership's governing agreement, for sunsetting's wind-down plan.</summary>
public sealed class AgreementTermination(WarmglowDb db) : ITerminationTermsSource
{
    public async Task<TerminationTerms?> ForPartnershipAsync(int partnershipId, CancellationToken ct)
    {
        var inForce = new[] { AgreementStatus.Signed, AgreementStatus.Active, AgreementStatus.UnderReview };
        var final = new[] { AgreementStatus.Expired, AgreementStatus.Terminated };
        var current = await db.Agreements.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && !final.Contains(a.Status))
            .OrderByDescending(a => inForce.Contains(a.Status)).ThenByDescending(a => a.StartDate).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.CurrentVersion }).FirstOrDefaultAsync(ct);
        if (current is null) return null;
        var terms = await db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == current.Id && v.Number == current.CurrentVersion)
            .Select(v => v.Terms).FirstOrDefaultAsync(ct);
        var t = terms?.Clauses?.Termination ?? new TerminationClause();
        return new TerminationTerms { AgreementId = current.Id, Title = current.Title, NoticeDays = t.NoticeDays, WindDownDays = t.WindDownDays };
    }
}
