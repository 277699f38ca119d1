using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Tests;

public sealed class SqliteJobsTests(SqliteApp app) : JobsTests<SqliteApp>(app);
public sealed class PostgresJobsTests(PostgresApp app) : JobsTests<PostgresApp>(app);

/// <summary>
/// The one scheduler with database leases (docs/decisions/0021): several hosts on one database run each occasion once,
/// a lapsed claim is taken over, "run now" goes through the same claim, and sign-in works on every host (keys in the database).
/// </summary>
public abstract class JobsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    /// <summary>Records every pass it makes: which occasion, on which host.</summary>
    sealed class CountingJob(string name, TimeSpan every, string host, ConcurrentBag<(DateTime Occurrence, string Host)> passes) : IRecurringJob
    {
        public string Name => name;
        public TimeSpan? Interval(IConfiguration configuration) => every;
        public async Task RunAsync(JobRunner runner, CancellationToken ct)
        {
            passes.Add((runner.Occurrence!.Value, host));
            await Task.Delay(300, ct); // long enough for the other host to try the same occasion meanwhile
        }
    }

    WebApplicationFactory<Program> Host(string host, string job, TimeSpan every, ConcurrentBag<(DateTime, string)> passes, int firstDelaySeconds = 0) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Jobs:Enabled", "true");
            b.UseSetting("Jobs:TickSeconds", "1");
            b.UseSetting("Jobs:FirstRunDelaySeconds", firstDelaySeconds.ToString());
            b.UseSetting("Jobs:LeaseSeconds", "6");
            b.UseSetting("Jobs:health-recompute:Enabled", "false");
            b.ConfigureTestServices(s => s.AddSingleton<IRecurringJob>(new CountingJob(job, every, host, passes)));
        });

    void SkipWithoutDatabase() =>
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    async Task<T> InDb<T>(Func<WarmglowDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WarmglowDb>());
    }

    static async Task WaitFor(Func<bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!done() && DateTime.UtcNow < until) await Task.Delay(100);
    }

    [SkippableFact]
    public async Task TwoHostsOnOneDatabase_RunEachOccasionExactlyOnce()
    {
        SkipWithoutDatabase();
        _ = app.Services; // the fixture host migrates the database first
        var passes = new ConcurrentBag<(DateTime Occurrence, string Host)>();
        var job = $"test-tick-{Guid.NewGuid():N}"[..20];
        await using (var a = Host("a", job, TimeSpan.FromSeconds(1), passes))
        await using (var b = Host("b", job, TimeSpan.FromSeconds(1), passes))
        {
            _ = a.Services; _ = b.Services; // both schedulers start
            await WaitFor(() => passes.Count >= 5, TimeSpan.FromSeconds(30));
        }
        var list = passes.ToList();
        Assert.True(list.Count >= 5, $"only {list.Count} passes ran");
        Assert.Equal(list.Count, list.Select(p => p.Occurrence).Distinct().Count()); // no occasion ran twice
        var runs = await InDb(db => db.JobRuns.Where(r => r.Name == job).ToListAsync());
        Assert.Equal(list.Count, runs.Count);
        Assert.All(runs.GroupBy(r => r.Occurrence), g => Assert.Single(g));
        Assert.True(runs.Select(r => r.Instance).Distinct().Count() <= 2);
        var lease = await InDb(db => db.JobLeases.SingleAsync(l => l.Name == job));
        Assert.Null(lease.LeasedBy); // both hosts stopped between passes or their claims were released
        Assert.True(lease.TotalRuns >= list.Count - 1);
    }

    [SkippableFact]
    public async Task ACrashedInstancesClaim_IsTakenOverWhenItLapses_NotBefore()
    {
        SkipWithoutDatabase();
        _ = app.Services;
        var job = $"test-crash-{Guid.NewGuid():N}"[..20];
        var occasion = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var passes = new ConcurrentBag<(DateTime Occurrence, string Host)>();
        await using (var a = Host("a", job, TimeSpan.FromHours(1), passes, firstDelaySeconds: 3600))
        {
            _ = a.Services;
            // As a crashed instance leaves it: an occasion due, claimed, the claim not yet lapsed.
            await WaitFor(() => InDb(db => db.JobLeases.AnyAsync(l => l.Name == job)).GetAwaiter().GetResult(), TimeSpan.FromSeconds(20));
            var heldUntil = DateTime.UtcNow.AddSeconds(4);
            await InDb(db => db.JobLeases.Where(l => l.Name == job).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.NextRunAt, occasion).SetProperty(l => l.LeasedBy, "crashed-instance").SetProperty(l => l.LeasedUntil, heldUntil)));
            await Task.Delay(2000);
            Assert.Empty(passes); // the claim still holds
            await WaitFor(() => !passes.IsEmpty, TimeSpan.FromSeconds(20));
            // Let the taken-over run finish and be recorded before this host stops (a stop mid-run hands the occasion back).
            await WaitFor(() => InDb(db => db.JobLeases.AnyAsync(l => l.Name == job && l.LastSucceeded == true && l.NextRunAt > occasion)).GetAwaiter().GetResult(),
                TimeSpan.FromSeconds(20));
        }
        var (occurrence, host) = Assert.Single(passes);
        Assert.Equal(occasion, occurrence); // the crashed instance's occasion, taken over
        Assert.Equal("a", host);
        var lease = await InDb(db => db.JobLeases.SingleAsync(l => l.Name == job));
        Assert.True(lease.NextRunAt > DateTime.UtcNow); // moved on to the next occasion, not every missed one
        Assert.True(lease.LastSucceeded);
    }

    [SkippableFact]
    public async Task RunNow_IsForTheDeploymentOwner_AndRunsOnce_AndSignInWorksOnEveryHost()
    {
        SkipWithoutDatabase();
        var ws = await app.CreateWorkspaceAsync("Jobs");
        var passes = new ConcurrentBag<(DateTime Occurrence, string Host)>();
        var job = $"test-now-{Guid.NewGuid():N}"[..20];
        await using var a = Host("a", job, TimeSpan.FromDays(1), passes, firstDelaySeconds: 3600);
        await using var b = Host("b", job, TimeSpan.FromDays(1), passes, firstDelaySeconds: 3600);

        // A token issued by host A is honoured by host B: the data-protection key ring is in the database.
        using var anonA = a.CreateClient();
        var token = await (await anonA.PostAsJsonAsync("/api/auth/token", new { email = ws.Emails[Roles.Admin], password = TestApp.Password })).Content.ReadFromJsonAsync<TokenDto>();
        using var adminB = b.CreateClient();
        adminB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var list = await adminB.GetAsync("/api/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(job, await list.Content.ReadAsStringAsync());
        Assert.True(await InDb(db => db.DataProtectionKeys.AnyAsync()));

        // Admins read jobs; only the deployment owner starts a pass early.
        using var otherAdmin = b.CreateClient();
        var otherToken = await (await otherAdmin.PostAsJsonAsync("/api/auth/token", new { email = await ws.NewUserAsync(Roles.Admin), password = TestApp.Password })).Content.ReadFromJsonAsync<TokenDto>();
        otherAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherToken!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await otherAdmin.GetAsync("/api/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.PostAsync($"/api/admin/jobs/{job}/run", null)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = (await users.FindByEmailAsync(ws.Emails[Roles.Admin]))!;
            admin.IsOwner = true;
            await users.UpdateAsync(admin);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.PostAsync("/api/admin/jobs/no-such-job/run", null)).StatusCode);
        // Wait until the schedulers have written the job's row (its first occasion is a day away).
        await WaitFor(() => InDb(db => db.JobLeases.AnyAsync(l => l.Name == job)).GetAwaiter().GetResult(), TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Accepted, (await adminB.PostAsync($"/api/admin/jobs/{job}/run", null)).StatusCode);
        await WaitFor(() => !passes.IsEmpty, TimeSpan.FromSeconds(15));
        await Task.Delay(2500); // a second pass would show up here
        Assert.Single(passes);
        var runs = await (await adminB.GetAsync($"/api/admin/jobs/{job}/runs")).Content.ReadAsStringAsync();
        Assert.Contains(ws.Emails[Roles.Admin], runs); // who asked

        // The page lists the job and offers the owner "Run now".
        using var page = await adminB.GetAsync($"/Admin/Jobs?job={job}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Run now", html);
        Assert.Contains("Every 1 day", html);
    }

    sealed record TokenDto(string AccessToken);
}
