using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Partnerships;

/// <summary>Stage moves on the partnership timeline (internal: partners do not see the lifecycle history).</summary>
public sealed class StageMoveTimeline : ITimelineSource
{
    public TimelineKind Kind => TimelineKind.StageMove;

    public async Task<IReadOnlyList<TimelineItem>> NewestAsync(WarmglowDb db, int partnershipId, int take, bool sharedOnly, CancellationToken ct)
    {
        if (sharedOnly) return [];
        var rows = await db.StageTransitions.AsNoTracking().Where(t => t.PartnershipId == partnershipId)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(take)
            .Select(t => new { t.Id, t.At, t.FromStage, t.ToStage, t.Reason, t.ByUserName }).ToListAsync(ct);
        return rows.Select(t => new TimelineItem
        {
            Kind = Kind, SourceId = t.Id, At = t.At, By = t.ByUserName, Detail = t.Reason, Link = $"/Partnerships/{partnershipId}",
            Title = t.FromStage is { } from ? $"Moved from {StageNames.Display(from)} to {StageNames.Display(t.ToStage)}" : $"Started as {StageNames.Display(t.ToStage)}",
        }).ToList();
    }
}
