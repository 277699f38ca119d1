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

public sealed class SqliteTriageTests(SqliteApp app) : TriageTests<SqliteApp>(app);
public sealed class PostgresTriageTests(PostgresApp app) : TriageTests<PostgresApp>(app);

/// <summary>Triage over HTTP: a round pre-filled from the portfolio, the rules, the phased plan tracked to completion, bad input, denials.</summary>
public abstract class TriageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
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

    /// <summary>Five live partnerships with composite scores 90, 70, 50, 30, 10, and one prospect (not triaged).</summary>
    async Task<List<(int Id, int PartnerId)>> Portfolio(TestWorkspace ws, HttpClient c, string prefix)
    {
        var list = new List<(int, int)>();
        for (var i = 0; i < 5; i++) list.Add(await c.NewPartnershipAsync($"{prefix}{i}"));
        await c.NewPartnershipAsync($"{prefix} prospect");
        await InDb(ws, async db =>
        {
            for (var i = 0; i < 5; i++)
            {
                var p = await db.Partnerships.SingleAsync(x => x.Id == list[i].Item1);
                p.Stage = PartnershipStage.Active;
                p.StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-400);
                db.PartnershipScores.Add(new PartnershipScore { PartnershipId = p.Id, Composite = 90 - i * 20, MetricCount = 1, ScoredCount = 1, UpdatedAt = DateTime.UtcNow });
            }
        });
        return list;
    }

    static async Task<System.Text.Json.Nodes.JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    static object Edit(TriageItemDto i, int s, int v, int o, int r, string status = "InProgress", int? version = null, string? ownerId = null) => new
    {
        strategicAlignment = s, valueExchange = v, operationalEfficiency = o, relationshipHealth = r, notes = "Checked with the account team.",
        ownerId, dueOn = i.DueOn, status, version = version ?? i.Version,
    };

    [SkippableFact]
    public async Task Round_PrefillsFromThePortfolio_RecommendsByTheRules_AndTracksThePlan()
    {
        var (ws, manager) = await Workspace("Triage");
        var ps = await Portfolio(ws, manager, "Tr");
        var start = new DateOnly(2026, 1, 1);
        var created = await manager.PostJson("/api/portfolio/triage", new { name = "2026 triage", startsOn = start });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var round = await created.Read<TriageRoundDto>();
        Assert.Equal(5, round.Items);
        Assert.Equal(["months 1–3", "months 4–6", "months 7–9"], round.Phases.Select(p => p.Months));
        Assert.Equal(new DateOnly(2026, 9, 30), round.EndsOn);
        Assert.Equal(Triage.Rules, round.Rules);

        // Paged in the database; filters by recommendation.
        var page = await (await manager.GetAsync($"/api/portfolio/triage/{round.Id}/items?pageSize=2&sort=name")).Read<Paged<TriageItemDto>>();
        Assert.Equal((5, 2), (page.Total, page.Items.Count));
        var all = await (await manager.GetAsync($"/api/portfolio/triage/{round.Id}/items?sort=name")).Read<Paged<TriageItemDto>>();
        var best = all.Items.Single(i => i.PartnershipId == ps[0].Id);
        var worst = all.Items.Single(i => i.PartnershipId == ps[4].Id);
        Assert.Equal(5, best.StrategicAlignment); // composite 90
        Assert.Equal(1, best.ValueExchange);      // no revenue
        Assert.Contains("Suggested from data: 5, 1,", best.Prefill);
        Assert.Equal(1, worst.StrategicAlignment);
        Assert.Equal(TriageRecommendation.Sunset, worst.Recommendation);
        Assert.Equal((3, new DateOnly(2026, 9, 30)), (worst.Phase, worst.DueOn));
        var sunsets = await (await manager.GetAsync($"/api/portfolio/triage/{round.Id}/items?recommendation=Sunset")).Read<Paged<TriageItemDto>>();
        Assert.All(sunsets.Items, i => Assert.Equal(TriageRecommendation.Sunset, i.Recommendation));
        Assert.Contains(sunsets.Items, i => i.Id == worst.Id);

        // Edited scores change the recommendation and move the item to its phase and due date; done counts in the progress.
        var edited = await (await manager.PutJson($"/api/portfolio/triage-items/{best.Id}", Edit(best, 5, 4, 4, 4, "Done"))).Read<TriageItemDto>();
        Assert.Equal((TriageRecommendation.Invest, 1, new DateOnly(2026, 3, 31), TriageItemStatus.Done), (edited.Recommendation, edited.Phase, edited.DueOn, edited.Status));
        Assert.True(edited.Edited);
        Assert.NotNull(edited.DoneAt);
        round = await (await manager.GetAsync($"/api/portfolio/triage/{round.Id}")).Read<TriageRoundDto>();
        Assert.Equal((1, 20), (round.Done, round.ProgressPercent));
        Assert.Equal((1, 1), (round.Phases[0].Items, round.Phases[0].Done));

        // Stale edit → 409; bad input → field errors and nothing saved.
        await (await manager.PutJson($"/api/portfolio/triage-items/{best.Id}", Edit(edited, 1, 1, 1, 1, version: best.Version))).Problem(409);
        var bad = await Errors(await manager.PutJson($"/api/portfolio/triage-items/{worst.Id}", new { strategicAlignment = 7, valueExchange = 0, operationalEfficiency = 3, relationshipHealth = 3, version = worst.Version }));
        Assert.NotNull(bad["strategicAlignment"]);
        Assert.NotNull(bad["valueExchange"]);
        Assert.NotNull(bad["status"]);
        var badOwner = await Errors(await manager.PutJson($"/api/portfolio/triage-items/{worst.Id}", Edit(worst, 3, 3, 3, 3, ownerId: "someone-else")));
        Assert.NotNull(badOwner["ownerId"]);
        var unchanged = await (await manager.GetAsync($"/api/portfolio/triage-items/{worst.Id}")).Read<TriageItemDto>();
        Assert.Equal((worst.Version, 1), (unchanged.Version, unchanged.StrategicAlignment));
        var badRound = await Errors(await manager.PostJson("/api/portfolio/triage", new { name = "", quickWinMonths = 0 }));
        Assert.NotNull(badRound["name"]);
        Assert.NotNull(badRound["quickWinMonths"]);
        Assert.Single((await (await manager.GetAsync("/api/portfolio/triage")).Read<Paged<TriageRoundSummary>>()).Items);

        // Pages: the rules in words, the plan, and the edit form with errors next to the field.
        var html = await manager.GetStringAsync($"/Portfolio/Triage/Round/{round.Id}");
        Assert.Contains("Sunset when strategic alignment and value exchange are both 2 or lower", html);
        Assert.Contains("3. Remaining", html);
        Assert.Contains("Tr4 alliance", html);
        var form = await manager.PostFormAsync($"/Portfolio/Triage/Item/{worst.Id}", $"/Portfolio/Triage/Item/{worst.Id}",
            [new("Input.StrategicAlignment", "9"), new("Input.ValueExchange", "2"), new("Input.OperationalEfficiency", "2"), new("Input.RelationshipHealth", "2"),
             new("Input.Status", "NotStarted"), new("Input.Version", worst.Version.ToString())]);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("must be from 1 to 5", await form.Content.ReadAsStringAsync());
        var saved = await manager.PostFormAsync($"/Portfolio/Triage/Item/{worst.Id}", $"/Portfolio/Triage/Item/{worst.Id}",
            [new("Input.StrategicAlignment", "2"), new("Input.ValueExchange", "2"), new("Input.OperationalEfficiency", "2"), new("Input.RelationshipHealth", "2"),
             new("Input.Status", "InProgress"), new("Input.DueOn", worst.DueOn.ToString("yyyy-MM-dd")), new("Input.Notes", "Wind-down proposed."), new("Input.Version", worst.Version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(TriageItemStatus.InProgress, (await (await manager.GetAsync($"/api/portfolio/triage-items/{worst.Id}")).Read<TriageItemDto>()).Status);
    }

    [SkippableFact]
    public async Task Denials_EvaluatorsAndExecutivesCannotEdit_PartnersSeeNothing_OtherWorkspacesNotFound()
    {
        var (ws, manager) = await Workspace("Triage denials");
        var ps = await Portfolio(ws, manager, "Dn");
        var round = await (await manager.PostJson("/api/portfolio/triage", new { name = "Q1 triage" })).Read<TriageRoundDto>();
        var item = (await (await manager.GetAsync($"/api/portfolio/triage/{round.Id}/items")).Read<Paged<TriageItemDto>>()).Items[0];

        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutJson($"/api/portfolio/triage-items/{item.Id}", Edit(item, 3, 3, 3, 3))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/api/portfolio/triage/{round.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/Portfolio/Triage/Item/{item.Id}")).StatusCode);
        var exec = await ws.As(Roles.Executive);
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"/api/portfolio/triage-items/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exec.PutJson($"/api/portfolio/triage-items/{item.Id}", Edit(item, 3, 3, 3, 3))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exec.PostJson("/api/portfolio/triage", new { name = "Mine" })).StatusCode);
        Assert.DoesNotContain("Start triage", await exec.GetStringAsync("/Portfolio/Triage"));

        var partner = await ws.AsPartnerUser(ps[0].PartnerId);
        foreach (var url in new[] { "/api/portfolio/triage", $"/api/portfolio/triage/{round.Id}", $"/api/portfolio/triage/{round.Id}/items", $"/api/portfolio/triage-items/{item.Id}",
                     "/Portfolio/Triage", $"/Portfolio/Triage/Round/{round.Id}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(url)).StatusCode);

        var (_, stranger) = await Workspace("Triage elsewhere");
        await (await stranger.GetAsync($"/api/portfolio/triage/{round.Id}")).Problem(404);
        await (await stranger.GetAsync($"/api/portfolio/triage/{round.Id}/items")).Problem(404);
        await (await stranger.GetAsync($"/api/portfolio/triage-items/{item.Id}")).Problem(404);
        await (await stranger.PutJson($"/api/portfolio/triage-items/{item.Id}", Edit(item, 3, 3, 3, 3))).Problem(404);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Portfolio/Triage/Item/{item.Id}")).StatusCode);
        // A workspace without live partnerships is told why it cannot start a round.
        Assert.Contains("no live partnerships", (await Errors(await stranger.PostJson("/api/portfolio/triage", new { name = "Empty" })))["name"]!.ToJsonString());
    }
}
