using System.Globalization;
using System.Text.Json;
using Warmglow.Core.Revenue;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Infrastructure;
using CoreEvent = Warmglow.Core.Revenue.RevenueEvent;

namespace Warmglow.Web.Features.Revenue;

/// <summary>
/// A statement computed in memory from the agreement's terms and its unstated events up to the period's end.
/// Events dated before the period (late events for an issued period) and refunds are adjustment lines; they are split
/// by the model as of their own date, so a correction claws back or pays out exactly what the original split did.
/// </summary>
sealed class ComputedStatement
{
    public required Agreement Agreement { get; init; }
    public required RevenueTerms Terms { get; init; }
    public required Period Period { get; init; }
    public required List<StatementParty> Parties { get; init; }
    public required List<(RevenueEntry Event, bool Adjustment, decimal[] Shares)> Lines { get; init; }
    public decimal Total { get; init; }
    public decimal Adjustments { get; init; }

    public static ComputedStatement Compute(Agreement agreement, RevenueTerms terms, Period period, IReadOnlyList<RevenueEntry> entries,
        IReadOnlyList<PartyDto> partyNames)
    {
        var names = partyNames.ToDictionary(p => p.Id, p => p.Name, StringComparer.OrdinalIgnoreCase);
        string Name(string id) => names.TryGetValue(id, out var n) ? n : id;
        var model = JsonSerializer.Deserialize<ModelInput>(terms.Model, RevenueTermsService.ModelJson)!;
        var earliest = entries.Count == 0 ? period.From : DateOnly.FromDayNumber(Math.Min(period.From.DayNumber, entries.Min(e => e.Date).DayNumber));
        var wide = new Period(earliest, period.To);
        bool IsAdjustment(RevenueEntry e) => e.Date < period.From || e.Kind == RevenueKind.Refund;
        try
        {
            if (terms.Kind == ShareModelKind.Pool)
            {
                var pool = RevenueTermsService.ToPool(model, agreement);
                var core = entries.Select(e => new CoreEvent(e.Key, e.Amount, e.Currency, e.Date, e.Source,
                    agreement.Id.ToString(CultureInfo.InvariantCulture), e.MemberId)).ToList();
                var byKey = entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
                var result = PoolCalculator.Distribute(pool, core, wide);
                var memberIndex = pool.Members.Select((m, i) => (m.MemberId, i)).ToDictionary(x => x.MemberId, x => x.i, StringComparer.OrdinalIgnoreCase);
                var lines = result.Lines.Select(l =>
                {
                    // A pool line shows the referring member's attribution; the payouts are per period (party totals).
                    var shares = new decimal[pool.Members.Count];
                    shares[memberIndex[l.MemberId]] = l.Amount;
                    var e = byKey[l.Key];
                    return (e, IsAdjustment(e), shares);
                }).ToList();
                return new ComputedStatement
                {
                    Agreement = agreement, Terms = terms, Period = period, Lines = lines,
                    Parties = result.Members.Select(m => new StatementParty(m.MemberId, Name(m.MemberId), m.Payout, m.ReferredRevenue, m.Contribution)).ToList(),
                    Total = lines.Sum(l => l.e.Amount),
                    Adjustments = lines.Where(l => l.Item2).Sum(l => l.e.Amount),
                };
            }
            var share = RevenueTermsService.ToModel(terms.Kind, model);
            var modelErrors = share.Validate(agreement.StartDate);
            if (!modelErrors.IsEmpty) throw new ArgumentException(modelErrors.ToString());
            // The loop of Core's StatementCalculator.Calculate (same order: date, then key ordinal; same running volume
            // for tiers), without re-validating every event: each was checked against the agreement when recorded.
            // A model that cannot split an event any more (a phase removed since) throws ArgumentException below.
            var minor = Currency.Find(agreement.Currency)!.MinorUnits;
            var partyIds = share.Parties;
            var totals = new decimal[partyIds.Count];
            var cumulative = 0m;
            var splitLines = new List<(RevenueEntry, bool, decimal[])>(entries.Count);
            foreach (var e in entries.OrderBy(e => e.Date).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                var parts = share.Split(e.Amount, e.Date, new ShareContext(agreement.StartDate, minor, cumulative));
                var amounts = new decimal[parts.Count];
                for (var i = 0; i < parts.Count; i++) totals[i] += amounts[i] = parts[i].Amount;
                splitLines.Add((e, IsAdjustment(e), amounts));
                cumulative += e.Amount;
            }
            return new ComputedStatement
            {
                Agreement = agreement, Terms = terms, Period = period, Lines = splitLines,
                Parties = partyIds.Select((id, i) => new StatementParty(id, Name(id), totals[i])).ToList(),
                Total = entries.Sum(e => e.Amount),
                Adjustments = splitLines.Where(l => l.Item2).Sum(l => l.Item1.Amount),
            };
        }
        catch (ArgumentException e)
        {
            // Terms changed after events were recorded (e.g. a phase removed): say which, write nothing.
            throw ValidationFailed.For("terms", $"do not cover every event to be stated: {e.Message} Adjust the terms, then issue again.");
        }
    }

    public DateOnly PayableOn => Period.To.AddDays(Terms.HoldingDays);

    public RevenueStatement ToEntity(DateTime now, string? by) => new()
    {
        AgreementId = Agreement.Id,
        PartnershipId = Agreement.PartnershipId,
        From = Period.From,
        To = Period.To,
        Currency = Agreement.Currency,
        Kind = Terms.Kind,
        Total = Total,
        Adjustments = Adjustments,
        LineCount = Lines.Count,
        Parties = JsonSerializer.Serialize(Parties, RevenueTermsService.ModelJson),
        TermsVersion = Terms.Version,
        HoldingDays = Terms.HoldingDays,
        PayableOn = PayableOn,
        IssuedAt = now,
        IssuedBy = by,
    };

    /// <summary>The lines as stored: one compressed row per statement (<see cref="StatementLineCodec"/>).</summary>
    public RevenueStatementLineSet LineSet(int statementId, byte[] data) => new()
    {
        StatementId = statementId,
        WorkspaceId = Agreement.WorkspaceId,
        Count = Lines.Count,
        Data = data,
    };

    public byte[] EncodeLines() => StatementLineCodec.Encode(Lines);

    public StatementDto Dto(int? id, DateTime? issuedAt, string? issuedBy) =>
        new(id, Agreement.Id, Agreement.Title, Agreement.PartnershipId, Period.From, Period.To, Agreement.Currency, Terms.Kind, Total, Adjustments,
            Parties, Lines.Count,
            Lines.Select(l => new StatementLineDto(l.Event.Id, l.Event.Key, l.Event.Date, l.Event.Source, l.Event.MemberId, l.Event.Amount, l.Adjustment, l.Shares)).ToList(),
            Terms.HoldingDays, PayableOn, issuedAt, issuedBy);
}
