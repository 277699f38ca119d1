using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;

namespace Warmglow.Web.Features.Workspaces;

public sealed record RecentMove(int PartnershipId, string Partnership, PartnershipStage? From, PartnershipStage To, string Reason, string By, DateTime At);

public sealed record Overview(string WorkspaceName, int Partners, int Partnerships, int Active,
    IReadOnlyList<(PartnershipStage Stage, int Count)> ByStage, IReadOnlyList<RecentMove> Recent, int MyOpenTasks, int MyOverdueTasks,
    IReadOnlyList<MyTask>? MyTasks = null, IReadOnlyList<NeedsAttention>? Attention = null);

/// <summary>One of the person's open tasks (reviews, check-ins, action items), soonest due first.</summary>
public sealed record MyTask(int Id, string Title, DateOnly DueOn, bool Overdue, string? Link, int? PartnershipId, string? Partnership);

/// <summary>A partnership the person manages that has something wrong: its red flags and overdue reviews, in words.</summary>
public sealed record NeedsAttention(int PartnershipId, string Partnership, IReadOnlyList<string> Reasons);

/// <summary>The workspace dashboard's figures (counts grouped in the database) and the first-run facts.</summary>
public sealed class WorkspaceOverview(WarmglowDb db, IEnumerable<IHealthSummarySource> health, IEnumerable<IOverdueReviewSource> overdue)
{
    public async Task<Overview> GetAsync(CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        var name = await db.Workspaces.Where(w => w.Id == ws).Select(w => w.Name).FirstAsync(ct);
        var partners = await db.Partners.CountAsync(ct);
        var byStage = (await db.Partnerships.GroupBy(p => p.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(s => s.Stage).Select(s => (s.Stage, s.Count)).ToList();
        var recent = await db.StageTransitions.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(8)
            .Select(t => new RecentMove(t.PartnershipId, t.Partnership!.Name, t.FromStage, t.ToStage, t.Reason, t.ByUserName, t.At)).ToListAsync(ct);
        var me = db.Tenant.UserId;
        var today = DateOnly.FromDateTime(db.UtcNow);
        var mine = await db.Tasks.Where(t => t.AssigneeId == me && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress))
            .GroupBy(_ => 1).Select(g => new { Open = g.Count(), Overdue = g.Count(t => t.DueOn < today) }).FirstOrDefaultAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.AssigneeId == me && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress))
            .OrderBy(t => t.DueOn).ThenBy(t => t.Id).Take(6)
            .Select(t => new MyTask(t.Id, t.Title, t.DueOn, t.DueOn < today, t.Link, t.PartnershipId, t.Partnership != null ? t.Partnership.Name : null))
            .ToListAsync(ct);
        return new Overview(name, partners, byStage.Sum(s => s.Count),
            byStage.Where(s => s.Stage is PartnershipStage.Active or PartnershipStage.Scaling).Sum(s => s.Count),
            byStage, recent, mine?.Open ?? 0, mine?.Overdue ?? 0, tasks, await AttentionAsync(me, today, ct));
    }

    /// <summary>
    /// The partnerships the person manages with red flags or overdue reviews: one query for the partnerships (capped),
    /// one for their health summaries, one per overdue-review source, whatever the count.
    /// </summary>
    async Task<IReadOnlyList<NeedsAttention>> AttentionAsync(string? me, DateOnly today, CancellationToken ct)
    {
        if (me is null) return [];
        var managed = await db.Partnerships.AsNoTracking().Where(p => p.ManagerId == me)
            .Where(p => p.Stage != PartnershipStage.Ended && p.Stage != PartnershipStage.Rejected)
            .OrderBy(p => p.Name).Take(200).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        if (managed.Count == 0) return [];
        var ids = managed.Select(p => p.Id).ToList();
        var reasons = ids.ToDictionary(id => id, _ => new List<string>());
        foreach (var source in health)
            foreach (var (id, summary) in await source.SummariesAsync(ids, ct))
                if (reasons.TryGetValue(id, out var list)) list.AddRange(summary.RedFlags);
        foreach (var source in overdue)
        {
            var late = await source.Overdue(db, today).Where(r => ids.Contains(r.PartnershipId))
                .Select(r => new { r.PartnershipId, r.Title, r.DueOn }).ToListAsync(ct);
            foreach (var r in late) reasons[r.PartnershipId].Add($"Overdue review: {r.Title} (due {r.DueOn:yyyy-MM-dd})");
        }
        return managed.Where(p => reasons[p.Id].Count > 0)
            .Select(p => new NeedsAttention(p.Id, p.Name, reasons[p.Id].Distinct().ToList()))
            .OrderByDescending(a => a.Reasons.Count).ThenBy(a => a.Partnership).Take(8).ToList();
    }

    /// <summary>The name of the deployment's first workspace, if setup created one (the setup page shows it).</summary>
    public Task<string?> FirstWorkspaceNameAsync(CancellationToken ct = default) =>
        db.Workspaces.OrderBy(w => w.Id).Select(w => w.Name).FirstOrDefaultAsync(ct);
}
