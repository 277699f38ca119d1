using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;

namespace Warmglow.Web.Infrastructure.Modules;

/// <summary>
/// Recurring work a module needs done (recomputes, expiries, reminders). One <see cref="JobScheduler"/> runs every
/// registered job; a job says how often (<see cref="Interval"/>, null = off) and does one idempotent pass per run.
/// </summary>
public interface IRecurringJob
{
    /// <summary>A stable name for logs and settings.</summary>
    string Name { get; }

    /// <summary>How often to run, read from configuration; null or zero turns the job off.</summary>
    TimeSpan? Interval(IConfiguration configuration);

    /// <summary>One pass, in its own DI scope. It must be safe to run twice or concurrently (results are idempotent).</summary>
    Task RunAsync(JobRunner runner, CancellationToken ct);
}

/// <summary>What a job pass may use: a fresh scope per workspace, so each workspace's work runs as that workspace.</summary>
public sealed class JobRunner(IServiceScopeFactory scopes, ILogger<JobRunner> log)
{
    /// <summary>Runs <paramref name="work"/> once per workspace, each in its own scope with the tenant set; a failing workspace is logged and the rest still run.</summary>
    public async Task ForEachWorkspaceAsync(string job, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct)
    {
        List<int> workspaces;
        await using (var scope = scopes.CreateAsyncScope())
            workspaces = await scope.ServiceProvider.GetRequiredService<WarmglowDb>().Workspaces.Select(w => w.Id).ToListAsync(ct);
        foreach (var ws in workspaces)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, job);
                await work(scope.ServiceProvider, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} for workspace {Workspace} failed", job, ws);
            }
        }
    }
}

/// <summary>
/// The one scheduler: wakes every <c>Jobs:TickSeconds</c> (default 30), runs each job that is due, one at a time.
/// Off in the Testing environment (tests run jobs directly). The first run of each job waits one interval tick after
/// startup (never on the startup path), capped at <c>Jobs:FirstRunDelaySeconds</c> (default 60).
/// </summary>
public sealed class JobScheduler(IEnumerable<IRecurringJob> jobs, IServiceScopeFactory scopes, IConfiguration config,
    IHostEnvironment env, TimeProvider clock, ILogger<JobScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (env.IsEnvironment("Testing")) return;
        var list = jobs.ToList();
        if (list.Count == 0) return;
        var firstDelay = TimeSpan.FromSeconds(config.GetValue("Jobs:FirstRunDelaySeconds", 60));
        var start = clock.GetUtcNow();
        var next = list.ToDictionary(j => j.Name, _ => start + firstDelay);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Jobs:TickSeconds", 30))), clock);
        try
        {
            do
            {
                foreach (var job in list)
                {
                    if (job.Interval(config) is not { } interval || interval <= TimeSpan.Zero || clock.GetUtcNow() < next[job.Name]) continue;
                    next[job.Name] = clock.GetUtcNow() + interval;
                    await RunOnceAsync(job, stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    async Task RunOnceAsync(IRecurringJob job, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job.RunAsync(scope.ServiceProvider.GetRequiredService<JobRunner>(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Job {Job} failed", job.Name);
        }
    }
}
