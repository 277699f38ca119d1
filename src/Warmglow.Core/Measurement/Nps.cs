using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

/// <summary>An NPS result; percentages and the score are exact (e.g. 33.33…), round only for display.</summary>
/// <param name="Score">Promoter % − detractor %, from −100 to 100.</param>
public sealed record NpsResult(int Responses, int Promoters, int Passives, int Detractors, decimal PromoterPercent, decimal DetractorPercent, decimal Score);

/// <summary>
/// Net Promoter Score for partner satisfaction (product.md §6 "Partnership health dashboard"): answers 0–10 to
/// "how likely are you to recommend…"; 9–10 are promoters, 7–8 passives, 0–6 detractors; NPS = promoter % − detractor %.
/// </summary>
public static class Nps
{
    public const int AnswerMin = 0;
    public const int AnswerMax = 10;
    public const int PromoterMin = 9;
    public const int DetractorMax = 6;

    /// <summary>Every answer a whole number 0–10; field names "answers[i]".</summary>
    public static FieldErrors Validate(IReadOnlyList<int>? answers)
    {
        var errors = new FieldErrors();
        if (answers is null)
        {
            errors.Add("answers", "are required (an empty list means nobody has answered yet).");
            return errors;
        }
        for (var i = 0; i < answers.Count; i++)
            if (answers[i] < AnswerMin || answers[i] > AnswerMax)
                errors.Add($"answers[{i}]", $"must be a whole number from 0 to 10 (got {answers[i]}).");
        return errors;
    }

    /// <summary>
    /// Null when nobody has answered: an NPS of 0 would read as "as many promoters as detractors".
    /// Throws <see cref="ArgumentException"/> on answers <see cref="Validate"/> refuses.
    /// </summary>
    public static NpsResult? Compute(IReadOnlyList<int> answers)
    {
        var errors = Validate(answers);
        if (!errors.IsEmpty) throw new ArgumentException($"The NPS answers are not valid: {errors}", nameof(answers));
        if (answers.Count == 0) return null;
        var promoters = answers.Count(a => a >= PromoterMin);
        var detractors = answers.Count(a => a <= DetractorMax);
        var n = answers.Count;
        // One division on the integer difference, so 1 promoter in 3 answers gives exactly the same value as 100/3.
        return new NpsResult(n, promoters, n - promoters - detractors, detractors,
            100m * promoters / n, 100m * detractors / n, 100m * (promoters - detractors) / n);
    }
}
