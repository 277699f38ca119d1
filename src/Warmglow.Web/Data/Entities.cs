namespace Warmglow.Web.Data;

/// <summary>A row that belongs to one workspace; the DbContext filters and stamps it centrally.</summary>
public interface IWorkspaceOwned
{
    int WorkspaceId { get; set; }
}

/// <summary>A row whose edits are detected by an optimistic concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A row whose creates, updates and deletes go into the audit log.</summary>
public interface IAudited
{
    int Id { get; }
}

public interface ITimestamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>An audited row that names itself in the audit log's summary column.</summary>
public interface IAuditSummary
{
    string? AuditSummary { get; }
}
