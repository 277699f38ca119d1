using Warmglow.Core.Validation;

namespace Warmglow.Core.Revenue;

/// <summary>A pool member: the percentage of its referred revenue it pays in (0–100) and its weight in the payout (≥ 0).</summary>
public sealed record PoolMember(string MemberId, decimal ContributionPercent, decimal Weight);

/// <summary>An ecosystem pool's terms: its currency, its term (End null = open-ended) and its members.</summary>
public sealed record PoolTerms(string PoolId, string Currency, DateOnly Start, DateOnly? End, IReadOnlyList<PoolMember> Members)
{
    /// <summary>Field names "poolId", "currency", "end", "members[i].…".</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors().Required("poolId", PoolId, EventRules.IdMax);
        EventRules.CheckCurrency(errors, "currency", Currency);
        if (End is { } end && end < Start) errors.Add("end", $"must not be before start ({Start:yyyy-MM-dd}).");
        if (Members is null || Members.Count == 0)
        {
            errors.Add("members", "are required: at least one member.");
            return errors;
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var weights = 0m;
        var usable = true;
        for (var i = 0; i < Members.Count; i++)
        {
            var m = Members[i];
            var at = $"members[{i}]";
            if (m is null)
            {
                errors.Add(at, "is required.");
                usable = false;
                continue;
            }
            ShareRules.PartyId(errors, at + ".memberId", m.MemberId, ids);
            if (m.ContributionPercent < 0) errors.Add(at + ".contributionPercent", $"must not be negative (got {Money.Number(m.ContributionPercent)}%).");
            else if (m.ContributionPercent > 100) errors.Add(at + ".contributionPercent", $"must be at most 100 (got {Money.Number(m.ContributionPercent)}%).");
            if (m.Weight < 0)
            {
                errors.Add(at + ".weight", $"must not be negative (got {Money.Number(m.Weight)}).");
                usable = false;
            }
            weights += m.Weight;
        }
        if (usable && weights == 0) errors.Add("members", "must not all have weight 0: the pool is paid out in proportion to the weights.");
        return errors;
    }

    internal PoolMember? Member(string? id) =>
        id is null ? null : Members.FirstOrDefault(m => string.Equals(m.MemberId, id.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>One member's period: what it referred, paid into the pool and got out; <see cref="Net"/> = payout − contribution.</summary>
public sealed record PoolMemberResult(string MemberId, decimal ReferredRevenue, decimal Contribution, decimal Payout)
{
    public decimal Net => Payout - Contribution;
}

/// <summary>A referred-revenue event of the period and the member it is attributed to.</summary>
public sealed record PoolLine(string Key, DateOnly Date, string Source, string MemberId, decimal Amount);

/// <summary>A pool's period: the events, each member's result and the pool (the sum of the contributions, which the payouts share out exactly).</summary>
public sealed record PoolStatement(string PoolId, Currency Currency, Period Period, IReadOnlyList<PoolLine> Lines, IReadOnlyList<PoolMemberResult> Members, decimal Pool)
{
    public PoolMemberResult Of(string memberId) =>
        Members.First(m => string.Equals(m.MemberId, memberId, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The ecosystem pool (product.md §3 "Revenue sharing"): each member pays a percentage of the revenue it referred in
/// the period into a pool, and the pool is paid out to the members in proportion to agreed weights (e.g. growth
/// metrics). A contribution is rounded once per member per period (half away from zero), not per event, so many small
/// events do not pile up rounding; the payouts then split the pool exactly by largest remainder, so the nets of all
/// members add up to exactly 0: the pool redistributes money, it never creates or loses a cent. Refunds lower a
/// member's referred revenue and so its contribution; a period with more refunds than sales has a negative
/// contribution and a negative pool, clawed back by the same weights.
/// </summary>
public static class PoolCalculator
{
    /// <summary>As <see cref="StatementCalculator.ValidateEvents"/>, with events[i].memberId required and a member of the pool. Assumes valid terms.</summary>
    public static FieldErrors ValidateEvents(PoolTerms terms, IReadOnlyList<RevenueEvent>? events)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var errors = new FieldErrors();
        EventRules.Check(errors, events, terms.PoolId, terms.Currency, terms.Start, terms.End, (e, prefix) =>
        {
            if (string.IsNullOrWhiteSpace(e.MemberId)) errors.Add(prefix + "memberId", "is required: the member that referred the revenue.");
            else if (terms.Members is not null && terms.Member(e.MemberId) is null)
                errors.Add(prefix + "memberId", $"'{e.MemberId.Trim()}' is not a member of pool '{terms.PoolId}'.");
        });
        return errors;
    }

    /// <summary>
    /// The pool's results for the period. Throws <see cref="ArgumentException"/> when the terms, events or period are
    /// invalid; check with <see cref="PoolTerms.Validate"/>, <see cref="ValidateEvents"/> and <see cref="Period.Validate"/> first.
    /// </summary>
    public static PoolStatement Distribute(PoolTerms terms, IReadOnlyList<RevenueEvent> events, Period period)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(period);
        var errors = terms.Validate();
        if (!errors.IsEmpty) throw new ArgumentException($"The pool terms are not valid: {errors}", nameof(terms));
        errors = ValidateEvents(terms, events);
        if (!errors.IsEmpty) throw new ArgumentException($"The events are not valid: {errors}", nameof(events));
        errors = period.Validate();
        if (!errors.IsEmpty) throw new ArgumentException($"The period is not valid: {errors}", nameof(period));

        var currency = Currency.Find(terms.Currency)!;
        var lines = EventRules.InPeriod(events, period)
            .Select(e => new PoolLine(e.Key, e.Date, e.Source, terms.Member(e.MemberId)!.MemberId, e.Amount))
            .ToList();
        var referred = terms.Members
            .Select(m => lines.Where(l => l.MemberId == m.MemberId).Sum(l => l.Amount))
            .ToArray();
        var contributions = terms.Members
            .Select((m, i) => Money.RoundToMinor(referred[i] * m.ContributionPercent / 100m, currency.MinorUnits))
            .ToArray();
        var pool = contributions.Sum();
        var payouts = Allocation.LargestRemainder(pool, terms.Members.Select(m => m.Weight).ToArray(), currency.MinorUnits);
        var results = terms.Members
            .Select((m, i) => new PoolMemberResult(m.MemberId, referred[i], contributions[i], payouts[i]))
            .ToArray();
        return new PoolStatement(terms.PoolId, currency, period, lines, results, pool);
    }
}
