using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Health;

/// <summary>Survey rounds sent on the partnership timeline (internal: the results are ours; partners answer in the portal).</summary>
public sealed class SurveyTimeline : ITimelineSource
{
    public TimelineKind Kind => TimelineKind.Survey;

    public async Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct)
    {
        if (sharedOnly) return [];
        var rows = await db.SurveyRounds.AsNoTracking().Where(s => s.PartnershipId == partnershipId)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(take)
            .Select(s => new { s.Id, s.CreatedAt, s.Title, s.Period, s.Status, s.SentByName }).ToListAsync(ct);
        return rows.Select(s => new TimelineItem
        {
            Kind = Kind, SourceId = s.Id, At = s.CreatedAt, By = s.SentByName, Link = $"/Health/Partnership/{partnershipId}",
            Title = $"Survey sent: {s.Title} ({s.Period}){(s.Status == SurveyStatus.Closed ? ", now closed" : "")}",
        }).ToList();
    }
}
