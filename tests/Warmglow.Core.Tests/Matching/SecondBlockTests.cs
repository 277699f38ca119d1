using Warmglow.Core.Matching;

namespace Warmglow.Core.Tests.Matching;

/// <summary>The second name block: a typo in the first word used to put a name in another block, so it was never compared.</summary>
public class SecondBlockTests
{
    [Theory]
    [InlineData("Northwind Traders GmbH", "Nortwhind Traders")]     // transposed letters in the first word
    [InlineData("Contoso Pharmaceuticals", "Kontoso Pharmaceuticals")]  // the first letter itself
    [InlineData("Müller Maschinenbau GmbH", "Miller Maschinenbau")]
    public void ATypoInTheFirstWord_MissesTheFirstBlock_MeetsInTheSecond_AndScoresAtTheThreshold(string a, string b)
    {
        var (ka, kb) = (CompanyNames.Normalize(a), CompanyNames.Normalize(b));
        Assert.NotEqual(NameSimilarity.BlockKey(ka), NameSimilarity.BlockKey(kb));     // the miss this fixes
        Assert.Equal(NameSimilarity.SecondBlockKey(ka), NameSimilarity.SecondBlockKey(kb));
        Assert.NotEqual("", NameSimilarity.SecondBlockKey(ka));
        Assert.True(NameSimilarity.Score(ka, kb) >= NameSimilarity.DefaultThreshold, $"{a} / {b}: {NameSimilarity.Score(ka, kb)}");
    }

    [Theory]
    [InlineData("northwind traders", "tra")]
    [InlineData("acme co", "co")]
    [InlineData("acme  x  y", "x")]
    [InlineData("fabrikam", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void TheSecondBlock_IsTheSecondWordsFirstThreeLetters(string? nameKey, string expected) =>
        Assert.Equal(expected, NameSimilarity.SecondBlockKey(nameKey));

    [Fact]
    public void TheSecondBlock_StaysWithinTheColumnsLength() =>
        Assert.True(NameSimilarity.SecondBlockKey("a " + new string('b', 500)).Length <= NameSimilarity.SecondBlockLength);
}
