namespace Warmglow.Core.Agreements;

/// <summary>The agreement types of product.md §3.</summary>
public enum AgreementType
{
    JointVenture, Licensing, CoMarketing, Referral, Reseller, TechnologyIntegration, StrategicInvestment,
}

/// <summary>
/// Where an agreement is in its life: term sheet → negotiation → pilot → signed → active → under review →
/// expired / terminated. The allowed moves are <c>AgreementLifecycle</c>'s business.
/// </summary>
public enum AgreementStatus
{
    TermSheet, Negotiation, Pilot, Signed, Active, UnderReview, Expired, Terminated,
}
