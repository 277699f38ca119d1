using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Measurement;

/// <summary>
/// Observations recorded on a partnership, for the engagement index: each observation counts once, dated when it was
/// recorded (its batch), not the day it measures — back-filling a year of history is activity now.
/// </summary>
public sealed class ObservationActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.Observations;

    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.Observations.Join(db.ObservationBatches, o => o.BatchId, b => b.Id,
            (o, b) => new PartnershipActivity { PartnershipId = o.PartnershipId, At = b.At });
}
