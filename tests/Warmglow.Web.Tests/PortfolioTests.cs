using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Measurement;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqlitePortfolioTests(SqliteApp app) : PortfolioTests<SqliteApp>(app);
public sealed class PostgresPortfolioTests(PostgresApp app) : PortfolioTests<PostgresApp>(app);

/// <summary>Portfolio over HTTP: the paged view, tiers and their proposals, overrides, settings, Pareto, saved views, pages, denials.</summary>
public abstract class PortfolioTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Manager)> Workspace(string name)
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Manager));
    }

    async Task InDb(TestWorkspace ws, Func<WarmglowDb, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        await work(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Live partnerships with composite scores; the last <paramref name="young"/> started 10 days ago.</summary>
    async Task<List<(int Id, int PartnerId)>> Portfolio(TestWorkspace ws, HttpClient c, string prefix, int count, int young)
    {
        var list = new List<(int, int)>();
        for (var i = 0; i < count; i++) list.Add(await c.NewPartnershipAsync($"{prefix}{i:00}"));
        await InDb(ws, async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 0; i < count; i++)
            {
                var p = await db.Partnerships.SingleAsync(x => x.Id == list[i].Item1);
                p.Stage = PartnershipStage.Active;
                p.StartDate = i >= count - young ? today.AddDays(-10) : today.AddDays(-400);
                db.PartnershipScores.Add(new PartnershipScore { PartnershipId = p.Id, Composite = 90 - i * 5, MetricCount = 1, ScoredCount = 1, UpdatedAt = DateTime.UtcNow });
            }
        });
        return list;
    }

    Task Score(TestWorkspace ws, int id, double composite) => InDb(ws, async db =>
        (await db.PartnershipScores.SingleAsync(s => s.PartnershipId == id)).Composite = composite);

    [SkippableFact]
    public async Task PortfolioView_TiersProposalsAndOverrides_EndToEnd()
    {
        var (ws, manager) = await Workspace("Portfolio");
        var ps = await Portfolio(ws, manager, "Pf", 12, 2);
        var recompute = await (await manager.PostAsync("/api/portfolio/recompute", null)).Read<RecomputeResult>();
        Assert.Equal(12, recompute.Assigned);
        Assert.Contains("10 partnerships old enough to rank", recompute.Explanation);

        // First tiering: top 10% of 10 (1) strategic, next 20% (2) growth, 7 transactional, 2 too young.
        var summary = await (await manager.GetAsync("/api/portfolio/tiers")).Read<TierSummaryDto>();
        Assert.Equal((1, 2, 7, 2), (summary.Strategic, summary.Growth, summary.Transactional, summary.Emerging));
        Assert.Equal(0, summary.Pending);

        // Sorted and paged in the database; filters by tier; every column sorts.
        var page = await (await manager.GetAsync("/api/portfolio?sort=-composite&pageSize=5")).Read<PortfolioPage>();
        Assert.Equal(12, page.Rows.Total);
        Assert.Equal(5, page.Rows.Items.Count);
        Assert.Equal(ps[0].Id, page.Rows.Items[0].PartnershipId);
        Assert.Equal(Tier.Strategic, page.Rows.Items[0].Tier);
        Assert.Contains(PortfolioService.NoDedicatedManager, page.Rows.Items[0].RedFlags);
        var second = await (await manager.GetAsync("/api/portfolio?sort=-composite&pageSize=5&page=3")).Read<PortfolioPage>();
        Assert.Equal(2, second.Rows.Items.Count);
        Assert.Equal(ps[11].Id, second.Rows.Items[^1].PartnershipId);
        foreach (var col in PortfolioService.SortColumns)
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/portfolio?sort={col}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/portfolio?sort=-{col}&liveOnly=true&flagged=false")).StatusCode);
        }
        var growth = await (await manager.GetAsync("/api/portfolio?tier=Growth")).Read<PortfolioPage>();
        Assert.Equal([ps[1].Id, ps[2].Id], growth.Rows.Items.Select(r => r.PartnershipId).Order());
        var flagged = await (await manager.GetAsync("/api/portfolio?flagged=true")).Read<PortfolioPage>();
        Assert.Equal(ps[0].Id, Assert.Single(flagged.Rows.Items).PartnershipId);
        await (await manager.GetAsync("/api/portfolio?sort=shoe-size")).Problem(400);

        // CSV: every page, names and tiers.
        var csv = await (await manager.GetAsync("/api/portfolio/export.csv?sort=name")).Content.ReadAsStringAsync();
        Assert.StartsWith("Partnership,Stage,Tier,Composite score", csv);
        Assert.Equal(13, csv.Trim().Split('\n').Length);
        Assert.Contains("Pf00 alliance,Active,Strategic,90", csv);

        // The top partnership's score collapses: a downgrade (waiting its grace period) and an upgrade are proposed.
        await Score(ws, ps[0].Id, 1);
        var r2 = await (await manager.PostAsync("/api/portfolio/recompute", null)).Read<RecomputeResult>();
        Assert.True(r2.Proposed >= 2);
        var pending = (await (await manager.GetAsync("/api/portfolio/proposals")).Read<Paged<ProposalDto>>()).Items;
        var down = Assert.Single(pending, p => p.PartnershipId == ps[0].Id);
        Assert.True(down.Downgrade);
        Assert.Equal(Tier.Transactional, down.ToTier);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(91), down.ApprovableOn);
        var up = Assert.Single(pending, p => p.PartnershipId == ps[1].Id);
        Assert.Equal((Tier.Growth, Tier.Strategic, false), (up.FromTier!.Value, up.ToTier, up.Downgrade));

        // Idempotent: recomputing again keeps the same proposals.
        var r3 = await (await manager.PostAsync("/api/portfolio/recompute", null)).Read<RecomputeResult>();
        Assert.Equal((0, 0), (r3.Proposed, r3.Withdrawn));
        Assert.Equal(pending.Select(p => p.Id).Order(), (await (await manager.GetAsync("/api/portfolio/proposals")).Read<Paged<ProposalDto>>()).Items.Select(p => p.Id).Order());

        // The downgrade cannot be approved during its grace; the upgrade can; a decided proposal cannot be decided again.
        var e = (await (await manager.PostJson($"/api/portfolio/proposals/{down.Id}/approve", new { })).Problem(400))["errors"]!;
        Assert.Contains("grace period", e["approvableOn"]![0]!.GetValue<string>());
        var approved = await (await manager.PostJson($"/api/portfolio/proposals/{up.Id}/approve", new { note = "Agreed in the QBR", version = up.Version })).Read<ProposalDto>();
        Assert.Equal(ProposalStatus.Approved, approved.Status);
        await (await manager.PostJson($"/api/portfolio/proposals/{up.Id}/reject", new { })).Problem(409);
        Assert.Equal(Tier.Strategic, (await (await manager.GetAsync($"/api/portfolio/partnerships/{ps[1].Id}/tier")).Read<TierDto>()).Tier);

        // The fallen partnership recovers: its pending downgrade is withdrawn.
        await Score(ws, ps[0].Id, 95);
        await manager.PostAsync("/api/portfolio/recompute", null);
        var tier0 = await (await manager.GetAsync($"/api/portfolio/partnerships/{ps[0].Id}/tier")).Read<TierDto>();
        Assert.Equal(Tier.Strategic, tier0.Tier);
        Assert.NotEqual(down.Id, tier0.Pending?.Id);
        var withdrawn = (await (await manager.GetAsync("/api/portfolio/proposals?status=Withdrawn")).Read<Paged<ProposalDto>>()).Items;
        Assert.Contains(withdrawn, p => p.Id == down.Id);

        // Overrides need a reason and a future expiry; nothing is saved otherwise.
        var url = $"/api/portfolio/partnerships/{ps[5].Id}/tier";
        e = (await (await manager.PutJson(url, new { tier = "Strategic" })).Problem(400))["errors"]!;
        Assert.NotNull(e["reason"]);
        Assert.NotNull(e["until"]);
        e = (await (await manager.PutJson(url, new { tier = "Strategic", reason = "Board priority", until = DateOnly.FromDateTime(DateTime.UtcNow) })).Problem(400))["errors"]!;
        Assert.Equal("must be after today.", e["until"]![0]!.GetValue<string>());
        Assert.Equal(Tier.Transactional, (await (await manager.GetAsync(url)).Read<TierDto>()).Tier);
        var overridden = await (await manager.PutJson(url, new { tier = "Strategic", reason = "Board priority", until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60) })).Read<TierDto>();
        Assert.Equal((Tier.Strategic, "Board priority"), (overridden.Tier!.Value, overridden.OverrideReason));
        await manager.PostAsync("/api/portfolio/recompute", null);
        Assert.Null((await (await manager.GetAsync(url)).Read<TierDto>()).Pending);
        var history = await (await manager.GetAsync($"{url}/history")).Read<List<TierChangeDto>>();
        Assert.Contains(history, h => h.Reason.Contains("Board priority") && h.ToTier == Tier.Strategic);
        Assert.Contains(history, h => h.Reason.StartsWith("First tiering"));

        // Pareto over the live portfolio.
        var pareto = await (await manager.GetAsync("/api/portfolio/pareto?basis=value")).Read<ParetoDto>();
        Assert.Equal(12, pareto.Count);
        Assert.True(pareto.CoreCount is > 0 and < 12);
        await (await manager.GetAsync("/api/portfolio/pareto?basis=height")).Problem(400);

        // Pages render.
        foreach (var path in new[] { "/Portfolio", "/Portfolio?sort=-ttm&tier=Strategic", "/Portfolio/Tiers", "/Portfolio/Pareto", $"/Portfolio/Partnership/{ps[0].Id}", $"/Partnerships/{ps[0].Id}" })
        {
            var res = await manager.GetAsync(path);
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{path}: {res.StatusCode}");
        }
        Assert.Contains("Portfolio tier", await (await manager.GetAsync($"/Partnerships/{ps[0].Id}")).Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Settings_Validated_AndApplied()
    {
        var (ws, manager) = await Workspace("Tier rules");
        var s = await (await manager.GetAsync("/api/portfolio/settings")).Read<PortfolioSettingsDto>();
        Assert.Equal((10, 20, 70, ValueBasis.Composite, 90), (s.StrategicPercent, s.GrowthPercent, s.TransactionalPercent, s.Basis, s.MinimumAgeDays));
        var e = (await (await manager.PutJson("/api/portfolio/settings", new { strategicPercent = 10, growthPercent = 20, transactionalPercent = 60, basis = "Revenue", version = 0 })).Problem(400))["errors"]!;
        Assert.Contains("must total 100", e["transactionalPercent"]![0]!.GetValue<string>());
        await (await manager.PutJson("/api/portfolio/settings", new { strategicPercent = 10, growthPercent = 20, transactionalPercent = 70, basis = "Revenue", minimumAgeDays = -3, version = 0 })).Problem(400);
        Assert.Equal(ValueBasis.Composite, (await (await manager.GetAsync("/api/portfolio/settings")).Read<PortfolioSettingsDto>()).Basis);
        var saved = await (await manager.PutJson("/api/portfolio/settings", new { strategicPercent = 20, growthPercent = 30, transactionalPercent = 50, basis = "Composite", minimumAgeDays = 0, version = 0 })).Read<PortfolioSettingsDto>();
        Assert.Equal(20, saved.StrategicPercent);
        var again = await (await manager.PutJson("/api/portfolio/settings", new { strategicPercent = 20, growthPercent = 30, transactionalPercent = 50, basis = "Weighted", version = saved.Version })).Read<PortfolioSettingsDto>();
        await (await manager.PutJson("/api/portfolio/settings", new { strategicPercent = 25, growthPercent = 30, transactionalPercent = 45, basis = "Composite", version = saved.Version })).Problem(409);
        Assert.Equal(ValueBasis.Weighted, (await (await manager.GetAsync("/api/portfolio/settings")).Read<PortfolioSettingsDto>()).Basis);
        Assert.NotEqual(saved.Version, again.Version);
        await manager.PutJson("/api/portfolio/settings", new { strategicPercent = 20, growthPercent = 30, transactionalPercent = 50, basis = "Composite", version = again.Version });

        // Minimum age 0: the young ones rank too. 5 ranked at 20/30/50: 1 strategic, 2 growth (ceil 2.5 − 1), 2 transactional.
        await Portfolio(ws, manager, "Ru", 5, 2);
        await manager.PostAsync("/api/portfolio/recompute", null);
        var t = await (await manager.GetAsync("/api/portfolio/tiers")).Read<TierSummaryDto>();
        Assert.Equal((1, 2, 2, 0), (t.Strategic, t.Growth, t.Transactional, t.Emerging));
        Assert.Contains("5 partnerships old enough to rank (at least 0 days)", t.Explanation);
    }

    [SkippableFact]
    public async Task SavedViews_BelongToTheirUser()
    {
        var (ws, manager) = await Workspace("Views");
        var view = await (await manager.PostJson("/api/portfolio/views", new { name = "Strategic by revenue", query = "?tier=Strategic&sort=-ttm&evil=<script>" })).Read<ViewDto>();
        Assert.Equal("tier=Strategic&sort=-ttm", view.Query);
        await (await manager.PostJson("/api/portfolio/views", new { name = "Bad", query = "tier=Platinum" })).Problem(400);
        await (await manager.PostJson("/api/portfolio/views", new { name = "", query = "sort=name" })).Problem(400);
        var replaced = await (await manager.PostJson("/api/portfolio/views", new { name = "Strategic by revenue", query = "tier=Strategic&sort=-period" })).Read<ViewDto>();
        Assert.Equal(view.Id, replaced.Id);
        Assert.Equal("tier=Strategic&sort=-period", Assert.Single(await (await manager.GetAsync("/api/portfolio/views")).Read<List<ViewDto>>()).Query);

        var admin = await ws.As(Roles.Admin);
        Assert.Empty(await (await admin.GetAsync("/api/portfolio/views")).Read<List<ViewDto>>());
        await (await admin.DeleteAsync($"/api/portfolio/views/{view.Id}")).Problem(404);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/portfolio/views/{view.Id}")).StatusCode);

        // The page saves the current filters under a name.
        var res = await manager.PostFormAsync("/Portfolio", "/Portfolio?handler=SaveView", [new("name", "Live"), new("query", "liveOnly=true&sort=-roi")]);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("liveOnly=true&sort=-roi", Assert.Single(await (await manager.GetAsync("/api/portfolio/views")).Read<List<ViewDto>>()).Query);
    }

    [SkippableFact]
    public async Task Denials()
    {
        var (ws, manager) = await Workspace("Portfolio denials");
        var ps = await Portfolio(ws, manager, "Dn", 3, 0);
        await manager.PostAsync("/api/portfolio/recompute", null);

        // Evaluators score blind and partner users see no portfolio: both are refused, pages and API.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/api/portfolio")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/portfolio/views", new { name = "x", query = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/Portfolio")).StatusCode);
        var partner = await ws.AsPartnerUser(ps[0].PartnerId);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/portfolio/partnerships/{ps[0].Id}/tier")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/portfolio/export.csv")).StatusCode);

        // Executives read but do not decide tiers.
        var exec = await ws.As(Roles.Executive);
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync("/api/portfolio")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exec.PostAsync("/api/portfolio/recompute", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exec.PutJson($"/api/portfolio/partnerships/{ps[0].Id}/tier", new { tier = "Growth", reason = "x", until = "2030-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exec.PutJson("/api/portfolio/settings", new { strategicPercent = 10, growthPercent = 20, transactionalPercent = 70, basis = "Revenue", version = 0 })).StatusCode);

        // Another workspace sees none of it.
        var other = await (await app.CreateWorkspaceAsync("Portfolio elsewhere")).As(Roles.Manager);
        await (await other.GetAsync($"/api/portfolio/partnerships/{ps[0].Id}/tier")).Problem(404);
        await (await other.PutJson($"/api/portfolio/partnerships/{ps[0].Id}/tier", new { tier = "Growth", reason = "x", until = "2030-01-01" })).Problem(404);
        Assert.Equal(0, (await (await other.GetAsync("/api/portfolio")).Read<PortfolioPage>()).Rows.Total);
        var proposal = (await (await manager.GetAsync("/api/portfolio/proposals?status=Pending")).Read<Paged<ProposalDto>>()).Items.FirstOrDefault();
        if (proposal is not null) await (await other.PostJson($"/api/portfolio/proposals/{proposal.Id}/approve", new { })).Problem(404);
    }
}
