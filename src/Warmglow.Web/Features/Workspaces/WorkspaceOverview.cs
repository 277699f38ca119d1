using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Tasks;

namespace Warmglow.Web.Features.Workspaces;

public sealed record RecentMove(int PartnershipId, string Partnership, PartnershipStage? From, PartnershipStage To, string Reason, string By, DateTime At);

public sealed record Overview(string WorkspaceName, int Partners, int Partnerships, int Active,
    IReadOnlyList<(PartnershipStage Stage, int Count)> ByStage, IReadOnlyList<RecentMove> Recent, int MyOpenTasks, int MyOverdueTasks);

/// <summary>The workspace dashboard's figures (counts grouped in the database) and the first-run facts.</summary>
public sealed class WorkspaceOverview(WarmglowDb db)
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
        var mine = await db.Tasks.Where(t => t.AssigneeId == me && t.Status == WorkTaskStatus.Open)
            .GroupBy(_ => 1).Select(g => new { Open = g.Count(), Overdue = g.Count(t => t.DueOn < today) }).FirstOrDefaultAsync(ct);
        return new Overview(name, partners, byStage.Sum(s => s.Count),
            byStage.Where(s => s.Stage is PartnershipStage.Active or PartnershipStage.Scaling).Sum(s => s.Count),
            byStage, recent, mine?.Open ?? 0, mine?.Overdue ?? 0);
    }

    /// <summary>The name of the deployment's first workspace, if setup created one (the setup page shows it).</summary>
    public Task<string?> FirstWorkspaceNameAsync(CancellationToken ct = default) =>
        db.Workspaces.OrderBy(w => w.Id).Select(w => w.Name).FirstOrDefaultAsync(ct);
}
