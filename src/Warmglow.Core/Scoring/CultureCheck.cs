using Warmglow.Core.Validation;

namespace Warmglow.Core.Scoring;

/// <summary>The five dimensions of the culture check; each is rated 1–5 with the anchors below.</summary>
public enum CultureDimension
{
    /// <summary>1 = slow, consensus-seeking; 5 = fast, decided by one person.</summary>
    DecisionMakingSpeed,
    /// <summary>1 = indirect, harmony first; 5 = direct, blunt.</summary>
    CommunicationStyle,
    /// <summary>1 = risk-averse; 5 = risk-seeking.</summary>
    RiskTolerance,
    /// <summary>1 = proven methods; 5 = experiments constantly.</summary>
    InnovationApproach,
    /// <summary>1 = product-led; 5 = every decision starts from the customer.</summary>
    CustomerFocus,
}

/// <summary>One side's culture ratings, 1–5 each.</summary>
public sealed record CultureProfile(int DecisionMakingSpeed, int CommunicationStyle, int RiskTolerance, int InnovationApproach, int CustomerFocus)
{
    public int this[CultureDimension dimension] => dimension switch
    {
        CultureDimension.DecisionMakingSpeed => DecisionMakingSpeed,
        CultureDimension.CommunicationStyle => CommunicationStyle,
        CultureDimension.RiskTolerance => RiskTolerance,
        CultureDimension.InnovationApproach => InnovationApproach,
        CultureDimension.CustomerFocus => CustomerFocus,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}

public sealed record CultureGap(CultureDimension Dimension, int Ours, int Theirs)
{
    public int Difference => Math.Abs(Ours - Theirs);
}

/// <param name="Matches">Dimensions whose ratings differ by at most the tolerance (0–5).</param>
/// <param name="Mismatches">The other dimensions, in enum order.</param>
public sealed record CultureCheckResult(bool Aligned, int Matches, int Tolerance, IReadOnlyList<CultureGap> Mismatches);

/// <summary>
/// The culture check of product.md §2: both sides rate five dimensions 1–5; a dimension matches when the ratings
/// differ by at most the tolerance (default 1); the cultures are aligned when at least 4 of the 5 match.
/// </summary>
public static class CultureCheck
{
    public const int ScaleMax = 5;
    public const int DefaultTolerance = 1;
    public const int RequiredMatches = 4;

    public static readonly IReadOnlyList<CultureDimension> Dimensions = Enum.GetValues<CultureDimension>();

    /// <summary>Each rating 1–5, tolerance 0–4. Field names "ours.decisionMakingSpeed", "theirs", "tolerance".</summary>
    public static FieldErrors Validate(CultureProfile? ours, CultureProfile? theirs, int tolerance = DefaultTolerance)
    {
        var errors = new FieldErrors();
        ValidateSide(errors, "ours", ours);
        ValidateSide(errors, "theirs", theirs);
        if (tolerance < 0 || tolerance > ScaleMax - 1) errors.Add("tolerance", $"must be from 0 to {ScaleMax - 1} (got {tolerance}).");
        return errors;
    }

    static void ValidateSide(FieldErrors errors, string field, CultureProfile? profile)
    {
        if (profile is null)
        {
            errors.Add(field, "is required.");
            return;
        }
        foreach (var dimension in Dimensions)
            if (profile[dimension] is var rating && (rating < 1 || rating > ScaleMax))
                errors.Add($"{field}.{JsonName(dimension)}", $"must be a whole number from 1 to {ScaleMax} (got {rating}).");
    }

    /// <summary>Compares the two profiles. Throws <see cref="ArgumentException"/> on input <see cref="Validate"/> refuses.</summary>
    public static CultureCheckResult Check(CultureProfile ours, CultureProfile theirs, int tolerance = DefaultTolerance)
    {
        var errors = Validate(ours, theirs, tolerance);
        if (!errors.IsEmpty) throw new ArgumentException($"The culture check is not valid: {errors}");
        var mismatches = Dimensions
            .Where(d => Math.Abs(ours[d] - theirs[d]) > tolerance)
            .Select(d => new CultureGap(d, ours[d], theirs[d]))
            .ToList();
        var matches = Dimensions.Count - mismatches.Count;
        return new CultureCheckResult(matches >= RequiredMatches, matches, tolerance, mismatches);
    }

    /// <summary>The camelCase name the API uses for a dimension, e.g. "decisionMakingSpeed".</summary>
    public static string JsonName(CultureDimension dimension)
    {
        var name = dimension.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
