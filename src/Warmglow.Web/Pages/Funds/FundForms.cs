using Warmglow.Core.Funds;
using Warmglow.Core.Revenue;
using Warmglow.Web.Features.Funds;

namespace Warmglow.Web.Pages.Funds;

public sealed class FundForm
{
    public string? Name { get; set; }
    public FundKind? Kind { get; set; }
    public string? Description { get; set; }
    public int? PartnershipId { get; set; }
    public string? Currency { get; set; } = "EUR";
    public decimal? Amount { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateOnly? ClaimDeadline { get; set; }
    public decimal? VendorShare { get; set; } = 50;
    public decimal? PartnerShare { get; set; } = 50;
    public decimal? ManagerApprovalLimit { get; set; }
    public decimal? ExecutiveApprovalLimit { get; set; }

    public FundInput ToInput() => new(Name, Kind, Description, PartnershipId, Currency, Amount, StartsOn, EndsOn, ClaimDeadline, VendorShare, PartnerShare,
        ManagerApprovalLimit, ExecutiveApprovalLimit);
}

public sealed class RequestForm
{
    public int? PartnershipId { get; set; }
    public FundActivity? Activity { get; set; }
    public string? Title { get; set; }
    public int? InitiativeId { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public string? ExpectedOutcome { get; set; }
    public bool Draft { get; set; }

    public RequestInput ToInput() => new(PartnershipId, Activity, Title, InitiativeId, Amount, PlannedStart, PlannedEnd, ExpectedOutcome, !Draft);
}

public sealed class ClaimForm
{
    public decimal? Spent { get; set; }
    public string? Note { get; set; }
    public string? IdempotencyKey { get; set; }
    public int? Version { get; set; }
    public FundDecision? Decision { get; set; }
    public string? Reason { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? Reference { get; set; }
}

/// <summary>Money as a person reads it: the currency's decimals and its code.</summary>
public static class FundText
{
    public static string Money(decimal amount, string currency) =>
        $"{Core.Revenue.Money.Display(amount, Currency.Find(currency)?.MinorUnits ?? 2)} {currency}";

    public static string Limit(decimal? limit, string currency) => limit switch
    {
        null => "no limit",
        0 => "you cannot approve requests of this fund",
        { } l => $"up to {Money(l, currency)} per request",
    };
}
