using Warmglow.Core.Matching;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Tests.Matching;

public class NameSimilarityTests
{
    static double Score(string a, string b) => NameSimilarity.Score(CompanyNames.Normalize(a), CompanyNames.Normalize(b));

    [Theory]
    [InlineData("Société Générale S.A.", "Societe Generale")]      // accents and a legal form
    [InlineData("Müller & Söhne GmbH", "MULLER AND SOHNE")]
    [InlineData("The Northwind Traders, Inc.", "Northwind Traders Ltd")]
    [InlineData("Traders Northwind", "Northwind Traders")]          // token order
    public void SameCompanyWrittenDifferently_ScoresOne(string a, string b) => Assert.Equal(1, Score(a, b));

    [Theory]
    [InlineData("Northwind Traders", "Northwind Trader")]
    [InlineData("Northwind Traders AG", "Northwnd Traders")]         // a typo
    [InlineData("Contoso Pharmaceuticals", "Contoso Pharmaceutical SA")]
    [InlineData("Müller Maschinenbau GmbH", "Mueller Maschinenbau")]
    public void NearSpellings_ScoreAtLeastTheThreshold(string a, string b) =>
        Assert.True(Score(a, b) >= NameSimilarity.DefaultThreshold, $"{a} / {b}: {Score(a, b)}");

    [Theory]
    [InlineData("Northwind Traders", "Northwind Foods")]
    [InlineData("Contoso Pharma", "Contoso Logistics")]
    [InlineData("Acme Analytics", "Acme Aerospace")]
    [InlineData("Fabrikam", "Tailspin Toys")]
    [InlineData("Northwind", "Northwind Traders")]                  // a missing word
    public void DifferentCompanies_ScoreBelowTheThreshold(string a, string b) =>
        Assert.True(Score(a, b) < NameSimilarity.DefaultThreshold, $"{a} / {b}: {Score(a, b)}");

    [Fact]
    public void Blanks_ScoreZero_AndJaroWinklerKnownValues()
    {
        Assert.Equal(0, NameSimilarity.Score("", "acme"));
        Assert.Equal(0, NameSimilarity.Score(null, null));
        Assert.Equal(0.961, NameSimilarity.JaroWinkler("martha", "marhta"), 3);
        Assert.Equal(0.840, NameSimilarity.JaroWinkler("dwayne", "duane"), 3);
        Assert.Equal(0.813, NameSimilarity.JaroWinkler("dixon", "dicksonx"), 3);
    }

    [Theory]
    [InlineData("northwind traders", "northwind")]
    [InlineData("acme", "acme")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void BlockKey_IsTheFirstToken(string? key, string expected) => Assert.Equal(expected, NameSimilarity.BlockKey(key));

    [Fact]
    public void MatchForConflicts_FlagsSimilarNamesSoftly_WithTheScore()
    {
        var a = AccountKey.From("Northwind Traders AG", null, "Germany");
        var b = AccountKey.From("Northwind Trader GmbH", "https://northwind-trader.de", "DE");
        Assert.False(AccountMatcher.Match(a, b).IsMatch);
        var m = AccountMatcher.MatchForConflicts(a, b);
        Assert.True(m.IsWeak);
        Assert.True(m.NameScore >= 0.9);
        Assert.Contains("name score 0.9", m.Explanation);
        // Another country, or a name below the threshold: nothing.
        Assert.False(AccountMatcher.MatchForConflicts(a, AccountKey.From("Northwind Trader", null, "FR")).IsMatch);
        Assert.False(AccountMatcher.MatchForConflicts(a, AccountKey.From("Northwind Foods", null, "DE")).IsMatch);
        // Different domains with a similar name: still only a soft flag, and it says the domains differ.
        var c = AccountMatcher.MatchForConflicts(AccountKey.From("Northwind Traders", "northwind-traders.com", "DE"), b);
        Assert.True(c.IsWeak);
        Assert.Contains("alias list", c.Explanation);
        // An exact domain match stays strong and unscored.
        var d = AccountMatcher.MatchForConflicts(AccountKey.From("X", "northwind-trader.de", "US"), b);
        Assert.Equal(MatchStrength.Domain, d.Strength);
        Assert.Null(d.NameScore);
    }
}

public class CompanyAliasesTests
{
    [Fact]
    public void Validate_NormalizesAndDeduplicates_FirstDomainIsTheKey()
    {
        var errors = new FieldErrors();
        var g = CompanyAliases.Validate(" Northwind ", ["https://www.northwind-traders.com/", "northwind.de", "NORTHWIND.DE", "shop.northwind.de", ""], errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal("Northwind", g!.Value.Name);
        Assert.Equal(["northwind-traders.com", "northwind.de"], g.Value.Domains);
    }

    [Fact]
    public void Validate_RefusesFreeMailUnreadableAndSingleDomains()
    {
        var errors = new FieldErrors();
        Assert.Null(CompanyAliases.Validate("", ["gmail.com", "not a domain", "acme.com"], errors));
        var d = errors.ToDictionary();
        Assert.Contains(d["domains"], m => m.Contains("gmail.com") && m.Contains("free-mail"));
        Assert.Contains(d["domains"], m => m.Contains("not a domain"));
        Assert.NotNull(d["name"]);
        errors = new FieldErrors();
        Assert.Null(CompanyAliases.Validate("Acme", ["acme.com", "www.acme.com"], errors));
        Assert.Contains("at least two", errors.ToDictionary()["domains"][0]);
    }

    [Fact]
    public void GroupKey_AndAliasMatch()
    {
        var groups = new Dictionary<string, string> { ["northwind.de"] = "northwind-traders.com", ["northwind-traders.com"] = "northwind-traders.com" };
        Assert.Equal("northwind-traders.com", CompanyAliases.GroupKey("northwind.de", groups));
        Assert.Equal("acme.com", CompanyAliases.GroupKey("acme.com", groups));
        Assert.Null(CompanyAliases.GroupKey(null, groups));

        var a = AccountKey.From("Northwind Handel", "northwind.de", "DE") with { Group = "northwind-traders.com" };
        var b = AccountKey.From("Northwind Traders", "northwind-traders.com", "DE") with { Group = "northwind-traders.com" };
        var m = AccountMatcher.Match(a, b);
        Assert.Equal(MatchStrength.Domain, m.Strength);
        Assert.True(m.ViaAlias);
        Assert.Contains("northwind.de is an alias of northwind-traders.com", m.Explanation);
        // Without the group, two different domains never match by name.
        Assert.False(AccountMatcher.Match(a with { Group = null }, b).IsMatch);
        Assert.False(AccountMatcher.Match(a with { Group = "other.com" }, b).IsMatch);
    }
}
