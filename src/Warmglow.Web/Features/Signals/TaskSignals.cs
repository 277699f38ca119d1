using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Signals;

/// <summary>A partnership with many overdue action items, e.g. 4 of them ("4 action items are overdue.").</summary>
public sealed record OverdueActionItems(int PartnershipId, int Count, string Reason);

/// <summary>
/// Partnerships whose overdue action items reach the threshold (Tasks:OverdueFlagThreshold, default 3). The tasks module
/// provides them; health shows them as red flags. One aggregate query for the whole workspace.
/// </summary>
public interface IOverdueActionItemSource
{
    Task<IReadOnlyList<OverdueActionItems>> ManyOverdueAsync(WarmglowDb db, DateOnly today, CancellationToken ct);
}
