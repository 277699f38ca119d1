using Warmglow.Core.Validation;

namespace Warmglow.Core.Scoring;

/// <summary>The answers to the Three Horizon Test, with optional notes saying how.</summary>
/// <param name="H1">Creates value today.</param>
/// <param name="H2">Builds capabilities for the next 6–18 months.</param>
/// <param name="H3">Explores future opportunities.</param>
public sealed record ThreeHorizonAnswers(bool H1, bool H2, bool H3, string? H1Notes = null, string? H2Notes = null, string? H3Notes = null);

/// <param name="Warning">A sentence for the flag, null when not flagged.</param>
public sealed record ThreeHorizonResult(int HorizonsCovered, bool OnlyH1, bool NoneCovered, string? Warning)
{
    public bool Flagged => OnlyH1 || NoneCovered;
    public bool AllThree => HorizonsCovered == 3;
}

/// <summary>
/// The Three Horizon Test (product.md §2): does the partnership create value today (H1), build capabilities for the
/// next 6–18 months (H2), explore future opportunities (H3)? Partnerships covering only H1 tend to be short-lived
/// and are flagged; so are partnerships covering none.
/// </summary>
public static class ThreeHorizon
{
    public const int NotesMax = 2000;

    public const string OnlyH1Warning =
        "Covers only Horizon 1: it creates value today but builds no capabilities for the next 6–18 months and explores no future opportunities; such partnerships tend to be short-lived.";

    public const string NoneWarning =
        "Covers no horizon: it creates no value today, builds no capabilities and explores no future opportunities.";

    /// <summary>Notes are optional, at most <see cref="NotesMax"/> characters. Field names "h1Notes", "h2Notes", "h3Notes".</summary>
    public static FieldErrors Validate(ThreeHorizonAnswers answers) =>
        new FieldErrors()
            .Optional("h1Notes", answers.H1Notes, NotesMax)
            .Optional("h2Notes", answers.H2Notes, NotesMax)
            .Optional("h3Notes", answers.H3Notes, NotesMax);

    public static ThreeHorizonResult Assess(ThreeHorizonAnswers answers)
    {
        var covered = (answers.H1 ? 1 : 0) + (answers.H2 ? 1 : 0) + (answers.H3 ? 1 : 0);
        var onlyH1 = answers is { H1: true, H2: false, H3: false };
        var none = covered == 0;
        return new ThreeHorizonResult(covered, onlyH1, none, onlyH1 ? OnlyH1Warning : none ? NoneWarning : null);
    }
}
