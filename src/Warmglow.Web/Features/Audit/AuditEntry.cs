using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Audit;

/// <summary>One change: who, when, what, before → after (JSON of the changed fields).</summary>
public class AuditEntry : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>Created, Updated, Deleted, StageChanged, or a named action (Imported, RolesChanged…).</summary>
    public required string Action { get; set; }
    public string? Summary { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
