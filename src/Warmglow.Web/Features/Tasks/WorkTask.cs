using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Tasks;

public enum WorkTaskStatus { Open, Done }

/// <summary>
/// A to-do for a staff member that the system opens on its own: an agreement review, a check-in after low
/// engagement. <see cref="SourceKey"/> is unique per workspace, so a job that runs twice cannot open a task twice
/// (the database refuses the duplicate, whatever races).
/// </summary>
public class WorkTask : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Title { get; set; }
    public string? Details { get; set; }
    /// <summary>Who should do it; null when nobody is assigned (e.g. a partnership without a manager).</summary>
    public string? AssigneeId { get; set; }
    public AppUser? Assignee { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>What opened it, e.g. "agreement-review" or "check-in".</summary>
    public required string Source { get; set; }
    /// <summary>Identifies the occasion, e.g. "check-in:42:2026-Q4"; unique per workspace.</summary>
    public required string SourceKey { get; set; }
    /// <summary>Where to act on it, e.g. "/Agreements/Details/7".</summary>
    public string? Link { get; set; }
    public WorkTaskStatus Status { get; set; }
    public DateTime? DoneAt { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => Title;
}
