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

    /// <summary>
    /// The alias group <see cref="Domain"/> belongs to (<see cref="CompanyAliases.GroupKey"/>: the group's canonical domain),
    /// or null when it is in none or the caller does not use the alias list. Two keys of one group match as aliases.
    /// </summary>
    public string? Group { get; init; }

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
    /// <summary>For a fuzzy name match, the name score (0.9–1); null for domain and exact-name matches.</summary>
    public double? NameScore { get; init; }
    /// <summary>Matched through the alias list: two different domains of one company.</summary>
    public bool ViaAlias { get; init; }

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
            if (shared is null && a.Domain is not null && b.Domain is not null && a.Group is not null && a.Group == b.Group)
                return new MatchResult(MatchStrength.Domain,
                    $"Web domain {a.Domain} is an alias of {b.Domain}: the alias list has both as domains of one company.") { ViaAlias = true };
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

    /// <summary>
    /// Deal registration's rule: <see cref="Match"/> (domains, aliases, exact name and country), and otherwise a soft flag
    /// when the names score at least <paramref name="threshold"/> in the same country (<see cref="NameSimilarity.Score"/>),
    /// even with two different domains: a reviewer checks it (and may add the domains to the alias list). Account mapping
    /// keeps the stricter <see cref="Match"/>.
    /// </summary>
    public static MatchResult MatchForConflicts(AccountKey a, AccountKey b, double threshold = NameSimilarity.DefaultThreshold)
    {
        var exact = Match(a, b);
        if (exact.IsMatch || a.Country is null || a.Country != b.Country) return exact;
        var score = NameSimilarity.Score(a.NameKey, b.NameKey);
        if (score < threshold) return exact;
        var shown = score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var domains = a.Domain is not null && b.Domain is not null
            ? $" The web domains differ ({a.Domain}, {b.Domain}): if they are one company, add them to the alias list."
            : "";
        return new MatchResult(MatchStrength.NameAndCountry,
            $"Similar company names \"{a.NameKey}\" and \"{b.NameKey}\" in the same country ({a.Country}): name score {shown}.{domains} Check it.")
            { NameScore = score };
    }

    /// <summary>The candidates that match <paramref name="probe"/>, strongest first (stable within a strength).</summary>
    public static IReadOnlyList<(T Item, MatchResult Result)> FindMatches<T>(AccountKey probe, IEnumerable<(T Item, AccountKey Key)> candidates) =>
        candidates.Select(c => (c.Item, Result: Match(probe, c.Key)))
            .Where(m => m.Result.IsMatch)
            .OrderByDescending(m => m.Result.Strength)
            .ToList();
}
