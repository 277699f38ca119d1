using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteNotificationMailTests(SqliteApp app) : NotificationMailTests<SqliteApp>(app);
public sealed class PostgresNotificationMailTests(PostgresApp app) : NotificationMailTests<PostgresApp>(app);

/// <summary>
/// Notification e-mail against a real SMTP server (Debian's python3-aiosmtpd, started here, writing a maildir): per-kind
/// choices, immediate mail and the digest, a plain-text and an HTML part with working links, each mail sent once,
/// and a partner user's mail never naming another partner. Skips without aiosmtpd, except when CI=true.
/// </summary>
public abstract class NotificationMailTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : TestApp
{
    Process? _smtp;
    readonly string _maildir = Path.Combine(Path.GetTempPath(), $"warmglow-mail-{Guid.NewGuid():N}");
    int _port;
    string? _unavailable;

    static string? Python() => new[] { "/usr/bin/python3", "/usr/local/bin/python3" }.FirstOrDefault(p =>
    {
        if (!File.Exists(p)) return false;
        using var probe = Process.Start(new ProcessStartInfo(p, "-c \"import aiosmtpd\"") { RedirectStandardError = true, RedirectStandardOutput = true });
        probe!.WaitForExit(10_000);
        return probe.ExitCode == 0;
    });

    public async Task InitializeAsync()
    {
        var python = Python();
        if (python is null)
        {
            _unavailable = "python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd).";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"CI=true and {_unavailable} .ci/run installs it.");
            return;
        }
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); _port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }
        _smtp = Process.Start(new ProcessStartInfo(python, $"-m aiosmtpd -n -l 127.0.0.1:{_port} -c aiosmtpd.handlers.Mailbox {_maildir}")
            { RedirectStandardError = true, RedirectStandardOutput = true });
        for (var i = 0; i < 100; i++)
        {
            try { using var c = new TcpClient(); await c.ConnectAsync(IPAddress.Loopback, _port); return; }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new InvalidOperationException("aiosmtpd did not start listening.");
    }

    public Task DisposeAsync()
    {
        if (_smtp is { HasExited: false }) _smtp.Kill(entireProcessTree: true);
        _smtp?.Dispose();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, true);
        return Task.CompletedTask;
    }

    WebApplicationFactory<Program> Mailer() => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        b.UseSetting("Mail:Smtp:Port", _port.ToString());
        b.UseSetting("Mail:Smtp:Security", "None");
        b.UseSetting("Mail:Smtp:From", "Warmglow <noreply@warmglow.test>");
        b.UseSetting("PublicUrl", "https://warmglow.test");
    });

    List<MimeMessage> Mails() => Directory.Exists(Path.Combine(_maildir, "new"))
        ? Directory.GetFiles(Path.Combine(_maildir, "new")).Select(f => MimeMessage.Load(f)).ToList() : [];

    static async Task<HttpClient> Client(WebApplicationFactory<Program> host, string email)
    {
        var c = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await (await c.PostAsJsonAsync("/api/auth/token", new { email, password = TestApp.Password })).Content.ReadFromJsonAsync<JsonObject>();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        return c;
    }

    static async Task InScope(IServiceProvider services, int workspace, Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(workspace, "test");
        await work(scope.ServiceProvider);
    }

    [SkippableFact]
    public async Task Mail_FollowsEachPersonsChoices_HasTextAndHtmlWithLinks_GoesOnce_AndNeverNamesAnotherPartner()
    {
        Skip.If(_unavailable is not null, _unavailable);
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Mail");
        var admin = await ws.As(Roles.Admin);
        var (alphaId, alphaPartner) = await admin.NewPartnershipAsync("Alphacorp");
        var (betaId, betaPartner) = await admin.NewPartnershipAsync("Betaworks");
        var alice = await ws.NewUserAsync(Roles.Partner, alphaPartner);
        var bob = await ws.NewUserAsync(Roles.Partner, betaPartner);
        await using var host = Mailer();

        // Alice wants statements at once; a digest hour outside 0–23 or an unknown kind is refused, nothing saved.
        var aliceClient = await Client(host, alice);
        var bad = await aliceClient.PutAsJsonAsync("/api/notifications/preferences", new { digestHourUtc = 24, kinds = new Dictionary<string, string> { ["statement.issued"] = "Immediate" } });
        Assert.Contains("0 to 23", (await bad.Problem(400))["errors"]!["digestHourUtc"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await aliceClient.PutAsJsonAsync("/api/notifications/preferences", new { kinds = new Dictionary<string, string> { ["nope.kind"] = "Off" } })).StatusCode);
        var prefs = await (await aliceClient.GetAsync("/api/notifications/preferences")).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Digest", prefs!["default"]!.GetValue<string>()); // quiet by default
        Assert.Equal(HttpStatusCode.OK, (await aliceClient.PutAsJsonAsync("/api/notifications/preferences", new { kinds = new Dictionary<string, string> { ["statement.issued"] = "Immediate" } })).StatusCode);

        await InScope(host.Services, ws.Id, async sp =>
        {
            var notifier = sp.GetRequiredService<INotifier>();
            await notifier.NotifyPartnershipAsync(new Notice("statement.issued", "Your Q3 statement is ready.", "mail:statement:a") { Link = "/Portal/Statement/1", PartnershipId = alphaId }, NoticeAudience.PartnerUsers);
            await notifier.NotifyPartnershipAsync(new Notice("statement.issued", "Your Q3 statement is ready.", "mail:statement:b") { Link = "/Portal/Statement/2", PartnershipId = betaId }, NoticeAudience.PartnerUsers);
        });
        await InScope(host.Services, ws.Id, sp => sp.GetRequiredService<NotificationMail>().SendDueAsync());

        var mails = Mails();
        var toAlice = Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == alice));
        var toBob = Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == bob)); // his first daily digest
        Assert.Equal("Your Q3 statement is ready.", toAlice.Subject);
        Assert.StartsWith("Your Warmglow digest", toBob.Subject);
        foreach (var m in new[] { toAlice, toBob })
        {
            Assert.Equal("noreply@warmglow.test", m.From.Mailboxes.Single().Address);
            Assert.Equal("auto-generated", m.Headers["Auto-Submitted"]);
            Assert.IsType<MultipartAlternative>(m.Body);
            Assert.NotNull(m.TextBody);
            Assert.NotNull(m.HtmlBody);
            Assert.Contains("https://warmglow.test/Notifications/Settings", m.TextBody);
        }
        Assert.Contains("https://warmglow.test/Portal/Statement/1", toAlice.TextBody);
        Assert.Contains("href=\"https://warmglow.test/Portal/Statement/1\"", toAlice.HtmlBody);
        Assert.Contains("Alphacorp", toAlice.TextBody);
        Assert.DoesNotContain("Betaworks", toAlice.TextBody + toAlice.HtmlBody);
        Assert.DoesNotContain("Alphacorp", toBob.TextBody + toBob.HtmlBody);
        Assert.Contains("https://warmglow.test/Portal/Statement/2", toBob.TextBody);

        // Once: a second pass sends nothing more.
        await InScope(host.Services, ws.Id, sp => sp.GetRequiredService<NotificationMail>().SendDueAsync());
        Assert.Equal(2, Mails().Count);

        // Off means the inbox only: Bob turns e-mail off and hears of the next notice only in the app.
        var bobClient = await Client(host, bob);
        var page = await bobClient.PostFormAsync("/Notifications/Settings", "/Notifications/Settings",
            [new("Input.DigestHourUtc", "7"), new("Input.Default", "Off"), new("Input.Kinds[statement.issued]", "Off"), new("Input.Kinds[task.overdue]", "Off"),
             new("Input.Kinds[survey.opened]", "Off"), new("Input.Kinds[health.red_flag]", "Off")]);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        await InScope(host.Services, ws.Id, async sp =>
            await sp.GetRequiredService<INotifier>().NotifyPartnershipAsync(new Notice("statement.issued", "Another statement.", "mail:statement:b2") { Link = "/Portal/Statement/3", PartnershipId = betaId }, NoticeAudience.PartnerUsers));
        await InScope(host.Services, ws.Id, sp => sp.GetRequiredService<NotificationMail>().SendDueAsync());
        Assert.Equal(2, Mails().Count);
        Assert.Contains("In the daily digest", await aliceClient.GetStringAsync("/Notifications/Settings"));
    }

    [SkippableFact]
    public async Task Invitations_AreMailed_WithLinksToThePublicUrl_NeverToTheRequestsHost()
    {
        Skip.If(_unavailable is not null, _unavailable);
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Invites");
        await using var host = Mailer();
        var admin = await Client(host, ws.Emails[Roles.Admin]);
        admin.DefaultRequestHeaders.Host = "evil.example"; // a forged Host header must not end up in the mailed link

        var invited = await (await admin.PostAsJsonAsync("/api/users", new { email = "new.colleague@invites.example", displayName = "New Colleague", role = "evaluator" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(invited!["mailed"]!.GetValue<bool>());
        Assert.Null(invited["acceptUrl"]?.GetValue<string>()); // mailed, so not handed to the inviter
        var mail = Assert.Single(Mails());
        Assert.Equal("new.colleague@invites.example", mail.To.Mailboxes.Single().Address);
        Assert.Equal("You are invited to Warmglow", mail.Subject);
        Assert.Matches(@"https://warmglow\.test/Account/AcceptInvite\?token=\S+", mail.TextBody);
        Assert.Contains("href=\"https://warmglow.test/Account/AcceptInvite?token=", mail.HtmlBody);
        Assert.DoesNotContain("evil.example", mail.TextBody + mail.HtmlBody);

        // Sending it again mails a fresh link; the page says it was e-mailed.
        var id = invited["user"]!["id"]!.GetValue<string>();
        var again = await (await admin.PostAsync($"/api/users/{id}/invitation", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(again!["mailed"]!.GetValue<bool>());
        Assert.Equal(2, Mails().Count);
    }
}
