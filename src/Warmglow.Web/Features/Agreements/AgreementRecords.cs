using Warmglow.Core.Agreements;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Agreements;

/// <summary>
/// One version of an agreement's terms: the full header and clauses as they stood, why they changed, who changed
/// them. Versions are only ever added (the service has no update or delete path); number 1 is the first draft.
/// </summary>
public class AgreementVersion : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int Number { get; set; }
    public required string Reason { get; set; }
    /// <summary>Whether partner users may read <see cref="Reason"/>; internal unless chosen when the version was written.</summary>
    public bool ReasonShared { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
    public AgreementTerms Terms { get; set; } = new();

    public string? AuditSummary => $"Version {Number}: {Reason}";
}

/// <summary>An approver's sign-off on one version; signing needs one on the current version.</summary>
public class AgreementApproval : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int VersionNumber { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime At { get; set; }
    public string? Note { get; set; }

    public string? AuditSummary => $"Approved version {VersionNumber} ({UserName})";
}

/// <summary>A recorded status move.</summary>
public class AgreementTransition : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public AgreementStatus FromStatus { get; set; }
    public AgreementStatus ToStatus { get; set; }
    public required string Reason { get; set; }
    public string? ByUserId { get; set; }
    public required string ByUserName { get; set; }
    public DateTime At { get; set; }

    public string? AuditSummary => $"{AgreementLifecycle.Display(FromStatus)} → {AgreementLifecycle.Display(ToStatus)}";
}

public enum ReviewState { Scheduled, Held, Cancelled }

public enum ReviewOutcome { OnTrack, NeedsAttention, Renegotiate, Terminate }

/// <summary>A scheduled review from the review clause; tasks go to the review owners; recording it as held completes them.</summary>
public class AgreementReview : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    /// <summary>Copied from the agreement so the overdue and activity signals need no join.</summary>
    public int PartnershipId { get; set; }
    public DateOnly DueOn { get; set; }
    public ReviewState State { get; set; }
    public DateOnly? HeldOn { get; set; }
    public DateTime? HeldAt { get; set; }
    public string? HeldByName { get; set; }
    public ReviewOutcome? Outcome { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Review due {DueOn:yyyy-MM-dd} ({State})";
}

/// <summary>
/// A partnership's charter: what each side wants, by when, with what, measured how, talking how. One per
/// partnership; every save also appends a <see cref="CharterRevision"/>, so the history stays readable.
/// </summary>
public class PartnershipCharter : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public CharterSide Ours { get; set; } = new();
    public CharterSide Theirs { get; set; } = new();
    public string? UpdatedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Charter of partnership {PartnershipId}";
}

public class CharterRevision : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int CharterId { get; set; }
    public PartnershipCharter? Charter { get; set; }
    public int Number { get; set; }
    public CharterSide Ours { get; set; } = new();
    public CharterSide Theirs { get; set; } = new();
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime At { get; set; }

    public string? AuditSummary => $"Charter revision {Number}";
}
