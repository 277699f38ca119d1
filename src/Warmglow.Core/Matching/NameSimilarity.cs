namespace Warmglow.Core.Matching;

/// <summary>
/// Fuzzy company-name comparison for soft flags: Jaro-Winkler between the tokens of the normalized names
/// (<see cref="CompanyNames.Normalize"/>: case, accents and legal forms already folded). Compared only within a
/// block (<see cref="BlockKey"/>, stored indexed beside the name key), so the database hands over a few candidates, never all.
/// </summary>
public static class NameSimilarity
{
    /// <summary>The score at or above which two names in one block are flagged for a reviewer.</summary>
    public const double DefaultThreshold = 0.9;

    public const int MaxBlockLength = 60;

    /// <summary>The block of a normalized name: its first token ("northwind traders" → "northwind"), "" for none.</summary>
    public static string BlockKey(string? nameKey)
    {
        if (string.IsNullOrWhiteSpace(nameKey)) return "";
        var first = nameKey.Trim().Split(' ', 2)[0];
        return first.Length > MaxBlockLength ? first[..MaxBlockLength] : first;
    }

    /// <summary>How many letters of the second word make the second block.</summary>
    public const int SecondBlockLength = 3;

    /// <summary>
    /// The second block of a normalized name: the first <see cref="SecondBlockLength"/> letters of its second token
    /// ("nortwhind traders" → "tra"), "" for a one-word name. Candidates come from either block, so a typo in the first
    /// word (which moves the name to another first block) is still compared with its twin when the second word starts alike.
    /// </summary>
    public static string SecondBlockKey(string? nameKey)
    {
        if (string.IsNullOrWhiteSpace(nameKey)) return "";
        var tokens = nameKey.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length < 2) return "";
        var second = tokens[1].Split(' ', 2)[0];
        return second.Length > SecondBlockLength ? second[..SecondBlockLength] : second;
    }

    /// <summary>
    /// How alike two normalized names are, 0 to 1 (1: the same), by tokens: each token of one name is paired with its most
    /// similar token of the other (Jaro-Winkler), weighted by its length, in both directions, and the lower direction counts.
    /// So token order does not matter ("traders northwind" = "northwind traders"), a typo costs little, and a shared first
    /// word does not carry two different companies ("northwind traders" / "northwind foods" score well below 0.9), nor does
    /// a missing word ("northwind" / "northwind traders"). Rounded down to two decimals; blank names score 0.
    /// </summary>
    public static double Score(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return 0;
        if (a == b) return 1;
        var ta = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tb = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var score = Math.Min(Directed(ta, tb), Directed(tb, ta));
        return Math.Round(score, 2, MidpointRounding.ToZero);
    }

    static double Directed(string[] from, string[] to)
    {
        double total = 0, weight = 0;
        foreach (var t in from)
        {
            var best = 0.0;
            foreach (var u in to) best = Math.Max(best, t == u ? 1 : JaroWinkler(t, u));
            total += best * t.Length;
            weight += t.Length;
        }
        return weight == 0 ? 0 : total / weight;
    }

    /// <summary>The Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4 characters).</summary>
    public static double JaroWinkler(string a, string b)
    {
        var jaro = Jaro(a, b);
        var prefix = 0;
        for (var i = 0; i < Math.Min(4, Math.Min(a.Length, b.Length)) && a[i] == b[i]; i++) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    public static double Jaro(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        if (a.Length == 0 || b.Length == 0) return 0;
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (bMatched[j] || a[i] != b[j]) continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!aMatched[i]) continue;
            while (!bMatched[j]) j++;
            if (a[i] != b[j]) transpositions++;
            j++;
        }
        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
    }
}
