using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;

namespace Warmglow.Core.Text;

/// <summary>
/// What a person reads for an enum value: its <see cref="DisplayAttribute"/> name when it has one (the same one Razor's
/// select lists use), otherwise its words in sentence case ("VeryHigh" → "Very high"). Pages never print an enum raw.
/// </summary>
public static class Labels
{
    static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of(Enum value) => Cache.GetOrAdd(value, static v =>
    {
        var name = v.ToString();
        var field = v.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? Words(name);
    });

    /// <summary>"NeedsCheckIn" → "Needs check in"; "CoMarketing" → "Co marketing"; "Q4" stays "Q4".</summary>
    public static string Words(string identifier)
    {
        var sb = new StringBuilder(identifier.Length + 8);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            var boundary = i > 0 && char.IsUpper(c) && (char.IsLower(identifier[i - 1]) || i + 1 < identifier.Length && char.IsLower(identifier[i + 1]));
            if (boundary) sb.Append(' ');
            sb.Append(i == 0 ? c : boundary && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) ? char.ToLowerInvariant(c) : c);
        }
        return sb.ToString();
    }

    /// <summary>"1 entry", "2 entries", "3 matches", "0 partners": a count with its noun in the right number (English rules
    /// for regular nouns; nouns that break them say so with <paramref name="plural"/>).</summary>
    public static string Count(long count, string noun, string? plural = null) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? noun : plural ?? Plural(noun))}");

    public static string Plural(string noun)
    {
        if (noun.Length == 0) return noun;
        if (noun.EndsWith('y') && noun.Length > 1 && !"aeiou".Contains(noun[^2])) return noun[..^1] + "ies";
        if (noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith('z') || noun.EndsWith("ch") || noun.EndsWith("sh")) return noun + "es";
        return noun + "s";
    }
}
