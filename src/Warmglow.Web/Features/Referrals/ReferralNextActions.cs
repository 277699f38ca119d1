using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Referrals;

/// <summary>
/// A partner user's next actions in deal registration: their approved deals whose expected close date has passed (update
/// the stage or amount) and whose protection ends within two weeks. The DbContext limits rows to their own partner's.
/// </summary>
public sealed class ReferralNextActions(WarmglowDb db) : IPartnerNextActionSource
{
    public async Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is null) return [];
        var now = db.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var soon = now.AddDays(RegistrationRules.ExpiryNoticeDays);
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.Kind == RegistrationKind.Deal
                && (r.Stage == RegistrationStage.Approved || r.Stage == RegistrationStage.Qualified || r.Stage == RegistrationStage.Opportunity)
                && ((r.ExpectedCloseOn != null && r.ExpectedCloseOn < today) || (r.ProtectedUntil != null && r.ProtectedUntil <= soon)))
            .OrderBy(r => r.ExpectedCloseOn).Take(20)
            .Select(r => new { r.Id, r.CompanyName, r.ExpectedCloseOn, r.ProtectedUntil }).ToListAsync(ct);
        return rows.Select(r => r.ExpectedCloseOn is { } close && close < today
                ? new PartnerNextAction($"Update {r.CompanyName}: its expected close date {close:yyyy-MM-dd} has passed", $"/Portal/Referrals/Details/{r.Id}", close, "Registration")
                : new PartnerNextAction($"Move {r.CompanyName} forward: its protection ends on {r.ProtectedUntil:yyyy-MM-dd}", $"/Portal/Referrals/Details/{r.Id}",
                    DateOnly.FromDateTime(r.ProtectedUntil!.Value), "Registration"))
            .ToList();
    }
}
