using System.Net;
using System.Text;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteTrustDataTests(SqliteApp app) : TrustDataTests<SqliteApp>(app);
public sealed class PostgresTrustDataTests(PostgresApp app) : TrustDataTests<PostgresApp>(app);

/// <summary>A clock stopped at one moment: what "today" is for the app under test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Issue 9's data defects: statement periods, query-string ids across workspaces, 500s that must be 4xx.</summary>
public abstract class TrustDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    void Ready() => Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    async Task<RevenueSetup> Revenue(string name, DateOnly start, DateOnly? end = null)
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync(name);
        var s = await RevenueFixtures.AgreementAsync(app, ws, name, start, end);
        var terms = await s.Manager.PutJson($"{s.Url}/revenue-terms", new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 50m }, new { partyId = "org", percent = 50m } } });
        Assert.Equal(HttpStatusCode.OK, terms.StatusCode);
        return s;
    }

    // ------------------------------------------------------------------ 1. statement periods

    [SkippableFact]
    public async Task Statement_ForAFarFuturePeriod_IsRefused_NamingTheField_AndNothingIsLocked()
    {
        var s = await Revenue("Far future", Today.AddYears(-1));
        Assert.Equal(HttpStatusCode.Created, (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("F-1", 10m, Day(Today.AddDays(-3))))).StatusCode);
        foreach (var url in new[] { $"{s.Url}/statements" }) // the one issue route (the duplicate /statements/issue is gone)
        {
            var p = await (await s.Manager.PostJson(url, new { from = "9999-12-31", to = "9999-12-31" })).Problem(400);
            Assert.Contains("today", p["errors"]!["to"]![0]!.GetValue<string>());
            var tomorrow = await (await s.Manager.PostJson(url, new { from = Day(Today.AddDays(-10)), to = Day(Today.AddDays(1)) })).Problem(400);
            Assert.NotNull(tomorrow["errors"]!["to"]);
        }
        // A preview may look ahead; nothing was issued, so a period ending today is still free to issue.
        Assert.Equal(HttpStatusCode.OK, (await s.Manager.PostJson($"{s.Url}/statements/preview", new { from = "9999-12-01", to = "9999-12-31" })).StatusCode);
        var issued = await (await s.Manager.PostJson($"{s.Url}/statements", new { from = Day(Today.AddDays(-30)), to = Day(Today) })).Read<StatementDto>();
        Assert.Equal(10m, issued.Total);
    }

    [SkippableFact]
    public async Task Statement_OutsideTheAgreementsTerm_IsRefused()
    {
        var s = await Revenue("Term bound", new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        var before = await (await s.Manager.PostJson($"{s.Url}/statements", new { from = "2024-01-01", to = "2024-12-31" })).Problem(400);
        Assert.Contains("agreement starts", before["errors"]!["to"]![0]!.GetValue<string>());
        var after = await (await s.Manager.PostJson($"{s.Url}/statements", new { from = "2025-07-01", to = "2025-09-30" })).Problem(400);
        Assert.Contains("agreement ends", after["errors"]!["from"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await s.Manager.PostJson($"{s.Url}/statements", new { from = "2025-01-01", to = "2025-03-31" })).StatusCode);
    }

    [SkippableFact]
    public async Task Statement_Today_IsTheInjectedClocksToday()
    {
        var s = await Revenue("Clocked", new DateOnly(2025, 1, 1));
        // The app's clock says 15 February 2025: Q1 2025 has not ended yet, whatever the machine's date.
        await using var clocked = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 2, 15, 12, 0, 0, TimeSpan.Zero)))));
        using var client = clocked.CreateClient();
        var token = await (await client.PostJson("/api/auth/token", new { email = s.Ws.Emails[Roles.Manager], password = TestApp.Password })).Node();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        var p = await (await client.PostJson($"{s.Url}/statements", new { from = "2025-01-01", to = "2025-03-31" })).Problem(400);
        Assert.Contains("2025-02-15", p["errors"]!["to"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await client.PostJson($"{s.Url}/statements", new { from = "2025-01-01", to = "2025-02-15" })).StatusCode);
    }

    // ------------------------------------------------------------------ 3. query-string ids of another workspace

    [SkippableFact]
    public async Task QueryStringIds_OfAnotherWorkspace_Are404()
    {
        Ready();
        var ours = await app.CreateWorkspaceAsync("Ours");
        var theirs = await app.CreateWorkspaceAsync("Theirs");
        var them = await theirs.As(Roles.Admin);
        var partner = await (await them.PostJson("/api/partners", new { name = "Their partner" })).Read<PartnerDto>();
        var partnership = await (await them.PostJson("/api/partnerships", new { name = "Their alliance", type = "CoMarketing", partnerId = partner.Id })).Read<PartnershipDto>();
        var theirManager = (await (await them.GetAsync("/api/users")).Node())["items"]!.AsArray().First(u => u!["roles"]!.ToJsonString().Contains(Roles.Manager))!["id"]!.GetValue<string>();
        var us = await ours.As(Roles.Admin);
        var own = await (await us.PostJson("/api/partnerships", new
        {
            name = "Our alliance", type = "CoMarketing",
            partnerId = (await (await us.PostJson("/api/partners", new { name = "Our partner" })).Read<PartnerDto>()).Id,
        })).Read<PartnershipDto>();

        foreach (var url in new[]
        {
            $"/api/surveys/recipients?partnershipId={partnership.Id}",
            $"/api/surveys?partnershipId={partnership.Id}",
            $"/api/agreements?partnershipId={partnership.Id}",
            $"/api/partnerships?partnerId={partner.Id}",
            $"/api/partnerships?managerId={theirManager}",
        })
        {
            var r = await us.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            // Theirs answer normally for them.
            Assert.Equal(HttpStatusCode.OK, (await them.GetAsync(url)).StatusCode);
        }
        // Our own ids still work, and an unknown metric filter on our own partnership is a 404 too.
        Assert.Equal(HttpStatusCode.OK, (await us.GetAsync($"/api/surveys/recipients?partnershipId={own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync($"/api/partnerships/{own.Id}/observations?metricId=99999999")).StatusCode);
    }

    // ------------------------------------------------------------------ 4. 500s that must be 4xx

    [SkippableFact]
    public async Task DeletingAPartnershipWithARevenueLedger_Is409WithAReason_AndNothingIsDeleted()
    {
        var s = await Revenue("Ledger keeper", new DateOnly(2025, 1, 1));
        Assert.Equal(HttpStatusCode.Created, (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("L-1", 10m, "2025-02-01"))).StatusCode);
        var admin = await s.Ws.As(Roles.Admin);
        var p = await (await admin.DeleteAsync($"/api/partnerships/{s.PartnershipId}")).Problem(409);
        Assert.Contains("revenue ledger", p["detail"]!.GetValue<string>());
        Assert.Contains("Ended", p["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/partnerships/{s.PartnershipId}")).StatusCode);
        Assert.Equal(1, (await (await s.Manager.GetAsync($"{s.Url}/revenue-events")).Read<Paged<EventDto>>()).Total);
    }

    [SkippableFact]
    public async Task UndefinedEnumNumbers_Are400NamingTheField()
    {
        var s = await Revenue("Enum strict", new DateOnly(2025, 1, 1));
        var terms = await (await s.Manager.PutJson($"{s.Url}/revenue-terms", new { kind = 999, shares = new[] { new { partyId = "org", percent = 100m } }, version = 1 })).Problem(400);
        Assert.Contains("'kind'", terms["detail"]!.GetValue<string>());
        var admin = await s.Ws.As(Roles.Admin);
        var partnership = await (await admin.PostJson("/api/partnerships", new { name = "Typed", type = 999, partnerId = s.PartnerIds[0] })).Problem(400);
        Assert.Contains("'type'", partnership["detail"]!.GetValue<string>());
        var sale = await (await s.Manager.PostJson($"{s.Url}/revenue-events", new { key = "E-1", amount = 1m, currency = "EUR", date = "2025-02-01", kind = 999 })).Problem(400);
        Assert.Contains("'kind'", sale["detail"]!.GetValue<string>());
        Assert.Equal(0, (await (await s.Manager.GetAsync($"{s.Url}/revenue-events")).Read<Paged<EventDto>>()).Total);
    }
}

/// <summary>Issue 9: every free text a partner user can reach is internal unless it was shared when written.</summary>
public abstract class PartnerVisibilityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [SkippableFact]
    public async Task PartnerUsers_SeeSharedText_AndNeverInternalText_InThePortalAndTheApi()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Visibility");
        var admin = await ws.As(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Internal(string what) => $"internal-{what}-{tag}";
        string Shared(string what) => $"shared-{what}-{tag}";

        var partner = await (await admin.PostJson("/api/partners", new { name = $"Visible partner {tag}" })).Read<PartnerDto>();
        var p = await (await admin.PostJson("/api/partnerships", new { name = $"Visible alliance {tag}", type = "CoMarketing", partnerId = partner.Id, notes = Internal("notes") })).Read<PartnershipDto>();
        Assert.False(p.NotesShared);
        var m1 = await admin.PostJson($"/api/partnerships/{p.Id}/transitions", new { to = "Research", reason = Internal("move"), version = p.Version });
        Assert.Equal(HttpStatusCode.Created, m1.StatusCode);
        var m2 = await admin.PostJson($"/api/partnerships/{p.Id}/transitions", new { to = "OnHold", reason = Shared("move"), reasonShared = true });
        Assert.Equal(HttpStatusCode.Created, m2.StatusCode);
        var managerId = (await (await admin.GetAsync("/api/users?pageSize=100")).Node())["items"]!.AsArray()
            .First(u => u!["email"]!.GetValue<string>() == ws.Emails[Roles.Manager])!["id"]!.GetValue<string>();
        object Agreement(string reason, bool shared, int? baseVersion) => new
        {
            partnershipId = p.Id, title = $"Visible agreement {tag}", type = "Referral", flexible = true, startDate = "2025-01-01", currency = "EUR",
            ownerIds = new[] { managerId }, clauses = new { scope = baseVersion is null ? "Referrals" : "Referrals and co-selling" }, reason, reasonShared = shared, baseVersion,
        };
        var created = await admin.PostJson("/api/agreements", Agreement(Internal("v1"), false, null));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var agreementId = (await created.Node())["id"]!.GetValue<int>();
        var revised = await admin.PutJson($"/api/agreements/{agreementId}", Agreement(Shared("v2"), true, 1));
        Assert.True(revised.StatusCode == HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());

        var partnerUser = await ws.AsPartnerUser(partner.Id);
        async Task<string> Body(HttpClient c, string url)
        {
            var r = await c.GetAsync(url);
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode} {body}");
            return body;
        }
        var partnerSees = new[]
        {
            $"/api/partnerships/{p.Id}", $"/api/partnerships/{p.Id}/transitions", "/api/partnerships",
            $"/api/agreements/{agreementId}/versions", $"/api/agreements/{agreementId}/versions/1", $"/api/agreements/{agreementId}/versions/2",
            $"/api/agreements/{agreementId}/compare?from=1&to=2", $"/api/agreements/{agreementId}", "/api/agreements",
            "/Portal", $"/Portal/Agreement/{agreementId}", $"/Portal/Agreement/{agreementId}?number=1",
        };
        var all = new StringBuilder();
        foreach (var url in partnerSees)
        {
            var body = await Body(partnerUser, url);
            all.Append(body);
            foreach (var what in new[] { "notes", "move", "v1" })
                Assert.False(body.Contains(Internal(what), StringComparison.Ordinal), $"{url} shows internal {what} to a partner user");
        }
        var text = all.ToString();
        Assert.Contains(Shared("move"), text);
        Assert.Contains(Shared("v2"), text);
        Assert.Contains(Shared("move"), await Body(partnerUser, "/Portal"));
        Assert.Contains(Shared("v2"), await Body(partnerUser, $"/Portal/Agreement/{agreementId}"));

        // Staff see everything, marked as internal or shared.
        var staffView = await (await admin.GetAsync($"/api/partnerships/{p.Id}")).Read<PartnershipDto>();
        Assert.Equal(Internal("notes"), staffView.Notes);
        Assert.Contains(staffView.History, t => t.Reason == Internal("move") && !t.ReasonShared);
        Assert.Contains(staffView.History, t => t.Reason == Shared("move") && t.ReasonShared);
        var details = await Body(admin, $"/Partnerships/{p.Id}");
        Assert.Contains(Internal("notes"), details);
        Assert.Contains("Visible to the partner", details); // the move form's checkbox
        Assert.Contains("Visible to the partner", await Body(admin, $"/Partnerships/Edit/{p.Id}"));
        Assert.Contains("Visible to the partner", await Body(await ws.As(Roles.Manager), $"/Agreements/Edit/{agreementId}"));

        // Sharing the notes, chosen when they are written, shows them to the partner.
        var shared = await admin.PutJson($"/api/partnerships/{p.Id}", new { name = staffView.Name, type = "CoMarketing", notes = Shared("notes"), notesShared = true, version = staffView.Version });
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Contains(Shared("notes"), await Body(partnerUser, $"/api/partnerships/{p.Id}"));
        // Rewritten without a choice, they are internal again.
        var again = await (await admin.GetAsync($"/api/partnerships/{p.Id}")).Read<PartnershipDto>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/partnerships/{p.Id}", new { name = again.Name, type = "CoMarketing", notes = Internal("notes"), version = again.Version })).StatusCode);
        Assert.DoesNotContain(Internal("notes"), await Body(partnerUser, $"/api/partnerships/{p.Id}"));
    }
}

public sealed class SqlitePartnerVisibilityTests(SqliteApp app) : PartnerVisibilityTests<SqliteApp>(app);
public sealed class PostgresPartnerVisibilityTests(PostgresApp app) : PartnerVisibilityTests<PostgresApp>(app);
