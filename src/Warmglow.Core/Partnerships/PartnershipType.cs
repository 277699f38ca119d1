namespace Warmglow.Core.Partnerships;

/// <summary>The ten partnership types of product.md §2.</summary>
public enum PartnershipType
{
    TechnologyIntegration,
    CoMarketing,
    CoSellingReferral,
    Reseller,
    StrategicInvestment,
    Licensing,
    ResourceSharing,
    InnovationCoCreation,
    EcosystemIntegration,
    MarketExpansion,
}

public enum Level { Low, Medium, High, VeryHigh }

/// <summary>What a partnership type typically takes: months to value, resources, risk.</summary>
public sealed record PartnershipTypeProfile(
    PartnershipType Type, string Name, string Description,
    int MonthsToValueMin, int? MonthsToValueMax, Level ResourceNeed, Level Risk)
{
    public string TimeToValue => MonthsToValueMax is { } max ? $"{MonthsToValueMin}–{max} months" : $"{MonthsToValueMin}+ months";
}

public static class PartnershipTypes
{
    public static readonly IReadOnlyList<PartnershipTypeProfile> All =
    [
        new(PartnershipType.TechnologyIntegration, "Technology integration", "Connect products so shared customers get one workflow.", 6, 12, Level.High, Level.Medium),
        new(PartnershipType.CoMarketing, "Co-marketing", "Joint campaigns, content and events to reach each other's audiences.", 1, 3, Level.Medium, Level.Low),
        new(PartnershipType.CoSellingReferral, "Co-selling / referral", "Refer leads and sell together to shared accounts.", 2, 6, Level.Medium, Level.Low),
        new(PartnershipType.Reseller, "Reseller", "The partner sells our offering to its customers.", 3, 6, Level.Medium, Level.Medium),
        new(PartnershipType.StrategicInvestment, "Strategic investment / joint venture", "Shared ownership or a new joint entity.", 12, null, Level.VeryHigh, Level.High),
        new(PartnershipType.Licensing, "Licensing", "One side licenses IP, content or brand to the other.", 3, 9, Level.Low, Level.Medium),
        new(PartnershipType.ResourceSharing, "Complementary resource sharing", "Share spaces, channels, staff or capacity that complement each other.", 1, 6, Level.Medium, Level.Low),
        new(PartnershipType.InnovationCoCreation, "Innovation co-creation", "Build new products or programs together.", 6, 18, Level.High, Level.High),
        new(PartnershipType.EcosystemIntegration, "Ecosystem integration", "Several partners combine into one offering.", 9, 18, Level.High, Level.Medium),
        new(PartnershipType.MarketExpansion, "Market expansion", "Enter a new region or segment through the partner's presence.", 6, 12, Level.High, Level.Medium),
    ];

    public static PartnershipTypeProfile Get(PartnershipType type) => All.First(p => p.Type == type);
}
