using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Infrastructure;
using CoreEvent = Warmglow.Core.Revenue.RevenueEvent;

namespace Warmglow.Web.Features.Revenue;

/// <summary>Read models across agreements: the revenue overview of a period and the most recent events.</summary>
public sealed class RevenueQueries(WarmglowDb db)
{
    public async Task<Paged<AgreementRevenueRow>> OverviewAsync(Period period, int? page, int? size, CancellationToken ct)
    {
        var query = db.Agreements.AsNoTracking()
            .Where(a => db.RevenueTerms.Any(t => t.AgreementId == a.Id) || db.RevenueEvents.Any(e => e.AgreementId == a.Id))
            .OrderBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new AgreementRevenueRow(a.Id, a.Title, a.PartnershipId, a.Partnership!.Name, a.Currency,
                db.RevenueTerms.Where(t => t.AgreementId == a.Id).Select(t => (ShareModelKind?)t.Kind).FirstOrDefault(),
                db.RevenueEvents.Where(e => e.AgreementId == a.Id && e.Date >= period.From && e.Date <= period.To).Sum(e => e.Amount),
                db.RevenueEvents.Count(e => e.AgreementId == a.Id && e.Date >= period.From && e.Date <= period.To),
                db.RevenueStatements.Count(s => s.AgreementId == a.Id)));
        return await query.ToPageAsync(page, size, ct);
    }

    public async Task<Paged<EventDto>> RecentEventsAsync(int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Paging.Normalize(page, size);
        var total = await db.RevenueEvents.CountAsync(ct);
        var items = await db.RevenueEvents.AsNoTracking().OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Skip((p - 1) * s).Take(s)
            .Select(e => new { Event = e, Title = db.Agreements.Where(a => a.Id == e.AgreementId).Select(a => a.Title).FirstOrDefault() }).ToListAsync(ct);
        return new Paged<EventDto>(items.Select(x => RevenueLedger.ToDto(x.Event) with { AgreementTitle = x.Title }).ToList(), p, s, total);
    }
}
