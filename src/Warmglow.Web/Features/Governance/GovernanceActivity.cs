using Warmglow.Core.Governance;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;

namespace Warmglow.Web.Features.Governance;

/// <summary>
/// Meetings held, for the engagement index, dated when they started. Attendance counts: a held meeting whose attendance
/// was recorded but that nobody from the partner side attended is not engagement and does not count.
/// </summary>
public sealed class MeetingActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.Meetings;

    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.Meetings.Where(m => m.Status == MeetingStatus.Held
                && (!db.MeetingAttendees.Any(a => a.MeetingId == m.Id && a.Attendance != Attendance.Invited)
                    || db.MeetingAttendees.Any(a => a.MeetingId == m.Id && a.Side == GovernanceSide.Partner && a.Attendance == Attendance.Attended)))
            .Select(m => new PartnershipActivity { PartnershipId = m.PartnershipId, At = m.StartsAt });
}

/// <summary>Action items done, for the engagement index, dated when they were closed.</summary>
public sealed class ActionItemActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.ActionItemsDone;

    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.Tasks.Where(t => t.Source == MeetingService.ActionItemSource && t.Status == WorkTaskStatus.Done && t.PartnershipId != null && t.DoneAt != null)
            .Select(t => new PartnershipActivity { PartnershipId = t.PartnershipId!.Value, At = t.DoneAt!.Value });
}
