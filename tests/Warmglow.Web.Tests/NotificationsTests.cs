using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteNotificationsTests(SqliteApp app) : NotificationsTests<SqliteApp>(app);
public sealed class PostgresNotificationsTests(PostgresApp app) : NotificationsTests<PostgresApp>(app);

/// <summary>The one notification service: once per occasion and person, with the caller's transaction, only to people of the workspace; each inbox its owner's.</summary>
public abstract class NotificationsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Notify")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    async Task InDb(TestWorkspace ws, Func<WarmglowDb, INotifier, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        await work(db, scope.ServiceProvider.GetRequiredService<INotifier>());
    }

    async Task<string> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    [SkippableFact]
    public async Task ANotice_ReachesEachPersonOncePerOccasion_AndTheInboxMarksItRead()
    {
        var (ws, _) = await Workspace();
        var manager = await UserId(ws.Emails[Roles.Manager]);
        var notice = new Notice("test.happened", "Something happened that needs you.", "test:1") { Link = "/Tasks" };
        await InDb(ws, async (_, n) =>
        {
            await n.NotifyAsync(notice, [manager, manager]);
            await n.NotifyAsync(notice with { Title = "Raised again" }, [manager]);
            await n.NotifyAsync(notice with { OccasionKey = "test:2", Title = "A second occasion." }, [manager, "no-such-user"]);
        });

        var client = await ws.As(Roles.Manager);
        Assert.Equal(2, (await (await client.GetAsync("/api/notifications/unread-count")).Read<UnreadCount>()).Unread);
        var inbox = await (await client.GetAsync("/api/notifications")).Read<Paged<NotificationDto>>();
        Assert.Equal(["A second occasion.", "Something happened that needs you."], inbox.Items.Select(i => i.Title));
        Assert.Contains("Something happened that needs you.", await client.GetStringAsync("/Notifications"));
        Assert.Contains(">2<span class=\"visually-hidden\"> unread</span>", await client.GetStringAsync("/Notifications"));

        // Opening a notice from the page marks it read and goes where it points.
        var open = await client.PostFormAsync("/Notifications", $"/Notifications?handler=Open&id={inbox.Items[1].Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/Tasks", open.Headers.Location!.OriginalString);
        Assert.Equal(1, (await (await client.GetAsync("/api/notifications/unread-count")).Read<UnreadCount>()).Unread);
        Assert.Equal(1, (await (await client.PostJson("/api/notifications/read-all", new { })).Read<MarkedRead>()).Marked);
        Assert.Empty((await (await client.GetAsync("/api/notifications?unread=true")).Read<Paged<NotificationDto>>()).Items);
    }

    [SkippableFact]
    public async Task SomeoneElsesNotice_IsNotFound_AndAPartnerUserSeesOnlyTheirOwn()
    {
        var (ws, admin) = await Workspace();
        var (partnershipId, partnerId) = await admin.NewPartnershipAsync("Bell partner");
        var (_, otherPartnerId) = await admin.NewPartnershipAsync("Other partner");
        var partnerEmail = await ws.NewUserAsync(Roles.Partner, partnerId);
        var otherEmail = await ws.NewUserAsync(Roles.Partner, otherPartnerId);
        var manager = await UserId(ws.Emails[Roles.Manager]);
        await InDb(ws, async (db, n) =>
        {
            var p = await db.Partnerships.SingleAsync(x => x.Id == partnershipId);
            p.ManagerId = manager;
            await db.SaveChangesAsync();
            await n.NotifyPartnershipAsync(new Notice("test.shared", "Your statement is ready.", "test:shared") { PartnershipId = partnershipId, Link = "/Portal" },
                NoticeAudience.ManagerAndPartnerUsers);
        });

        var partner = await app.ClientForAsync(partnerEmail);
        var mine = await (await partner.GetAsync("/api/notifications")).Read<Paged<NotificationDto>>();
        Assert.Equal("Your statement is ready.", Assert.Single(mine.Items).Title);
        var other = await app.ClientForAsync(otherEmail);
        Assert.Empty((await (await other.GetAsync("/api/notifications")).Read<Paged<NotificationDto>>()).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJson($"/api/notifications/{mine.Items[0].Id}/read", new { })).StatusCode);

        var managerClient = await ws.As(Roles.Manager);
        var managerInbox = await (await managerClient.GetAsync("/api/notifications")).Read<Paged<NotificationDto>>();
        Assert.StartsWith("Bell partner", Assert.Single(managerInbox.Items).PartnershipName);
        Assert.Equal(HttpStatusCode.NotFound, (await (await ws.As(Roles.Evaluator)).PostJson($"/api/notifications/{managerInbox.Items[0].Id}/read", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/notifications")).StatusCode);
    }

    [SkippableFact]
    public async Task ANotice_RollsBackWithTheChangeItTellsOf()
    {
        var (ws, _) = await Workspace();
        var manager = await UserId(ws.Emails[Roles.Manager]);
        await InDb(ws, async (db, n) =>
        {
            await using (var tx = await db.BeginOrJoinTransactionAsync())
            {
                await n.NotifyAsync(new Notice("test.rolled", "Never happened.", "test:rolled"), [manager]);
                await n.NotifyAsync(new Notice("test.rolled", "Never happened.", "test:rolled"), [manager]); // a repeat inside the transaction does not abort it
                Assert.Equal(1, await db.Notifications.CountAsync(x => x.OccasionKey == "test:rolled"));
            }
            Assert.Equal(0, await db.Notifications.CountAsync(x => x.OccasionKey == "test:rolled"));
        });
    }
}
