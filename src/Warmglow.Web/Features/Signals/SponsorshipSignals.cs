using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Signals;

/// <summary>A gap in a partnership's sponsorship or management, e.g. "The executive sponsor has left the workspace."</summary>
public sealed record SponsorshipGap(int PartnershipId, string Reason);

/// <summary>
/// Sponsorship gaps beyond "no sponsor at all" (which health decides from the partnership itself): a sponsor who was
/// deactivated or left, a partner side without a manager. The governance module provides them; health shows them as
/// red flags. One bounded number of queries for the whole workspace.
/// </summary>
public interface ISponsorshipSource
{
    Task<IReadOnlyList<SponsorshipGap>> GapsAsync(WarmglowDb db, DateTime now, CancellationToken ct);
}
