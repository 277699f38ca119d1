using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;

namespace Warmglow.Web.Features.Revenue;

/// <summary>The share models an agreement's revenue terms may use (product.md §3 "Revenue sharing").</summary>
public enum ShareModelKind
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Fixed split")] FixedSplit,
    [System.ComponentModel.DataAnnotations.Display(Name = "Split by capability")] CapabilitySplit,
    [System.ComponentModel.DataAnnotations.Display(Name = "Phased split")] PhasedSplit,
    [System.ComponentModel.DataAnnotations.Display(Name = "Tiered split")] TieredSplit,
    [System.ComponentModel.DataAnnotations.Display(Name = "Shared pool")] Pool,
}

/// <summary>A sale adds revenue; a refund (entered as a positive amount) is stored negative and claws back by the same split.</summary>
public enum RevenueKind { Sale, Refund }

/// <summary>
/// An agreement's revenue-share terms: one row per agreement, the model as JSON (the API's <see cref="TermsInput"/>
/// shape, which Core validates), and the optional holding period. Versioned and audited: every change is a new
/// version in the audit log with the before and after model.
/// </summary>
public class RevenueTerms : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public ShareModelKind Kind { get; set; }
    /// <summary>The model's parameters as JSON (<see cref="ModelInput"/>).</summary>
    public required string Model { get; set; }
    /// <summary>Days after a statement's period end before its shares are payable (refunds are unlikely by then).</summary>
    public int HoldingDays { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Revenue terms of agreement {AgreementId}: {Kind}";
}

/// <summary>
/// A recorded revenue event. Immutable once written: corrections are refunds or later events, never edits.
/// <see cref="Amount"/> is signed (refunds negative); <see cref="Key"/> is unique per workspace (database index).
/// </summary>
public class RevenueEntry : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public required string Key { get; set; }
    public RevenueKind Kind { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public DateOnly Date { get; set; }
    public required string Source { get; set; }
    /// <summary>Party id of the pool member that referred the revenue (pool models), else null.</summary>
    public string? MemberId { get; set; }
    /// <summary>"csv", "api" or "form": where the event came in.</summary>
    public required string Channel { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    /// <summary>
    /// The issued statement the event is on; null until then. Set once, set-based, when the statement is issued and
    /// never changed: one column, so "an event is on at most one statement, ever" holds by construction.
    /// </summary>
    public int? StatementId { get; set; }

    public string? AuditSummary => $"{Kind} {Key}: {Amount} {Currency} on {Date:yyyy-MM-dd}";
}

/// <summary>
/// An issued statement: locked forever (no endpoint updates or deletes it; the service refuses with 409).
/// <see cref="Parties"/> holds each party's totals as JSON (<see cref="StatementParty"/>), in model order.
/// </summary>
public class RevenueStatement : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    /// <summary>Denormalized from the agreement, for the partner users' filter.</summary>
    public int PartnershipId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public required string Currency { get; set; }
    public ShareModelKind Kind { get; set; }
    /// <summary>Sum of all lines (period events and adjustments).</summary>
    public decimal Total { get; set; }
    public decimal Adjustments { get; set; }
    public int LineCount { get; set; }
    public required string Parties { get; set; }
    public int TermsVersion { get; set; }
    public int HoldingDays { get; set; }
    public DateOnly PayableOn { get; set; }
    public DateTime IssuedAt { get; set; }
    public string? IssuedBy { get; set; }

    public string? AuditSummary => $"Statement {From:yyyy-MM-dd}..{To:yyyy-MM-dd} of agreement {AgreementId}: {Total} {Currency}";
}

/// <summary>
/// That a statement was paid: when and under which reference (a bank transfer, an invoice number). The statement itself
/// stays locked; its payment is a row of its own, at most one per statement (a unique index), recorded once.
/// </summary>
public class StatementPayment : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int StatementId { get; set; }
    /// <summary>Denormalized from the statement, for the partner users' filter.</summary>
    public int PartnershipId { get; set; }
    public DateOnly PaidOn { get; set; }
    public required string Reference { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }

    public string? AuditSummary => $"Statement {StatementId} paid on {PaidOn:yyyy-MM-dd}, reference {Reference}";
}

/// <summary>
/// An issued statement's lines, one row per statement (not per event): a gzip-compressed JSON array with one entry per
/// event (event id, key, date, source, member, amount, adjustment, each party's share in the statement's party order),
/// written once with the statement and never changed (<see cref="StatementLineCodec"/>). Not audited itself: the
/// statement that owns it is.
/// </summary>
public class RevenueStatementLineSet : IWorkspaceOwned
{
    public int StatementId { get; set; }
    public int WorkspaceId { get; set; }
    public int Count { get; set; }
    public required byte[] Data { get; set; }
}
