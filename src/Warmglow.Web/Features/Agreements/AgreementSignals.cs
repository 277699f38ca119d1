using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Agreements;

/// <summary>Scheduled agreement reviews past their due date (a red flag in measurement).</summary>
public sealed class AgreementOverdueReviews : IOverdueReviewSource
{
    public IQueryable<OverdueReview> Overdue(WarmglowDb db, DateOnly today) =>
        db.AgreementReviews.Where(r => r.State == ReviewState.Scheduled && r.DueOn < today)
            .Select(r => new OverdueReview
            {
                PartnershipId = r.PartnershipId, Title = "Review of " + r.Agreement!.Title, DueOn = r.DueOn, Link = "/Agreements/Details/" + r.AgreementId,
            });
}

/// <summary>Agreement activity for the engagement index: versions written, status moves, approvals, reviews held.</summary>
public sealed class AgreementActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.AgreementActivity;

    // The union is built on anonymous rows and projected once at the end, with an object initializer (see Signals.cs).
    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.AgreementVersions.Select(v => new { v.Agreement!.PartnershipId, At = v.CreatedAt })
            .Concat(db.AgreementTransitions.Select(t => new { t.Agreement!.PartnershipId, t.At }))
            .Concat(db.AgreementApprovals.Select(a => new { a.Agreement!.PartnershipId, a.At }))
            .Concat(db.AgreementReviews.Where(r => r.State == ReviewState.Held && r.HeldAt != null).Select(r => new { r.PartnershipId, At = r.HeldAt!.Value }))
            .Select(x => new PartnershipActivity { PartnershipId = x.PartnershipId, At = x.At });
}
