using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Revenue;

public sealed record RevenueLink(int AgreementId, string Title, string Currency, ShareModelKind? Kind, int Statements);

/// <summary>The partnership page's small "Revenue sharing" card: its agreements, each linked to its revenue page.</summary>
/// <remarks>Shown to those who oversee revenue (registered with <see cref="Policies.Oversee"/> in <see cref="RevenueModule"/>).</remarks>
public sealed class RevenueLinksViewComponent(WarmglowDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        var links = await db.Agreements.AsNoTracking().Where(a => a.PartnershipId == partnershipId).OrderBy(a => a.StartDate).ThenBy(a => a.Id).Take(20)
            .Select(a => new RevenueLink(a.Id, a.Title, a.Currency,
                db.RevenueTerms.Where(t => t.AgreementId == a.Id).Select(t => (ShareModelKind?)t.Kind).FirstOrDefault(),
                db.RevenueStatements.Count(s => s.AgreementId == a.Id)))
            .ToListAsync();
        return View(links);
    }
}

/// <summary>The partner portal's "Revenue-share statements": the partner's share on each issued statement, read-only.</summary>
public sealed class RevenueEarningsViewComponent(StatementService revenue, Infrastructure.Tenant tenant, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        IReadOnlyList<EarningDto> earnings = tenant.PartnerId is { } partner
            ? await revenue.EarningsAsync(partner, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), HttpContext.RequestAborted)
            : [];
        return View(earnings);
    }
}
