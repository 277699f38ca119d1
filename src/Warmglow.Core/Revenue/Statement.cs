using Warmglow.Core.Validation;

namespace Warmglow.Core.Revenue;

/// <summary>An inclusive range of days, e.g. a statement period 2025-01-01 to 2025-03-31.</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>Field names "&lt;field&gt;.to".</summary>
    public FieldErrors Validate(string field = "period")
    {
        var errors = new FieldErrors();
        if (To < From) errors.Add(field + ".to", $"must not be before {field}.from ({From:yyyy-MM-dd}).");
        return errors;
    }
}

/// <summary>
/// A revenue event recorded against an agreement (or, for a pool, against a member of it).
/// The <see cref="Key"/> is the idempotency key and identifies the event on statements.
/// A negative amount is a refund.
/// </summary>
public sealed record RevenueEvent(string Key, decimal Amount, string Currency, DateOnly Date, string Source, string AgreementId, string? MemberId = null);

/// <summary>What a statement needs from an agreement: its currency, its term (End null = open-ended) and its share model.</summary>
public sealed record AgreementTerms(string AgreementId, string Currency, DateOnly Start, DateOnly? End, ShareModel Model)
{
    /// <summary>Field names "agreementId", "currency", "end", "model.…".</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors().Required("agreementId", AgreementId, EventRules.IdMax);
        EventRules.CheckCurrency(errors, "currency", Currency);
        if (End is { } end && end < Start) errors.Add("end", $"must not be before start ({Start:yyyy-MM-dd}).");
        if (Model is null) errors.Add("model", "is required.");
        else Model.Validate(errors, "model.", Start);
        return errors;
    }
}

/// <summary>One event on a statement and each party's share of it; the shares add up to <see cref="Amount"/> exactly.</summary>
/// <param name="CumulativeBefore">Net revenue of the period before this event (what a tiered rate depends on).</param>
public sealed record StatementLine(string Key, DateOnly Date, string Source, decimal Amount, decimal CumulativeBefore, IReadOnlyList<PartyAmount> Shares)
{
    public decimal ShareOf(string partyId) =>
        Shares.Where(s => string.Equals(s.PartyId, partyId, StringComparison.OrdinalIgnoreCase)).Sum(s => s.Amount);
}

/// <summary>A period's statement for one agreement: a line per event, each party's total and the total revenue.</summary>
public sealed record Statement(string AgreementId, Currency Currency, Period Period, IReadOnlyList<StatementLine> Lines, IReadOnlyList<PartyAmount> Totals, decimal Total)
{
    public decimal TotalOf(string partyId) =>
        Totals.Where(t => string.Equals(t.PartyId, partyId, StringComparison.OrdinalIgnoreCase)).Sum(t => t.Amount);
}

/// <summary>
/// Issues revenue-share statements (product.md §3 "Revenue sharing"). Pure: give it the agreement's terms and all of its
/// recorded events; it picks the events of the period, orders them by date then key (ordinal) so that the same
/// events always give the same statement, and splits each with the agreement's <see cref="ShareModel"/>.
/// Every line is rounded on its own, so a line never changes when other events are added to the period
/// (except for a tiered model, whose rate depends on the earlier events of the period by design).
/// </summary>
public static class StatementCalculator
{
    /// <summary>
    /// Checks events against the agreement: key, source and attribution present; known currency equal to the
    /// agreement's; amount not 0 and in the currency's minor units; date within the term (and, for a phased model,
    /// within a phase); keys distinct. Field names "events[i].&lt;field&gt;". Assumes valid terms.
    /// </summary>
    public static FieldErrors ValidateEvents(AgreementTerms terms, IReadOnlyList<RevenueEvent>? events)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var errors = new FieldErrors();
        EventRules.Check(errors, events, terms.AgreementId, terms.Currency, terms.Start, terms.End, (e, prefix) =>
        {
            if (terms.Model?.RefuseDate(e.Date, terms.Start) is { } reason) errors.Add(prefix + "date", reason);
        });
        return errors;
    }

    /// <summary>
    /// The statement of <paramref name="period"/>. Throws <see cref="ArgumentException"/> when the terms, the events or
    /// the period are invalid; check with <see cref="AgreementTerms.Validate"/>, <see cref="ValidateEvents"/> and <see cref="Period.Validate"/> first.
    /// </summary>
    public static Statement Calculate(AgreementTerms terms, IReadOnlyList<RevenueEvent> events, Period period)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(period);
        var errors = terms.Validate();
        if (!errors.IsEmpty) throw new ArgumentException($"The agreement terms are not valid: {errors}", nameof(terms));
        errors = ValidateEvents(terms, events);
        if (!errors.IsEmpty) throw new ArgumentException($"The events are not valid: {errors}", nameof(events));
        errors = period.Validate();
        if (!errors.IsEmpty) throw new ArgumentException($"The period is not valid: {errors}", nameof(period));

        var currency = Currency.Find(terms.Currency)!;
        var parties = terms.Model.Parties;
        var totals = new decimal[parties.Count];
        var lines = new List<StatementLine>();
        var cumulative = 0m;
        foreach (var e in EventRules.InPeriod(events, period))
        {
            var shares = terms.Model.Split(e.Amount, e.Date, new ShareContext(terms.Start, currency.MinorUnits, cumulative));
            for (var i = 0; i < shares.Count; i++) totals[i] += shares[i].Amount;
            lines.Add(new StatementLine(e.Key, e.Date, e.Source, e.Amount, cumulative, shares));
            cumulative += e.Amount;
        }
        return new Statement(terms.AgreementId, currency, period, lines,
            parties.Select((p, i) => new PartyAmount(p, totals[i])).ToArray(), lines.Sum(l => l.Amount));
    }
}

static class EventRules
{
    public const int IdMax = 100;
    public const int KeyMax = 200;
    public const int SourceMax = 200;

    public static IEnumerable<RevenueEvent> InPeriod(IReadOnlyList<RevenueEvent> events, Period period) =>
        events.Where(e => period.Contains(e.Date)).OrderBy(e => e.Date).ThenBy(e => e.Key, StringComparer.Ordinal);

    public static Currency? CheckCurrency(FieldErrors errors, string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, "is required: an ISO 4217 code such as EUR.");
            return null;
        }
        var currency = Currency.Find(code);
        if (currency is null)
            errors.Add(field, $"'{code.Trim()}' is not a supported currency; use one of {string.Join(", ", Currency.Known.Select(c => c.Code))}.");
        return currency;
    }

    /// <summary>The checks every revenue event needs, whatever it is attributed to; <paramref name="extra"/> adds the model's own.</summary>
    public static void Check(FieldErrors errors, IReadOnlyList<RevenueEvent>? events, string agreementId, string currencyCode,
        DateOnly start, DateOnly? end, Action<RevenueEvent, string> extra)
    {
        if (events is null)
        {
            errors.Add("events", "are required (an empty list means no revenue yet).");
            return;
        }
        var agreementCurrency = Currency.Find(currencyCode);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var prefix = $"events[{i}].";
            var e = events[i];
            if (e is null)
            {
                errors.Add($"events[{i}]", "is required.");
                continue;
            }
            errors.Required(prefix + "key", e.Key, KeyMax);
            // Keys are compared exactly (ordinal): an idempotency key is an opaque token chosen by the sender.
            if (!string.IsNullOrWhiteSpace(e.Key) && !keys.TryAdd(e.Key, i))
                errors.Add(prefix + "key", $"'{e.Key}' is already used by events[{keys[e.Key]}]; each event is recorded once.");
            errors.Required(prefix + "source", e.Source, SourceMax);
            if (!string.Equals(e.AgreementId?.Trim(), agreementId?.Trim(), StringComparison.Ordinal))
                errors.Add(prefix + "agreementId", $"must be '{agreementId}' (got '{e.AgreementId}'): the event is attributed to another agreement.");

            var currency = CheckCurrency(errors, prefix + "currency", e.Currency);
            if (currency is not null && agreementCurrency is not null && currency != agreementCurrency)
                errors.Add(prefix + "currency", $"must be {agreementCurrency.Code}, the agreement's currency (got {currency.Code}); convert the amount before recording it.");

            if (e.Amount == 0) errors.Add(prefix + "amount", "must not be 0; a refund is a negative amount.");
            else if (agreementCurrency is not null && !Money.FitsMinorUnits(e.Amount, agreementCurrency.MinorUnits))
                errors.Add(prefix + "amount", agreementCurrency.MinorUnits == 0
                    ? $"must be a whole number: {agreementCurrency.Code} has no minor units (got {Money.Number(e.Amount)})."
                    : $"must have at most {agreementCurrency.MinorUnits} decimals in {agreementCurrency.Code} (got {Money.Number(e.Amount)}).");

            if (e.Date < start || (end is { } last && e.Date > last))
                errors.Add(prefix + "date", $"must be within the agreement's term, {start:yyyy-MM-dd} to {(end is { } to ? to.ToString("yyyy-MM-dd") : "open-ended")} (got {e.Date:yyyy-MM-dd}).");
            else extra(e, prefix);
        }
    }
}
