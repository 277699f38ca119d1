using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Agreements;

/// <summary>Scheduled agreement reviews past their due date (a red flag in measurement).</summary>
public sealed class AgreementOverdueReviews : IOverdueReviewSource
{
    public IQueryable<OverdueReview> Overdue(WarmglowDb db, DateOnly today) =>
        db.AgreementReviews.Where(r => r.State == ReviewState.Scheduled && r.DueOn < today)
            .Select(r => new OverdueReview(r.PartnershipId, "Review of " + r.Agreement!.Title, r.DueOn, "/Agreements/Details/" + r.AgreementId));
}

/// <summary>Agreement activity for the engagement index: versions written, status moves, approvals, reviews held.</summary>
public sealed class AgreementActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.AgreementActivity;

    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.AgreementVersions.Select(v => new PartnershipActivity(v.Agreement!.PartnershipId, v.CreatedAt))
            .Concat(db.AgreementTransitions.Select(t => new PartnershipActivity(t.Agreement!.PartnershipId, t.At)))
            .Concat(db.AgreementApprovals.Select(a => new PartnershipActivity(a.Agreement!.PartnershipId, a.At)))
            .Concat(db.AgreementReviews.Where(r => r.State == ReviewState.Held && r.HeldAt != null)
                .Select(r => new PartnershipActivity(r.PartnershipId, r.HeldAt!.Value)));
}
