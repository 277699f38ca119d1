using Warmglow.Core.Partnerships;

namespace Warmglow.Core.Scoring;

public enum PilotVerdict { Pending, Succeeded, Failed, Inconclusive }

/// <summary>What is known about a candidate when it asks to move on; the gate decides on these facts only.</summary>
/// <param name="BestScore">The highest combined score (0–100) across templates, null when nobody scored.</param>
/// <param name="Threshold">The workspace's shortlist threshold.</param>
/// <param name="LatestDecisionIsGo">The latest recorded go / no-go decision: true = go, false = no-go, null = none.</param>
/// <param name="PilotVerdict">The pilot's verdict, null when no pilot was recorded.</param>
public sealed record GateFacts(decimal? BestScore, decimal Threshold, bool? LatestDecisionIsGo, PilotVerdict? PilotVerdict);

/// <summary>
/// The vetting gates on the lifecycle (product.md §2 "Gates"): a pilot ends with a verdict before the final
/// evaluation; a candidate reaches agreement only with a combined score at or above the workspace threshold
/// and a recorded go decision (taken by an executive or an admin). Other moves have no gate.
/// </summary>
public static class VettingGate
{
    /// <returns>Null when the move may go ahead; otherwise a sentence naming everything that is missing.</returns>
    public static string? Check(PartnershipStage from, PartnershipStage to, GateFacts facts)
    {
        var missing = new List<string>();
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
