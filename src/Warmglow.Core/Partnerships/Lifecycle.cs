namespace Warmglow.Core.Partnerships;

/// <summary>
/// The partnership lifecycle state machine (product.md §2):
/// prospect → research → intro call → mutual value proposition → pilot → evaluation →
/// agreement → onboarding → active → scaling; any open stage → on hold / rejected;
/// active (or scaling) → under review → sunsetting → ended. A review may also return to active.
/// On hold resumes to the stage it was put on hold from.
/// </summary>
public static class Lifecycle
{
    static readonly PartnershipStage[] Pipeline =
    [
        PartnershipStage.Prospect, PartnershipStage.Research, PartnershipStage.IntroCall,
        PartnershipStage.MutualValueProposition, PartnershipStage.Pilot, PartnershipStage.Evaluation,
        PartnershipStage.Agreement, PartnershipStage.Onboarding, PartnershipStage.Active, PartnershipStage.Scaling,
    ];

    public static bool IsTerminal(PartnershipStage stage) =>
        stage is PartnershipStage.Ended or PartnershipStage.Rejected;

    /// <summary>
    /// Still being found and vetted (prospect through agreement, or on hold): what rankings and shortlists compare.
    /// Live, winding-down, ended and rejected partnerships are not candidates any more.
    /// </summary>
    public static bool IsCandidate(PartnershipStage stage) =>
        stage is PartnershipStage.Prospect or PartnershipStage.Research or PartnershipStage.IntroCall
            or PartnershipStage.MutualValueProposition or PartnershipStage.Pilot or PartnershipStage.Evaluation
            or PartnershipStage.Agreement or PartnershipStage.OnHold;

    /// <summary>The stages a partnership may move to next.</summary>
    /// <param name="from">The current stage.</param>
    /// <param name="heldFrom">For a partnership on hold: the stage it was put on hold from.</param>
    public static IReadOnlyList<PartnershipStage> AllowedMoves(PartnershipStage from, PartnershipStage? heldFrom = null)
    {
        var moves = new List<PartnershipStage>();
        switch (from)
        {
            case PartnershipStage.Ended or PartnershipStage.Rejected:
                return moves;
            case PartnershipStage.OnHold:
                if (heldFrom is { } back && back != PartnershipStage.OnHold && !IsTerminal(back)) moves.Add(back);
                // Rejecting is for candidates; a partnership held after it went live is wound down instead.
                if (heldFrom is not (PartnershipStage.Active or PartnershipStage.Scaling or PartnershipStage.UnderReview or PartnershipStage.Sunsetting))
                    moves.Add(PartnershipStage.Rejected);
                return moves;
            case PartnershipStage.Active or PartnershipStage.Scaling:
                var i = Array.IndexOf(Pipeline, from);
                if (i + 1 < Pipeline.Length) moves.Add(Pipeline[i + 1]);
                moves.Add(PartnershipStage.UnderReview);
                break;
            case PartnershipStage.UnderReview:
                moves.Add(PartnershipStage.Active);
                moves.Add(PartnershipStage.Sunsetting);
                break;
            case PartnershipStage.Sunsetting:
                moves.Add(PartnershipStage.Ended);
                break;
            default:
                moves.Add(Pipeline[Array.IndexOf(Pipeline, from) + 1]);
                break;
        }
        moves.Add(PartnershipStage.OnHold);
        // Once a partnership runs, it is wound down (sunsetting), not rejected.
        if (IsBeforeActive(from)) moves.Add(PartnershipStage.Rejected);
        return moves;
    }

    static bool IsBeforeActive(PartnershipStage stage) =>
        Array.IndexOf(Pipeline, stage) is var i && i >= 0 && i < Array.IndexOf(Pipeline, PartnershipStage.Active);

    /// <summary>Checks a move; the error names the moves that are allowed.</summary>
    public static LifecycleCheck Check(PartnershipStage from, PartnershipStage to, PartnershipStage? heldFrom = null)
    {
        var allowed = AllowedMoves(from, heldFrom);
        if (allowed.Contains(to)) return LifecycleCheck.Ok with { Allowed = allowed };
        var message = allowed.Count == 0
            ? $"A partnership in stage '{StageNames.Display(from)}' is closed; no further moves are allowed."
            : $"Cannot move from '{StageNames.Display(from)}' to '{StageNames.Display(to)}'. Allowed moves: {string.Join(", ", allowed.Select(s => $"'{StageNames.Display(s)}'"))}.";
        return new LifecycleCheck(false, message, allowed);
    }
}

public sealed record LifecycleCheck(bool IsAllowed, string? Error, IReadOnlyList<PartnershipStage> Allowed)
{
    public static readonly LifecycleCheck Ok = new(true, null, []);
}

public static class StageNames
{
    public static string Display(PartnershipStage stage) => stage switch
    {
        PartnershipStage.IntroCall => "Intro call",
        PartnershipStage.MutualValueProposition => "Mutual value proposition",
        PartnershipStage.UnderReview => "Under review",
        PartnershipStage.OnHold => "On hold",
        _ => stage.ToString(),
    };
}
