using Warmglow.Core.Validation;

namespace Warmglow.Core.Scoring;

/// <summary>One statement of the values assessment; each side rates how well it describes them, 1 (not at all) to 5 (fully).</summary>
public sealed record ValuesItem(string Key, string Statement);

/// <summary>An item on which the two sides' answers differ by more than the tolerance.</summary>
/// <param name="Item">0-based position in the assessment.</param>
public sealed record ValuesGap(int Item, string Key, int Ours, int Theirs)
{
    public int Difference => Math.Abs(Ours - Theirs);
}

/// <param name="Percent">AlignedCount / ItemCount × 100, exact (a multiple of 5 for 20 items).</param>
public sealed record ValuesAlignmentResult(int AlignedCount, int ItemCount, decimal Percent, IReadOnlyList<ValuesGap> Misaligned);

/// <summary>
/// The 20-point values alignment assessment of the compatibility framework (product.md §2), shown as a percentage.
/// <para>
/// Each of the 20 items is one point: both sides answer it on 1–5 and the point counts when the answers differ by at
/// most <see cref="DefaultTolerance"/>. Percent = points / 20 × 100, so 18 aligned items are 90%. We chose whole points
/// over partial credit because "18 of 20 statements aligned" is something both sides can check by hand, and the
/// misaligned statements are the conversation to have next. Consequence: results move in 5% steps, so the seeds'
/// 45% (9 of 20) is reachable and their 92% is not (18 → 90%, 19 → 95%).
/// </para>
/// </summary>
public static class ValuesAlignment
{
    public const int ItemCount = 20;
    public const int ScaleMax = 5;
    public const int DefaultTolerance = 1;

    /// <summary>The default statements, covering communication, decision-making, customer service philosophy, mission and conduct.</summary>
    public static readonly IReadOnlyList<ValuesItem> Items =
    [
        new("mission-beyond-profit", "Our mission matters to us as much as our profit."),
        new("customer-wellbeing", "We put our customers' wellbeing ahead of short-term sales."),
        new("long-term-relationships", "We prefer long-term relationships to quick wins."),
        new("transparency", "We share bad news early and openly, inside and outside the company."),
        new("direct-communication", "We say what we think directly, even when it is uncomfortable."),
        new("written-communication", "We rely on written, documented communication more than on calls and meetings."),
        new("consensus-decisions", "We make important decisions by consensus rather than top-down."),
        new("fast-decisions", "We decide quickly and correct course later."),
        new("data-driven", "We base decisions on data rather than on intuition."),
        new("beyond-the-contract", "We go beyond what the contract requires to solve a customer's problem."),
        new("personal-service", "We prefer personal, human service to automated self-service."),
        new("data-minimalism", "We collect and share only the customer data we truly need."),
        new("sustainability", "We accept higher costs to operate sustainably."),
        new("community", "We invest time and money in the communities we serve."),
        new("experimentation", "We try new ideas early and accept that some fail."),
        new("quality-over-speed", "We would rather ship later than ship something we are not proud of."),
        new("people-wellbeing", "We protect our people's wellbeing, even under deadline pressure."),
        new("fair-value", "We expect the value of a partnership to be shared fairly, not maximized for one side."),
        new("authentic-promotion", "We only promote products and partners we genuinely believe in."),
        new("accountability", "We keep our commitments and say so openly when we miss one."),
    ];

    /// <summary>Exactly 20 answers per side, each 1–5; tolerance 0–4. Field names "ours[3]", "theirs", "tolerance".</summary>
    public static FieldErrors Validate(IReadOnlyList<int>? ours, IReadOnlyList<int>? theirs, int tolerance = DefaultTolerance)
    {
        var errors = new FieldErrors();
        ValidateSide(errors, "ours", ours);
        ValidateSide(errors, "theirs", theirs);
        if (tolerance < 0 || tolerance > ScaleMax - 1) errors.Add("tolerance", $"must be from 0 to {ScaleMax - 1} (got {tolerance}).");
        return errors;
    }

    static void ValidateSide(FieldErrors errors, string field, IReadOnlyList<int>? answers)
    {
        if (answers is null)
        {
            errors.Add(field, $"are required: {ItemCount} answers from 1 to {ScaleMax}.");
            return;
        }
        if (answers.Count != ItemCount) errors.Add(field, $"must have exactly {ItemCount} answers (got {answers.Count}).");
        for (var i = 0; i < answers.Count; i++)
            if (answers[i] < 1 || answers[i] > ScaleMax)
                errors.Add($"{field}[{i}]", $"must be a whole number from 1 to {ScaleMax} (got {answers[i]}).");
    }

    /// <summary>Scores the assessment; answers are in the order of <see cref="Items"/>. Throws <see cref="ArgumentException"/> on input <see cref="Validate"/> refuses.</summary>
    public static ValuesAlignmentResult Assess(IReadOnlyList<int> ours, IReadOnlyList<int> theirs, int tolerance = DefaultTolerance)
    {
        var errors = Validate(ours, theirs, tolerance);
        if (!errors.IsEmpty) throw new ArgumentException($"The values assessment is not valid: {errors}");
        var gaps = new List<ValuesGap>();
        for (var i = 0; i < ItemCount; i++)
            if (Math.Abs(ours[i] - theirs[i]) > tolerance) gaps.Add(new ValuesGap(i, Items[i].Key, ours[i], theirs[i]));
        var aligned = ItemCount - gaps.Count;
        return new ValuesAlignmentResult(aligned, ItemCount, 100m * aligned / ItemCount, gaps);
    }
}
