using Warmglow.Core.Validation;

namespace Warmglow.Core.Scoring;

/// <summary>One side's capabilities by name; names compare case-insensitively after trimming and collapsing spaces.</summary>
public sealed record CapabilityProfile(IReadOnlyList<string> Strengths, IReadOnlyList<string> Gaps);

/// <summary>
/// Where each side's strengths meet the other's gaps. Names are shown as the gap side spelled them (strengths: as we did).
/// </summary>
/// <param name="TheyCoverOurGaps">Our gaps that are their strengths.</param>
/// <param name="WeCoverTheirGaps">Their gaps that are our strengths.</param>
/// <param name="Overlaps">Strengths of both sides.</param>
/// <param name="OurUncoveredGaps">Our gaps that are not their strengths.</param>
/// <param name="TheirUncoveredGaps">Their gaps that are not our strengths.</param>
/// <param name="SharedGaps">Gaps of both sides (also listed as uncovered on each side): neither can help the other there.</param>
/// <param name="GapCount">Our distinct gaps plus their distinct gaps.</param>
/// <param name="ComplementarityPercent">Covered gaps / all gaps × 100, exact; null when neither side lists a gap.</param>
public sealed record CapabilityComparison(
    IReadOnlyList<string> TheyCoverOurGaps,
    IReadOnlyList<string> WeCoverTheirGaps,
    IReadOnlyList<string> Overlaps,
    IReadOnlyList<string> OurUncoveredGaps,
    IReadOnlyList<string> TheirUncoveredGaps,
    IReadOnlyList<string> SharedGaps,
    int GapCount,
    int CoveredGapCount,
    decimal? ComplementarityPercent);

/// <summary>
/// The capability map of product.md §2: each side's strengths and gaps; complementarity is where one side's strength
/// covers the other's gap. Complementarity % = gaps covered by the other side / all gaps of both sides.
/// </summary>
public static class CapabilityMap
{
    public const int NameMax = 100;
    public const int MaxItems = 100;

    /// <summary>
    /// Names present and at most <see cref="NameMax"/> characters; at most <see cref="MaxItems"/> per list; a side may not list
    /// the same capability as both strength and gap. Repeats within one list are fine (counted once).
    /// Field names "ours.strengths[0]", "theirs.gaps[2]".
    /// </summary>
    public static FieldErrors Validate(CapabilityProfile? ours, CapabilityProfile? theirs)
    {
        var errors = new FieldErrors();
        ValidateSide(errors, "ours", ours);
        ValidateSide(errors, "theirs", theirs);
        return errors;
    }

    static void ValidateSide(FieldErrors errors, string field, CapabilityProfile? profile)
    {
        if (profile is null)
        {
            errors.Add(field, "is required.");
            return;
        }
        var strengths = ValidateList(errors, field + ".strengths", profile.Strengths);
        var gaps = profile.Gaps ?? [];
        ValidateList(errors, field + ".gaps", gaps);
        for (var i = 0; i < gaps.Count; i++)
            if (Clean(gaps[i]) is { Length: > 0 } gap && strengths.Contains(gap))
                errors.Add($"{field}.gaps[{i}]", $"'{gap}' is also listed as a strength; a capability is either a strength or a gap.");
    }

    static HashSet<string> ValidateList(FieldErrors errors, string field, IReadOnlyList<string>? names)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        names ??= [];
        if (names.Count > MaxItems) errors.Add(field, $"must have at most {MaxItems} entries (got {names.Count}).");
        for (var i = 0; i < names.Count; i++)
        {
            var name = Clean(names[i]);
            if (name.Length == 0) errors.Add($"{field}[{i}]", "must not be blank.");
            else if (name.Length > NameMax) errors.Add($"{field}[{i}]", $"must be at most {NameMax} characters (got {name.Length}).");
            else set.Add(name);
        }
        return set;
    }

    /// <summary>Trims and collapses inner whitespace, so "Local  events " and "local events" are one capability.</summary>
    public static string Clean(string? name) =>
        name is null ? "" : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Compares the two sides. Throws <see cref="ArgumentException"/> on input <see cref="Validate"/> refuses.</summary>
    public static CapabilityComparison Compare(CapabilityProfile ours, CapabilityProfile theirs)
    {
        var errors = Validate(ours, theirs);
        if (!errors.IsEmpty) throw new ArgumentException($"The capability map is not valid: {errors}");

        var ourStrengths = Distinct(ours.Strengths);
        var ourGaps = Distinct(ours.Gaps);
        var theirStrengths = Distinct(theirs.Strengths);
        var theirGaps = Distinct(theirs.Gaps);
        var theirStrengthSet = new HashSet<string>(theirStrengths, StringComparer.OrdinalIgnoreCase);
        var ourStrengthSet = new HashSet<string>(ourStrengths, StringComparer.OrdinalIgnoreCase);
        var theirGapSet = new HashSet<string>(theirGaps, StringComparer.OrdinalIgnoreCase);

        var theyCover = ourGaps.Where(theirStrengthSet.Contains).ToList();
        var weCover = theirGaps.Where(ourStrengthSet.Contains).ToList();
        var gapCount = ourGaps.Count + theirGaps.Count;
        var covered = theyCover.Count + weCover.Count;
        return new CapabilityComparison(
            theyCover,
            weCover,
            ourStrengths.Where(theirStrengthSet.Contains).ToList(),
            ourGaps.Where(g => !theirStrengthSet.Contains(g)).ToList(),
            theirGaps.Where(g => !ourStrengthSet.Contains(g)).ToList(),
            ourGaps.Where(theirGapSet.Contains).ToList(),
            gapCount,
            covered,
            gapCount == 0 ? null : 100m * covered / gapCount);
    }

    static List<string> Distinct(IReadOnlyList<string>? names) =>
        (names ?? []).Select(Clean).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
