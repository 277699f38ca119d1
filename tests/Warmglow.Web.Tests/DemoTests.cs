using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteDemoTests(SqliteApp app) : DemoTests<SqliteApp>(app);
public sealed class PostgresDemoTests(PostgresApp app) : DemoTests<PostgresApp>(app);

/// <summary>The demo data of every module loads into any number of workspaces, each with its own people.</summary>
public abstract class DemoTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [SkippableFact]
    public async Task DemoData_LoadsIntoTwoWorkspaces_WithoutSharingAnyone()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var first = await app.CreateWorkspaceAsync("Demo one");
        var second = await app.CreateWorkspaceAsync("Demo two");
        foreach (var ws in new[] { first, second })
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
            Assert.Equal(20, await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync());
        }

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<WarmglowDb>();
        var tenant = check.ServiceProvider.GetRequiredService<Tenant>();
        foreach (var ws in new[] { first, second })
        {
            tenant.Use(ws.Id, "test");
            // Everyone the demo names in a workspace (agreement owners, task assignees, partnership managers) belongs to it.
            var own = await db.Users.Where(u => u.WorkspaceId == ws.Id).Select(u => u.Id).ToListAsync();
            var managers = await db.Partnerships.Where(p => p.ManagerId != null).Select(p => p.ManagerId!).Distinct().ToListAsync();
            var assignees = await db.Tasks.Where(t => t.AssigneeId != null).Select(t => t.AssigneeId!).Distinct().ToListAsync();
            Assert.NotEmpty(managers);
            Assert.All(managers.Concat(assignees), id => Assert.Contains(id, own));
            Assert.True(await db.Agreements.AnyAsync());
            // The reports show in the demo: each scaling partnership's manager has a task that opens its review pack.
            Assert.True(await db.Tasks.AnyAsync(t => t.Source == "review-pack" && t.Link!.StartsWith("/Reports/Qbr/")));
            // Accounts and the portal have demo data of their own: a pending invitation, a used API key, and a portal
            // account for the people of every live partner.
            Assert.True(await db.Memberships.AnyAsync(m => m.WorkspaceId == ws.Id && db.Users.Any(u => u.Id == m.UserId && u.InvitedAt != null && u.PasswordHash == null)));
            Assert.True(await db.ApiKeys.AnyAsync(k => k.WorkspaceId == ws.Id && k.LastUsedAt != null && k.RevokedAt == null));
            var livePartners = await db.PartnershipMembers.Where(m => Warmglow.Web.Features.Health.HealthService.LiveStages.Contains(m.Partnership!.Stage)
                && db.Contacts.Any(c => c.PartnerId == m.PartnerId && c.Email != null)).Select(m => m.PartnerId).Distinct().ToListAsync();
            Assert.NotEmpty(livePartners);
            foreach (var partner in livePartners)
                Assert.True(await db.Memberships.AnyAsync(m => m.WorkspaceId == ws.Id && m.PartnerId == partner), $"partner {partner} has no portal account");
            // The inbox has demo notices, read and unread, each for someone of this workspace and with a link to act on.
            var notices = await db.Notifications.Select(n => new { n.UserId, n.Link, Read = n.ReadAt != null }).ToListAsync();
            Assert.Contains(notices, n => n.Read);
            Assert.Contains(notices, n => !n.Read);
            var members = await db.Memberships.Where(m => m.WorkspaceId == ws.Id).Select(m => m.UserId).ToListAsync();
            Assert.All(notices, n => { Assert.Contains(n.UserId, members); Assert.StartsWith("/", n.Link); });
            // A webhook endpoint turned off by a 410, with a delivery log (a retry among them) and nothing left to send.
            var endpoint = await db.WebhookEndpoints.SingleAsync();
            Assert.False(endpoint.Enabled);
            Assert.Contains("410", endpoint.DisabledReason);
            var deliveries = await db.WebhookDeliveries.Select(d => new { d.Status, Tries = db.WebhookAttempts.Count(a => a.DeliveryId == d.Id) }).ToListAsync();
            Assert.True(deliveries.Count >= 3);
            Assert.DoesNotContain(deliveries, d => d.Status == Warmglow.Web.Features.Webhooks.DeliveryStatus.Pending);
            Assert.Contains(deliveries, d => d.Status == Warmglow.Web.Features.Webhooks.DeliveryStatus.Failed);
            Assert.Contains(deliveries, d => d.Tries == 2);
            // Funds: none allocated beyond its amount, no allocation below zero.
            Assert.True(await db.Funds.AnyAsync());
            Assert.False(await db.Funds.AnyAsync(f => f.Allocated > f.Amount));
            Assert.False(await db.FundAllocations.AnyAsync(a => a.Paid + a.Reserved + a.Pending + a.Expired > a.Amount));
            // Older statements are paid, each agreement's newest is not.
            Assert.True(await db.StatementPayments.AnyAsync());
            Assert.True(await db.RevenueStatements.AnyAsync(st => !db.StatementPayments.Any(p => p.StatementId == st.Id)));
        }
    }
}
