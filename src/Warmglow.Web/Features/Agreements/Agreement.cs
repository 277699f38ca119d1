using Warmglow.Core.Agreements;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Agreements;

/// <summary>
/// An agreement on a partnership (product.md §3). Its terms live in versioned clauses; the revenue ledger reads
/// <see cref="Currency"/>, <see cref="StartDate"/> and <see cref="EndDate"/> to check and split revenue events.
/// </summary>
public class Agreement : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Title { get; set; }
    public AgreementType Type { get; set; }
    /// <summary>Flexible agreements may be amended by either side during the term; fixed ones only at review.</summary>
    public bool Flexible { get; set; }
    public AgreementStatus Status { get; set; } = AgreementStatus.TermSheet;
    public DateOnly StartDate { get; set; }
    /// <summary>Last day covered (inclusive); null while open-ended.</summary>
    public DateOnly? EndDate { get; set; }
    /// <summary>ISO 4217 code of every revenue event and statement under this agreement (Core.Revenue.Currency.Known).</summary>
    public required string Currency { get; set; }
    /// <summary>Staff user ids responsible for the agreement.</summary>
    public List<string> OwnerIds { get; set; } = [];
    /// <summary>Number of the latest <see cref="AgreementVersion"/>; the header columns above always mirror it.</summary>
    public int CurrentVersion { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"{Title} ({Status})";
}
