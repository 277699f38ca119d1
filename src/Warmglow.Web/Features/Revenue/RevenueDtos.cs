using Warmglow.Core.Revenue;

namespace Warmglow.Web.Features.Revenue;

public sealed record PartyPercentInput(string? PartyId, decimal Percent);
public sealed record ContributionInput(string? PartyId, decimal Amount);
public sealed record PhaseInput(int? Year, DateOnly? From, DateOnly? To, List<PartyPercentInput>? Shares);
public sealed record TierInput(decimal From, decimal Percent);
public sealed record PoolMemberInput(string? MemberId, decimal ContributionPercent, decimal Weight);

/// <summary>
/// A share model's parameters; which ones apply depends on the kind (shares: fixed; contributions: capability;
/// phases: phased; partnerId/ownerId/tiers: tiered; members: pool). Party ids are "org" (our organization) and
/// "p{partnerId}" for each member partner of the partnership.
/// </summary>
public sealed record ModelInput(
    List<PartyPercentInput>? Shares = null,
    List<ContributionInput>? Contributions = null,
    List<PhaseInput>? Phases = null,
    string? PartnerId = null,
    string? OwnerId = null,
    List<TierInput>? Tiers = null,
    List<PoolMemberInput>? Members = null);

/// <summary>PUT body of /api/agreements/{id}/revenue-terms. Version: the one you loaded (0 for new terms).</summary>
public sealed record TermsInput(
    ShareModelKind? Kind,
    List<PartyPercentInput>? Shares = null,
    List<ContributionInput>? Contributions = null,
    List<PhaseInput>? Phases = null,
    string? PartnerId = null,
    string? OwnerId = null,
    List<TierInput>? Tiers = null,
    List<PoolMemberInput>? Members = null,
    int? HoldingDays = null,
    int? Version = null)
{
    public ModelInput Model => new(Shares, Contributions, Phases, PartnerId, OwnerId, Tiers, Members);
}

public sealed record PartyDto(string Id, string Name);

public sealed record TermsDto(int AgreementId, ShareModelKind? Kind, ModelInput? Model, int HoldingDays, int Version,
    IReadOnlyList<PartyDto> Parties, string Currency, DateOnly Start, DateOnly? End);

/// <summary>POST body of /api/agreements/{id}/revenue-events. Amount is positive; a refund is Kind = Refund.</summary>
public sealed record EventInput(string? Key, decimal? Amount, string? Currency, DateOnly? Date, string? Source,
    RevenueKind? Kind = null, string? MemberId = null);

public sealed record EventDto(int Id, int AgreementId, string Key, RevenueKind Kind, decimal Amount, string Currency,
    DateOnly Date, string Source, string? MemberId, string Channel, DateTime RecordedAt, int? StatementId, string? AgreementTitle = null);

/// <summary>The answer to a post: the event (new or the one recorded before) and whether this post was a replay.</summary>
public sealed record PostResult(EventDto Event, bool Replay);

public sealed record ImportRowResult(int Rows, int Created, int Replays);

public sealed record PeriodInput(DateOnly? From, DateOnly? To);

/// <summary>A party's total on a statement (pool: referred revenue, contribution into the pool and payout = Share).</summary>
public sealed record StatementParty(string PartyId, string Name, decimal Share, decimal? Referred = null, decimal? Contribution = null);

public sealed record StatementLineDto(int EventId, string Key, DateOnly Date, string Source, string? MemberId, decimal Amount,
    bool Adjustment, IReadOnlyList<decimal> Shares);

/// <summary>A statement: issued (Id set, locked) or a preview (Id null, nothing written).</summary>
public sealed record StatementDto(int? Id, int AgreementId, string AgreementTitle, int PartnershipId, DateOnly From, DateOnly To,
    string Currency, ShareModelKind Kind, decimal Total, decimal Adjustments, IReadOnlyList<StatementParty> Parties,
    int LineCount, IReadOnlyList<StatementLineDto>? Lines, int HoldingDays, DateOnly PayableOn, DateTime? IssuedAt, string? IssuedBy,
    PaymentDto? Payment = null, StatementAddressee? Addressee = null)
{
    public bool Issued => Id is not null;
}

public sealed record StatementSummary(int Id, int AgreementId, string AgreementTitle, DateOnly From, DateOnly To, string Currency,
    decimal Total, decimal Adjustments, int LineCount, DateOnly PayableOn, DateTime IssuedAt, DateOnly? PaidOn = null);

/// <summary>That a statement was paid (<see cref="StatementPayment"/>).</summary>
public sealed record PaymentDto(DateOnly PaidOn, string Reference, string? RecordedBy, DateTime RecordedAt);

/// <summary>Marking a statement paid: the day the money left and the transfer's or invoice's reference.</summary>
public sealed record PaymentInput(DateOnly? PaidOn, string? Reference);

/// <summary>Who the statement is between: our workspace and the partnership's partners, for the printed page.</summary>
public sealed record StatementAddressee(string OurName, string PartnershipName, IReadOnlyList<string> PartnerNames);

public sealed record AgreementRevenueRow(int AgreementId, string Title, int PartnershipId, string PartnershipName, string Currency,
    ShareModelKind? Kind, decimal PeriodTotal, int PeriodEvents, int Statements);

/// <summary>What a partner user earned on one issued statement (its own party's share).</summary>
public sealed record EarningDto(int StatementId, string AgreementTitle, DateOnly From, DateOnly To, string Currency, decimal Share, DateOnly PayableOn, bool Payable,
    DateOnly? PaidOn = null);

static class Parties
{
    public const string Org = "org";
    public static string Partner(int partnerId) => $"p{partnerId}";
}

static class Dates
{
    public static Period QuarterOf(DateOnly d)
    {
        var q = (d.Month - 1) / 3;
        var from = new DateOnly(d.Year, q * 3 + 1, 1);
        return new Period(from, from.AddMonths(3).AddDays(-1));
    }
}
