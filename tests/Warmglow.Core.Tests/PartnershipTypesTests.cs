using Warmglow.Core.Partnerships;

namespace Warmglow.Core.Tests;

public class PartnershipTypesTests
{
    public static TheoryData<PartnershipType> EveryType() => new(Enum.GetValues<PartnershipType>());

    [Fact]
    public void PartnershipType_HasExactlyTenValues()
    {
        Assert.Equal(10, Enum.GetValues<PartnershipType>().Length);
    }

    [Fact]
    public void All_HasExactlyTenProfiles_OnePerType()
    {
        Assert.Equal(10, PartnershipTypes.All.Count);
        Assert.Equal(
            Enum.GetValues<PartnershipType>().OrderBy(t => t),
            PartnershipTypes.All.Select(p => p.Type).OrderBy(t => t));
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Get_ReturnsTheProfileOfThatType(PartnershipType type)
    {
        var profile = PartnershipTypes.Get(type);

        Assert.Equal(type, profile.Type);
        Assert.Single(PartnershipTypes.All, p => p.Type == type);
    }

    [Theory]
    [MemberData(nameof(EveryType))]
    public void EveryProfile_HasNameDescriptionAndSaneTimeToValue(PartnershipType type)
    {
        var profile = PartnershipTypes.Get(type);

        Assert.False(string.IsNullOrWhiteSpace(profile.Name));
        Assert.False(string.IsNullOrWhiteSpace(profile.Description));
        Assert.True(profile.MonthsToValueMin >= 1);
        if (profile.MonthsToValueMax is { } max) Assert.True(max > profile.MonthsToValueMin);
        Assert.EndsWith(" months", profile.TimeToValue);
    }

    [Fact]
    public void ProfileNames_AreUnique()
    {
        Assert.Equal(PartnershipTypes.All.Count, PartnershipTypes.All.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void TechnologyIntegration_Takes6To12Months_HighResources_MediumRisk()
    {
        var p = PartnershipTypes.Get(PartnershipType.TechnologyIntegration);

        Assert.Equal(6, p.MonthsToValueMin);
        Assert.Equal(12, p.MonthsToValueMax);
        Assert.Equal("6–12 months", p.TimeToValue);
        Assert.Equal(Level.High, p.ResourceNeed);
        Assert.Equal(Level.Medium, p.Risk);
    }

    [Fact]
    public void CoMarketing_Takes1To3Months_MediumResources_LowRisk()
    {
        var p = PartnershipTypes.Get(PartnershipType.CoMarketing);

        Assert.Equal("1–3 months", p.TimeToValue);
        Assert.Equal(Level.Medium, p.ResourceNeed);
        Assert.Equal(Level.Low, p.Risk);
    }

    [Fact]
    public void StrategicInvestment_Takes12PlusMonths_VeryHighResources_HighRisk()
    {
        var p = PartnershipTypes.Get(PartnershipType.StrategicInvestment);

        Assert.Null(p.MonthsToValueMax);
        Assert.Equal("12+ months", p.TimeToValue);
        Assert.Equal(Level.VeryHigh, p.ResourceNeed);
        Assert.Equal(Level.High, p.Risk);
    }
}
