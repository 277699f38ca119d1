using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteTaskTests(SqliteApp app) : TaskTests<SqliteApp>(app);
public sealed class PostgresTaskTests(PostgresApp app) : TaskTests<PostgresApp>(app);

/// <summary>System tasks: opened once per occasion (even under races), listed, completed by the right people only.</summary>
public abstract class TaskTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin, int PartnershipId)> Workspace()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Tasks");
        var admin = await ws.As(Roles.Admin);
        var partner = await (await admin.PostJson("/api/partners", new { name = "Task Partner" })).Read<PartnerDto>();
        var ps = await (await admin.PostJson("/api/partnerships", new { name = "Task alliance", type = "CoSellingReferral", partnerId = partner.Id })).Read<PartnershipDto>();
        return (ws, admin, ps.Id);
    }

    async Task<string> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>Opens a task through the service, as the background checks do.</summary>
    async Task<(WorkTask Task, bool Opened)> Open(TestWorkspace ws, int partnershipId, string key, string? assigneeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "checks");
        return await scope.ServiceProvider.GetRequiredService<TaskService>().OpenOnceAsync(new WorkTask
        {
            Title = "Check in with the partner", PartnershipId = partnershipId, AssigneeId = assigneeId,
            DueOn = new DateOnly(2026, 12, 1), Source = "check-in", SourceKey = key, Link = $"/Partnerships/Details/{partnershipId}",
        });
    }

    [SkippableFact]
    public async Task OpeningTheSameOccasion_Twice_OrConcurrently_OpensOneTask()
    {
        var (ws, admin, id) = await Workspace();
        var manager = await UserId(ws.Emails[Roles.Manager]);
        var first = await Open(ws, id, "check-in:1:2026-Q4", manager);
        var second = await Open(ws, id, "check-in:1:2026-Q4", manager);
        Assert.True(first.Opened);
        Assert.False(second.Opened);
        Assert.Equal(first.Task.Id, second.Task.Id);

        var racers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Open(ws, id, "check-in:1:2027-Q1", manager))));
        Assert.Single(racers, r => r.Opened);
        Assert.Single(racers.Select(r => r.Task.Id).Distinct());

        var all = await (await admin.GetAsync("/api/tasks?scope=All")).Read<Paged<TaskDto>>();
        Assert.Equal(2, all.Total);
        Assert.All(all.Items, t => Assert.Equal("Task alliance", t.PartnershipName));
    }

    [SkippableFact]
    public async Task Dashboard_GivesEachPersonTheirOwnWork_SoonestFirst_WithOverdueMarked()
    {
        var (ws, admin, id) = await Workspace();
        await Open(ws, id, "check-in:dash", await UserId(ws.Emails[Roles.Manager]));
        var manager = await (await ws.As(Roles.Manager)).GetStringAsync("/");
        Assert.Contains("Your work", manager);
        Assert.Contains("Check in with the partner", manager);
        Assert.Contains($"href=\"/Partnerships/Details/{id}\"", manager);
        Assert.Contains("overdue", manager);
        Assert.Contains("Your partnerships needing attention", manager);
        var evaluator = await (await ws.As(Roles.Evaluator)).GetStringAsync("/");
        Assert.DoesNotContain("Check in with the partner", evaluator);
        Assert.Contains("Nothing is waiting for you", evaluator);
    }

    [SkippableFact]
    public async Task Assignee_CompletesOwnTask_OthersMayNot_AndStaleVersionsConflict()
    {
        var (ws, admin, id) = await Workspace();
        var (task, _) = await Open(ws, id, "review:7", await UserId(ws.Emails[Roles.Manager]));
        var manager = await ws.As(Roles.Manager);
        var evaluator = await ws.As(Roles.Evaluator);

        var mine = await (await manager.GetAsync("/api/tasks")).Read<Paged<TaskDto>>();
        Assert.Equal(task.Id, Assert.Single(mine.Items).Id);
        Assert.Equal(0, (await (await evaluator.GetAsync("/api/tasks")).Read<Paged<TaskDto>>()).Total);

        var refused = await evaluator.PutJson($"/api/tasks/{task.Id}/status", new { status = "Done", version = task.Version });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var done = await (await manager.PutJson($"/api/tasks/{task.Id}/status", new { status = "Done", version = task.Version })).Read<TaskDto>();
        Assert.Equal(WorkTaskStatus.Done, done.Status);
        Assert.NotNull(done.DoneAt);
        var stale = await admin.PutJson($"/api/tasks/{task.Id}/status", new { status = "Open", version = task.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(0, (await (await manager.GetAsync("/api/tasks?status=Open")).Read<Paged<TaskDto>>()).Total);

        var missing = await manager.PutJson($"/api/tasks/{task.Id}/status", new { version = done.Version });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
        var audit = await scope.ServiceProvider.GetRequiredService<WarmglowDb>().AuditEntries
            .Where(a => a.EntityType == nameof(WorkTask) && a.EntityId == task.Id.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Equal(["Created", "Updated"], audit.Order());
    }

    [SkippableFact]
    public async Task Tasks_AreDenied_ToAnonymous_PartnerUsers_AndOtherWorkspaces()
    {
        var (ws, admin, id) = await Workspace();
        var (task, _) = await Open(ws, id, "review:9", null);
        var partnerId = (await (await admin.GetAsync("/api/partners")).Read<Paged<PartnerSummary>>()).Items[0].Id;

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tasks")).StatusCode);
        var partnerUser = await ws.AsPartnerUser(partnerId);
        // Partner users read only action items of their own partnership assigned to them or shared (decision 0025): no system task.
        Assert.Equal(0, (await (await partnerUser.GetAsync("/api/tasks?scope=All")).Read<Paged<TaskDto>>()).Total);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerUser.PutJson($"/api/tasks/{task.Id}/status", new { status = "Done", version = 1 })).StatusCode);

        var other = await (await app.CreateWorkspaceAsync("Other tasks")).As(Roles.Admin);
        Assert.Equal(0, (await (await other.GetAsync("/api/tasks?scope=All")).Read<Paged<TaskDto>>()).Total);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutJson($"/api/tasks/{task.Id}/status", new { status = "Done", version = task.Version })).StatusCode);
    }
}
