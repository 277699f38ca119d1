using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Tasks;

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
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            existing = await db.Tasks.FirstOrDefaultAsync(t => t.SourceKey == task.SourceKey, ct);
            if (existing is null) throw;
            return (existing, false);
        }
    }
}
