using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Portal;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqlitePortalTests(SqliteApp app) : PortalTests<SqliteApp>(app);
public sealed class PostgresPortalTests(PostgresApp app) : PortalTests<PostgresApp>(app);

/// <summary>The partner portal over HTTP: the home, partner admins and their team, sign-in by e-mail link, the profile.</summary>
public abstract class PortalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    void Ready() => Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    async Task<T> InDb<T>(TestWorkspace ws, Func<WarmglowDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        return await work(db);
    }

    Task<string> UserId(TestWorkspace ws, string email) => InDb(ws, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [SkippableFact]
    public async Task Home_ListsNextActionsFirst_FromEverySource_ForThePartnersOwnPartnershipsOnly()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Portal home");
        var admin = await ws.As(Roles.Admin);
        var (mine, partner) = await admin.NewPartnershipAsync("Heron");
        var (theirs, _) = await admin.NewPartnershipAsync("Ibis");
        await InDb(ws, async db =>
        {
            foreach (var p in await db.Partnerships.ToListAsync()) p.Stage = PartnershipStage.Active;
            return await db.SaveChangesAsync();
        });
        var email = await ws.NewUserAsync(Roles.Partner, partner);
        var me = await UserId(ws, email);
        var survey = await (await admin.PostJson("/api/surveys", new { partnershipId = mine, templateKey = "quarterly-health", period = "2026-Q4", anonymous = false, recipientIds = new[] { me } })).Read<System.Text.Json.Nodes.JsonNode>();
        var surveyId = survey["id"]!.GetValue<int>();

        var client = await app.ClientForAsync(email);
        var home = await (await client.GetAsync("/api/portal/home")).Read<PortalHomeDto>();
        Assert.Contains(home.NextActions, a => a.Kind == "Survey" && a.Link == $"/Surveys/Answer/{surveyId}");
        Assert.Contains(home.NextActions, a => a.Kind == "Charter" && a.Link == $"/Portal/Charter/{mine}");
        Assert.DoesNotContain(home.NextActions, a => a.Link.Contains($"/{theirs}"));
        Assert.Equal([mine], home.Goals.Select(g => g.PartnershipId));
        Assert.Empty(home.Earnings);

        // Filling in their side of the charter takes that action off the list.
        var charter = await (await client.GetAsync($"/api/partnerships/{mine}/charter")).Read<System.Text.Json.Nodes.JsonNode>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutJson($"/api/partnerships/{mine}/charter/partner-side",
            new { theirs = new { primaryObjective = "Joint customers in the Nordics" }, version = charter["version"]!.GetValue<int>() })).StatusCode);
        home = await (await client.GetAsync("/api/portal/home")).Read<PortalHomeDto>();
        Assert.DoesNotContain(home.NextActions, a => a.Kind == "Charter");
        Assert.Equal(["Joint customers in the Nordics"], home.Goals.Single().YourObjectives);

        // The page shows the same, next actions first; staff have no portal home API.
        var html = await (await client.GetAsync("/Portal")).Content.ReadAsStringAsync();
        Assert.True(html.IndexOf("What to do next", StringComparison.Ordinal) < html.IndexOf("Your earnings", StringComparison.Ordinal));
        Assert.Contains($"/Surveys/Answer/{surveyId}", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/portal/home")).StatusCode);
    }

    [SkippableFact]
    public async Task PartnerAdmin_ManagesOnlyTheirOwnPartnersUsers_AndOnlyManagersGrantIt()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Portal team");
        var admin = await ws.As(Roles.Admin);
        var manager = await ws.As(Roles.Manager);
        var (_, partner) = await admin.NewPartnershipAsync("Kestrel");
        var (_, other) = await admin.NewPartnershipAsync("Lapwing");
        var leadEmail = await ws.NewUserAsync(Roles.Partner, partner);
        var lead = await app.ClientForAsync(leadEmail);
        var leadId = await UserId(ws, leadEmail);
        var outsiderEmail = await ws.NewUserAsync(Roles.Partner, other);
        var outsiderId = await UserId(ws, outsiderEmail);

        // Not an admin yet: no team; only our managers grant it.
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/portal/team")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PutJson($"/api/portal-users/{leadId}/partner-admin", new { partnerAdmin = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PutJson($"/api/portal-users/{leadId}/partner-admin", new { partnerAdmin = true })).StatusCode);
        await (await manager.PutJson($"/api/portal-users/{leadId}/partner-admin", new { })).Problem(400);
        await (await manager.PutJson($"/api/portal-users/{await UserId(ws, ws.Emails[Roles.Evaluator])}/partner-admin", new { partnerAdmin = true })).Problem(404);
        var granted = await (await manager.PutJson($"/api/portal-users/{leadId}/partner-admin", new { partnerAdmin = true })).Read<PortalUserDto>();
        Assert.True(granted.PartnerAdmin);
        Assert.Contains(await InDb(ws, db => db.AuditEntries.Where(a => a.EntityType == nameof(PartnerAdminGrant)).Select(a => a.Action).ToListAsync()), a => a.Length > 0);

        // Their team is their own partner's people only.
        var team = await (await lead.GetAsync("/api/portal/team")).Read<List<TeamMemberDto>>();
        Assert.Equal([leadId], team.Select(t => t.UserId));
        Assert.True(team.Single().You && team.Single().PartnerAdmin);

        // Invite: bad input by field; never someone of our staff or of another partner; a colleague gets a one-time link.
        var e = await (await lead.PostJson("/api/portal/team", new { email = "not-an-address", displayName = "" })).Problem(400);
        Assert.NotNull(e["errors"]!["email"]);
        Assert.NotNull(e["errors"]!["displayName"]);
        await (await lead.PostJson("/api/portal/team", new { email = ws.Emails[Roles.Manager], displayName = "Taken over" })).Problem(400);
        await (await lead.PostJson("/api/portal/team", new { email = outsiderEmail, displayName = "Poached" })).Problem(400);
        Assert.Equal(Roles.Manager, await InDb(ws, db => db.Memberships.Where(m => m.WorkspaceId == ws.Id && m.User!.Email == ws.Emails[Roles.Manager]).Select(m => m.Roles).SingleAsync()));
        var invited = await (await lead.PostJson("/api/portal/team", new { email = "colleague@kestrel.example", displayName = "Cole League" })).Read<TeamInvitation>();
        Assert.False(invited.Mailed); // no SMTP here: the link is handed over
        Assert.Contains("/Account/AcceptInvite?token=", invited.AcceptUrl);
        var membership = await InDb(ws, db => db.Memberships.SingleAsync(m => m.WorkspaceId == ws.Id && m.UserId == invited.Member.UserId));
        Assert.Equal((Roles.Partner, (int?)partner), (membership.Roles, membership.PartnerId));
        var token = Uri.UnescapeDataString(invited.AcceptUrl![(invited.AcceptUrl!.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostJson("/api/invitations/accept", new { token, password = "colleague password" })).StatusCode);
        var colleague = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        colleague.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("colleague@kestrel.example", "colleague password"));
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/portal/home")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync("/api/portal/team")).StatusCode); // not an admin

        // Deactivate: not another partner's people, not themselves; a colleague's access ends on the next request.
        await (await lead.DeleteAsync($"/api/portal/team/{outsiderId}")).Problem(404);
        await (await lead.DeleteAsync($"/api/portal/team/{leadId}")).Problem(409);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync($"/api/portal/team/{invited.Member.UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await colleague.GetAsync("/api/portal/home")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(outsiderEmail)).GetAsync("/api/portal/home")).StatusCode);

        // The grant counts only for the partner they belong to: moved to another partner, they are no admin there.
        await InDb(ws, async db =>
        {
            (await db.Memberships.SingleAsync(m => m.WorkspaceId == ws.Id && m.UserId == leadId)).PartnerId = other;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/portal/team")).StatusCode);
        await InDb(ws, async db =>
        {
            (await db.Memberships.SingleAsync(m => m.WorkspaceId == ws.Id && m.UserId == leadId)).PartnerId = partner;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/portal/team")).StatusCode);

        // Taken back by a manager: no team page any more.
        Assert.False((await (await manager.PutJson($"/api/portal-users/{leadId}/partner-admin", new { partnerAdmin = false })).Read<PortalUserDto>()).PartnerAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/portal/team")).StatusCode);
        var list = await (await manager.GetAsync($"/api/portal-users?partnerId={partner}")).Read<Paged<PortalUserDto>>();
        Assert.Equal([leadId], list.Items.Select(u => u.UserId));
    }

    sealed class CapturingMail : IMailSender
    {
        public List<(string To, string Body)> Sent { get; } = [];
        public bool IsConfigured => true;
        public Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
        {
            lock (Sent) Sent.Add((to, body));
            return Task.CompletedTask;
        }
    }

    [SkippableFact]
    public async Task EmailLink_SignsInOnce_StoredHashed_ShortLived_AndSaysTheSameForUnknownAddresses()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Portal link");
        var (_, partner) = await (await ws.As(Roles.Admin)).NewPartnershipAsync("Merlin");
        var email = await ws.NewUserAsync(Roles.Partner, partner);
        await (await app.CreateClient().PostJson("/api/auth/email-link", new { email })).Problem(409); // no SMTP here

        var mail = new CapturingMail();
        await using var mailing = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("PublicUrl", "https://warmglow.example");
            b.ConfigureTestServices(s => s.AddSingleton<IMailSender>(mail));
        });
        var anon = mailing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await (await anon.PostJson("/api/auth/email-link", new { email = "nope" })).Problem(400);
        var unknown = await anon.PostJson("/api/auth/email-link", new { email = "nobody@nowhere.example" });
        var known = await anon.PostJson("/api/auth/email-link", new { email });
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        var (to, body) = Assert.Single(mail.Sent);
        Assert.Equal(email, to);
        var url = Regex.Match(body, @"https://warmglow\.example/Account/SignInLink\?token=\S+").Value;
        var token = Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        // Only the hash is stored, and it lives 15 minutes.
        var row = await InDb(ws, db => db.AccountTokens.AsNoTracking().SingleAsync(t => t.TokenHash == AccountTokens.Hash(token)));
        Assert.Equal(AccountTokenPurpose.SignIn, row.Purpose);
        Assert.InRange(row.ExpiresAt - row.CreatedAt, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
        Assert.False(await InDb(ws, db => db.AccountTokens.AnyAsync(t => t.TokenHash == token)));

        // GET shows it (link previews cannot use it up), POST signs in, and a second use is refused.
        var path = $"/Account/SignInLink?token={Uri.EscapeDataString(token)}";
        var page = await (await anon.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains($"Sign in as {email}", page);
        var signedIn = await anon.PostAsync(path, new FormUrlEncodedContent([new("Token", token), new("__RequestVerificationToken", TestHelpers.AntiforgeryToken(page))]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("warmglow=", StringComparison.Ordinal));
        Assert.Contains("not valid", await (await anon.GetAsync(path)).Content.ReadAsStringAsync());
        Assert.NotNull(await InDb(ws, db => db.AccountTokens.AsNoTracking().Where(t => t.Id == row.Id).Select(t => t.UsedAt).SingleAsync()));

        // A pending invitee gets no link (they accept their invitation instead).
        var invitee = await (await (await ws.As(Roles.Admin)).PostJson("/api/users", new { email = "pending@merlin.example", displayName = "Pending", role = "partner", partnerId = partner })).Read<Invitation>();
        Assert.NotNull(invitee.AcceptUrl);
        Assert.Equal(HttpStatusCode.Accepted, (await mailing.CreateClient().PostJson("/api/auth/email-link", new { email = "pending@merlin.example" })).StatusCode);
        Assert.Single(mail.Sent);
    }

    [SkippableFact]
    public async Task Profile_ChangesTheName_ValidatedByField()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Portal profile");
        var (_, partner) = await (await ws.As(Roles.Admin)).NewPartnershipAsync("Nightjar");
        var client = await app.ClientForAsync(await ws.NewUserAsync(Roles.Partner, partner));
        Assert.NotNull((await (await client.PutJson("/api/me/profile", new { displayName = " " })).Problem(400))["errors"]!["displayName"]);
        var saved = await (await client.PutJson("/api/me/profile", new { displayName = "Nia Nightjar" })).Read<ProfileDto>();
        Assert.Equal("Nia Nightjar", saved.DisplayName);
        Assert.Contains("Nia Nightjar", await (await client.GetAsync("/api/me")).Content.ReadAsStringAsync());
    }
}
