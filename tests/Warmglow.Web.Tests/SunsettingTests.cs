using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Sunsetting;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteSunsettingTests(SqliteApp app) : SunsettingTests<SqliteApp>(app);
public sealed class PostgresSunsettingTests(PostgresApp app) : SunsettingTests<PostgresApp>(app);

/// <summary>Wind-down plans over HTTP: started by the move to Sunsetting (once), Ended gated, agreements refused, overrides, denials.</summary>
public abstract class SunsettingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

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

    async Task<string> StaffId(TestWorkspace ws, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(ws.Emails[role]))!.Id;
    }

    Task UnderReview(TestWorkspace ws, int pid) => InDb(ws, db =>
        db.Partnerships.Where(p => p.Id == pid).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, PartnershipStage.UnderReview)));

    static Task<HttpResponseMessage> Move(HttpClient c, int id, string to) => c.PostJson($"/api/partnerships/{id}/transitions", new { to, reason = $"to {to}" });

    static object Agreement(int partnershipId, string owner, int noticeDays, int windDownDays) => new
    {
        partnershipId, title = "Reseller agreement", type = "Referral", flexible = true, startDate = Today.AddDays(-200), currency = "EUR",
        ownerIds = new[] { owner },
        clauses = new
        {
            scope = "Resale in Benelux",
            roles = new[] { new { party = "Us", responsibility = "Product" }, new { party = "Partner", responsibility = "Sales" } },
            compensation = new { description = "20% margin" },
            review = new { metrics = new[] { "Revenue" }, cadence = (string?)null, ownerIds = Array.Empty<string>() },
            termination = new { noticeDays, windDownDays },
        },
    };

    static async Task<System.Text.Json.Nodes.JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    [SkippableFact]
    public async Task Sunsetting_StartsThePlanOnce_FromTheClause_RefusesAgreements_AndEndedWaitsForTheTasks()
    {
        var (ws, manager) = await Workspace("Sunset");
        var owner = await StaffId(ws, Roles.Manager);
        var (pid, partnerId) = await manager.NewPartnershipAsync("Fading");
        var created = await manager.PostJson("/api/agreements", Agreement(pid, owner, 60, 120));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await UnderReview(ws, pid);

        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "Sunsetting")).StatusCode);
        var plan = await (await manager.GetAsync($"/api/sunsetting/partnerships/{pid}")).Read<WindDownPlanDto>();
        Assert.Equal((120, 60, 7, 0), (plan.Days, plan.NoticeDays!.Value, plan.Total, plan.Done));
        Assert.Equal(Today.AddDays(120), plan.EndsOn);
        Assert.Contains("termination clause of Reseller agreement", plan.Basis);
        Assert.True(plan.Running);
        Assert.StartsWith("7 required wind-down tasks are still open", plan.EndedNeeds);

        // Shown on the partnership page before anyone submits, and refused with the same words.
        var html = await manager.GetStringAsync($"/Partnerships/{pid}");
        Assert.Contains("Wind-down plan", html);
        Assert.Contains("7 required wind-down tasks are still open", html);
        Assert.DoesNotContain("<option value=\"Ended\"", html);
        var refused = await Move(manager, pid, "Ended");
        Assert.Contains("7 required wind-down tasks are still open", (await Errors(refused))["to"]!.ToJsonString());

        // Back from hold: the same plan, not a second one.
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "OnHold")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "Sunsetting")).StatusCode);
        await InDb(ws, async db =>
        {
            Assert.Equal(1, await db.WindDownPlans.CountAsync(p => p.PartnershipId == pid));
            Assert.Equal(7, await db.WindDownTasks.CountAsync(t => t.PlanId == plan.Id));
        });

        // New agreements with this partner wait, on any of its partnerships.
        var other = await (await manager.PostJson("/api/partnerships", new { name = "Fading, second line", type = "CoSellingReferral", partnerId })).Read<PartnershipDto>();
        var blocked = await Errors(await manager.PostJson("/api/agreements", Agreement(other.Id, owner, 30, 30)));
        Assert.Contains("wind-down is running with this partner", blocked["partnershipId"]!.ToJsonString());
        await Errors(await manager.PostJson("/api/agreements", Agreement(pid, owner, 30, 30)));
        await InDb(ws, async db => Assert.Equal(1, await db.Agreements.CountAsync(a => a.Partnership!.Members.Any(m => m.PartnerId == partnerId))));

        // The length may not undercut the notice period; a stale version is a conflict.
        plan = await (await manager.GetAsync($"/api/sunsetting/plans/{plan.Id}")).Read<WindDownPlanDto>();
        var tooShort = await Errors(await manager.PutJson($"/api/sunsetting/plans/{plan.Id}", new { days = 30, version = plan.Version }));
        Assert.Contains("notice period of 60 days", tooShort["days"]!.ToJsonString());
        await (await manager.PutJson($"/api/sunsetting/plans/{plan.Id}", new { days = 100, version = plan.Version + 5 })).Problem(409);
        var longer = await (await manager.PutJson($"/api/sunsetting/plans/{plan.Id}", new { days = 100, version = plan.Version })).Read<WindDownPlanDto>();
        Assert.Equal(plan.StartedOn.AddDays(100), longer.EndsOn);
        Assert.Equal(longer.EndsOn, longer.Tasks.Single(t => t.Kind == Core.Sunsetting.WindDownTaskKind.AccessRemoval).DueOn);

        // Tasks done one by one (a stale edit refused); with the last one done, Ended opens and the plan completes.
        var first = longer.Tasks[0];
        await (await manager.PutJson($"/api/sunsetting/tasks/{first.Id}", new { done = true, version = first.Version + 1 })).Problem(409);
        var badOwner = await Errors(await manager.PutJson($"/api/sunsetting/tasks/{first.Id}", new { done = true, ownerId = "nobody", version = first.Version }));
        Assert.NotNull(badOwner["ownerId"]);
        foreach (var t in longer.Tasks)
        {
            var r = await manager.PutJson($"/api/sunsetting/tasks/{t.Id}", new { done = true, ownerId = owner, note = "Done.", version = t.Version });
            Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "Ended")).StatusCode);
        var done = await (await manager.GetAsync($"/api/sunsetting/plans/{plan.Id}")).Read<WindDownPlanDto>();
        Assert.False(done.Running);
        Assert.Equal(100, done.ProgressPercent);
        Assert.NotNull(done.CompletedAt);
        // The wind-down is over: agreements with the partner are possible again.
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson("/api/agreements", Agreement(other.Id, owner, 30, 30))).StatusCode);
    }

    [SkippableFact]
    public async Task Override_LetsItEndWithTasksOpen_WithAnAuditedReason_AndOnlyForManagers()
    {
        var (ws, manager) = await Workspace("Override");
        var (pid, partnerId) = await manager.NewPartnershipAsync("Abrupt");
        await UnderReview(ws, pid);
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "Sunsetting")).StatusCode);
        var plan = await (await manager.GetAsync($"/api/sunsetting/partnerships/{pid}")).Read<WindDownPlanDto>();
        Assert.Equal(90, plan.Days);
        Assert.StartsWith("Default wind-down of 90 days", plan.Basis);
        Assert.Null(plan.NoticeDays);

        // Denials: evaluators read but change nothing; partner users see nothing; another workspace's ids are not found.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/sunsetting/plans/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutJson($"/api/sunsetting/tasks/{plan.Tasks[0].Id}", new { done = true, version = plan.Tasks[0].Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/sunsetting/plans/{plan.Id}/override", new { reason = "Because I say so", version = plan.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Executive)).PutJson($"/api/sunsetting/plans/{plan.Id}", new { days = 120, version = plan.Version })).StatusCode);
        var partner = await ws.AsPartnerUser(partnerId);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/sunsetting/plans/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/sunsetting/partnerships/{pid}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/Sunsetting/Plan/{plan.Id}")).StatusCode);
        var (_, stranger) = await Workspace("Elsewhere");
        await (await stranger.GetAsync($"/api/sunsetting/plans/{plan.Id}")).Problem(404);
        await (await stranger.PutJson($"/api/sunsetting/tasks/{plan.Tasks[0].Id}", new { done = true, version = plan.Tasks[0].Version })).Problem(404);
        await (await stranger.PostJson($"/api/sunsetting/plans/{plan.Id}/override", new { reason = "Not mine to override", version = plan.Version })).Problem(404);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Sunsetting/Plan/{plan.Id}")).StatusCode);

        // An override needs a reason; then Ended opens with the tasks still open.
        Assert.NotNull((await Errors(await manager.PostJson($"/api/sunsetting/plans/{plan.Id}/override", new { reason = " ", version = plan.Version })))["reason"]);
        await (await Move(manager, pid, "Ended")).Problem(400);
        var form = await manager.PostFormAsync($"/Sunsetting/Plan/{plan.Id}", $"/Sunsetting/Plan/{plan.Id}?handler=Override",
            [new("reason", "Partner went into administration; no one left to hand over to."), new("version", plan.Version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var overridden = await (await manager.GetAsync($"/api/sunsetting/plans/{plan.Id}")).Read<WindDownPlanDto>();
        Assert.Equal("Partner went into administration; no one left to hand over to.", overridden.OverrideReason);
        Assert.Null(overridden.EndedNeeds);
        await InDb(ws, async db => Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(WindDownPlan) && a.EntityId == plan.Id.ToString()
            && a.Summary!.Contains("administration"))));
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "Ended")).StatusCode);
    }

    [SkippableFact]
    public async Task PlanPage_ShowsProgress_MarksTasks_AndPutsErrorsNextToTheField()
    {
        var (ws, manager) = await Workspace("Pages");
        var owner = await StaffId(ws, Roles.Manager);
        var (pid, _) = await manager.NewPartnershipAsync("Paged out");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson("/api/agreements", Agreement(pid, owner, 45, 45))).StatusCode);
        await UnderReview(ws, pid);
        await Move(manager, pid, "Sunsetting");
        var plan = await (await manager.GetAsync($"/api/sunsetting/partnerships/{pid}")).Read<WindDownPlanDto>();

        var task = plan.Tasks[0];
        var marked = await manager.PostFormAsync($"/Sunsetting/Plan/{plan.Id}", $"/Sunsetting/Plan/{plan.Id}?handler=Task",
            [new("taskId", task.Id.ToString()), new("version", task.Version.ToString()), new("done", "true"), new("ownerId", owner), new("note", "Sent to all teams.")]);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var html = await manager.GetStringAsync($"/Sunsetting/Plan/{plan.Id}");
        Assert.Contains("1 of 7 tasks done", html);
        Assert.Contains("Sent to all teams.", html);

        var tooShort = await manager.PostFormAsync($"/Sunsetting/Plan/{plan.Id}", $"/Sunsetting/Plan/{plan.Id}?handler=Length",
            [new("days", "10"), new("version", plan.Version.ToString())]);
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        var body = await tooShort.Content.ReadAsStringAsync();
        Assert.Contains("notice period of 45 days", body);
        Assert.Contains("data-valmsg-for=\"Days\"", body);
        Assert.Equal(45, (await (await manager.GetAsync($"/api/sunsetting/plans/{plan.Id}")).Read<WindDownPlanDto>()).Days);

        var list = await manager.GetStringAsync("/Sunsetting?running=true");
        Assert.Contains("Paged out alliance", list);
    }
}
