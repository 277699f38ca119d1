namespace Warmglow.Core.Partnerships;

/// <summary>Lifecycle stages of a partnership (product.md §2).</summary>
public enum PartnershipStage
{
    Prospect,
    Research,
    IntroCall,
    MutualValueProposition,
    Pilot,
    Evaluation,
    Agreement,
    Onboarding,
    Active,
    Scaling,
    UnderReview,
    Sunsetting,
    Ended,
    OnHold,
    Rejected,
}
