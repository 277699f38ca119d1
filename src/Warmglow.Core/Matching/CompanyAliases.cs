using Warmglow.Core.Validation;

namespace Warmglow.Core.Matching;

/// <summary>
/// Alias groups: the several web domains of one company (acme.com, acme.de, acme-group.eu) under one canonical key, the
/// first domain of the group. A domain belongs to at most one group; a domain in no group is its own key. Registrations
/// and our CRM accounts store the key of their domain (<see cref="GroupKey"/>) in an indexed column, so a registration on
/// any domain of a group finds the others with one equality lookup.
/// </summary>
public static class CompanyAliases
{
    public const int MaxDomains = 20, MaxName = 200;

    /// <summary>
    /// The group's company name and its domains as matching keys (registrable, deduplicated, in the order given; the first
    /// is the canonical key), or errors under "name" and "domains": a group needs a name and at least two company domains;
    /// free-mail, generic and unreadable domains are refused by name.
    /// </summary>
    public static (string Name, IReadOnlyList<string> Domains)? Validate(string? name, IEnumerable<string?>? domains, FieldErrors errors)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add("name", "is required: the company the domains belong to.");
        else if (trimmed.Length > MaxName) errors.Add("name", $"must be at most {MaxName} characters.");
        var keys = new List<string>();
        foreach (var raw in domains ?? [])
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var d = Domains.Registrable(raw);
            if (d is null) { errors.Add("domains", $"\"{raw.Trim()}\" is not a web domain (for example acme.de)."); continue; }
            if (Domains.CompanyDomain(raw) is null) { errors.Add("domains", $"\"{d}\" is a free-mail or shared domain; it never identifies one company."); continue; }
            if (!keys.Contains(d, StringComparer.Ordinal)) keys.Add(d);
        }
        if (keys.Count > MaxDomains) errors.Add("domains", $"must be at most {MaxDomains} domains.");
        else if (errors.IsEmpty && keys.Count < 2) errors.Add("domains", "need at least two different company domains (the main one first, then its aliases).");
        return errors.IsEmpty ? (trimmed!, keys) : null;
    }

    /// <summary>The key stored for <paramref name="domain"/>: its group's canonical domain when it is in one, else the domain itself.</summary>
    public static string? GroupKey(string? domain, IReadOnlyDictionary<string, string> groupOfDomain) =>
        domain is null ? null : groupOfDomain.TryGetValue(domain, out var key) ? key : domain;
}
