using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Tasks;

/// <summary>Open and in progress are active; done and dropped are closed. New values are appended (stored as text).</summary>
public enum WorkTaskStatus { Open, Done, InProgress, Dropped }

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
    /// <summary>When it was closed (done or dropped); null while it is active.</summary>
    public DateTime? DoneAt { get; set; }
    /// <summary>Whether the partner's users of <see cref="PartnershipId"/> may read it (a partner-side assignee always may).</summary>
    public bool Shared { get; set; }
    /// <summary>Who wrote a hand-made task (null for tasks the system opened).</summary>
    public string? CreatedById { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => Title;
}

/// <summary>One comment on a task: internal (our people only) or shared with the partner, chosen when written.</summary>
public class TaskComment : IWorkspaceOwned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int TaskId { get; set; }
    public WorkTask? Task { get; set; }
    public required string Text { get; set; }
    public bool Shared { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>Written by a partner user (always shared).</summary>
    public bool FromPartner { get; set; }
    public DateTime At { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => Text.Length > 60 ? Text[..60] : Text;
}

public static class WorkTasks
{
    /// <summary>Action items: from meetings, or made by hand on a partnership (the same source, decision 0025).</summary>
    public const string ActionItemSource = "action-item";
    /// <summary>A hand-made task that belongs to no partnership.</summary>
    public const string HandMadeSource = "hand-made";
}
