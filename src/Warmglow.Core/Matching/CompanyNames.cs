using System.Globalization;
using System.Text;

namespace Warmglow.Core.Matching;

/// <summary>Company names as matching keys: case, accents and punctuation folded, legal forms and a leading "the" removed.</summary>
public static class CompanyNames
{
    /// <summary>
    /// "The ACME Holdings, Inc." → "acme holdings"; "Société Générale S.A." → "societe generale"; "Müller & Söhne GmbH" →
    /// "muller and sohne". A name that is nothing but a legal form keeps it ("Limited" → "limited"); blank → "".
    /// </summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var folded = Fold(name);
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count > 1 && tokens[0] == "the") tokens.RemoveAt(0);
        while (tokens.Count > 1 && LegalForms.Contains(tokens[^1])) tokens.RemoveAt(tokens.Count - 1);
        return string.Join(' ', tokens);
    }

    /// <summary>Lower case, compatibility-decomposed without accents, "&amp;" as "and", dots joined ("S.A." → "sa"), other punctuation as spaces.</summary>
    static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (c == '.' || c == '\'' || c == '’' || c == '/') continue; // "S.A." → "sa", "A/S" → "as"
            if (c == '&' || c == '+') { sb.Append(" and "); continue; }
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else sb.Append(' ');
        }
        return sb.Replace("ß", "ss").Replace("æ", "ae").Replace("œ", "oe").Replace("ø", "o").Replace("ł", "l").Replace("đ", "d").ToString();
    }

    static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "lp", "plc", "pllc",
        "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "sa", "sas", "sasu", "sarl", "srl", "spa", "sl", "slu", "sae",
        "bv", "nv", "vof", "cv", "oy", "oyj", "ab", "as", "asa", "aps", "pty", "pvt", "private", "kk", "se", "sca",
        "holding", "holdings", "group", "intl", "international", "ltda", "eireli", "bhd", "sdn", "tbk", "pte", "doo", "zrt",
        "kft", "sro", "spzoo", "zoo", "sp", "ooo", "oao", "zao", "pjsc", "jsc",
    };
}

/// <summary>Countries as matching keys: ISO 3166 alpha-2 codes from codes or common names; anything else folded as typed.</summary>
public static class Countries
{
    /// <summary>"us", "USA", "United States" → "US"; "Deutschland" → "DE"; blank → null; an unknown name → its folded form.</summary>
    public static string? Normalize(string? country)
    {
        if (string.IsNullOrWhiteSpace(country)) return null;
        var key = Fold(country);
        if (key.Length == 2 && key.All(char.IsAsciiLetter)) return key.ToUpperInvariant() == "UK" ? "GB" : key.ToUpperInvariant();
        return Names.TryGetValue(key, out var code) ? code : key;
    }

    static string Fold(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '.') continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["usa"] = "US", ["united states"] = "US", ["united states of america"] = "US", ["america"] = "US",
        ["united kingdom"] = "GB", ["great britain"] = "GB", ["england"] = "GB", ["scotland"] = "GB", ["wales"] = "GB",
        ["germany"] = "DE", ["deutschland"] = "DE", ["france"] = "FR", ["spain"] = "ES", ["espana"] = "ES", ["italy"] = "IT",
        ["italia"] = "IT", ["netherlands"] = "NL", ["the netherlands"] = "NL", ["holland"] = "NL", ["nederland"] = "NL",
        ["belgium"] = "BE", ["switzerland"] = "CH", ["schweiz"] = "CH", ["suisse"] = "CH", ["austria"] = "AT",
        ["osterreich"] = "AT", ["sweden"] = "SE", ["sverige"] = "SE", ["norway"] = "NO", ["norge"] = "NO", ["denmark"] = "DK",
        ["danmark"] = "DK", ["finland"] = "FI", ["suomi"] = "FI", ["ireland"] = "IE", ["portugal"] = "PT", ["poland"] = "PL",
        ["polska"] = "PL", ["czech republic"] = "CZ", ["czechia"] = "CZ", ["canada"] = "CA", ["mexico"] = "MX",
        ["brazil"] = "BR", ["brasil"] = "BR", ["argentina"] = "AR", ["chile"] = "CL", ["colombia"] = "CO", ["japan"] = "JP",
        ["china"] = "CN", ["india"] = "IN", ["australia"] = "AU", ["new zealand"] = "NZ", ["singapore"] = "SG",
        ["south korea"] = "KR", ["korea"] = "KR", ["republic of korea"] = "KR", ["israel"] = "IL", ["south africa"] = "ZA",
        ["united arab emirates"] = "AE", ["uae"] = "AE", ["saudi arabia"] = "SA", ["turkey"] = "TR", ["turkiye"] = "TR",
        ["greece"] = "GR", ["hungary"] = "HU", ["romania"] = "RO", ["ukraine"] = "UA", ["hong kong"] = "HK",
        ["taiwan"] = "TW", ["indonesia"] = "ID", ["malaysia"] = "MY", ["philippines"] = "PH", ["thailand"] = "TH",
        ["vietnam"] = "VN", ["viet nam"] = "VN", ["egypt"] = "EG", ["nigeria"] = "NG", ["kenya"] = "KE", ["luxembourg"] = "LU",
        ["estonia"] = "EE", ["latvia"] = "LV", ["lithuania"] = "LT", ["iceland"] = "IS",
    };
}
