using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StandardWebhooks;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Webhooks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteWebhooksTests(SqliteApp app) : WebhooksTests<SqliteApp>(app);
public sealed class PostgresWebhooksTests(PostgresApp app) : WebhooksTests<PostgresApp>(app);

/// <summary>
/// Signed webhooks end to end: the notifier writes the outbox in the caller's transaction, the delivery job sends to a
/// real receiver on loopback that checks every signature with the StandardWebhooks package (an independent
/// implementation), retries until a 2xx, stops at 410, refuses private targets at connect time, logs and replays.
/// </summary>
public abstract class WebhooksTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : TestApp
{
    sealed record Received(string Path, string Id, string Body, bool Verified, int Answered);

    readonly ConcurrentBag<Received> _received = [];
    readonly ConcurrentDictionary<string, int> _calls = new();
    readonly ConcurrentDictionary<string, string> _secrets = new(); // path → secret
    WebApplication? _receiver;
    string _base = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/{path}", async (string path, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var id = request.Headers["webhook-id"].ToString();
            var verified = false;
            if (_secrets.TryGetValue(path, out var secret))
            {
                try { new StandardWebhook(secret).Verify(body, request.Headers); verified = true; }
                catch (Exception) { verified = false; }
            }
            var n = _calls.AddOrUpdate($"{path}:{id}", 1, (_, c) => c + 1);
            // flaky: 503 (Retry-After 1), then 500, then 200; gone: 410; slow: answers after the sender gave up; ok: 200.
            var status = path switch
            {
                "flaky" => n switch { 1 => 503, 2 => 500, _ => 200 },
                "gone" => 410,
                _ => 200,
            };
            if (path == "slow") await Task.Delay(2500);
            _received.Add(new Received(path, id, body, verified, status));
            if (status == 503) return Results.Text("busy", statusCode: 503).WithRetryAfter();
            return Results.StatusCode(status);
        });
        await _receiver.StartAsync();
        _base = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_receiver is not null) await _receiver.DisposeAsync();
    }

    WebApplicationFactory<Program> Sender(bool allowPrivate = true) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Jobs:Enabled", "true");
        b.UseSetting("Jobs:TickSeconds", "1");
        b.UseSetting("Jobs:FirstRunDelaySeconds", "0");
        b.UseSetting("Jobs:LeaseSeconds", "6");
        b.UseSetting("Jobs:health-recompute:Enabled", "false");
        b.UseSetting("Webhooks:DeliverySeconds", "1");
        b.UseSetting("Webhooks:RetryDelaysSeconds", "1,1,1");
        b.UseSetting("Webhooks:TimeoutSeconds", "1");
        b.UseSetting("Webhooks:AllowPrivateTargets", allowPrivate ? "true" : "false");
    });

    static async Task<HttpClient> Client(WebApplicationFactory<Program> host, string email)
    {
        var c = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await (await c.PostAsJsonAsync("/api/auth/token", new { email, password = TestApp.Password })).Content.ReadFromJsonAsync<JsonObject>();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        return c;
    }

    async Task<(int Id, string Secret)> Register(HttpClient admin, string path, params string[] events)
    {
        var r = await admin.PostJson("/api/webhooks/endpoints", new { url = $"{_base}/{path}", events });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonObject>();
        var secret = body!["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret);
        _secrets[path] = secret;
        return (body["endpoint"]!["id"]!.GetValue<int>(), secret);
    }

    /// <summary>Raises a notice the way a module does, in its own unit of work; rolled back when asked.</summary>
    static async Task Raise(IServiceProvider services, TestWorkspace ws, Notice notice, bool rollBack = false)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(ws.Emails[Roles.Admin]);
        await using var tx = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(notice, [admin!.Id]);
        if (rollBack) await tx.RollbackAsync(); else await tx.CommitAsync();
    }

    static async Task WaitFor(Func<bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!done() && DateTime.UtcNow < until) await Task.Delay(100);
    }

    void SkipWithoutDatabase() =>
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    [SkippableFact]
    public async Task Events_AreSignedPerStandardWebhooks_RetriedUntil2xx_AndSeenExactlyOnce_EvenAfterARestart()
    {
        SkipWithoutDatabase();
        var ws = await app.CreateWorkspaceAsync("Hooks");
        await using var sender = Sender();
        var admin = await Client(sender, ws.Emails[Roles.Admin]);
        await Register(admin, "flaky", "statement.issued", "survey.opened");

        // Raised on the fixture host, which never delivers (its scheduler is off): as if the process died right after the
        // commit. The sender host, started afterwards, delivers them from the outbox.
        await Raise(app.Services, ws, new Notice("statement.issued", "Statement Q3 issued.", "statement:1:issued") { Link = "/Revenue/1", Data = new { statementId = 1 } });
        await Raise(app.Services, ws, new Notice("statement.issued", "Statement Q3 issued.", "statement:1:issued")); // the same occasion again
        await Raise(app.Services, ws, new Notice("survey.opened", "A survey opened.", "survey:2:opened"));
        await Raise(app.Services, ws, new Notice("survey.opened", "Rolled back.", "survey:3:opened"), rollBack: true);
        await Raise(app.Services, ws, new Notice("task.overdue", "Not subscribed.", "task:4:overdue"));

        await WaitFor(() => _received.Count(r => r.Answered == 200) >= 2, TimeSpan.FromSeconds(40));
        await Task.Delay(2500); // anything sent twice would arrive meanwhile
        var accepted = _received.Where(r => r.Answered == 200).ToList();
        Assert.Equal(2, accepted.Count);
        Assert.Equal(2, accepted.Select(r => r.Id).Distinct().Count());
        Assert.All(_received, r => Assert.True(r.Verified, "a delivery's signature did not verify"));
        Assert.Equal(6, _received.Count); // each event: 503, 500, 200 — same webhook-id on every attempt
        Assert.All(_received.GroupBy(r => r.Id), g => Assert.Equal(3, g.Count()));
        var bodies = accepted.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(["statement.issued", "survey.opened"], bodies.Select(b => b["type"]!.GetValue<string>()).Order());
        Assert.Contains(bodies, b => b["data"]!["title"]!.GetValue<string>() == "Statement Q3 issued." && b["data"]!["details"]!["statementId"]!.GetValue<int>() == 1);
        Assert.DoesNotContain(_received, r => r.Body.Contains("Rolled back") || r.Body.Contains("Not subscribed"));

        // The delivery log: three attempts each, the last a 200.
        var endpoints = await (await admin.GetAsync("/api/webhooks/endpoints")).Content.ReadFromJsonAsync<JsonObject>();
        var endpointId = endpoints!["items"]![0]!["id"]!.GetValue<int>();
        var log = await (await admin.GetAsync($"/api/webhooks/endpoints/{endpointId}/deliveries")).Content.ReadFromJsonAsync<JsonObject>();
        var deliveries = log!["items"]!.AsArray();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => { Assert.Equal("Delivered", d!["status"]!.GetValue<string>()); Assert.Equal(3, d["attempts"]!.GetValue<int>()); Assert.Equal(200, d["lastStatusCode"]!.GetValue<int>()); });
        var attempts = await (await admin.GetAsync($"/api/webhooks/deliveries/{deliveries[0]!["id"]}/attempts")).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Equal([200, 500, 503], attempts!.Select(a => a!["statusCode"]!.GetValue<int>()));

        // Replay: the same event again, with the same webhook-id.
        var replayed = deliveries[0]!["messageId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/webhooks/deliveries/{deliveries[0]!["id"]}/replay", null)).StatusCode);
        await WaitFor(() => _received.Count(r => r.Id == replayed) >= 4, TimeSpan.FromSeconds(15));
        Assert.Equal(4, _received.Count(r => r.Id == replayed));

        // The pages show the endpoint and its log.
        var html = await (await admin.GetAsync($"/Admin/Webhooks/Endpoint?id={endpointId}")).Content.ReadAsStringAsync();
        Assert.Contains(replayed, html);
        Assert.Contains("Delivered", html);
        Assert.Contains("/flaky", await (await admin.GetAsync("/Admin/Webhooks")).Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Gone_TurnsTheEndpointOff_Timeouts_AreRetried_AndPrivateTargetsAreRefusedAtConnectTime()
    {
        SkipWithoutDatabase();
        var ws = await app.CreateWorkspaceAsync("Hooks410");
        int goneId, slowId, sneakyId;
        await using (var sender = Sender())
        {
            var admin = await Client(sender, ws.Emails[Roles.Admin]);
            (goneId, _) = await Register(admin, "gone", "*");
            (slowId, _) = await Register(admin, "slow", "health.red_flag");
            await Raise(sender.Services, ws, new Notice("health.red_flag", "A red flag.", "flag:1"));
            await WaitFor(() => _received.Any(r => r.Path == "gone") && _received.Count(r => r.Path == "slow") >= 2, TimeSpan.FromSeconds(30));
            await Task.Delay(1500);
            var gone = await (await admin.GetAsync($"/api/webhooks/endpoints/{goneId}")).Content.ReadFromJsonAsync<JsonObject>();
            Assert.False(gone!["enabled"]!.GetValue<bool>());
            Assert.Contains("410", gone["disabledReason"]!.GetValue<string>());
            Assert.Single(_received, r => r.Path == "gone"); // not retried
            var goneLog = await (await admin.GetAsync($"/api/webhooks/endpoints/{goneId}/deliveries")).Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal("Failed", goneLog!["items"]![0]!["status"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/webhooks/deliveries/{goneLog["items"]![0]!["id"]}/replay", null)).StatusCode);

            var slowLog = await (await admin.GetAsync($"/api/webhooks/endpoints/{slowId}/deliveries")).Content.ReadFromJsonAsync<JsonObject>();
            var slowAttempts = await (await admin.GetAsync($"/api/webhooks/deliveries/{slowLog!["items"]![0]!["id"]}/attempts")).Content.ReadFromJsonAsync<JsonArray>();
            Assert.Contains(slowAttempts!, a => a!["error"]?.GetValue<string>() == "No answer within 1 seconds.");
        }

        // A target that was acceptable when registered (or a name that now resolves to loopback) is refused when connecting.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
            db.Tenant.Use(ws.Id, "test");
            var protector = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
            var row = new WebhookEndpoint { Url = $"{_base.Replace("127.0.0.1", "localhost")}/ok", Events = "*", ProtectedSecret = protector.Protect(Core.Webhooks.WebhookSigning.NewSecret()) };
            db.WebhookEndpoints.Add(row);
            await db.SaveChangesAsync();
            sneakyId = row.Id;
        }
        await using (var strict = Sender(allowPrivate: false))
        {
            await Raise(strict.Services, ws, new Notice("health.red_flag", "Another flag.", "flag:2"));
            var admin = await Client(strict, ws.Emails[Roles.Admin]);
            JsonObject? log = null;
            await WaitFor(() =>
            {
                log = admin.GetFromJsonAsync<JsonObject>($"/api/webhooks/endpoints/{sneakyId}/deliveries").GetAwaiter().GetResult();
                return log!["items"]!.AsArray().Any(d => d!["attempts"]!.GetValue<int>() > 0);
            }, TimeSpan.FromSeconds(20));
            Assert.Contains("private, loopback or link-local", log!["items"]![0]!["lastError"]!.GetValue<string>());
            Assert.DoesNotContain(_received, r => r.Path == "ok");

            // Registering one is refused outright.
            var refused = await admin.PostJson("/api/webhooks/endpoints", new { url = "http://127.0.0.1:9/x", events = new[] { "*" } });
            Assert.Contains("loopback", (await refused.Problem(400))["errors"]!["url"]![0]!.GetValue<string>());
        }
    }

    [SkippableFact]
    public async Task Endpoints_AreForAdmins_ValidatedWithClearErrors_AndPerWorkspace()
    {
        SkipWithoutDatabase();
        var ws = await app.CreateWorkspaceAsync("HooksAuth");
        var other = await app.CreateWorkspaceAsync("HooksOther");
        var admin = await ws.As(Roles.Admin);
        async Task<string> Error(object body, string field) => (await (await admin.PostJson("/api/webhooks/endpoints", body)).Problem(400))["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains("https://", await Error(new { url = "ftp://example.com/x", events = new[] { "*" } }, "url"));
        Assert.Contains("private", await Error(new { url = "http://10.0.0.8/x", events = new[] { "*" } }, "url"));
        Assert.Contains("at least one", await Error(new { url = "https://example.com/x", events = Array.Empty<string>() }, "events"));
        Assert.Contains("not an event kind", await Error(new { url = "https://example.com/x", events = new[] { "Bad Kind" } }, "events"));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonObject>("/api/webhooks/endpoints"))!["total"]!.GetValue<int>()); // nothing partly saved

        var created = await admin.PostJson("/api/webhooks/endpoints", new { url = "https://hooks.example.com/in", events = new[] { "statement.issued" } });
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        var id = body!["endpoint"]!["id"]!.GetValue<int>();
        var first = body["secret"]!.GetValue<string>();
        // The secret is never shown again: not in reads, lists or pages.
        Assert.DoesNotContain(first, await admin.GetStringAsync($"/api/webhooks/endpoints/{id}"));
        Assert.DoesNotContain(first, await admin.GetStringAsync($"/Admin/Webhooks/Endpoint?id={id}"));
        var rotated = await (await admin.PostAsync($"/api/webhooks/endpoints/{id}/rotate-secret", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotEqual(first, rotated!["secret"]!.GetValue<string>());
        Assert.True(rotated["endpoint"]!["rotatingSecret"]!.GetValue<bool>());
        // A stale version is a conflict.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/webhooks/endpoints/{id}", new { url = "https://hooks.example.com/in", events = new[] { "*" }, version = 0 })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Manager)).GetAsync("/api/webhooks/endpoints")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PostJson("/api/webhooks/endpoints", new { url = "https://x.example.com", events = new[] { "*" } })).StatusCode);
        var otherAdmin = await other.As(Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/webhooks/endpoints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostAsync($"/api/webhooks/endpoints/{id}/rotate-secret", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.DeleteAsync($"/api/webhooks/endpoints/{id}")).StatusCode);

        // The registration page: errors inline, the secret shown once after registering.
        var page = await admin.PostFormAsync("/Admin/Webhooks", "/Admin/Webhooks", [new("Input.Url", "ftp://nope"), new("Input.Events", "statement.issued")]);
        Assert.Contains("starts with https://", await page.Content.ReadAsStringAsync());
        page = await admin.PostFormAsync("/Admin/Webhooks", "/Admin/Webhooks", [new("Input.Url", "https://hooks.example.com/page"), new("Input.AllEvents", "true")]);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("shown only this once", html);
        Assert.Matches("value=\"whsec_[^\"]+\"", html);
    }
}

static class ResultsExtensions
{
    public static IResult WithRetryAfter(this IResult result) => new RetryAfter(result);

    sealed class RetryAfter(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = "1";
            return inner.ExecuteAsync(context);
        }
    }
}
