using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Revenue;

/// <summary>Issued revenue statements on the partnership timeline (internal; partners read theirs in the portal).</summary>
public sealed class StatementTimeline : ITimelineSource
{
    public TimelineKind Kind => TimelineKind.Statement;

    public async Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct)
    {
        if (sharedOnly) return [];
        var rows = await db.RevenueStatements.AsNoTracking().Where(s => s.PartnershipId == partnershipId)
            .OrderByDescending(s => s.IssuedAt).ThenByDescending(s => s.Id).Take(take)
            .Select(s => new { s.Id, s.IssuedAt, s.From, s.To, s.Total, s.Currency }).ToListAsync(ct);
        return rows.Select(s => new TimelineItem
        {
            Kind = Kind, SourceId = s.Id, At = s.IssuedAt, Link = $"/Revenue/Statement/{s.Id}",
            Title = $"Statement issued for {s.From:yyyy-MM-dd} to {s.To:yyyy-MM-dd}: {s.Total.ToString("N2", CultureInfo.InvariantCulture)} {s.Currency}",
        }).ToList();
    }
}
