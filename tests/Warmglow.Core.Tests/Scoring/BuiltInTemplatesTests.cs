using Warmglow.Core.Scoring;

namespace Warmglow.Core.Tests.Scoring;

public class BuiltInTemplatesTests
{
    public static TheoryData<string> Keys() => new(BuiltInTemplates.All.Select(t => t.Key));

    [Fact]
    public void All_HasTheFiveTemplatesOfTheProductPageWithStableKeys()
    {
        Assert.Equal(
            ["four-dimensional", "compatibility", "fit-commitment-capacity", "vetting-1-10", "assessment-1-5"],
            BuiltInTemplates.All.Select(t => t.Key));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryBuiltIn_IsValid(string key)
    {
        var errors = TemplateRules.Validate(BuiltInTemplates.Find(key)!);

        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryBuiltIn_WeightsAddUpTo100ForReadability(string key)
    {
        Assert.Equal(100m, TemplateRules.TotalWeight(BuiltInTemplates.Find(key)!));
    }

    [Fact]
    public void Find_UnknownKey_IsNull()
    {
        Assert.Null(BuiltInTemplates.Find("nope"));
    }

    [Fact]
    public void FourDimensional_HasTheFourDimensionsWeightedEqually()
    {
        var shares = TemplateRules.DimensionShares(BuiltInTemplates.FourDimensional);

        Assert.Equal(["Strategic alignment", "Operational compatibility", "Cultural fit", "Value exchange potential"], shares.Select(s => s.Key));
        Assert.All(shares, s => Assert.Equal(0.25m, s.Share));
    }

    [Fact]
    public void Compatibility_HasItsFourDimensionsWithValuesAlignmentFirstAndHeaviest()
    {
        var shares = TemplateRules.DimensionShares(BuiltInTemplates.Compatibility);

        Assert.Equal(
            ["Values alignment", "Capability complementarity", "Customer experience synergy", "Growth trajectory compatibility"],
            shares.Select(s => s.Key));
        Assert.Equal(shares.Max(s => s.Share), shares[0].Share);
    }

    [Fact]
    public void FitCommitmentCapacity_HasThoseThreeDimensions()
    {
        Assert.Equal(["Fit", "Commitment", "Capacity"], BuiltInTemplates.FitCommitmentCapacity.Dimensions.Select(d => d.Name));
    }

    [Fact]
    public void Vetting_HasTheFiveCriteriaAllOn1To10()
    {
        var criteria = BuiltInTemplates.Vetting110.AllCriteria();

        Assert.Equal(
            ["financial-stability", "cultural-fit", "strategic-alignment", "technology-integration-ease", "customer-overlap"],
            criteria.Select(c => c.Key));
        Assert.All(criteria, c => Assert.Equal(10, c.ScaleMax));
    }

    [Fact]
    public void Assessment_HasTheFourCriteriaAllOn1To5()
    {
        var criteria = BuiltInTemplates.Assessment15.AllCriteria();

        Assert.Equal(["strategic-fit", "cultural-compatibility", "operational-capability", "market-position"], criteria.Select(c => c.Key));
        Assert.All(criteria, c => Assert.Equal(5, c.ScaleMax));
    }
}
