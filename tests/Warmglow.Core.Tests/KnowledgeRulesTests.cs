using Warmglow.Core.Knowledge;
using Warmglow.Core.Portfolio;

namespace Warmglow.Core.Tests;

public class KnowledgeRulesTests
{
    [Fact]
    public void Tags_AreTrimmedLowercasedCollapsedAndDeduplicated_InFirstSeenOrder()
    {
        var (tags, errors) = KnowledgeRules.NormalizeTags(" Onboarding, Co   Selling ;ONBOARDING,, ,welcome kit\n");
        Assert.Empty(errors);
        Assert.Equal(["onboarding", "co selling", "welcome kit"], tags);
        Assert.Equal("|onboarding|co selling|welcome kit|", KnowledgeRules.Store(tags));
        Assert.Equal(tags, KnowledgeRules.Read(KnowledgeRules.Store(tags)));
        Assert.Empty(KnowledgeRules.NormalizeTags(null).Tags);
        Assert.Equal("", KnowledgeRules.Store([]));
    }

    [Fact]
    public void Tags_TooManyTooLongOrWithABar_AreErrors()
    {
        Assert.Contains(KnowledgeRules.NormalizeTags(string.Join(',', Enumerable.Range(1, 11).Select(i => $"t{i}"))).Errors, e => e.Contains("at most 10"));
        Assert.Single(KnowledgeRules.NormalizeTags(new string('a', 41)).Errors);
        Assert.Single(KnowledgeRules.NormalizeTags("a|b").Errors);
    }

    [Theory]
    [InlineData("https://example.com/x", true)]
    [InlineData("HTTP://example.com", true)]
    [InlineData("mailto:ann@example.com", true)]
    [InlineData("/Knowledge/Article/3", true)]
    [InlineData("#section", true)]
    [InlineData("relative/page?a=b:c", true)]
    [InlineData("//cdn.example.com/a.png", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JaVaScRiPt:alert(1)", false)]
    [InlineData(" java\tscript:alert(1)", false)]
    [InlineData("javascript&#58;alert(1)", false)]
    [InlineData("javascript%3Aalert(1)", false)]
    [InlineData("vbscript:msgbox(1)", false)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("", false)]
    public void OnlyWebMailAndRelativeAddresses_AreSafe(string url, bool safe) => Assert.Equal(safe, KnowledgeRules.IsSafeUrl(url));

    [Fact]
    public void TierMask_RoundTrips_AndZeroAdmitsEveryTier()
    {
        var mask = KnowledgeRules.TierMask([Tier.Strategic, Tier.Emerging]);
        Assert.Equal([Tier.Strategic, Tier.Emerging], KnowledgeRules.Tiers(mask));
        Assert.Equal(0, KnowledgeRules.TierMask(null));
        Assert.True(KnowledgeRules.TierAllows(0, 0));
        Assert.True(KnowledgeRules.TierAllows(mask, KnowledgeRules.TierMask([Tier.Emerging, Tier.Growth])));
        Assert.False(KnowledgeRules.TierAllows(mask, KnowledgeRules.TierMask([Tier.Growth])));
        Assert.False(KnowledgeRules.TierAllows(mask, 0));
    }
}
