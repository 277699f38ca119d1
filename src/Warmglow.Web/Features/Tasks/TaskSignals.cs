using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Tasks;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Tasks;

/// <summary>Counts overdue action items per partnership in SQL and reports those at or above the threshold.</summary>
public sealed class OverdueActionItemSignal(IConfiguration configuration) : IOverdueActionItemSource
{
    public async Task<IReadOnlyList<OverdueActionItems>> ManyOverdueAsync(WarmglowDb db, DateOnly today, CancellationToken ct)
    {
        var threshold = Math.Max(1, configuration.GetValue("Tasks:OverdueFlagThreshold", TaskRules.DefaultOverdueFlagThreshold));
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.Source == WorkTasks.ActionItemSource && t.PartnershipId != null && t.DueOn < today
                && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress))
            .GroupBy(t => t.PartnershipId!.Value).Select(g => new { PartnershipId = g.Key, Count = g.Count() })
            .Where(g => g.Count >= threshold).ToListAsync(ct);
        return rows.Where(r => TaskRules.ManyOverdue(r.Count, threshold))
            .Select(r => new OverdueActionItems(r.PartnershipId, r.Count, TaskRules.OverdueFlagReason(r.Count))).ToList();
    }
}

/// <summary>A partner user's next actions: their own open action items, soonest due first (overdue ones say so).</summary>
public sealed class TaskNextActions(WarmglowDb db) : IPartnerNextActionSource
{
    public async Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is null) return [];
        var me = db.Tenant.UserId;
        var today = DateOnly.FromDateTime(db.UtcNow);
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.AssigneeId == me && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress))
            .OrderBy(t => t.DueOn).ThenBy(t => t.Id).Take(20).Select(t => new { t.Id, t.Title, t.DueOn }).ToListAsync(ct);
        return rows.Select(t => new PartnerNextAction(t.DueOn < today ? $"{t.Title} (overdue since {t.DueOn:yyyy-MM-dd})" : t.Title,
            $"/Portal/Tasks/{t.Id}", t.DueOn, "Action item")).ToList();
    }
}
