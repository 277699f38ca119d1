using Warmglow.Core.Scoring;

namespace Warmglow.Core.Tests.Scoring;

public class TemplateRulesTests
{
    // Weights 3 / 1 / 1 (sum 5): shares 60% / 20% / 20%; dimension A = 80%, B = 20%.
    static ScorecardTemplate Small() => new("small", "Small", "", [
        new("A", [new("a1", "A one", 3, 5), new("a2", "A two", 1, 10)]),
        new("B", [new("b1", "B one", 1, 5)]),
    ]);

    static IDictionary<string, string[]> Errors(ScorecardTemplate template) => TemplateRules.Validate(template).ToDictionary();

    static ScorecardTemplate WithCriterion(Criterion criterion) => Small() with
    {
        Dimensions = [new("A", [new("a1", "A one", 3, 5), criterion])],
    };

    [Fact]
    public void Validate_SmallTemplate_IsValid()
    {
        Assert.True(TemplateRules.Validate(Small()).IsEmpty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingName_IsRefused(string? name)
    {
        Assert.Equal(["is required."], Errors(Small() with { Name = name! })["name"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Vetting")]
    [InlineData("vetting 1")]
    [InlineData("-vetting")]
    [InlineData("vetting-")]
    [InlineData("vetting--1")]
    [InlineData("vetting_1")]
    public void Validate_KeyNotASlug_IsRefused(string key)
    {
        Assert.True(Errors(Small() with { Key = key }).ContainsKey("key"));
    }

    [Theory]
    [InlineData("v")]
    [InlineData("vetting-1-10")]
    [InlineData("four-dimensional")]
    public void Validate_SlugKey_IsAccepted(string key)
    {
        Assert.True(TemplateRules.Validate(Small() with { Key = key }).IsEmpty);
    }

    [Fact]
    public void Validate_NoDimensions_IsRefusedAsEmptyTemplate()
    {
        var errors = Errors(Small() with { Dimensions = [] });

        Assert.Equal(["must have at least one dimension with at least one criterion."], errors["dimensions"]);
    }

    [Fact]
    public void Validate_NullDimensions_IsRefusedNotThrown()
    {
        Assert.True(Errors(Small() with { Dimensions = null! }).ContainsKey("dimensions"));
    }

    [Fact]
    public void Validate_DimensionWithoutCriteria_IsRefused()
    {
        var template = Small() with { Dimensions = [new("A", [new("a1", "A one", 1, 5)]), new("Empty", [])] };

        Assert.Equal(["must have at least one criterion."], Errors(template)["dimensions[1].criteria"]);
    }

    [Fact]
    public void Validate_DuplicateDimensionName_IsRefusedIgnoringCase()
    {
        var template = Small() with { Dimensions = [new("Fit", [new("a1", "A", 1, 5)]), new(" fit ", [new("b1", "B", 1, 5)])] };

        Assert.Equal(["'fit' is already the name of another dimension."], Errors(template)["dimensions[1].name"]);
    }

    [Fact]
    public void Validate_DuplicateCriterionKeyAcrossDimensions_IsRefused()
    {
        var template = Small() with { Dimensions = [new("A", [new("fit", "Fit", 1, 5)]), new("B", [new("x", "X", 1, 5), new("fit", "Fit again", 1, 5)])] };

        var message = Assert.Single(Errors(template)["dimensions[1].criteria[1].key"]);
        Assert.Contains("'fit' is already the key of another criterion", message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-0.5)]
    public void Validate_NonPositiveWeight_IsRefusedWithTheValue(decimal weight)
    {
        var errors = Errors(WithCriterion(new("a2", "A two", weight, 5)));

        Assert.Equal([$"must be greater than 0 (got {weight.ToString(System.Globalization.CultureInfo.InvariantCulture)})."], errors["dimensions[0].criteria[1].weight"]);
    }

    [Fact]
    public void Validate_HugeWeight_IsRefused()
    {
        Assert.True(Errors(WithCriterion(new("a2", "A two", 10_001m, 5))).ContainsKey("dimensions[0].criteria[1].weight"));
    }

    [Fact]
    public void Validate_FractionalWeight_IsAccepted()
    {
        Assert.True(TemplateRules.Validate(WithCriterion(new("a2", "A two", 0.25m, 5))).IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(100)]
    public void Validate_ScaleOtherThan5Or10_IsRefused(int scaleMax)
    {
        var errors = Errors(WithCriterion(new("a2", "A two", 1, scaleMax)));

        Assert.Equal([$"must be 5 or 10 (a 1–5 or 1–10 scale; got {scaleMax})."], errors["dimensions[0].criteria[1].scaleMax"]);
    }

    [Fact]
    public void Validate_MissingCriterionNameAndKey_NamesBothFields()
    {
        var errors = Errors(WithCriterion(new("", " ", 1, 5)));

        Assert.Equal(["is required."], errors["dimensions[0].criteria[1].key"]);
        Assert.Equal(["is required."], errors["dimensions[0].criteria[1].name"]);
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var template = new ScorecardTemplate("Bad Key", "", "", [new("", [new("x", "X", 0, 3)])]);

        var errors = Errors(template);

        Assert.Equal(
            ["dimensions[0].criteria[0].scaleMax", "dimensions[0].criteria[0].weight", "dimensions[0].name", "key", "name"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_MoreThanMaxCriteria_IsRefused()
    {
        var criteria = Enumerable.Range(1, TemplateRules.MaxCriteria + 1).Select(i => new Criterion($"c{i}", $"C{i}", 1, 5)).ToList();

        Assert.True(Errors(Small() with { Dimensions = [new("All", criteria)] }).ContainsKey("dimensions"));
    }

    // ---- weights are relative and normalized ----

    [Fact]
    public void NormalizedWeight_DividesByTheSumOfWeights()
    {
        var template = Small();

        Assert.Equal(5m, TemplateRules.TotalWeight(template));
        Assert.Equal(0.6m, TemplateRules.NormalizedWeight(template, "a1"));
        Assert.Equal(0.2m, TemplateRules.NormalizedWeight(template, "A2"));
        Assert.Equal(0.2m, TemplateRules.NormalizedWeight(template, template.Dimensions[1].Criteria[0]));
        Assert.Equal(0.8m, TemplateRules.NormalizedWeight(template, template.Dimensions[0]));
    }

    [Fact]
    public void NormalizedWeight_ScaledWeightsGiveTheSameShares()
    {
        // 60 / 20 / 20 means exactly what 3 / 1 / 1 means.
        var scaled = new ScorecardTemplate("small", "Small", "", [
            new("A", [new("a1", "A one", 60, 5), new("a2", "A two", 20, 10)]),
            new("B", [new("b1", "B one", 20, 5)]),
        ]);

        Assert.Equal(TemplateRules.CriterionShares(Small()), TemplateRules.CriterionShares(scaled));
    }

    [Fact]
    public void NormalizedWeight_UnknownKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => TemplateRules.NormalizedWeight(Small(), "nope"));
    }

    [Fact]
    public void CriterionShares_GivesExactShareAndPercent()
    {
        var shares = TemplateRules.CriterionShares(Small());

        Assert.Equal([new("a1", 0.6m, 60m), new("a2", 0.2m, 20m), new("b1", 0.2m, 20m)], shares);
    }

    [Fact]
    public void DimensionShares_SumTheirCriteria()
    {
        Assert.Equal([new("A", 0.8m, 80m), new("B", 0.2m, 20m)], TemplateRules.DimensionShares(Small()));
    }

    [Fact]
    public void CriterionShares_ThreeEqualWeights_DisplayPercentsAddUpTo100()
    {
        // 100 / 3 = 33.33…; plain rounding would show 33.3 × 3 = 99.9. The largest remainder gives the first the extra 0.1.
        var template = new ScorecardTemplate("t", "T", "", [new("D", [new("x", "X", 1, 5), new("y", "Y", 1, 5), new("z", "Z", 1, 5)])]);

        var shares = TemplateRules.CriterionShares(template);

        Assert.Equal([33.4m, 33.3m, 33.3m], shares.Select(s => s.Percent));
        Assert.Equal(100m, shares.Sum(s => s.Percent));
        Assert.Equal(1m / 3m, shares[0].Share);
    }

    [Fact]
    public void CriterionShares_LargestRemainderGoesToTheLargestFraction()
    {
        // Weights 1 / 2 / 4 (sum 7): 14.2857…, 28.5714…, 57.1428… → floors 14, 28, 57 = 99; the largest fraction (.5714) gets the 1.
        var template = new ScorecardTemplate("t", "T", "", [new("D", [new("x", "X", 1, 5), new("y", "Y", 2, 5), new("z", "Z", 4, 5)])]);

        Assert.Equal([14m, 29m, 57m], TemplateRules.CriterionShares(template, decimals: 0).Select(s => s.Percent));
    }

    [Fact]
    public void CriterionShares_EveryBuiltInAddsUpTo100()
    {
        foreach (var template in BuiltInTemplates.All)
        {
            Assert.Equal(100m, TemplateRules.CriterionShares(template).Sum(s => s.Percent));
            Assert.Equal(100m, TemplateRules.DimensionShares(template).Sum(s => s.Percent));
        }
    }
}
