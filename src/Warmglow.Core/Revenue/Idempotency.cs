namespace Warmglow.Core.Revenue;

/// <summary>What posting an event with a given idempotency key means, given the events already recorded.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new: record the event (HTTP 201).</summary>
    New,

    /// <summary>The same event was posted before: change nothing and answer as the first time (HTTP 200).</summary>
    Replay,

    /// <summary>The key was used for a different event: refuse (HTTP 409); the sender has reused a key by mistake.</summary>
    Conflict,
}

/// <summary>
/// Idempotent posting of revenue events (product.md §3: posting the same event twice changes nothing). A retry after a
/// timeout must not count revenue twice, and a reused key must not silently replace an event already on a statement.
/// </summary>
public static class Idempotency
{
    /// <summary>Classifies <paramref name="incoming"/> against the recorded events, looked up by key exactly as the dictionary compares keys.</summary>
    public static IdempotencyOutcome Check(IReadOnlyDictionary<string, RevenueEvent> existingByKey, RevenueEvent incoming)
    {
        ArgumentNullException.ThrowIfNull(existingByKey);
        ArgumentNullException.ThrowIfNull(incoming);
        if (!existingByKey.TryGetValue(incoming.Key, out var existing)) return IdempotencyOutcome.New;
        return SamePayload(existing, incoming) ? IdempotencyOutcome.Replay : IdempotencyOutcome.Conflict;
    }

    /// <summary>
    /// True when two events say the same thing: amounts equal as numbers (100.0 = 100.00), currency codes equal in any
    /// case, text fields equal after trimming (a blank member = none). The comparison is about meaning, not bytes, so a
    /// client that reformats its retry is still a replay.
    /// </summary>
    public static bool SamePayload(RevenueEvent a, RevenueEvent b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Amount == b.Amount
            && a.Date == b.Date
            && string.Equals(Norm(a.Currency), Norm(b.Currency), StringComparison.OrdinalIgnoreCase)
            && string.Equals(Norm(a.Source), Norm(b.Source), StringComparison.Ordinal)
            && string.Equals(Norm(a.AgreementId), Norm(b.AgreementId), StringComparison.Ordinal)
            && string.Equals(Norm(a.MemberId), Norm(b.MemberId), StringComparison.Ordinal);
    }

    static string? Norm(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
