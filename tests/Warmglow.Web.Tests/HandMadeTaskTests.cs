using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteHandMadeTaskTests(SqliteApp app) : HandMadeTaskTests<SqliteApp>(app);
public sealed class PostgresHandMadeTaskTests(PostgresApp app) : HandMadeTaskTests<PostgresApp>(app);

/// <summary>
/// Hand-made tasks and action items (decision 0025): made, assigned, commented and closed by the right people only;
/// partner-side owners in the portal see their own partnership's items and shared comments only; overdue items remind
/// once and flag a partnership with many of them.
/// </summary>
public abstract class HandMadeTaskTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    sealed record World(TestWorkspace Ws, HttpClient Admin, HttpClient Manager, int A, int PartnerA, int B, int PartnerB, string ManagerId,
        string PartnerUserA, string PartnerUserAId, string PartnerUserBId);

    async Task<World> Setup()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("HandTasks");
        var admin = await ws.As(Roles.Admin);
        var (a, partnerA) = await admin.NewPartnershipAsync("Aurora Tasks");
        var (b, partnerB) = await admin.NewPartnershipAsync("Borealis Tasks");
        var userA = await ws.NewUserAsync(Roles.Partner, partnerA);
        var userB = await ws.NewUserAsync(Roles.Partner, partnerB);
        return new(ws, admin, await ws.As(Roles.Manager), a, partnerA, b, partnerB, await UserId(ws.Emails[Roles.Manager]), userA, await UserId(userA), await UserId(userB));
    }

    async Task<string> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    async Task InDb(TestWorkspace ws, Func<WarmglowDb, IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
        await work(scope.ServiceProvider.GetRequiredService<WarmglowDb>(), scope.ServiceProvider);
    }

    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    static async Task<TaskDto> Create(HttpClient c, object body)
    {
        var r = await c.PostJson("/api/tasks", body);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.Read<TaskDto>();
    }

    [SkippableFact]
    public async Task Manager_MakesAssignsCommentsAndCloses_AndTheDashboardShowsIt()
    {
        var w = await Setup();
        var t = await Create(w.Manager, new { title = "Draft the joint press release", details = "Both logos.", partnershipId = w.A, assigneeId = w.ManagerId, dueOn = Today.AddDays(3) });
        Assert.Equal(WorkTaskStatus.Open, t.Status);
        Assert.Equal(WorkTasks.ActionItemSource, t.Source);
        Assert.True(t.HandMade);
        Assert.False(t.Shared);

        var mine = await (await w.Manager.GetAsync($"/api/tasks?scope=Mine&partnershipId={w.A}")).Read<Paged<TaskDto>>();
        Assert.Contains(mine.Items, x => x.Id == t.Id);
        Assert.Contains("Draft the joint press release", await w.Manager.GetStringAsync("/"));

        var inProgress = await (await w.Manager.PutJson($"/api/tasks/{t.Id}/status", new { status = "InProgress", version = t.Version })).Read<TaskDto>();
        Assert.Equal("In progress", inProgress.StatusName);
        var c = await w.Manager.PostJson($"/api/tasks/{t.Id}/comments", new { text = "Waiting for their legal team.", shared = false });
        Assert.Equal(HttpStatusCode.Created, c.StatusCode);

        var admin = await UserId(w.Ws.Emails[Roles.Admin]);
        var reassigned = await (await w.Manager.PutJson($"/api/tasks/{t.Id}/assignee", new { assigneeId = admin, version = inProgress.Version })).Read<TaskDto>();
        Assert.Equal(admin, reassigned.AssigneeId);
        var dropped = await (await w.Admin.PutJson($"/api/tasks/{t.Id}/status", new { status = "Dropped", version = reassigned.Version })).Read<TaskDto>();
        Assert.Equal(WorkTaskStatus.Dropped, dropped.Status);
        Assert.NotNull(dropped.DoneAt);
        var all = await (await w.Manager.GetAsync($"/api/tasks?scope=All&status=Dropped")).Read<Paged<TaskDto>>();
        Assert.Single(all.Items, x => x.Id == t.Id);

        // Audited through the existing mechanism.
        await InDb(w.Ws, async (db, _) =>
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(WorkTask) && e.EntityId == t.Id.ToString() && e.Action == "Created"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(TaskComment) && e.Action == "Created"));
        });

        // The pages: the list with filters, the details with its comments, the new-task form.
        var list = await w.Manager.GetStringAsync($"/Tasks?Scope=All&Partnership={w.A}&Show=any");
        Assert.Contains($"href=\"/Tasks/{t.Id}\"", list);
        var details = await w.Manager.GetStringAsync($"/Tasks/{t.Id}");
        Assert.Contains("Waiting for their legal team.", details);
        Assert.Contains("internal", details);
        Assert.Equal(HttpStatusCode.OK, (await w.Manager.GetAsync("/Tasks/New")).StatusCode);
    }

    [SkippableFact]
    public async Task NewTaskForm_CreatesOne_AndNamesBadFieldsInWords()
    {
        var w = await Setup();
        var bad = await w.Manager.PostFormAsync("/Tasks/New", "/Tasks/New",
            [new("Input.Title", ""), new("Input.Partnership", w.A.ToString()), new("Input.Assignee", w.PartnerUserBId), new("Input.Due", "")]);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Title is required", html);
        Assert.Contains("Assignee works for a partner outside this partnership", html);
        Assert.Contains("Due is required", html);
        Assert.DoesNotContain("Input.", System.Text.RegularExpressions.Regex.Replace(html, "name=\"Input\\.[A-Za-z]+\"|for=\"[^\"]*\"|id=\"[^\"]*\"", ""));

        var ok = await w.Manager.PostFormAsync("/Tasks/New", "/Tasks/New",
            [new("Input.Title", "Plan the kick-off"), new("Input.Partnership", w.A.ToString()), new("Input.Assignee", w.PartnerUserAId), new("Input.Due", Today.AddDays(5).ToString("yyyy-MM-dd"))]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Matches("^/Tasks/\\d+$", ok.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task BadInput_IsProblemDetails_NamingTheField_AndStaleVersionIs409()
    {
        var w = await Setup();
        var errors = (await (await w.Manager.PostJson("/api/tasks", new { title = "", partnershipId = w.A, assigneeId = "nobody", })).Problem(400))["errors"]!;
        Assert.NotNull(errors["title"]);
        Assert.NotNull(errors["dueOn"]);
        Assert.Contains("not a person in this workspace", errors["assigneeId"]![0]!.GetValue<string>());

        // A partner user of another partnership, and a partner user on a task without partnership.
        var outside = (await (await w.Manager.PostJson("/api/tasks", new { title = "X", partnershipId = w.A, assigneeId = w.PartnerUserBId, dueOn = Today })).Problem(400))["errors"]!;
        Assert.Contains("outside this partnership", outside["assigneeId"]![0]!.GetValue<string>());
        var noPartnership = (await (await w.Manager.PostJson("/api/tasks", new { title = "X", assigneeId = w.PartnerUserAId, dueOn = Today })).Problem(400))["errors"]!;
        Assert.Contains("pick the partnership first", noPartnership["assigneeId"]![0]!.GetValue<string>());
        var unknown = (await (await w.Manager.PostJson("/api/tasks", new { title = "X", partnershipId = 999999, assigneeId = w.ManagerId, dueOn = Today })).Problem(400))["errors"]!;
        Assert.NotNull(unknown["partnershipId"]);

        var t = await Create(w.Manager, new { title = "Versioned", assigneeId = w.ManagerId, dueOn = Today.AddDays(1) });
        var ok = await w.Manager.PutJson($"/api/tasks/{t.Id}", new { title = "Versioned, renamed", assigneeId = w.ManagerId, dueOn = Today.AddDays(2), version = t.Version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await (await w.Manager.PutJson($"/api/tasks/{t.Id}", new { title = "Stale", assigneeId = w.ManagerId, dueOn = Today, version = t.Version })).Problem(409);
        await (await w.Manager.PutJson($"/api/tasks/{t.Id}/status", new { status = "Done", version = t.Version })).Problem(409);
        var noVersion = (await (await w.Manager.PutJson($"/api/tasks/{t.Id}/status", new { status = "Done" })).Problem(400))["errors"]!;
        Assert.NotNull(noVersion["version"]);
        var noText = (await (await w.Manager.PostJson($"/api/tasks/{t.Id}/comments", new { text = " " })).Problem(400))["errors"]!;
        Assert.NotNull(noText["text"]);
        // A comment on a partnership's task must say who may read it.
        var onA = await Create(w.Manager, new { title = "On A", partnershipId = w.A, assigneeId = w.ManagerId, dueOn = Today });
        var noChoice = (await (await w.Manager.PostJson($"/api/tasks/{onA.Id}/comments", new { text = "Hi" })).Problem(400))["errors"]!;
        Assert.NotNull(noChoice["shared"]);
        await (await w.Manager.GetAsync("/api/tasks/999999")).Problem(404);
    }

    [SkippableFact]
    public async Task Evaluator_CannotMakeOrEdit_AndOnlyAssigneeOrManager_ChangesStatus()
    {
        var w = await Setup();
        var evaluator = await w.Ws.As(Roles.Evaluator);
        var executive = await w.Ws.As(Roles.Executive);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/tasks", new { title = "Nope", assigneeId = w.ManagerId, dueOn = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PostJson("/api/tasks", new { title = "Nope", assigneeId = w.ManagerId, dueOn = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/Tasks/New")).StatusCode);
        var t = await Create(w.Manager, new { title = "Manager's own", assigneeId = w.ManagerId, dueOn = Today });
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutJson($"/api/tasks/{t.Id}", new { title = "X", assigneeId = w.ManagerId, dueOn = Today, version = t.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutJson($"/api/tasks/{t.Id}/assignee", new { assigneeId = w.ManagerId, version = t.Version })).StatusCode);
        await (await evaluator.PutJson($"/api/tasks/{t.Id}/status", new { status = "Done", version = t.Version })).Problem(403);
        await (await evaluator.PostJson($"/api/tasks/{t.Id}/comments", new { text = "Hello" })).Problem(403);
        // An executive oversees: may comment, but not close someone else's task.
        Assert.Equal(HttpStatusCode.Created, (await executive.PostJson($"/api/tasks/{t.Id}/comments", new { text = "Looks good." })).StatusCode);
        await (await executive.PutJson($"/api/tasks/{t.Id}/status", new { status = "Done", version = t.Version })).Problem(403);
    }

    [SkippableFact]
    public async Task PartnerOwner_SeesAndWorksOwnItems_SharedCommentsOnly_AndNothingOfAnotherPartnership()
    {
        var w = await Setup();
        var forA = await Create(w.Manager, new { title = "Send the customer list for the overlap", partnershipId = w.A, assigneeId = w.PartnerUserAId, dueOn = Today.AddDays(-2) });
        var sharedA = await Create(w.Manager, new { title = "Joint webinar dates", partnershipId = w.A, assigneeId = w.ManagerId, dueOn = Today.AddDays(4), shared = true });
        var internalA = await Create(w.Manager, new { title = "Internal-only review of Aurora", partnershipId = w.A, assigneeId = w.ManagerId, dueOn = Today.AddDays(4) });
        var forB = await Create(w.Manager, new { title = "Borealis secret item", partnershipId = w.B, assigneeId = w.PartnerUserBId, dueOn = Today.AddDays(1), shared = true });
        await w.Manager.PostJson($"/api/tasks/{forA.Id}/comments", new { text = "Please use the template.", shared = true });
        await w.Manager.PostJson($"/api/tasks/{forA.Id}/comments", new { text = "Internal: they were late last time.", shared = false });

        var partner = await app.ClientForAsync(w.PartnerUserA);
        var list = await (await partner.GetAsync("/api/tasks?scope=All")).Read<Paged<TaskDto>>();
        Assert.Equal(new[] { forA.Id, sharedA.Id }.Order(), list.Items.Select(x => x.Id).Order());
        var mine = await (await partner.GetAsync("/api/tasks")).Read<Paged<TaskDto>>();
        Assert.Equal([forA.Id], mine.Items.Select(x => x.Id));
        // Another partnership's item (even filtering by its id) and an internal item of their own partnership: not found.
        Assert.Empty((await (await partner.GetAsync($"/api/tasks?scope=All&partnershipId={w.B}")).Read<Paged<TaskDto>>()).Items);
        await (await partner.GetAsync($"/api/tasks/{forB.Id}")).Problem(404);
        await (await partner.GetAsync($"/api/tasks/{internalA.Id}")).Problem(404);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Portal/Tasks/{forB.Id}")).StatusCode);
        await (await partner.PutJson($"/api/tasks/{forB.Id}/status", new { status = "Done", version = forB.Version })).Problem(404);
        await (await partner.PostJson($"/api/tasks/{forB.Id}/comments", new { text = "Sneaky" })).Problem(404);
        // Partner users never make, edit or reassign tasks.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson("/api/tasks", new { title = "Mine", partnershipId = w.A, assigneeId = w.PartnerUserAId, dueOn = Today })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJson($"/api/tasks/{forA.Id}/assignee", new { assigneeId = w.PartnerUserAId, version = forA.Version })).StatusCode);

        // Internal comments never reach them, through the API or the portal page.
        var details = await (await partner.GetAsync($"/api/tasks/{forA.Id}")).Read<TaskDetailsDto>();
        Assert.Equal(["Please use the template."], details.Comments.Select(c => c.Text));
        var page = await partner.GetStringAsync($"/Portal/Tasks/{forA.Id}");
        Assert.Contains("Please use the template.", page);
        Assert.DoesNotContain("they were late last time", page);
        Assert.DoesNotContain("Internal-only review", await partner.GetStringAsync("/Portal/Tasks"));
        Assert.DoesNotContain("Borealis secret item", await partner.GetStringAsync("/Portal/Tasks"));

        // They work their own item: status (not someone else's shared one) and shared comments only.
        var done = await (await partner.PutJson($"/api/tasks/{forA.Id}/status", new { status = "Done", version = forA.Version })).Read<TaskDto>();
        Assert.Equal(WorkTaskStatus.Done, done.Status);
        await (await partner.PutJson($"/api/tasks/{sharedA.Id}/status", new { status = "Done", version = sharedA.Version })).Problem(403);
        var internalTry = (await (await partner.PostJson($"/api/tasks/{sharedA.Id}/comments", new { text = "Just for us", shared = false })).Problem(400))["errors"]!;
        Assert.NotNull(internalTry["shared"]);
        var comment = await (await partner.PostJson($"/api/tasks/{sharedA.Id}/comments", new { text = "Tuesday works for us." })).Read<TaskCommentDto>();
        Assert.True(comment.Shared);
        Assert.True(comment.FromPartner);
        // Staff see the partner's comment on the task page.
        Assert.Contains("Tuesday works for us.", await w.Manager.GetStringAsync($"/Tasks/{sharedA.Id}"));
        // The portal's next actions list their open items (done ones drop off).
        var other = await Create(w.Manager, new { title = "Confirm the speakers", partnershipId = w.A, assigneeId = w.PartnerUserAId, dueOn = Today.AddDays(3) });
        var home = await partner.GetStringAsync("/Portal");
        // Only the "What to do next" card: the partnership's activity further down rightly shows the done item as done.
        var next = home[home.IndexOf("id=\"next-h\"", StringComparison.Ordinal)..];
        next = next[..next.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Confirm the speakers", next);
        Assert.Contains($"/Portal/Tasks/{other.Id}", next);
        Assert.DoesNotContain("Send the customer list for the overlap", next);
    }

    [SkippableFact]
    public async Task OverdueItems_RemindOncePerTaskAndDueDate_AndManyOnAPartnership_RaiseARedFlag()
    {
        var w = await Setup();
        var items = new List<TaskDto>();
        for (var i = 0; i < 3; i++)
            items.Add(await Create(w.Manager, new { title = $"Late item {i}", partnershipId = w.A, assigneeId = i == 0 ? w.PartnerUserAId : w.ManagerId, dueOn = Today.AddDays(-3 - i) }));
        await Create(w.Manager, new { title = "Late on B", partnershipId = w.B, assigneeId = w.ManagerId, dueOn = Today.AddDays(-1) });
        await Create(w.Manager, new { title = "Not late", partnershipId = w.B, assigneeId = w.ManagerId, dueOn = Today.AddDays(5) });

        await InDb(w.Ws, async (db, sp) =>
        {
            var tasks = sp.GetRequiredService<TaskService>();
            var notifier = sp.GetRequiredService<INotifier>();
            Assert.Equal(4, await tasks.NotifyOverdueAsync(notifier));
            await tasks.NotifyOverdueAsync(notifier);
            foreach (var t in items)
                Assert.Equal(1, await db.Notifications.IgnoreQueryFilters().CountAsync(n => n.OccasionKey == Core.Tasks.TaskRules.ReminderOccasion(t.Id, t.DueOn)));
            var partnerNotice = await db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.OccasionKey == Core.Tasks.TaskRules.ReminderOccasion(items[0].Id, items[0].DueOn));
            Assert.Equal(w.PartnerUserAId, partnerNotice.UserId);
            Assert.Equal($"/Portal/Tasks/{items[0].Id}", partnerNotice.Link);

            var flags = await sp.GetRequiredService<IOverdueActionItemSource>().ManyOverdueAsync(db, Today, default);
            var flag = Assert.Single(flags);
            Assert.Equal(w.A, flag.PartnershipId);
            Assert.Equal("3 action items are overdue.", flag.Reason);

            // Health shows it among the partnership's red flags once the partnership is live.
            await db.Partnerships.Where(p => p.Id == w.A).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, PartnershipStage.Active));
            await sp.GetRequiredService<HealthService>().RecomputeAsync();
            var snapshot = await db.HealthSnapshots.AsNoTracking().SingleAsync(h => h.PartnershipId == w.A);
            Assert.Contains(snapshot.RedFlags, f => f.Kind == RedFlagKind.OverdueActionItems && f.Reason == "3 action items are overdue.");
        });

        // One done: below the threshold, no flag.
        await w.Manager.PutJson($"/api/tasks/{items[1].Id}/status", new { status = "Done", version = items[1].Version });
        await InDb(w.Ws, async (db, sp) => Assert.Empty(await sp.GetRequiredService<IOverdueActionItemSource>().ManyOverdueAsync(db, Today, default)));
        var overdueOnly = await (await w.Manager.GetAsync($"/api/tasks?scope=All&overdue=true")).Read<Paged<TaskDto>>();
        Assert.Equal(3, overdueOnly.Total);
        Assert.All(overdueOnly.Items, t => Assert.True(t.Overdue));
    }
}
