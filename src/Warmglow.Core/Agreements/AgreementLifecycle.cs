using Warmglow.Core.Partnerships;

namespace Warmglow.Core.Agreements;

/// <summary>
/// The agreement lifecycle (product.md §3): term sheet → negotiation → pilot → signed → active → under review →
/// expired / terminated. Back-moves: negotiation → term sheet (back to the drawing board), pilot → negotiation,
/// under review → active (review closed). Negotiation may skip the pilot. Any open status may be terminated;
/// only a running agreement (active, under review) can expire. Expired and terminated are final.
/// Signing additionally needs an approval of the current version; that is the service's check, not a move rule.
/// </summary>
public static class AgreementLifecycle
{
    static readonly IReadOnlyDictionary<AgreementStatus, AgreementStatus[]> Moves = new Dictionary<AgreementStatus, AgreementStatus[]>
    {
        [AgreementStatus.TermSheet] = [AgreementStatus.Negotiation, AgreementStatus.Terminated],
        [AgreementStatus.Negotiation] = [AgreementStatus.TermSheet, AgreementStatus.Pilot, AgreementStatus.Signed, AgreementStatus.Terminated],
        [AgreementStatus.Pilot] = [AgreementStatus.Negotiation, AgreementStatus.Signed, AgreementStatus.Terminated],
        [AgreementStatus.Signed] = [AgreementStatus.Active, AgreementStatus.Terminated],
        [AgreementStatus.Active] = [AgreementStatus.UnderReview, AgreementStatus.Expired, AgreementStatus.Terminated],
        [AgreementStatus.UnderReview] = [AgreementStatus.Active, AgreementStatus.Expired, AgreementStatus.Terminated],
        [AgreementStatus.Expired] = [],
        [AgreementStatus.Terminated] = [],
    };

    public static bool IsFinal(AgreementStatus s) => s is AgreementStatus.Expired or AgreementStatus.Terminated;

    /// <summary>Signed, active or under review: the terms are in force and reviews are scheduled.</summary>
    public static bool IsInForce(AgreementStatus s) => s is AgreementStatus.Signed or AgreementStatus.Active or AgreementStatus.UnderReview;

    public static IReadOnlyList<AgreementStatus> AllowedMoves(AgreementStatus from) => Moves[from];

    /// <summary>Checks a move; the error names the allowed moves.</summary>
    public static AgreementMoveCheck Check(AgreementStatus from, AgreementStatus to)
    {
        var allowed = AllowedMoves(from);
        if (allowed.Contains(to)) return new(true, null, allowed);
        var message = allowed.Count == 0
            ? $"An agreement that is '{Display(from)}' is closed; no further moves are allowed."
            : $"Cannot move from '{Display(from)}' to '{Display(to)}'. Allowed moves: {string.Join(", ", allowed.Select(s => $"'{Display(s)}'"))}.";
        return new(false, message, allowed);
    }

    /// <summary>
    /// What signing still needs, in the words shown beside the move (empty: it may be signed). An agreement is signed
    /// once the partnership has reached the Agreement stage (or later, while it runs or winds down) and an executive or
    /// admin has approved the current version. A partnership on hold, ended or rejected signs nothing.
    /// </summary>
    public static IReadOnlyList<string> SigningNeeds(PartnershipStage stage, bool currentVersionApproved, int currentVersion)
    {
        var needs = new List<string>();
        if (stage is PartnershipStage.OnHold or PartnershipStage.Ended or PartnershipStage.Rejected)
            needs.Add($"The partnership is {StageNames.Display(stage).ToLowerInvariant()}: it signs no agreement until it is resumed.");
        else if (stage < PartnershipStage.Agreement)
            needs.Add($"The partnership is at the {StageNames.Display(stage)} stage: move it to the Agreement stage first.");
        if (!currentVersionApproved)
            needs.Add($"An executive or admin approves version {currentVersion} (a version changed after an approval needs approving again).");
        return needs;
    }

    public static string Display(AgreementStatus s) => s switch
    {
        AgreementStatus.TermSheet => "Term sheet",
        AgreementStatus.UnderReview => "Under review",
        _ => s.ToString(),
    };

    public static string Display(AgreementType t) => t switch
    {
        AgreementType.JointVenture => "Joint venture",
        AgreementType.CoMarketing => "Co-marketing",
        AgreementType.TechnologyIntegration => "Technology integration",
        AgreementType.StrategicInvestment => "Strategic investment",
        _ => t.ToString(),
    };
}

public sealed record AgreementMoveCheck(bool IsAllowed, string? Error, IReadOnlyList<AgreementStatus> Allowed);
