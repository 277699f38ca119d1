using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Tasks;

public sealed record TaskDto(int Id, string Title, string? Details, int? PartnershipId, string? PartnershipName,
    string? AssigneeId, string? AssigneeName, DateOnly DueOn, bool Overdue, string Source, string? Link,
    WorkTaskStatus Status, DateTime? DoneAt, int Version)
{
    /// <summary>The status in words ("In progress").</summary>
    public string StatusName => Warmglow.Core.Text.Labels.Of(Status);
    /// <summary>Whether the partner's users may read it.</summary>
    public bool Shared { get; init; }
    /// <summary>Made by a person (not opened by the system): its title, details and partnership may be edited.</summary>
    public bool HandMade { get; init; }
    /// <summary>The assignee is one of the partner's users.</summary>
    public bool AssigneeIsPartner { get; init; }
    public bool Active => Status is WorkTaskStatus.Open or WorkTaskStatus.InProgress;
}

public enum TaskScope { Mine, All }

/// <summary>Opens system tasks exactly once per occasion and lets staff list and complete them.</summary>
public sealed class TaskService(WarmglowDb db, Users.UserDirectory users)
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
            .Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.DueOn < today && t.AssigneeId != null)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Title, t.DueOn, t.AssigneeId, t.PartnershipId, t.Link, t.Source })
            .Take(5000).ToListAsync(ct);
        // Partner-side owners are sent to the portal's page for the task; our people to the task's own link or page.
        var assignees = overdue.Select(t => t.AssigneeId!).Distinct().ToList();
        var partnerSide = assignees.Count == 0 ? [] : (await users.Memberships().Where(m => m.PartnerId != null && assignees.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        foreach (var t in overdue)
            await notifier.NotifyAsync(new Notifications.Notice("task.overdue", $"Overdue since {t.DueOn:yyyy-MM-dd}: {t.Title}", Warmglow.Core.Tasks.TaskRules.ReminderOccasion(t.Id, t.DueOn))
            {
                Link = partnerSide.Contains(t.AssigneeId!) ? $"/Portal/Tasks/{t.Id}"
                    : t.Link is { } link && Notifications.NotificationService.IsLocal(link) ? link : $"/Tasks/{t.Id}",
                PartnershipId = t.PartnershipId, Data = new { taskId = t.Id, dueOn = t.DueOn, source = t.Source },
            }, [t.AssigneeId!], ct);
        return overdue.Count;
    }
}
