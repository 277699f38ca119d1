namespace Warmglow.Core.Matching;

/// <summary>
/// What identifies a company for matching: its company domain (registrable, never free mail or generic), alias domains,
/// the normalized name and the country code. Store <see cref="Domain"/> and <see cref="NameKey"/> as indexed columns to
/// match in the database with the same rules as <see cref="AccountMatcher"/>.
/// </summary>
public sealed record AccountKey(string? Domain, string NameKey, string? Country)
{
    /// <summary>Other domains of the same company (acme.de beside acme.com); matched like <see cref="Domain"/>.</summary>
    public IReadOnlyList<string> AliasDomains { get; init; } = [];

    public static AccountKey From(string? name, string? websiteOrEmail, string? country, IEnumerable<string?>? aliasDomains = null)
    {
        var domain = Domains.CompanyDomain(websiteOrEmail);
        var aliases = (aliasDomains ?? []).Select(Domains.CompanyDomain).OfType<string>()
            .Where(a => a != domain).Distinct(StringComparer.Ordinal).ToList();
        return new AccountKey(domain, CompanyNames.Normalize(name), Countries.Normalize(country)) { AliasDomains = aliases };
    }

    public IEnumerable<string> AllDomains => Domain is null ? AliasDomains : AliasDomains.Prepend(Domain);
}

public enum MatchStrength
{
    None = 0,
    /// <summary>Same normalized name in the same country, with at least one side lacking a domain: a weaker match to confirm.</summary>
    NameAndCountry = 1,
    /// <summary>The same company domain (or alias): a strong match.</summary>
    Domain = 2,
}

/// <summary>Whether two records are the same company, and why, in words a reviewer reads.</summary>
public sealed record MatchResult(MatchStrength Strength, string Explanation)
{
    public static readonly MatchResult NoMatch = new(MatchStrength.None, "Not the same company.");
    public bool IsMatch => Strength != MatchStrength.None;
    public bool IsWeak => Strength == MatchStrength.NameAndCountry;
}

/// <summary>
/// The one matching rule set, shared by deal registration (conflicts) and account mapping (overlaps). Domain first; name
/// plus country only where a domain is missing. False positives are worse than false negatives: two different company
/// domains never match by name, free-mail and generic domains never match, and a name match needs a country on both sides.
/// </summary>
public static class AccountMatcher
{
    public static MatchResult Match(AccountKey a, AccountKey b)
    {
        if (a.Domain is not null && b.Domain is not null || a.AliasDomains.Count > 0 && b.Domain is not null || b.AliasDomains.Count > 0 && a.Domain is not null)
        {
            var shared = a.AllDomains.Intersect(b.AllDomains, StringComparer.Ordinal).FirstOrDefault();
            if (shared is null) return MatchResult.NoMatch;
            var alias = shared != a.Domain || shared != b.Domain;
            return new MatchResult(MatchStrength.Domain, alias
                ? $"Same web domain {shared} (one side lists it as another domain of the company)."
                : $"Same web domain {shared}.");
        }
        if (a.NameKey.Length > 0 && a.NameKey == b.NameKey && a.Country is not null && a.Country == b.Country)
            return new MatchResult(MatchStrength.NameAndCountry,
                $"Same company name \"{a.NameKey}\" in the same country ({a.Country}); no web domain to compare, so check it.");
        return MatchResult.NoMatch;
    }

    /// <summary>The candidates that match <paramref name="probe"/>, strongest first (stable within a strength).</summary>
    public static IReadOnlyList<(T Item, MatchResult Result)> FindMatches<T>(AccountKey probe, IEnumerable<(T Item, AccountKey Key)> candidates) =>
        candidates.Select(c => (c.Item, Result: Match(probe, c.Key)))
            .Where(m => m.Result.IsMatch)
            .OrderByDescending(m => m.Result.Strength)
            .ToList();
}
