using Warmglow.Core.Matching;

namespace Warmglow.Core.Tests.Matching;

public class DomainsTests
{
    [Theory]
    [InlineData("https://www.Acme.co.uk/about", "acme.co.uk")]
    [InlineData("acme.com", "acme.com")]
    [InlineData("ACME.COM.", "acme.com")]
    [InlineData("http://shop.eu.acme.com:8080/x?y#z", "acme.com")]
    [InlineData("bob@sales.acme.com", "acme.com")]
    [InlineData("mailto:Bob <bob@acme.de", "acme.de")]
    [InlineData("https://user:pw@portal.acme.com.au/", "acme.com.au")]
    [InlineData("acme.github.io", "acme.github.io")]          // private section: each github.io site is its own
    [InlineData("foo.bar.ck", "foo.bar.ck")]                   // wildcard rule *.ck
    [InlineData("www.ck", "www.ck")]                           // exception rule !www.ck
    [InlineData("münchen-gmbh.de", "xn--mnchen-gmbh-thb.de")]  // IDN in punycode
    [InlineData("shop.acme.example", "acme.example")]          // not on the list: the implicit "*" rule
    public void Registrable_FindsTheRegistrableDomain(string input, string expected) =>
        Assert.Equal(expected, Domains.Registrable(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("co.uk")]
    [InlineData("localhost")]
    [InlineData("192.168.1.10")]
    [InlineData("http://[::1]/")]
    [InlineData("not a domain")]
    [InlineData("acme..com")]
    public void Registrable_IsNullForNothingUsable(string? input) => Assert.Null(Domains.Registrable(input));

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("yahoo.co.uk")]
    [InlineData("hotmail.fr")]
    [InlineData("gmx.de")]
    [InlineData("web.de")]
    [InlineData("icloud.com")]
    public void FreeMail_IsRecognized(string domain) => Assert.True(Domains.IsFreeMail(domain));

    [Fact]
    public void CompanyDomain_DropsFreeMailAndGenericDomains()
    {
        Assert.Null(Domains.CompanyDomain("jane.doe@gmail.com"));
        Assert.Null(Domains.CompanyDomain("https://www.linkedin.com/company/acme"));
        Assert.Null(Domains.CompanyDomain("https://example.com"));
        Assert.Equal("acme.com", Domains.CompanyDomain("jane@acme.com"));
        Assert.False(Domains.IsFreeMail("acme.com"));
    }
}

public class CompanyNamesTests
{
    [Theory]
    [InlineData("The ACME Holdings, Inc.", "acme")]
    [InlineData("Acme Inc", "acme")]
    [InlineData("ACME, L.L.C.", "acme")]
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("Müller & Söhne GmbH", "muller and sohne")]
    [InlineData("Straße Software AG", "strasse software")]
    [InlineData("Ørsted A/S", "orsted")]
    [InlineData("Acme Pty Ltd", "acme")]
    [InlineData("  acme   analytics  ", "acme analytics")]
    [InlineData("Limited", "limited")]
    [InlineData("The", "the")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_FoldsCaseAccentsPunctuationAndLegalForms(string? input, string expected) =>
        Assert.Equal(expected, CompanyNames.Normalize(input));

    [Theory]
    [InlineData("us", "US")]
    [InlineData("USA", "US")]
    [InlineData("United States", "US")]
    [InlineData("U.S.A.", "US")]
    [InlineData("uk", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Österreich", "AT")]
    [InlineData("Atlantis", "atlantis")]
    [InlineData(" ", null)]
    public void Countries_NormalizeToCodes(string input, string? expected) => Assert.Equal(expected, Countries.Normalize(input));
}

public class AccountMatcherTests
{
    [Fact]
    public void SameDomain_IsAStrongMatch_WhateverTheNames()
    {
        var r = AccountMatcher.Match(AccountKey.From("Acme Ltd", "https://www.acme.co.uk", "UK"),
            AccountKey.From("ACME Group (EMEA)", "sales@acme.co.uk", null));
        Assert.Equal(MatchStrength.Domain, r.Strength);
        Assert.Contains("acme.co.uk", r.Explanation);
    }

    [Fact]
    public void DifferentDomains_NeverMatchByName()
    {
        var r = AccountMatcher.Match(AccountKey.From("Acme", "acme.com", "US"), AccountKey.From("Acme", "acme-tools.com", "US"));
        Assert.False(r.IsMatch);
    }

    [Fact]
    public void NameAndCountry_IsTheWeakFallback_OnlyWithoutADomain()
    {
        var r = AccountMatcher.Match(AccountKey.From("Acme, Inc.", null, "United States"), AccountKey.From("ACME", "acme.com", "US"));
        Assert.Equal(MatchStrength.NameAndCountry, r.Strength);
        Assert.True(r.IsWeak);
        Assert.Contains("check", r.Explanation);
    }

    [Fact]
    public void NameMatch_NeedsACountryOnBothSides_AndTheSameCountry()
    {
        Assert.False(AccountMatcher.Match(AccountKey.From("Acme", null, null), AccountKey.From("Acme", null, null)).IsMatch);
        Assert.False(AccountMatcher.Match(AccountKey.From("Acme", null, "DE"), AccountKey.From("Acme", null, "FR")).IsMatch);
        Assert.False(AccountMatcher.Match(AccountKey.From("", null, "DE"), AccountKey.From("", null, "DE")).IsMatch);
    }

    [Fact]
    public void FreeMail_NeverMatches()
    {
        var r = AccountMatcher.Match(AccountKey.From("Jane's shop", "jane@gmail.com", null), AccountKey.From("Bob's bikes", "bob@gmail.com", null));
        Assert.False(r.IsMatch);
    }

    [Fact]
    public void AliasDomains_Match_AndSaySo()
    {
        var a = AccountKey.From("Acme", "acme.com", "US", ["acme.de", "https://acme.fr"]);
        var r = AccountMatcher.Match(a, AccountKey.From("Acme Deutschland", "www.acme.de", "DE"));
        Assert.Equal(MatchStrength.Domain, r.Strength);
        Assert.Contains("acme.de", r.Explanation);
        Assert.Contains("another domain", r.Explanation);
    }

    [Fact]
    public void FindMatches_OrdersStrongestFirst()
    {
        var probe = AccountKey.From("Acme", "acme.com", "US");
        var matches = AccountMatcher.FindMatches(probe, new[]
        {
            ("weak", AccountKey.From("ACME Inc", null, "USA")),
            ("none", AccountKey.From("Other", "other.com", "US")),
            ("strong", AccountKey.From("Acme Corp", "https://acme.com/", null)),
        });
        Assert.Equal(["strong", "weak"], matches.Select(m => m.Item));
    }
}
