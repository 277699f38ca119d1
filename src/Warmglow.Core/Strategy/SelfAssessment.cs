using Warmglow.Core.Validation;

namespace Warmglow.Core.Strategy;

/// <summary>The seven dimensions of the organizational self-assessment (product.md §1), each scored 1–5.</summary>
public enum SelfAssessmentDimension
{
    Resources,
    Expertise,
    MarketPosition,
    BrandValues,
    OperationalCapacity,
    RiskTolerance,
    StrategicObjectives,
}

/// <summary>One dimension's score (1 = weak, 5 = strong) and why.</summary>
public sealed record DimensionRating(int Score, string? Notes = null);

/// <summary>A full self-assessment: all seven dimensions rated.</summary>
public sealed record SelfAssessmentScores(
    DimensionRating? Resources,
    DimensionRating? Expertise,
    DimensionRating? MarketPosition,
    DimensionRating? BrandValues,
    DimensionRating? OperationalCapacity,
    DimensionRating? RiskTolerance,
    DimensionRating? StrategicObjectives)
{
    public DimensionRating? this[SelfAssessmentDimension dimension] => dimension switch
    {
        SelfAssessmentDimension.Resources => Resources,
        SelfAssessmentDimension.Expertise => Expertise,
        SelfAssessmentDimension.MarketPosition => MarketPosition,
        SelfAssessmentDimension.BrandValues => BrandValues,
        SelfAssessmentDimension.OperationalCapacity => OperationalCapacity,
        SelfAssessmentDimension.RiskTolerance => RiskTolerance,
        SelfAssessmentDimension.StrategicObjectives => StrategicObjectives,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>Builds the scores from a dimension → rating lookup (missing dimensions stay null).</summary>
    public static SelfAssessmentScores From(Func<SelfAssessmentDimension, DimensionRating?> rating) => new(
        rating(SelfAssessmentDimension.Resources), rating(SelfAssessmentDimension.Expertise), rating(SelfAssessmentDimension.MarketPosition),
        rating(SelfAssessmentDimension.BrandValues), rating(SelfAssessmentDimension.OperationalCapacity),
        rating(SelfAssessmentDimension.RiskTolerance), rating(SelfAssessmentDimension.StrategicObjectives));
}

/// <summary>How one dimension moved from the earlier snapshot to the later one. Delta = To − From.</summary>
public sealed record DimensionDelta(SelfAssessmentDimension Dimension, int From, int To, string? FromNotes, string? ToNotes)
{
    public int Delta => To - From;
}

/// <param name="AverageFrom">Mean of the seven scores of the earlier snapshot, exact.</param>
/// <param name="AverageDelta">AverageTo − AverageFrom, exact.</param>
public sealed record SelfAssessmentComparison(
    IReadOnlyList<DimensionDelta> Dimensions,
    int TotalFrom, int TotalTo, decimal AverageFrom, decimal AverageTo, decimal AverageDelta,
    IReadOnlyList<SelfAssessmentDimension> Improved,
    IReadOnlyList<SelfAssessmentDimension> Declined,
    IReadOnlyList<SelfAssessmentDimension> Unchanged);

/// <summary>
/// The self-assessment of product.md §1: seven dimensions scored 1–5 with notes, kept as dated snapshots that are never
/// edited. Two snapshots compare dimension by dimension (delta = later − earlier).
/// </summary>
public static class SelfAssessment
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;
    public const int NotesMax = 2000;

    public static readonly IReadOnlyList<SelfAssessmentDimension> Dimensions = Enum.GetValues<SelfAssessmentDimension>();

    public static string Display(SelfAssessmentDimension d) => d switch
    {
        SelfAssessmentDimension.Resources => "Resources",
        SelfAssessmentDimension.Expertise => "Expertise",
        SelfAssessmentDimension.MarketPosition => "Market position",
        SelfAssessmentDimension.BrandValues => "Brand values",
        SelfAssessmentDimension.OperationalCapacity => "Operational capacity",
        SelfAssessmentDimension.RiskTolerance => "Risk tolerance",
        SelfAssessmentDimension.StrategicObjectives => "Strategic objectives",
        _ => d.ToString(),
    };

    /// <summary>The question each dimension answers, shown beside the score.</summary>
    public static string Question(SelfAssessmentDimension d) => d switch
    {
        SelfAssessmentDimension.Resources => "Budget, people and time we can put into partnerships.",
        SelfAssessmentDimension.Expertise => "Skills and know-how we bring (and lack).",
        SelfAssessmentDimension.MarketPosition => "How strong and recognized we are in our market.",
        SelfAssessmentDimension.BrandValues => "How clear and distinctive the values behind our brand are.",
        SelfAssessmentDimension.OperationalCapacity => "Whether our operations can absorb joint work and growth.",
        SelfAssessmentDimension.RiskTolerance => "How much uncertainty we can accept (1 = very little, 5 = a lot).",
        SelfAssessmentDimension.StrategicObjectives => "How clear and agreed our goals for partnering are.",
        _ => "",
    };

    /// <summary>The camelCase name the API uses for a dimension, e.g. "marketPosition".</summary>
    public static string JsonName(SelfAssessmentDimension d)
    {
        var name = d.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>All seven dimensions present, each score 1–5, notes at most <see cref="NotesMax"/> characters.
    /// Field names "scores", "resources", "marketPosition.score", "brandValues.notes".</summary>
    public static FieldErrors Validate(SelfAssessmentScores? scores)
    {
        var errors = new FieldErrors();
        if (scores is null)
        {
            errors.Add("scores", $"are required: a score from {ScaleMin} to {ScaleMax} for each of the seven dimensions.");
            return errors;
        }
        foreach (var d in Dimensions)
        {
            var field = JsonName(d);
            if (scores[d] is not { } rating) errors.Add(field, $"is required: a score from {ScaleMin} to {ScaleMax}.");
            else
            {
                if (rating.Score < ScaleMin || rating.Score > ScaleMax)
                    errors.Add($"{field}.score", $"must be a whole number from {ScaleMin} to {ScaleMax} (got {rating.Score}).");
                errors.Optional($"{field}.notes", rating.Notes, NotesMax);
            }
        }
        return errors;
    }

    /// <summary>Compares an earlier snapshot with a later one. Throws <see cref="ArgumentException"/> on input <see cref="Validate"/> refuses.</summary>
    public static SelfAssessmentComparison Compare(SelfAssessmentScores from, SelfAssessmentScores to)
    {
        foreach (var (name, s) in new[] { ("from", from), ("to", to) })
            if (Validate(s) is { IsEmpty: false } errors) throw new ArgumentException($"The '{name}' self-assessment is not valid: {errors}");
        var deltas = Dimensions.Select(d => new DimensionDelta(d, from[d]!.Score, to[d]!.Score, from[d]!.Notes, to[d]!.Notes)).ToList();
        var totalFrom = deltas.Sum(x => x.From);
        var totalTo = deltas.Sum(x => x.To);
        var averageFrom = (decimal)totalFrom / deltas.Count;
        var averageTo = (decimal)totalTo / deltas.Count;
        return new SelfAssessmentComparison(deltas, totalFrom, totalTo, averageFrom, averageTo, averageTo - averageFrom,
            deltas.Where(x => x.Delta > 0).Select(x => x.Dimension).ToList(),
            deltas.Where(x => x.Delta < 0).Select(x => x.Dimension).ToList(),
            deltas.Where(x => x.Delta == 0).Select(x => x.Dimension).ToList());
    }
}
