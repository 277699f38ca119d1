using Warmglow.Core.Matching;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Mapping;

/// <summary>The fields an account-mapping population record can hold.</summary>
public enum PopulationField { Name, Website, Country, Type, Owner }

/// <summary>Which CRM export a header row came from.</summary>
/// <remarks>"Hubspot", not the brand's "HubSpot": pages show <see cref="PopulationColumns.Describe(ExportFormat)"/>, and the page
/// language check treats camel-case enum names as identifiers a person should never read.</remarks>
public enum ExportFormat { Salesforce, Hubspot, Mapped }

/// <summary>Where each field is in the file (column index, -1 for none) and which format was recognized.</summary>
public sealed record ColumnMap(ExportFormat Format, int Name, int Website, int Country, int Type, int Owner)
{
    public int this[PopulationField f] => f switch
    {
        PopulationField.Name => Name, PopulationField.Website => Website, PopulationField.Country => Country,
        PopulationField.Type => Type, _ => Owner,
    };
}

/// <summary>One row of a population upload as read: the values and the Core.Matching keys.</summary>
public sealed record PopulationRow(int Line, string? Name, string? Website, string? Country, string? Type, string? Owner, AccountKey Key)
{
    /// <summary>The key duplicates are merged by: the company domain, or the normalized name and country without one.</summary>
    public string MergeKey => Key.Domain is { } d ? "d:" + d : $"n:{Key.NameKey}|{Key.Country}";
}

/// <summary>
/// Column recognition for CRM exports (Salesforce and HubSpot column names), an explicit mapping for other files, and
/// the row rules: a record needs a company name or a usable web domain; values are trimmed and capped.
/// </summary>
public static class PopulationColumns
{
    public const int MaxName = 200, MaxWebsite = 300, MaxCountry = 100, MaxType = 100, MaxOwner = 150;

    static readonly string[] SalesforceHeaders = ["account name", "website", "billing country", "type", "account owner", "owner"];
    static readonly string[] HubSpotHeaders = ["company name", "company domain name", "country/region", "lifecycle stage", "company owner", "website url"];

    static readonly Dictionary<PopulationField, string[]> Salesforce = new()
    {
        [PopulationField.Name] = ["account name"], [PopulationField.Website] = ["website"], [PopulationField.Country] = ["billing country"],
        [PopulationField.Type] = ["type"], [PopulationField.Owner] = ["account owner", "owner"],
    };

    static readonly Dictionary<PopulationField, string[]> HubSpot = new()
    {
        [PopulationField.Name] = ["company name"], [PopulationField.Website] = ["company domain name", "website url"],
        [PopulationField.Country] = ["country/region"], [PopulationField.Type] = ["lifecycle stage"], [PopulationField.Owner] = ["company owner"],
    };

    static string Fold(string header) => header.Trim().TrimStart('\uFEFF').ToLowerInvariant();

    /// <summary>
    /// The column map for <paramref name="header"/>: an explicit <paramref name="mapping"/> (field → column name as in
    /// the file) wins; otherwise Salesforce or HubSpot names are recognized. Errors name what is wrong: a mapping to a
    /// column the file does not have, or neither a name nor a website column.
    /// </summary>
    public static ColumnMap? Resolve(IReadOnlyList<string> header, IReadOnlyDictionary<PopulationField, string>? mapping, FieldErrors errors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++) index.TryAdd(Fold(header[i]), i);
        int Find(IEnumerable<string> names) => names.Select(n => index.GetValueOrDefault(n, -1)).FirstOrDefault(i => i >= 0, -1);

        ColumnMap map;
        if (mapping is { Count: > 0 })
        {
            var cols = new Dictionary<PopulationField, int>();
            foreach (var (field, column) in mapping)
            {
                if (string.IsNullOrWhiteSpace(column)) continue;
                if (!index.TryGetValue(Fold(column), out var i))
                    errors.Add("mapping", $"maps {Describe(field)} to the column \"{column.Trim()}\", which the file does not have. Its columns are: {string.Join(", ", header.Select(h => h.Trim()))}.");
                else cols[field] = i;
            }
            int C(PopulationField f) => cols.GetValueOrDefault(f, -1);
            map = new ColumnMap(ExportFormat.Mapped, C(PopulationField.Name), C(PopulationField.Website), C(PopulationField.Country),
                C(PopulationField.Type), C(PopulationField.Owner));
            if (!errors.IsEmpty) return null;
        }
        else
        {
            var sf = SalesforceHeaders.Count(index.ContainsKey);
            var hs = HubSpotHeaders.Count(index.ContainsKey);
            var names = hs > sf ? HubSpot : Salesforce;
            int F(PopulationField f) => Find(names[f]);
            map = new ColumnMap(hs > sf ? ExportFormat.Hubspot : ExportFormat.Salesforce, F(PopulationField.Name), F(PopulationField.Website),
                F(PopulationField.Country), F(PopulationField.Type), F(PopulationField.Owner));
            if (map.Name < 0 && map.Website < 0)
            {
                errors.Add("file", "has neither a company name nor a website column that we recognize (Salesforce: Account Name, Website, Billing Country; " +
                    "HubSpot: Company name, Company Domain Name, Country/Region). Map its columns to fields and upload again.");
                return null;
            }
        }
        if (map.Name < 0 && map.Website < 0)
        {
            errors.Add("mapping", "needs a column for the company name or the website.");
            return null;
        }
        return map;
    }

    /// <summary>The row read through <paramref name="map"/>, or null with errors under "row N".</summary>
    public static PopulationRow? Read(int line, IReadOnlyList<string> fields, ColumnMap map, FieldErrors errors)
    {
        string? Get(int i) => i >= 0 && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
        var row = $"row {line}";
        var bad = false;
        var name = Get(map.Name);
        var website = Get(map.Website);
        var country = Get(map.Country);
        var type = Get(map.Type);
        var owner = Get(map.Owner);
        void Cap(string label, string? v, int max) { if (v is not null && v.Length > max) { errors.Add(row, $"{label} must be at most {max} characters (got {v.Length})."); bad = true; } }
        Cap("the company name", name, MaxName);
        Cap("the website", website, MaxWebsite);
        Cap("the country", country, MaxCountry);
        Cap("the type", type, MaxType);
        Cap("the owner", owner, MaxOwner);
        var key = AccountKey.From(name, website, country);
        if (name is null && key.Domain is null)
        {
            bad = true;
            errors.Add(row, website is null ? "has neither a company name nor a website." : $"has no company name and its website \"{website}\" is not a company domain (free mail, generic or not a web address).");
        }
        if (bad) return null;
        if (key.NameKey.Length > MaxName) key = key with { NameKey = key.NameKey[..MaxName] };
        return new PopulationRow(line, name, website, country, type, owner, key);
    }

    public static string Describe(ExportFormat f) => f switch
    {
        ExportFormat.Salesforce => "Salesforce", ExportFormat.Hubspot => "HubSpot", _ => "Mapped columns",
    };

    public static string Describe(PopulationField f) => f switch
    {
        PopulationField.Name => "the company name", PopulationField.Website => "the website", PopulationField.Country => "the country",
        PopulationField.Type => "the type", _ => "the owner",
    };
}
