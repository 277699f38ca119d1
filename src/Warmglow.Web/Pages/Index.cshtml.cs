using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages;

public class IndexModel(WorkspaceOverview overview, DemoLoader demo) : WarmglowPage
{
    public string WorkspaceName => O.WorkspaceName;
    public int PartnerCount => O.Partners;
    public int PartnershipCount => O.Partnerships;
    public int ActiveCount => O.Active;
    public IReadOnlyList<(PartnershipStage Stage, int Count)> ByStage => O.ByStage;
    public IReadOnlyList<RecentMove> Recent => O.Recent;
    public int MyOpenTasks => O.MyOpenTasks;
    public int MyOverdueTasks => O.MyOverdueTasks;
    public IReadOnlyList<MyTask> MyTasks => O.MyTasks ?? [];
    public IReadOnlyList<NeedsAttention> Attention => O.Attention ?? [];
    Overview O { get; set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.Partner)) return Redirect("/Portal");
        O = await overview.GetAsync(ct);
        return Page();
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostDemoAsync()
    {
        int count = 0;
        if (await TryAsync(async () => count = await demo.LoadAsync())) Flash($"Demo data loaded: {count} partners with their partnerships and history.");
        else TempData["Flash"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return Redirect("/");
    }
}
