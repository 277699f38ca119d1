using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteAccountsTests(SqliteApp app) : AccountsTests<SqliteApp>(app);
public sealed class PostgresAccountsTests(PostgresApp app) : AccountsTests<PostgresApp>(app);

/// <summary>Identity and accounts over real HTTP: revocation on the next request, workspaces, invitations, resets, API keys, demo links.</summary>
public abstract partial class AccountsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    void Ready() => Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    static object Partner(string name) => new { name, website = "https://x.example", industry = "Yoga", size = "11-50", region = "Europe" };

    async Task<string> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WarmglowDb>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    HttpClient Bearer(string token)
    {
        var c = Anonymous();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    /// <summary>A browser signed in through the login page (cookie).</summary>
    async Task<HttpClient> CookieAsync(string email, string password = TestApp.Password)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/Account/Login");
        var response = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value, ["Email"] = email, ["Password"] = password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    async Task<HttpResponseMessage> PostForm(HttpClient browser, string page, string url, Dictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(page);
        fields["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value;
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    async Task MakeOwner(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsOwner, true));
    }

    static string TokenOf(string url) => Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    // --- 1. rights change on the very next request ----------------------------------------------------

    [SkippableFact]
    public async Task Demoted_TokenAndCookie_LoseTheirRights_OnTheNextRequest()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Demote");
        var admin = await ws.As(Roles.Admin);
        var managerToken = Bearer(await app.TokenAsync(ws.Emails[Roles.Manager]));
        Assert.Equal(HttpStatusCode.Created, (await managerToken.PostJson("/api/partners", Partner("Before"))).StatusCode);
        var secondAdmin = await ws.NewUserAsync(Roles.Admin);
        var adminCookie = await CookieAsync(secondAdmin);
        Assert.Equal(HttpStatusCode.OK, (await adminCookie.GetAsync("/Admin/Users")).StatusCode);

        await (await admin.PutJson($"/api/users/{await UserId(ws.Emails[Roles.Manager])}/roles", new { roles = new[] { "evaluator" } })).Read<UserDto>();
        await (await admin.PutJson($"/api/users/{await UserId(secondAdmin)}/roles", new { roles = new[] { "evaluator" } })).Read<UserDto>();

        await (await managerToken.PostJson("/api/partners", Partner("After"))).Problem(403);
        Assert.Equal(HttpStatusCode.OK, (await managerToken.GetAsync("/api/partners")).StatusCode); // still an evaluator: may read
        var denied = await adminCookie.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/Account/Denied", denied.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminCookie.GetAsync("/api/users")).StatusCode);
    }

    [SkippableFact]
    public async Task Removed_TokenCookieAndApiKey_Get401()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Remove");
        var admin = await ws.As(Roles.Admin);
        var email = await ws.NewUserAsync(Roles.Manager);
        var token = Bearer(await app.TokenAsync(email));
        var cookie = await CookieAsync(email);
        var key = await (await token.PostJson("/api/me/api-keys", new { name = "sync", role = "manager" })).Read<CreatedApiKey>();
        Assert.Equal(HttpStatusCode.OK, (await Bearer(key.Key).GetAsync("/api/partners")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/users/{await UserId(email)}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/partners")).StatusCode);
        Assert.Equal("/Account/Login", (await cookie.GetAsync("/Partners")).Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(key.Key).GetAsync("/api/partners")).StatusCode);
        await (await admin.GetAsync($"/api/users/{await UserId(email)}")).Problem(404);
        await (await admin.DeleteAsync($"/api/users/{await UserId(ws.Emails[Roles.Admin])}")).Problem(409); // not yourself
    }

    [SkippableFact]
    public async Task PasswordChange_EndsEveryEarlierToken()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Password");
        var email = await ws.NewUserAsync(Roles.Manager);
        var old = Bearer(await app.TokenAsync(email));
        var other = Bearer(await app.TokenAsync(email));
        await (await old.PostJson("/api/me/password", new { currentPassword = "wrong password!", newPassword = "a brand new secret" })).Problem(400);
        Assert.Equal(HttpStatusCode.NoContent, (await old.PostJson("/api/me/password", new { currentPassword = TestApp.Password, newPassword = "a brand new secret" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().PostJson("/api/auth/token", new { email, password = TestApp.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(await app.TokenAsync(email, "a brand new secret")).GetAsync("/api/partners")).StatusCode);
    }

    // --- 2. workspaces ---------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Owner_CreatesWorkspace_InvitesItsAdmin_AndNothingCrosses()
    {
        Ready();
        var a = await app.CreateWorkspaceAsync("Alpha");
        await MakeOwner(a.Emails[Roles.Admin]);
        var owner = await a.As(Roles.Admin);
        var inA = await (await owner.PostJson("/api/partners", Partner("Alpha secret"))).Read<JsonNode>();

        // Only the owner creates workspaces.
        await (await (await a.As(Roles.Manager)).PostJson("/api/workspaces", new { name = "Nope", adminEmail = "n@x.example", adminDisplayName = "N" })).Problem(403);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await a.As(Roles.Manager)).GetAsync("/api/workspaces")).StatusCode);
        await (await owner.PostJson("/api/workspaces", new { name = "", adminEmail = "bad", adminDisplayName = "" })).Problem(400);

        var bEmail = $"b-admin-{Guid.NewGuid():N}@beta.example";
        var created = await (await owner.PostJson("/api/workspaces", new { name = $"Beta {Guid.NewGuid():N}", adminEmail = bEmail, adminDisplayName = "Bea" })).Read<NewWorkspace>();
        Assert.NotNull(created.FirstAdmin.AcceptUrl);
        var accepted = await (await Anonymous().PostJson("/api/invitations/accept", new { token = TokenOf(created.FirstAdmin.AcceptUrl!), password = TestApp.Password })).Read<AcceptedInvitation>();
        Assert.Equal(created.Workspace.Id, accepted.WorkspaceId);
        var bAdmin = Bearer(await app.TokenAsync(bEmail));
        var me = await (await bAdmin.GetAsync("/api/me")).Read<JsonNode>();
        Assert.Equal(created.Workspace.Id.ToString(), me["workspace"]!.GetValue<string>());
        Assert.Equal(accepted.UserId, me["id"]!.GetValue<string>());
        Assert.Contains("admin", me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        // B sees nothing of A; A's admin is no member of B.
        Assert.Equal(0, (await (await bAdmin.GetAsync("/api/partners")).Read<JsonNode>())["total"]!.GetValue<int>());
        await (await bAdmin.GetAsync($"/api/partners/{inA["id"]}")).Problem(404);
        var notMember = await Anonymous().PostJson("/api/auth/token", new { email = a.Emails[Roles.Manager], password = TestApp.Password, workspaceId = created.Workspace.Id });
        await notMember.Problem(403);

        // B's admin invites A's manager: an existing account gets a membership, no link; they choose the workspace per token.
        var added = await (await bAdmin.PostJson("/api/users", new { email = a.Emails[Roles.Manager], displayName = "Manny", role = "evaluator" })).Read<Invitation>();
        Assert.Null(added.AcceptUrl);
        var both = Bearer(await app.TokenAsync(a.Emails[Roles.Manager]));
        var mine = await (await both.GetAsync("/api/me/workspaces")).Read<List<WorkspaceDto>>();
        Assert.Equal([a.Id, created.Workspace.Id], mine.Select(w => w.Id).Order());
        var tokenB = await (await Anonymous().PostJson("/api/auth/token", new { email = a.Emails[Roles.Manager], password = TestApp.Password, workspaceId = created.Workspace.Id })).Read<JsonNode>();
        var managerInB = Bearer(tokenB["accessToken"]!.GetValue<string>());
        Assert.Equal(0, (await (await managerInB.GetAsync("/api/partners")).Read<JsonNode>())["total"]!.GetValue<int>());
        await (await managerInB.PostJson("/api/partners", Partner("Not as evaluator"))).Problem(403); // evaluator in B, manager in A
        Assert.Equal(HttpStatusCode.Created, (await both.PostJson("/api/partners", Partner("As manager in A"))).StatusCode);

        // The cookie switcher: to B and back.
        var browser = await CookieAsync(a.Emails[Roles.Manager]);
        var switched = await PostForm(browser, "/", "/Account/Switch", new() { ["workspaceId"] = created.Workspace.Id.ToString() });
        Assert.True(switched.StatusCode == HttpStatusCode.Redirect, $"{switched.StatusCode}: {await switched.Content.ReadAsStringAsync()}");
        Assert.Equal(created.Workspace.Id.ToString(), (await (await browser.GetAsync("/api/me")).Read<JsonNode>())["workspace"]!.GetValue<string>());
        Assert.Contains($"Switch to {a.Name}", await browser.GetStringAsync("/"));
    }

    [SkippableFact]
    public async Task Switch_ToAWorkspaceYouDoNotBelongTo_Is404()
    {
        Ready();
        var a = await app.CreateWorkspaceAsync("Gamma");
        var b = await app.CreateWorkspaceAsync("Delta");
        var browser = await CookieAsync(a.Emails[Roles.Manager]);
        var response = await PostForm(browser, "/", "/Account/Switch", new() { ["workspaceId"] = b.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(a.Id.ToString(), (await (await browser.GetAsync("/api/me")).Read<JsonNode>())["workspace"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task LegacyUsers_GetTheirMembership_WhenTheDatabaseIsUpgraded()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Legacy");
        var email = $"legacy-{Guid.NewGuid():N}@old.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Old", WorkspaceId = ws.Id };
            Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Manager)).Succeeded); // how roles were kept before memberships
        }
        var before = await app.TokenAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await Bearer(before).GetAsync("/api/partners")).StatusCode); // no membership: no workspace

        await AccountSetup.UpgradeAsync(app.Services);

        var after = Bearer(await app.TokenAsync(email));
        Assert.Equal(HttpStatusCode.Created, (await after.PostJson("/api/partners", Partner("Legacy works"))).StatusCode);
        Assert.Equal(ws.Id.ToString(), (await (await after.GetAsync("/api/me")).Read<JsonNode>())["workspace"]!.GetValue<string>());
    }

    // --- 3. invitations --------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Invitations_AcceptOnce_Resend_Revoke_Expire()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Invites");
        var admin = await ws.As(Roles.Admin);
        var email = $"new-{Guid.NewGuid():N}@invited.example";
        var first = await (await admin.PostJson("/api/users", new { email, displayName = "Newbie", role = "manager" })).Read<Invitation>();
        Assert.NotNull(first.ExpiresAt);
        Assert.InRange(first.ExpiresAt!.Value, DateTime.UtcNow.AddDays(6.9), DateTime.UtcNow.AddDays(7.1));

        // Resend: a new link; the old one stops working.
        var resent = await (await admin.PostAsync($"/api/users/{first.User.Id}/invitation", null)).Read<Invitation>();
        await (await Anonymous().PostJson("/api/invitations/accept", new { token = TokenOf(first.AcceptUrl!), password = TestApp.Password })).Problem(404);
        await (await Anonymous().PostJson("/api/invitations/accept", new { token = TokenOf(resent.AcceptUrl!), password = "short" })).Problem(400);
        await (await Anonymous().PostJson("/api/invitations/accept", new { token = TokenOf(resent.AcceptUrl!), password = TestApp.Password })).Read<AcceptedInvitation>();
        await (await Anonymous().PostJson("/api/invitations/accept", new { token = TokenOf(resent.AcceptUrl!), password = TestApp.Password })).Problem(404); // once
        Assert.Equal(HttpStatusCode.Created, (await Bearer(await app.TokenAsync(email)).PostJson("/api/partners", Partner("Invited works"))).StatusCode);
        await (await admin.PostAsync($"/api/users/{first.User.Id}/invitation", null)).Problem(409); // already signed in
        await (await admin.PostJson("/api/users", new { email, displayName = "Again", role = "manager" })).Problem(400); // already a member

        // Revoke: the link is dead and the person leaves the list; they can be invited again.
        var revokeMe = await (await admin.PostJson("/api/users", new { email = $"r-{Guid.NewGuid():N}@invited.example", displayName = "Revoked", role = "evaluator" })).Read<Invitation>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/users/{revokeMe.User.Id}/invitation")).StatusCode);
        await (await Anonymous().PostJson("/api/invitations/accept", new { token = TokenOf(revokeMe.AcceptUrl!), password = TestApp.Password })).Problem(404);
        await (await admin.GetAsync($"/api/users/{revokeMe.User.Id}")).Problem(404);
        var reinvited = await (await admin.PostJson("/api/users", new { email = revokeMe.User.Email, displayName = "Back", role = "evaluator" })).Read<Invitation>();
        Assert.Equal(revokeMe.User.Id, reinvited.User.Id);

        // Expiry: past its date a link is refused (page and API).
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WarmglowDb>().AccountTokens.Where(t => t.UserId == reinvited.User.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        await (await Anonymous().PostJson("/api/invitations/accept", new { token = TokenOf(reinvited.AcceptUrl!), password = TestApp.Password })).Problem(404);
        Assert.Contains("not valid", await Anonymous().GetStringAsync(new Uri(reinvited.AcceptUrl!).PathAndQuery));

        // Another workspace's admin cannot touch this workspace's invitations.
        var other = await (await app.CreateWorkspaceAsync("Other")).As(Roles.Admin);
        await (await other.PostAsync($"/api/users/{reinvited.User.Id}/invitation", null)).Problem(404);
        // ... nor get a link that would set the password of someone invited here (a takeover of this membership).
        await (await other.PostJson("/api/users", new { email = reinvited.User.Email, displayName = "Mine now", role = "admin" })).Problem(409);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Manager)).PostAsync($"/api/users/{reinvited.User.Id}/invitation", null)).StatusCode);
    }

    [SkippableFact]
    public async Task Invitation_AcceptedThroughThePage_SignsIn()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Page invite");
        var admin = await ws.As(Roles.Admin);
        var inv = await (await admin.PostJson("/api/users", new { email = $"p-{Guid.NewGuid():N}@invited.example", displayName = "Paige", role = "evaluator" })).Read<Invitation>();
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var path = new Uri(inv.AcceptUrl!).PathAndQuery;
        var response = await PostForm(browser, path, path, new() { ["Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(inv.User.Id, (await (await browser.GetAsync("/api/me")).Read<JsonNode>())["id"]!.GetValue<string>());
    }

    // --- 4. password reset -----------------------------------------------------------------------------

    [SkippableFact]
    public async Task AdminResetLink_WorksOnce_EndsOldTokens_AndNotForPeopleOfOtherWorkspaces()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Reset");
        var admin = await ws.As(Roles.Admin);
        var email = await ws.NewUserAsync(Roles.Manager);
        var old = Bearer(await app.TokenAsync(email));
        var link = await (await admin.PostAsync($"/api/users/{await UserId(email)}/password-reset", null)).Read<OneTimeLink>();
        Assert.Contains("/Account/ResetPassword?token=", link.Url);
        Assert.Equal(HttpStatusCode.NoContent, (await Anonymous().PostJson("/api/auth/reset", new { token = TokenOf(link.Url), password = "reset to this one" })).StatusCode);
        await (await Anonymous().PostJson("/api/auth/reset", new { token = TokenOf(link.Url), password = "and again please" })).Problem(404);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/partners")).StatusCode);
        Assert.NotEmpty(await app.TokenAsync(email, "reset to this one"));

        // Not for someone who also belongs elsewhere, not from another workspace, not by a manager.
        var other = await app.CreateWorkspaceAsync("Reset other");
        await (await (await other.As(Roles.Admin)).PostJson("/api/users", new { email, displayName = "Shared", role = "evaluator" })).Read<Invitation>();
        await (await admin.PostAsync($"/api/users/{await UserId(email)}/password-reset", null)).Problem(409);
        await (await (await other.As(Roles.Admin)).PostAsync($"/api/users/{await UserId(ws.Emails[Roles.Executive])}/password-reset", null)).Problem(404);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Manager)).PostAsync($"/api/users/{await UserId(ws.Emails[Roles.Executive])}/password-reset", null)).StatusCode);
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
    public async Task ForgotPassword_MailsALink_WhenMailIsConfigured_AndSaysSoWhenNot()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Forgot");
        var email = await ws.NewUserAsync(Roles.Evaluator);
        await (await Anonymous().PostJson("/api/auth/forgot", new { email })).Problem(409); // no SMTP here

        var mail = new CapturingMail();
        await using var mailing = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("PublicUrl", "https://warmglow.example");
            b.ConfigureTestServices(s => s.AddSingleton<IMailSender>(mail));
        });
        var anon = mailing.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await anon.PostJson("/api/auth/forgot", new { email = "nobody@nowhere.example" })).StatusCode);
        Assert.Empty(mail.Sent); // same answer, nothing sent
        Assert.Equal(HttpStatusCode.Accepted, (await anon.PostJson("/api/auth/forgot", new { email })).StatusCode);
        var (to, body) = Assert.Single(mail.Sent);
        Assert.Equal(email, to);
        var url = Regex.Match(body, @"https://warmglow\.example/Account/ResetPassword\?token=\S+").Value;
        Assert.NotEmpty(url);
        Assert.Equal(HttpStatusCode.NoContent, (await anon.PostJson("/api/auth/reset", new { token = TokenOf(url), password = "forgotten no more" })).StatusCode);
        Assert.NotEmpty(await app.TokenAsync(email, "forgotten no more"));
    }

    [SkippableFact]
    public async Task ResetAdminCommand_PrintsAOneTimeLink()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Operator");
        var output = new StringWriter();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            { ["email"] = ws.Emails[Roles.Admin], ["url"] = "http://localhost:5103" }).Build();
        Assert.Equal(0, await AccountSetup.ResetAdminAsync(app.Services, config, output));
        var url = Regex.Match(output.ToString(), @"http://localhost:5103/Account/ResetPassword\?token=\S+").Value;
        Assert.Equal(HttpStatusCode.NoContent, (await Anonymous().PostJson("/api/auth/reset", new { token = TokenOf(url), password = "operator chose this" })).StatusCode);
        Assert.NotEmpty(await app.TokenAsync(ws.Emails[Roles.Admin], "operator chose this"));

        var missing = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["email"] = "ghost@nowhere.example" }).Build();
        Assert.Equal(1, await AccountSetup.ResetAdminAsync(app.Services, missing, new StringWriter()));
    }

    // --- 5. API keys -----------------------------------------------------------------------------------

    [SkippableFact]
    public async Task ApiKeys_ShownOnce_StoredHashed_NoHigherThanTheCreator_Revocable_AndFollowTheCreatorsRole()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Keys");
        var admin = await ws.As(Roles.Admin);
        var managerEmail = await ws.NewUserAsync(Roles.Manager);
        var manager = Bearer(await app.TokenAsync(managerEmail));
        await (await manager.PostJson("/api/me/api-keys", new { name = "too high", role = "admin" })).Problem(400);
        await (await manager.PostJson("/api/me/api-keys", new { name = "", role = "nonsense" })).Problem(400);
        var created = await (await manager.PostJson("/api/me/api-keys", new { name = "CRM sync", role = "manager" })).Read<CreatedApiKey>();
        Assert.StartsWith("wg_", created.Key);
        var reader = await (await manager.PostJson("/api/me/api-keys", new { name = "read only", role = "evaluator" })).Read<CreatedApiKey>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<WarmglowDb>().ApiKeys.SingleAsync(k => k.Id == created.ApiKey.Id);
            Assert.NotEqual(created.Key, stored.KeyHash);
            Assert.Equal(AccountTokens.Hash(created.Key), stored.KeyHash);
        }

        var key = Bearer(created.Key);
        Assert.Equal(HttpStatusCode.Created, (await key.PostJson("/api/partners", Partner("By key"))).StatusCode);
        await (await Bearer(reader.Key).PostJson("/api/partners", Partner("Reader"))).Problem(403);
        Assert.Equal(await UserId(managerEmail), (await (await key.GetAsync("/api/me")).Read<JsonNode>())["id"]!.GetValue<string>());
        await (await key.PostJson("/api/me/api-keys", new { name = "key makes key", role = "evaluator" })).Problem(403);
        var listed = await (await manager.GetAsync("/api/me/api-keys")).Read<List<ApiKeyDto>>();
        Assert.NotNull(listed.Single(k => k.Id == created.ApiKey.Id).LastUsedAt);
        Assert.DoesNotContain(created.Key, await (await manager.GetAsync("/api/me/api-keys")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer("wg_" + new string('x', 43)).GetAsync("/api/partners")).StatusCode);

        // Someone else cannot revoke it; revoking stops it.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/me/api-keys/{reader.ApiKey.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/me/api-keys/{reader.ApiKey.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(reader.Key).GetAsync("/api/partners")).StatusCode);

        // The creator demoted below the key's role: the key stops working.
        await (await admin.PutJson($"/api/users/{await UserId(managerEmail)}/roles", new { roles = new[] { "evaluator" } })).Read<UserDto>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await key.GetAsync("/api/partners")).StatusCode);
    }

    [SkippableFact]
    public async Task ApiKeysPage_CreatesAKey_ShownOnce()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Keys page");
        var browser = await CookieAsync(ws.Emails[Roles.Manager]);
        var page = await PostForm(browser, "/Me/ApiKeys", "/Me/ApiKeys?handler=Create", new() { ["Input.Name"] = "Zapier", ["Input.Role"] = "evaluator" });
        var html = await page.Content.ReadAsStringAsync();
        var key = Regex.Match(html, "value=\"(wg_[A-Za-z0-9_-]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(key).GetAsync("/api/partners")).StatusCode);
        Assert.DoesNotContain(key, await browser.GetStringAsync("/Me/ApiKeys"));
    }

    // --- 6. demo ---------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task DemoAccounts_GetOneTimeSignInLinks()
    {
        Ready();
        var ws = await app.CreateWorkspaceAsync("Demo links");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
            await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync();
        }
        var links = await AccountSetup.IssueDemoLinksAsync(app.Services);
        Assert.Equal([Roles.Manager, Roles.Executive, Roles.Evaluator, Roles.Partner], links.Select(l => l.Role));
        var text = AccountSetup.DescribeDemoLinks(links, "http://localhost");
        foreach (var l in links) Assert.Contains(l.Email, text);

        foreach (var (link, home) in new[] { (links[0], "/"), (links[3], "/Portal") })
        {
            var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var path = $"/Account/SignInLink?token={Uri.EscapeDataString(link.Token)}";
            Assert.Equal(HttpStatusCode.Redirect, (await PostForm(browser, path, path, [])).StatusCode);
            var me = await (await browser.GetAsync("/api/me")).Read<JsonNode>();
            Assert.Equal(link.Email, me["email"]!.GetValue<string>());
            Assert.Contains(link.Role, me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
            if (home == "/Portal") Assert.Equal("/Portal", (await browser.GetAsync("/")).Headers.Location?.OriginalString);
            // Used up.
            Assert.Contains("not valid", await Anonymous().GetStringAsync(path));
        }
    }
}
