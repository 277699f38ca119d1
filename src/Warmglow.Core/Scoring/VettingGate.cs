using Warmglow.Core.Partnerships;

namespace Warmglow.Core.Scoring;

public enum PilotVerdict { Pending, Succeeded, Failed, Inconclusive }

/// <summary>The vetting steps a person ticks off (product.md §2 "Vetting steps"); the pilot and the final
/// evaluation are vetting steps too, but they are proven by their own records (a verdict; a score and a decision).</summary>
public enum VettingStep { DeskResearch, IntroCall, ReferenceChecks, ValuePropositionDocument }

/// <summary>What is known about a candidate when it asks to move on; the gate decides on these facts only.</summary>
/// <param name="BestScore">The highest combined score (0–100) across templates, null when nobody scored.</param>
/// <param name="Threshold">The workspace's shortlist threshold.</param>
/// <param name="LatestDecisionIsGo">The latest recorded go / no-go decision: true = go, false = no-go, null = none.</param>
/// <param name="PilotVerdict">The pilot's verdict, null when no pilot was recorded.</param>
/// <param name="DoneSteps">The vetting steps marked done.</param>
public sealed record GateFacts(decimal? BestScore, decimal Threshold, bool? LatestDecisionIsGo, PilotVerdict? PilotVerdict, IReadOnlyCollection<VettingStep> DoneSteps)
{
    public static readonly IReadOnlyCollection<VettingStep> AllSteps = Enum.GetValues<VettingStep>();
}

/// <summary>
/// The vetting gates on the lifecycle (product.md §2 "Gates", "Vetting steps"): desk research before the intro
/// call; the intro call before the value proposition; reference checks and the value proposition document before
/// the pilot; a pilot verdict before the final evaluation; and agreement only with a combined score at or above
/// the workspace threshold and a recorded go decision (taken by an executive or an admin). Other moves have no gate.
/// </summary>
public static class VettingGate
{
    /// <summary>Whether a move has a gate at all; callers skip gathering facts for the others.</summary>
    public static bool IsGated(PartnershipStage from, PartnershipStage to) => (from, to) is
        (PartnershipStage.Research, PartnershipStage.IntroCall) or (PartnershipStage.IntroCall, PartnershipStage.MutualValueProposition)
        or (PartnershipStage.MutualValueProposition, PartnershipStage.Pilot) or (PartnershipStage.Pilot, PartnershipStage.Evaluation)
        or (PartnershipStage.Evaluation, PartnershipStage.Agreement);

    /// <returns>Null when the move may go ahead; otherwise a sentence naming everything that is missing.</returns>
    public static string? Check(PartnershipStage from, PartnershipStage to, GateFacts facts)
    {
        var missing = new List<string>();
        void Step(VettingStep step, string what)
        {
            if (!facts.DoneSteps.Contains(step)) missing.Add(what);
        }
        if (from == PartnershipStage.Research && to == PartnershipStage.IntroCall) Step(VettingStep.DeskResearch, "desk research marked done");
        if (from == PartnershipStage.IntroCall && to == PartnershipStage.MutualValueProposition) Step(VettingStep.IntroCall, "the intro call marked done");
        if (from == PartnershipStage.MutualValueProposition && to == PartnershipStage.Pilot)
        {
            Step(VettingStep.ReferenceChecks, "reference checks marked done");
            Step(VettingStep.ValuePropositionDocument, "the mutual value proposition document marked done");
        }
        if (from == PartnershipStage.Pilot && to == PartnershipStage.Evaluation
            && facts.PilotVerdict is null or PilotVerdict.Pending)
            missing.Add(facts.PilotVerdict is null ? "a pilot with a recorded verdict (no pilot recorded yet)" : "the pilot's verdict (it is still pending)");
        if (from == PartnershipStage.Evaluation && to == PartnershipStage.Agreement)
        {
            if (facts.BestScore is not { } score || score < facts.Threshold)
                missing.Add(facts.BestScore is { } s
                    ? $"a combined score of at least {facts.Threshold:0.##} (best so far: {ScoreDisplay.Round(s)})"
                    : $"a combined score of at least {facts.Threshold:0.##} (nobody has scored this candidate yet)");
            if (facts.LatestDecisionIsGo != true)
                missing.Add(facts.LatestDecisionIsGo == false
                    ? "a go decision (the latest decision is no-go)"
                    : "a recorded go decision by an executive or admin");
        }
        return missing.Count == 0 ? null
            : $"Moving from '{StageNames.Display(from)}' to '{StageNames.Display(to)}' needs {string.Join(" and ", missing)}.";
    }
}
