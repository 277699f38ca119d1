using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

/// <summary>
/// One health dimension's survey result. When <see cref="Hidden"/>, <see cref="Mean"/> is null and
/// <see cref="HiddenReason"/> says why; the response count is still given, since it reveals nothing about answers.
/// </summary>
public sealed record SurveyDimensionResult(string Dimension, int Responses, decimal? Mean, bool Hidden, string? HiddenReason);

/// <summary>
/// Health survey aggregation with an anonymity threshold (product.md §6 "Partnership health dashboard": anonymous
/// answers must not be linkable to their author). A dimension's mean of 1–5 answers is shown only from
/// <see cref="MinimumResponses"/> responses: with one response the "mean" is that person's answer, and with two
/// either respondent can subtract their own to learn the other's.
/// </summary>
public static class SurveyAggregation
{
    public const int MinimumResponses = 3;
    public const int AnswerMin = 1;
    public const int AnswerMax = 5;
    public static readonly string HiddenReason = $"hidden: fewer than {MinimumResponses} responses";

    /// <summary>Dimension names present and unique (case-insensitive); each answer 1–5; field names "answers.&lt;dimension&gt;[i]".</summary>
    public static FieldErrors Validate(IReadOnlyDictionary<string, IReadOnlyList<int>>? answersByDimension)
    {
        var errors = new FieldErrors();
        if (answersByDimension is null)
        {
            errors.Add("answers", "are required.");
            return errors;
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (dimension, answers) in answersByDimension)
        {
            if (string.IsNullOrWhiteSpace(dimension))
            {
                errors.Add("answers", "has a dimension without a name.");
                continue;
            }
            var field = $"answers.{dimension.Trim()}";
            if (!names.Add(dimension.Trim())) errors.Add(field, "appears more than once.");
            if (answers is null)
            {
                errors.Add(field, "is required (an empty list means no responses).");
                continue;
            }
            for (var i = 0; i < answers.Count; i++)
                if (answers[i] < AnswerMin || answers[i] > AnswerMax)
                    errors.Add($"{field}[{i}]", $"must be a whole number from 1 to 5 (got {answers[i]}).");
        }
        return errors;
    }

    /// <summary>
    /// One result per dimension, ordered by name (ordinal) so the order never depends on who answered first.
    /// Means are exact. Throws <see cref="ArgumentException"/> on input <see cref="Validate"/> refuses.
    /// </summary>
    public static IReadOnlyList<SurveyDimensionResult> Aggregate(IReadOnlyDictionary<string, IReadOnlyList<int>> answersByDimension)
    {
        var errors = Validate(answersByDimension);
        if (!errors.IsEmpty) throw new ArgumentException($"The survey answers are not valid: {errors}", nameof(answersByDimension));
        return answersByDimension
            .OrderBy(d => d.Key.Trim(), StringComparer.Ordinal)
            .Select(d => d.Value.Count < MinimumResponses
                ? new SurveyDimensionResult(d.Key.Trim(), d.Value.Count, null, true, HiddenReason)
                : new SurveyDimensionResult(d.Key.Trim(), d.Value.Count, (decimal)d.Value.Sum() / d.Value.Count, false, null))
            .ToList();
    }
}

/// <summary>Aggregation when each respondent answers several questions per dimension.</summary>
public static class SurveyRespondentAggregation
{
    /// <summary>
    /// Per dimension, one list of 1–5 answers per respondent. The anonymity threshold counts respondents, not answers
    /// (two people answering two questions each are still two people); the mean is over all answers, exact.
    /// Ordered by dimension name (ordinal). Throws <see cref="ArgumentException"/> on answers outside 1–5.
    /// </summary>
    public static IReadOnlyList<SurveyDimensionResult> Aggregate(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<int>>> byDimension)
    {
        ArgumentNullException.ThrowIfNull(byDimension);
        var flat = byDimension.ToDictionary(d => d.Key, d => (IReadOnlyList<int>)d.Value.SelectMany(r => r).ToList());
        var errors = SurveyAggregation.Validate(flat);
        if (!errors.IsEmpty) throw new ArgumentException($"The survey answers are not valid: {errors}", nameof(byDimension));
        return byDimension
            .OrderBy(d => d.Key.Trim(), StringComparer.Ordinal)
            .Select(d =>
            {
                var respondents = d.Value.Count(r => r.Count > 0);
                var answers = d.Value.SelectMany(r => r).ToList();
                return respondents < SurveyAggregation.MinimumResponses
                    ? new SurveyDimensionResult(d.Key.Trim(), respondents, null, true, SurveyAggregation.HiddenReason)
                    : new SurveyDimensionResult(d.Key.Trim(), respondents, (decimal)answers.Sum() / answers.Count, false, null);
            })
            .ToList();
    }
}
