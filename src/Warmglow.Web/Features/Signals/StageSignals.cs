using Warmglow.Core.Partnerships;

namespace Warmglow.Web.Features.Signals;

/// <summary>
/// A module's say in partnership stage moves (the seam for onboarding checklists, wind-down plans and the like).
/// <see cref="Partnerships.PartnershipService"/> asks every registered rule before a move, shows the answers on the
/// partnership page before anyone submits (rules shown before they refuse), refuses the move with the same words, and
/// lets each rule start its own work inside the move's transaction. Register with
/// <c>services.AddScoped&lt;IStageMoveRule, MyRule&gt;()</c> in the module's <c>AddServices</c>.
/// </summary>
public interface IStageMoveRule
{
    /// <summary>
    /// What the partnership still needs before it may move <paramref name="from"/> → <paramref name="to"/>, as a
    /// sentence a manager reads (e.g. "2 required wind-down tasks are still open."), or null when this rule does not
    /// object. Called for every allowed move each time the partnership page is shown: keep it to one small query.
    /// </summary>
    Task<string?> NeedsAsync(int partnershipId, PartnershipStage from, PartnershipStage to, CancellationToken ct);

    /// <summary>
    /// Called after the stage has changed and the transition is saved, inside the move's transaction: what the rule
    /// starts here (a checklist, a plan) commits or rolls back with the move. Must be idempotent for re-entries
    /// (a partnership can come back to a stage).
    /// </summary>
    Task OnMovedAsync(int partnershipId, PartnershipStage from, PartnershipStage to, CancellationToken ct);
}
