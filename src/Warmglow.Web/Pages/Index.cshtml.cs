using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages;

public sealed record RecentMove(int PartnershipId, string Partnership, PartnershipStage? From, PartnershipStage To, string Reason, string By, DateTime At);

public class IndexModel(WarmglowDb db, DemoLoader demo) : WarmglowPage
{
    public string WorkspaceName { get; private set; } = "";
    public int PartnerCount { get; private set; }
    public int PartnershipCount { get; private set; }
    public int ActiveCount { get; private set; }
    public List<(PartnershipStage Stage, int Count)> ByStage { get; private set; } = [];
    public List<RecentMove> Recent { get; private set; } = [];
    public int MyOpenTasks { get; private set; }
    public int MyOverdueTasks { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsInRole(Roles.Partner)) return Redirect("/Portal");
        var ws = db.Tenant.RequireWorkspace();
        WorkspaceName = await db.Workspaces.Where(w => w.Id == ws).Select(w => w.Name).FirstAsync();
        PartnerCount = await db.Partners.CountAsync();
        var byStage = await db.Partnerships.GroupBy(p => p.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync();
        ByStage = byStage.OrderBy(s => s.Stage).Select(s => (s.Stage, s.Count)).ToList();
        PartnershipCount = byStage.Sum(s => s.Count);
        ActiveCount = byStage.Where(s => s.Stage is PartnershipStage.Active or PartnershipStage.Scaling).Sum(s => s.Count);
        Recent = await db.StageTransitions.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(8)
            .Select(t => new RecentMove(t.PartnershipId, t.Partnership!.Name, t.FromStage, t.ToStage, t.Reason, t.ByUserName, t.At)).ToListAsync();
        var me = db.Tenant.UserId;
        var today = DateOnly.FromDateTime(db.UtcNow);
        var mine = await db.Tasks.Where(t => t.AssigneeId == me && t.Status == Features.Tasks.WorkTaskStatus.Open)
            .GroupBy(_ => 1).Select(g => new { Open = g.Count(), Overdue = g.Count(t => t.DueOn < today) }).FirstOrDefaultAsync();
        (MyOpenTasks, MyOverdueTasks) = (mine?.Open ?? 0, mine?.Overdue ?? 0);
        return Page();
    }

    public async Task<IActionResult> OnPostDemoAsync()
    {
        if (!await AllowedAsync(Policies.Manage)) return Forbid();
        int count = 0;
        if (await TryAsync(async () => count = await demo.LoadAsync())) Flash($"Demo data loaded: {count} partners with their partnerships and history.");
        else TempData["Flash"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return Redirect("/");
    }
}
