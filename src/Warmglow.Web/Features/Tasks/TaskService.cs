using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Tasks;

public sealed record TaskDto(int Id, string Title, string? Details, int? PartnershipId, string? PartnershipName,
    string? AssigneeId, string? AssigneeName, DateOnly DueOn, bool Overdue, string Source, string? Link,
    WorkTaskStatus Status, DateTime? DoneAt, int Version);

public enum TaskScope { Mine, All }

/// <summary>Opens system tasks exactly once per occasion and lets staff list and complete them.</summary>
public sealed class TaskService(WarmglowDb db)
{
    /// <summary>
    /// Opens <paramref name="task"/> unless a task with its <see cref="WorkTask.SourceKey"/> already exists (open or
    /// done). Returns the task that holds the key and whether it was opened now. Safe under races: the unique index
    /// on (workspace, source key) refuses a second insert, and the loser reads the winner's row.
    /// Call it outside an explicit transaction: a refused insert would otherwise abort that transaction on PostgreSQL.
    /// </summary>
    public async Task<(WorkTask Task, bool Opened)> OpenOnceAsync(WorkTask task, CancellationToken ct = default)
    {
        var existing = await db.Tasks.FirstOrDefaultAsync(t => t.SourceKey == task.SourceKey, ct);
        if (existing is not null) return (existing, false);
        db.Tasks.Add(task);
        try
        {
            await db.SaveChangesAsync(ct);
            return (task, true);
        }
        catch (DbUpdateException e) when (db.Database.CurrentTransaction is null && DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            existing = await db.Tasks.FirstOrDefaultAsync(t => t.SourceKey == task.SourceKey, ct);
            if (existing is null) throw;
            return (existing, false);
        }
    }

    /// <summary>
    /// Tells each assignee of an open task past its due date (action items, reviews, check-ins), once per task and due
    /// date (a new due date that passes tells them again). Returns how many tasks were overdue.
    /// </summary>
    public async Task<int> NotifyOverdueAsync(Notifications.INotifier notifier, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(db.UtcNow);
        var overdue = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open && t.DueOn < today && t.AssigneeId != null)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Title, t.DueOn, t.AssigneeId, t.PartnershipId, t.Link, t.Source })
            .Take(5000).ToListAsync(ct);
        foreach (var t in overdue)
            await notifier.NotifyAsync(new Notifications.Notice("task.overdue", $"Overdue since {t.DueOn:yyyy-MM-dd}: {t.Title}", $"task:{t.Id}:overdue:{t.DueOn:yyyyMMdd}")
            {
                Link = t.Link is { } link && Notifications.NotificationService.IsLocal(link) ? link : "/Tasks",
                PartnershipId = t.PartnershipId, Data = new { taskId = t.Id, dueOn = t.DueOn, source = t.Source },
            }, [t.AssigneeId!], ct);
        return overdue.Count;
    }

    /// <summary>Tasks by due date (open first); "mine" are the caller's, "all" every task in the workspace.</summary>
    public Task<Paged<TaskDto>> ListAsync(TaskScope scope, WorkTaskStatus? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(db.UtcNow);
        var query = db.Tasks.AsNoTracking();
        if (scope == TaskScope.Mine)
        {
            var me = db.Tenant.UserId;
            query = query.Where(t => t.AssigneeId == me);
        }
        if (status is { } s) query = query.Where(t => t.Status == s);
        return query
            .OrderBy(t => t.Status).ThenBy(t => t.DueOn).ThenBy(t => t.Id)
            .Select(t => new TaskDto(t.Id, t.Title, t.Details, t.PartnershipId, t.Partnership!.Name, t.AssigneeId,
                t.Assignee!.DisplayName, t.DueOn, t.Status == WorkTaskStatus.Open && t.DueOn < today, t.Source, t.Link,
                t.Status, t.DoneAt, t.Version))
            .ToPageAsync(page, pageSize, ct);
    }

    /// <summary>Marks a task done (or open again). Its assignee or a manager may; a stale version is a conflict.</summary>
    public async Task<TaskDto> SetStatusAsync(int id, WorkTaskStatus status, int version, bool canManage, CancellationToken ct = default)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFound("Task");
        if (!canManage && task.AssigneeId != db.Tenant.UserId)
            throw new Forbidden("Only the task's assignee or a manager can change it.");
        if (!Enum.IsDefined(status)) throw ValidationFailed.For("status", $"'{status}' is not a task status.");
        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        task.Status = status;
        task.DoneAt = status == WorkTaskStatus.Done ? db.UtcNow : null;
        await db.SaveChangesAsync(ct);
        return (await ListByIdAsync(id, ct))!;
    }

    Task<TaskDto?> ListByIdAsync(int id, CancellationToken ct) =>
        db.Tasks.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TaskDto(t.Id, t.Title, t.Details, t.PartnershipId, t.Partnership!.Name, t.AssigneeId,
                t.Assignee!.DisplayName, t.DueOn, false, t.Source, t.Link, t.Status, t.DoneAt, t.Version))
            .FirstOrDefaultAsync(ct);
}
