using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Agreements;

/// <summary>Agreement versions on the partnership timeline (internal; partners read agreements in the portal).</summary>
public sealed class AgreementVersionTimeline : ITimelineSource
{
    public TimelineKind Kind => TimelineKind.AgreementChange;

    public async Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct)
    {
        if (sharedOnly) return [];
        var rows = await db.AgreementVersions.AsNoTracking().Where(v => v.Agreement!.PartnershipId == partnershipId)
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id).Take(take)
            .Select(v => new { v.Id, v.AgreementId, v.Number, v.Reason, v.AuthorName, v.CreatedAt, v.Agreement!.Title }).ToListAsync(ct);
        return rows.Select(v => new TimelineItem
        {
            Kind = Kind, SourceId = v.Id, At = v.CreatedAt, By = v.AuthorName, Detail = v.Reason,
            Title = $"{v.Title}: version {v.Number}", Link = $"/Agreements/Version/{v.AgreementId}?number={v.Number}",
        }).ToList();
    }
}
