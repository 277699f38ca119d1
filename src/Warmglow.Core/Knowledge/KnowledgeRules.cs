using System.ComponentModel.DataAnnotations;
using System.Text;
using Warmglow.Core.Portfolio;

namespace Warmglow.Core.Knowledge;

/// <summary>What a knowledge-base article is: a playbook, one of the templates, a lesson learned, or something else.</summary>
public enum ArticleKind
{
    Playbook,
    [Display(Name = "Agreement template")] AgreementTemplate,
    [Display(Name = "Welcome kit template")] WelcomeKitTemplate,
    [Display(Name = "Review deck template")] ReviewDeckTemplate,
    [Display(Name = "Lesson learned")] LessonLearned,
    Other,
}

/// <summary>Would we partner with them again, asked when a partnership ends.</summary>
public enum PartnerAgain { Yes, No, Maybe }

/// <summary>
/// The pure rules of the knowledge base: tags (normalized, at most <see cref="MaxTags"/>), which link addresses are safe
/// to render, and the tier limit of a shared article stored as a bit mask (0 = every tier).
/// </summary>
public static class KnowledgeRules
{
    public const int MaxTags = 10;
    public const int MaxTagLength = 40;
    public const int MaxTitle = 200;
    public const int MaxBody = 40_000;

    /// <summary>
    /// "Onboarding, co-selling ,ONBOARDING" → ["onboarding", "co-selling"]: split on commas (and semicolons), trimmed,
    /// lower case, inner spaces collapsed to one, duplicates dropped, first seen order kept. Errors say what is wrong.
    /// </summary>
    public static (IReadOnlyList<string> Tags, IReadOnlyList<string> Errors) NormalizeTags(string? text)
    {
        var tags = new List<string>();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return (tags, errors);
        foreach (var raw in text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = string.Join(' ', raw.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (tag.Length == 0) continue;
            if (tag.Contains('|')) { errors.Add($"\"{tag}\" may not contain a vertical bar."); continue; }
            if (tag.Length > MaxTagLength) { errors.Add($"\"{tag[..20]}…\" is longer than {MaxTagLength} characters."); continue; }
            if (!tags.Contains(tag)) tags.Add(tag);
        }
        if (tags.Count > MaxTags) errors.Add($"may have at most {MaxTags} tags (got {tags.Count}).");
        return (tags, errors);
    }

    /// <summary>Tags as stored: "|a|b|" so a tag filter is one LIKE on the column; empty for none.</summary>
    public static string Store(IEnumerable<string> tags)
    {
        var list = tags.ToList();
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }

    public static IReadOnlyList<string> Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The stored tier limit for these tiers (0 for none = every tier).</summary>
    public static int TierMask(IEnumerable<Tier>? tiers) => tiers?.Aggregate(0, (m, t) => m | (1 << (int)t)) ?? 0;

    public static IReadOnlyList<Tier> Tiers(int mask) => Enum.GetValues<Tier>().Where(t => (mask & (1 << (int)t)) != 0).ToList();

    /// <summary>Whether a partner whose partnerships have <paramref name="partnerTiers"/> may read an article limited to <paramref name="mask"/>.</summary>
    public static bool TierAllows(int mask, int partnerTiers) => mask == 0 || (mask & partnerTiers) != 0;

    /// <summary>
    /// Whether a link or image address may be rendered: http, https and mailto, or an address with no scheme (relative,
    /// a fragment). Anything else — javascript:, vbscript:, data:, file: — is not, however it is disguised with case,
    /// whitespace, control characters or HTML entities.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var decoded = System.Net.WebUtility.HtmlDecode(System.Net.WebUtility.UrlDecode(url));
        var sb = new StringBuilder(decoded.Length);
        foreach (var c in decoded) if (!char.IsWhiteSpace(c) && !char.IsControl(c)) sb.Append(c);
        var clean = sb.ToString();
        if (clean.StartsWith("//", StringComparison.Ordinal)) return true; // protocol-relative: http(s)
        var colon = clean.IndexOf(':');
        if (colon < 0) return true;
        var slash = clean.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // a colon after the path starts is not a scheme
        var scheme = clean[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
