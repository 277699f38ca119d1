using Warmglow.Core.Validation;

namespace Warmglow.Core.Revenue;

/// <summary>A party and its percentage of each event (0–100).</summary>
public sealed record PartyPercent(string PartyId, decimal Percent);

/// <summary>A party and what it brings in (a cost or contribution amount, any unit, ≥ 0); only the ratios matter.</summary>
public sealed record PartyContribution(string PartyId, decimal Amount);

/// <summary>A party's amount: a share of one event, or a total.</summary>
public sealed record PartyAmount(string PartyId, decimal Amount);

/// <summary>What a share model may need besides the event itself.</summary>
/// <param name="AgreementStart">Day 1 of agreement year 1 (phased model).</param>
/// <param name="MinorUnits">Decimals of the agreement's currency.</param>
/// <param name="CumulativeBefore">Net revenue of the earlier events of the same period (tiered model).</param>
public sealed record ShareContext(DateOnly AgreementStart, int MinorUnits, decimal CumulativeBefore = 0m);

/// <summary>
/// A revenue-share model (product.md §3 "Revenue sharing"): how one revenue event is split among the parties of an
/// agreement. Every model splits an event into amounts in the currency's minor units that add up to the event's
/// amount exactly (<see cref="Allocation.LargestRemainder"/>); a refund (negative amount) is split by the same rule
/// and so claws back proportionally. The set of models is closed (the constructor is private protected) because the API and
/// the statements must know every one of them.
/// </summary>
public abstract record ShareModel
{
    private protected ShareModel() { }

    /// <summary>Every party that can receive a share, in the order lines and totals list them.</summary>
    public abstract IReadOnlyList<string> Parties { get; }

    /// <summary>Checks the model; field names relative to the model, e.g. "shares[0].percent".</summary>
    public FieldErrors Validate(DateOnly agreementStart)
    {
        var errors = new FieldErrors();
        Validate(errors, "", agreementStart);
        return errors;
    }

    internal abstract void Validate(FieldErrors errors, string prefix, DateOnly agreementStart);

    /// <summary>Why an event on this date cannot be split (e.g. no phase covers it), or null.</summary>
    internal virtual string? RefuseDate(DateOnly date, DateOnly agreementStart) => null;

    /// <summary>
    /// Splits one event: one amount per party in <see cref="Parties"/> order, each in minor units, together exactly
    /// <paramref name="amount"/>. Assumes a valid model and an amount in minor units; throws <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public abstract IReadOnlyList<PartyAmount> Split(decimal amount, DateOnly date, ShareContext context);

    private protected static IReadOnlyList<PartyAmount> Zip(IReadOnlyList<string> parties, IReadOnlyList<decimal> amounts) =>
        parties.Select((p, i) => new PartyAmount(p, amounts[i])).ToArray();
}

/// <summary>Fixed split: each party gets a fixed percentage of every event, e.g. 60 / 40. Percentages add up to exactly 100.</summary>
public sealed record FixedSplit(IReadOnlyList<PartyPercent> Shares) : ShareModel
{
    public override IReadOnlyList<string> Parties => Shares.Select(s => s.PartyId).ToArray();

    internal override void Validate(FieldErrors errors, string prefix, DateOnly agreementStart) =>
        ShareRules.Percents(errors, prefix + "shares", Shares);

    public override IReadOnlyList<PartyAmount> Split(decimal amount, DateOnly date, ShareContext context) =>
        Zip(Parties, Allocation.LargestRemainder(amount, Shares.Select(s => s.Percent).ToArray(), context.MinorUnits));
}

/// <summary>
/// Capability-based split: in proportion to what each party contributes or what it costs them, e.g. manufacturing
/// cost 300 vs content 200 → 60 / 40. The amounts are used as weights directly, never turned into rounded
/// percentages first, so 1 : 2 splits exactly in thirds before the one rounding to minor units.
/// </summary>
public sealed record CapabilitySplit(IReadOnlyList<PartyContribution> Contributions) : ShareModel
{
    public override IReadOnlyList<string> Parties => Contributions.Select(c => c.PartyId).ToArray();

    internal override void Validate(FieldErrors errors, string prefix, DateOnly agreementStart)
    {
        var field = prefix + "contributions";
        if (Contributions is null || Contributions.Count == 0)
        {
            errors.Add(field, "are required: at least one party and its contribution.");
            return;
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sum = 0m;
        var usable = true;
        for (var i = 0; i < Contributions.Count; i++)
        {
            var c = Contributions[i];
            if (c is null)
            {
                errors.Add($"{field}[{i}]", "is required.");
                usable = false;
                continue;
            }
            ShareRules.PartyId(errors, $"{field}[{i}].partyId", c.PartyId, ids);
            if (c.Amount < 0)
            {
                errors.Add($"{field}[{i}].amount", $"must not be negative (got {Money.Number(c.Amount)}).");
                usable = false;
            }
            sum += c.Amount;
        }
        if (usable && sum == 0) errors.Add(field, "must not all be 0: the split is in proportion to them.");
    }

    public override IReadOnlyList<PartyAmount> Split(decimal amount, DateOnly date, ShareContext context) =>
        Zip(Parties, Allocation.LargestRemainder(amount, Contributions.Select(c => c.Amount).ToArray(), context.MinorUnits));
}

/// <summary>
/// One phase of a <see cref="PhasedSplit"/>: either an agreement year (1 = the first twelve months from the
/// agreement's start) or an explicit inclusive date range, and the fixed split that applies within it.
/// </summary>
public sealed record Phase(IReadOnlyList<PartyPercent> Shares, int? Year = null, DateOnly? From = null, DateOnly? To = null)
{
    public static Phase ForYear(int year, params PartyPercent[] shares) => new(shares, Year: year);

    public static Phase Between(DateOnly from, DateOnly to, params PartyPercent[] shares) => new(shares, From: from, To: to);

    /// <summary>
    /// The phase's days. Agreement year n runs from the (n−1)th anniversary of the start to the day before the nth;
    /// a start on 29 February has its anniversaries on 28 February (DateOnly.AddYears), so years never overlap.
    /// Assumes a valid phase.
    /// </summary>
    public Period Resolve(DateOnly agreementStart) => Year is int year
        ? new Period(agreementStart.AddYears(year - 1), agreementStart.AddYears(year).AddDays(-1))
        : new Period(From!.Value, To!.Value);
}

/// <summary>
/// Phased split: the split changes over the life of the agreement, e.g. 70/30 in year 1, 50/50 in year 2, 30/70 in
/// year 3. An event uses the phase its date falls in. Phases must not overlap; gaps are allowed in the terms, but an
/// event dated in a gap is refused rather than split by a guess.
/// </summary>
public sealed record PhasedSplit(IReadOnlyList<Phase> Phases) : ShareModel
{
    public const int MaxYear = 100;

    /// <summary>The parties of all phases, in order of first appearance; a party missing from a phase gets 0 in it.</summary>
    public override IReadOnlyList<string> Parties =>
        Phases.SelectMany(p => p.Shares).Select(s => s.PartyId).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    internal override void Validate(FieldErrors errors, string prefix, DateOnly agreementStart)
    {
        var field = prefix + "phases";
        if (Phases is null || Phases.Count == 0)
        {
            errors.Add(field, "are required: at least one phase.");
            return;
        }
        var ranges = new Period?[Phases.Count];
        for (var i = 0; i < Phases.Count; i++)
        {
            var phase = Phases[i];
            var at = $"{field}[{i}]";
            if (phase is null)
            {
                errors.Add(at, "is required.");
                continue;
            }
            ShareRules.Percents(errors, at + ".shares", phase.Shares);
            var hasRange = phase.From is not null || phase.To is not null;
            if (phase.Year is int year)
            {
                if (hasRange) errors.Add(at, "must give either an agreement year or from and to, not both.");
                else if (year < 1 || year > MaxYear) errors.Add(at + ".year", $"must be from 1 to {MaxYear} (got {year}).");
                else ranges[i] = phase.Resolve(agreementStart);
            }
            else if (phase.From is null || phase.To is null)
                errors.Add(at, "must give an agreement year, or both from and to.");
            else if (phase.To < phase.From)
                errors.Add(at + ".to", $"must not be before from ({phase.From:yyyy-MM-dd}).");
            else ranges[i] = phase.Resolve(agreementStart);
        }
        // Overlapping phases would make the split of an event depend on the order of the list.
        for (var j = 0; j < Phases.Count; j++)
            for (var i = 0; i < j; i++)
                if (ranges[i] is { } a && ranges[j] is { } b && a.From <= b.To && b.From <= a.To)
                    errors.Add($"{field}[{j}]", $"overlaps {field}[{i}]: {Text(b)} and {Text(a)} share days; phases must not overlap.");
    }

    static string Text(Period p) => $"{p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}";

    /// <summary>The phase whose days include the date, or null.</summary>
    public Phase? PhaseOn(DateOnly date, DateOnly agreementStart) =>
        Phases.FirstOrDefault(p => p.Resolve(agreementStart).Contains(date));

    internal override string? RefuseDate(DateOnly date, DateOnly agreementStart) =>
        PhaseOn(date, agreementStart) is null
            ? $"falls in no phase of the agreement ({string.Join(", ", Phases.Select(p => Text(p.Resolve(agreementStart))))}); add a phase that covers {date:yyyy-MM-dd}."
            : null;

    public override IReadOnlyList<PartyAmount> Split(decimal amount, DateOnly date, ShareContext context)
    {
        var phase = PhaseOn(date, context.AgreementStart)
            ?? throw new ArgumentException($"No phase covers {date:yyyy-MM-dd}.", nameof(date));
        var parties = Parties;
        var weights = parties
            .Select(p => phase.Shares.FirstOrDefault(s => string.Equals(s.PartyId, p, StringComparison.OrdinalIgnoreCase))?.Percent ?? 0m)
            .ToArray();
        return Zip(parties, Allocation.LargestRemainder(amount, weights, context.MinorUnits));
    }
}

/// <summary>A tier of a <see cref="TieredSplit"/>: from this cumulative period volume on, the partner earns <see cref="Percent"/>.</summary>
public sealed record Tier(decimal From, decimal Percent);

/// <summary>
/// Tiered split: the partner's rate depends on the cumulative (net) revenue of the period so far, e.g. 10% up to
/// 10,000 and 15% above; the owner keeps the rest. Rates are marginal: an event that crosses a threshold is split at
/// the threshold, the part below at the lower rate and the part above at the higher rate, so the partner never earns
/// a jump by crossing a threshold with a cent. The cumulative volume starts at 0 in each period.
/// </summary>
public sealed record TieredSplit(string PartnerId, string OwnerId, IReadOnlyList<Tier> Tiers) : ShareModel
{
    public override IReadOnlyList<string> Parties => [PartnerId, OwnerId];

    internal override void Validate(FieldErrors errors, string prefix, DateOnly agreementStart)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        ShareRules.PartyId(errors, prefix + "partnerId", PartnerId, ids);
        ShareRules.PartyId(errors, prefix + "ownerId", OwnerId, ids);
        var field = prefix + "tiers";
        if (Tiers is null || Tiers.Count == 0)
        {
            errors.Add(field, "are required: at least one tier starting from 0.");
            return;
        }
        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            if (tier is null)
            {
                errors.Add($"{field}[{i}]", "is required.");
                continue;
            }
            if (i == 0 && tier.From != 0)
                errors.Add($"{field}[0].from", $"must be 0 so that every volume has a rate (got {Money.Number(tier.From)}).");
            if (i > 0 && Tiers[i - 1] is { } previous && tier.From <= previous.From)
                errors.Add($"{field}[{i}].from", $"must be above the previous tier's {Money.Number(previous.From)} (got {Money.Number(tier.From)}).");
            if (tier.Percent < 0) errors.Add($"{field}[{i}].percent", $"must not be negative (got {Money.Number(tier.Percent)}%).");
            else if (tier.Percent > 100) errors.Add($"{field}[{i}].percent", $"must be at most 100 (got {Money.Number(tier.Percent)}%).");
        }
    }

    /// <summary>
    /// The partner's exact (unrounded) share of an event of <paramref name="amount"/> when the period's volume before
    /// it is <paramref name="cumulativeBefore"/>: what the partner has earned at the volume after the event minus what
    /// it had earned before. A refund therefore takes back at the rates of the volume it removes, and a sale followed
    /// by its refund nets to exactly 0. Below 0 (more refunds than sales so far) the first tier's rate applies.
    /// </summary>
    public decimal PartnerShareExact(decimal cumulativeBefore, decimal amount) =>
        Earned(cumulativeBefore + amount) - Earned(cumulativeBefore);

    decimal Earned(decimal volume)
    {
        if (volume <= 0) return volume * Tiers[0].Percent / 100m;
        var earned = 0m;
        for (var i = 0; i < Tiers.Count && volume > Tiers[i].From; i++)
        {
            var top = i + 1 < Tiers.Count ? Math.Min(volume, Tiers[i + 1].From) : volume;
            earned += (top - Tiers[i].From) * Tiers[i].Percent / 100m;
        }
        return earned;
    }

    public override IReadOnlyList<PartyAmount> Split(decimal amount, DateOnly date, ShareContext context)
    {
        if (amount == 0) return Zip(Parties, [0m, 0m]);
        var partner = PartnerShareExact(context.CumulativeBefore, amount);
        // Both exact parts have the amount's sign (rates are 0–100%), so their magnitudes are proportional weights
        // and the largest remainder rounds them to minor units without losing or inventing a cent.
        return Zip(Parties, Allocation.LargestRemainder(amount, [Math.Abs(partner), Math.Abs(amount - partner)], context.MinorUnits));
    }
}

static class ShareRules
{
    public const int PartyIdMax = 100;

    public static void PartyId(FieldErrors errors, string field, string? id, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(id)) errors.Add(field, "is required.");
        else if (id.Trim().Length > PartyIdMax) errors.Add(field, $"must be at most {PartyIdMax} characters (got {id.Trim().Length}).");
        // A party listed twice would be paid twice, or its two entries would be indistinguishable on a statement.
        else if (!seen.Add(id.Trim())) errors.Add(field, $"'{id.Trim()}' appears more than once; list each party once.");
    }

    public static void Percents(FieldErrors errors, string field, IReadOnlyList<PartyPercent>? shares)
    {
        if (shares is null || shares.Count == 0)
        {
            errors.Add(field, "are required: at least one party and its percentage.");
            return;
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sum = 0m;
        var usable = true;
        for (var i = 0; i < shares.Count; i++)
        {
            var share = shares[i];
            if (share is null)
            {
                errors.Add($"{field}[{i}]", "is required.");
                usable = false;
                continue;
            }
            PartyId(errors, $"{field}[{i}].partyId", share.PartyId, ids);
            if (share.Percent < 0)
            {
                errors.Add($"{field}[{i}].percent", $"must not be negative (got {Money.Number(share.Percent)}%).");
                usable = false;
            }
            else if (share.Percent > 100)
            {
                errors.Add($"{field}[{i}].percent", $"must be at most 100 (got {Money.Number(share.Percent)}%).");
                usable = false;
            }
            sum += share.Percent;
        }
        // Exactly 100, not "about": 99.99% would silently leave money with nobody.
        if (usable && sum != 100) errors.Add(field, $"must add up to 100% (got {Money.Number(sum)}%).");
    }
}
