namespace Warmglow.Web.Features.Signals;

/// <summary>An agreement of a partnership that revenue can be posted to: its currency and whether it has revenue terms.</summary>
public sealed record RevenueTarget(int AgreementId, string Title, string Currency, bool HasTerms);

/// <summary>The event a post recorded (or found already recorded under the same key: <see cref="Replay"/>).</summary>
public sealed record RevenuePosted(int EventId, int AgreementId, string AgreementTitle, bool Replay);

/// <summary>
/// Posting revenue to an agreement's ledger from another module (deal registration posts an approved won deal), through
/// the revenue module's own idempotent ledger: the same key twice records one event. Implemented by the revenue module;
/// validation problems (currency, the agreement's term) come back as the ledger's field errors.
/// </summary>
public interface IRevenuePosting
{
    /// <summary>The partnership's agreements that are signed or active, the ones with revenue terms first.</summary>
    Task<IReadOnlyList<RevenueTarget>> TargetsAsync(int partnershipId, CancellationToken ct);

    /// <summary>One sale event on <paramref name="agreementId"/> (which must belong to <paramref name="partnershipId"/>), idempotent by <paramref name="key"/>.</summary>
    Task<RevenuePosted> PostSaleAsync(int partnershipId, int agreementId, string key, decimal amount, string currency, DateOnly date, string source, CancellationToken ct);
}
