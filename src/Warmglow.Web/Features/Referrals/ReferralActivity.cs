using Warmglow.Core.Measurement;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Referrals;

/// <summary>Registrations submitted, for the engagement index's "referrals", dated when they were submitted.</summary>
public sealed class RegistrationSubmittedActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.Referrals;

    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.Registrations.Select(r => new PartnershipActivity { PartnershipId = r.PartnershipId, At = r.SubmittedAt });
}

/// <summary>Deals won, for the engagement index's "referrals" too (a win counts besides its registration), dated when they were won.</summary>
public sealed class RegistrationWonActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.Referrals;

    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.Registrations.Where(r => r.Stage == RegistrationStage.Won && r.ClosedAt != null)
            .Select(r => new PartnershipActivity { PartnershipId = r.PartnershipId, At = r.ClosedAt!.Value });
}
