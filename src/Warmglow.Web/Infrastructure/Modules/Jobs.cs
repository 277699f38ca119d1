using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;

namespace Warmglow.Web.Infrastructure.Modules;

/// <summary>
/// Recurring work a module needs done (recomputes, expiries, reminders, deliveries). One <see cref="JobScheduler"/> runs
/// every registered job; a job says how often by default (<see cref="Interval"/>, null = off), configuration may change it
/// (<see cref="JobSchedule"/>), and each pass is idempotent.
/// </summary>
public interface IRecurringJob
{
    /// <summary>A stable name for logs, the lease table and settings (Jobs:&lt;Name&gt;:…).</summary>
    string Name { get; }

    /// <summary>How often to run by default, read from configuration; null or zero turns the job off.</summary>
    TimeSpan? Interval(IConfiguration configuration);

    /// <summary>One pass, in its own DI scope. It must be safe to run twice (results are idempotent).</summary>
    Task RunAsync(JobRunner runner, CancellationToken ct);
}

/// <summary>What a job pass may use: a fresh scope per workspace, so each workspace's work runs as that workspace.</summary>
public sealed class JobRunner(IServiceScopeFactory scopes, ILogger<JobRunner> log)
{
    /// <summary>The scheduled occasion this pass runs for (UTC); null outside the scheduler.</summary>
    public DateTime? Occurrence { get; internal set; }

    /// <summary>How many workspaces failed in this pass (logged; the scheduler records the pass as failed).</summary>
    public int Failures { get; private set; }

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
                Failures++;
                log.LogError(e, "{Job} for workspace {Workspace} failed", job, ws);
            }
        }
    }
}

/// <summary>
/// One row per job, shared by every instance (docs/decisions/0021): the next occasion, who holds the claim on it and
/// until when, and how the last pass went. Deployment-wide (jobs run across workspaces).
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    /// <summary>The occasion to run next (UTC). A claim runs exactly this occasion; a pass moves it to the next one.</summary>
    public DateTime NextRunAt { get; set; }
    /// <summary>The instance holding the claim, or null.</summary>
    public string? LeasedBy { get; set; }
    /// <summary>The claim lapses at this time unless its holder renews it (a crashed instance's claim is taken over).</summary>
    public DateTime? LeasedUntil { get; set; }
    public DateTime? LastStartedAt { get; set; }
    public DateTime? LastFinishedAt { get; set; }
    public long? LastDurationMs { get; set; }
    public bool? LastSucceeded { get; set; }
    public string? LastError { get; set; }
    /// <summary>Failed passes in a row (0 after a success).</summary>
    public int ConsecutiveFailures { get; set; }
    public int TotalRuns { get; set; }
    public int TotalFailures { get; set; }
    /// <summary>Who asked for a run now (cleared when a pass starts).</summary>
    public string? RequestedBy { get; set; }
}

/// <summary>One pass of a job: which occasion, which instance, how long, how it ended. Kept for 30 days.</summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public DateTime Occurrence { get; set; }
    public required string Instance { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public long? DurationMs { get; set; }
    public bool? Succeeded { get; set; }
    public string? Error { get; set; }
    public string? RequestedBy { get; set; }
}

/// <summary>
/// When a job runs: the job's own interval, unless configuration says otherwise — <c>Jobs:&lt;name&gt;:Cron</c> (a
/// five-field cron expression in UTC), <c>Jobs:&lt;name&gt;:Every</c> (a TimeSpan, "00:05:00"), or
/// <c>Jobs:&lt;name&gt;:Enabled=false</c>. Interval occasions are aligned to multiples of the interval since the Unix epoch, so
/// every instance computes the same occasions.
/// </summary>
public sealed record JobSchedule(TimeSpan? Every, Cronos.CronExpression? Cron, string Description)
{
    public bool Off => Every is null && Cron is null;

    public static JobSchedule For(IRecurringJob job, IConfiguration config)
    {
        var section = config.GetSection($"Jobs:{job.Name}");
        if (section.GetValue<bool?>("Enabled") == false) return new(null, null, "Off (turned off in settings)");
        if (section["Cron"] is { Length: > 0 } cron)
        {
            try { return new(null, Cronos.CronExpression.Parse(cron), $"Cron “{cron}” (UTC)"); }
            catch (Cronos.CronFormatException) { return new(null, null, $"Off: the cron expression “{cron}” is not valid"); }
        }
        var every = section["Every"] is { Length: > 0 } text
            ? (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : (TimeSpan?)null)
            : job.Interval(config);
        return every is { } e && e > TimeSpan.Zero ? new(e, null, $"Every {Describe(e)}") : new(null, null, "Off");
    }

    /// <summary>The first occasion strictly after <paramref name="after"/>; null when off.</summary>
    public DateTime? NextAfter(DateTime after)
    {
        after = DateTime.SpecifyKind(after, DateTimeKind.Utc);
        if (Cron is not null) return Cron.GetNextOccurrence(after, TimeZoneInfo.Utc);
        if (Every is not { } every) return null;
        var ticks = every.Ticks;
        var n = after.Ticks / ticks + 1;
        return new DateTime(n * ticks, DateTimeKind.Utc);
    }

    static string Describe(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? $"{t.TotalDays:0} day{(t.TotalDays == 1 ? "" : "s")}"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours:0} hour{(t.TotalHours == 1 ? "" : "s")}"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? $"{t.TotalMinutes:0} minute{(t.TotalMinutes == 1 ? "" : "s")}"
        : $"{t.TotalSeconds:0} second{(t.TotalSeconds == 1 ? "" : "s")}";
}

/// <summary>Wakes the local scheduler early (a "run now" on this instance); other instances notice on their next tick.</summary>
public sealed class JobSignal
{
    readonly SemaphoreSlim _signal = new(0);
    public void Wake() { if (_signal.CurrentCount == 0) _signal.Release(); }
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// The one scheduler (docs/decisions/0021). Every <c>Jobs:TickSeconds</c> (default 15) it reads the lease table and, for each
/// job whose occasion is due, tries to claim it with one conditional UPDATE (due, and unclaimed or the claim lapsed). The
/// instance whose UPDATE changed the row runs the occasion, renewing its claim every third of <c>Jobs:LeaseSeconds</c>
/// (default 120) while it runs; then it records the pass and moves the row to the next occasion. So N instances run each
/// occasion once, and a crashed instance's occasion is taken over when its claim lapses. Off in the Testing environment
/// unless <c>Jobs:Enabled</c> is true. A new job's first occasion is one interval after startup, capped at
/// <c>Jobs:FirstRunDelaySeconds</c> (default 60), never on the startup path.
/// </summary>
public sealed class JobScheduler(IEnumerable<IRecurringJob> jobs, IServiceScopeFactory scopes, IConfiguration config,
    IHostEnvironment env, TimeProvider clock, JobSignal signal, ILogger<JobScheduler> log) : BackgroundService
{
    /// <summary>This instance's name in the lease table.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(5, config.GetValue("Jobs:LeaseSeconds", 120)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jobs:Enabled", !env.IsEnvironment("Testing"))) return;
        var list = jobs.ToList();
        if (list.Count == 0) return;
        var tick = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Jobs:TickSeconds", 15)));
        try
        {
            await Task.Yield(); // never on the startup path
            await EnsureRowsAsync(list, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try { await TickAsync(list, stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The job scheduler could not read or claim its jobs; it tries again next tick.");
                }
                try { await signal.WaitAsync(tick, stoppingToken); } catch (OperationCanceledException) { break; }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Adds a lease row for each job that has none (several instances may race: a duplicate is ignored).</summary>
    async Task EnsureRowsAsync(List<IRecurringJob> list, CancellationToken ct)
    {
        var firstDelay = TimeSpan.FromSeconds(Math.Max(0, config.GetValue("Jobs:FirstRunDelaySeconds", 60)));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var known = await db.JobLeases.Select(l => l.Name).ToListAsync(ct);
        foreach (var job in list.Where(j => !known.Contains(j.Name)))
        {
            var schedule = JobSchedule.For(job, config);
            var now = clock.GetUtcNow().UtcDateTime;
            var first = schedule.Every is { } every ? now + (every < firstDelay ? every : firstDelay) : schedule.NextAfter(now) ?? now + firstDelay;
            db.JobLeases.Add(new JobLease { Name = job.Name, NextRunAt = first });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { db.ChangeTracker.Clear(); }
        }
    }

    async Task TickAsync(List<IRecurringJob> list, CancellationToken ct)
    {
        List<JobLease> rows;
        await using (var scope = scopes.CreateAsyncScope())
            rows = await scope.ServiceProvider.GetRequiredService<WarmglowDb>().JobLeases.AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var job in list)
        {
            if (rows.FirstOrDefault(r => r.Name == job.Name) is not { } row) { await EnsureRowsAsync([job], ct); continue; }
            var requested = row.RequestedBy is not null;
            if (row.NextRunAt > now || (row.LeasedUntil is { } until && until >= now)) continue;
            if (!requested && JobSchedule.For(job, config).Off) continue;
            await TryRunAsync(job, row.NextRunAt, ct);
        }
    }

    /// <summary>Claims <paramref name="occurrence"/> of <paramref name="job"/>; runs it when this instance won the claim.</summary>
    internal async Task<bool> TryRunAsync(IRecurringJob job, DateTime occurrence, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        // The claim: one conditional UPDATE. On PostgreSQL a concurrent claimer blocks on the row, then re-checks the
        // WHERE against the winner's version and matches nothing; on SQLite writers are serialized. One winner either way.
        var claimed = await db.JobLeases
            .Where(l => l.Name == job.Name && l.NextRunAt == occurrence && l.NextRunAt <= now && (l.LeasedUntil == null || l.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedBy, Instance).SetProperty(l => l.LeasedUntil, until), ct);
        if (claimed != 1) return false;

        var requestedBy = await db.JobLeases.Where(l => l.Name == job.Name).Select(l => l.RequestedBy).FirstAsync(ct);
        var run = new JobRun { Name = job.Name, Occurrence = occurrence, Instance = Instance, StartedAt = now, RequestedBy = requestedBy };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await db.JobLeases.Where(l => l.Name == job.Name && l.LeasedBy == Instance)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastStartedAt, now).SetProperty(l => l.RequestedBy, (string?)null), ct);

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(job.Name, renewing.Token);
        string? error = null;
        var started = clock.GetTimestamp();
        try
        {
            await using var jobScope = scopes.CreateAsyncScope();
            var runner = jobScope.ServiceProvider.GetRequiredService<JobRunner>();
            runner.Occurrence = occurrence;
            await job.RunAsync(runner, ct);
            if (runner.Failures > 0) error = $"{runner.Failures} workspace{(runner.Failures == 1 ? "" : "s")} failed; see the log.";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the occasion back at once (it stays due), so another instance runs it without waiting for the lease.
        }
        catch (Exception e)
        {
            log.LogError(e, "Job {Job} failed", job.Name);
            error = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            await renewing.CancelAsync();
            try { await renewal; } catch (OperationCanceledException) { }
        }
        if (ct.IsCancellationRequested)
        {
            await using var release = scopes.CreateAsyncScope();
            await release.ServiceProvider.GetRequiredService<WarmglowDb>().JobLeases.Where(l => l.Name == job.Name && l.LeasedBy == Instance)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedBy, (string?)null).SetProperty(l => l.LeasedUntil, (DateTime?)null), CancellationToken.None);
            return true;
        }

        var finished = clock.GetUtcNow().UtcDateTime;
        var ms = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        var next = JobSchedule.For(job, config).NextAfter(finished > occurrence ? finished : occurrence) ?? finished.AddDays(1);
        var ok = error is null;
        if (error is { Length: > 500 }) error = error[..500];
        await using var done = scopes.CreateAsyncScope();
        var db2 = done.ServiceProvider.GetRequiredService<WarmglowDb>();
        await db2.JobRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FinishedAt, finished).SetProperty(r => r.DurationMs, ms).SetProperty(r => r.Succeeded, ok).SetProperty(r => r.Error, error), CancellationToken.None);
        await db2.JobLeases.Where(l => l.Name == job.Name && l.LeasedBy == Instance).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.LeasedBy, (string?)null).SetProperty(l => l.LeasedUntil, (DateTime?)null)
            // A "run now" that arrived during the pass keeps its earlier occasion; otherwise the next scheduled one.
            .SetProperty(l => l.NextRunAt, l => l.RequestedBy != null && l.NextRunAt < next ? l.NextRunAt : next)
            .SetProperty(l => l.LastFinishedAt, finished).SetProperty(l => l.LastDurationMs, ms)
            .SetProperty(l => l.LastSucceeded, ok).SetProperty(l => l.LastError, error)
            .SetProperty(l => l.ConsecutiveFailures, l => ok ? 0 : l.ConsecutiveFailures + 1)
            .SetProperty(l => l.TotalRuns, l => l.TotalRuns + 1)
            .SetProperty(l => l.TotalFailures, l => ok ? l.TotalFailures : l.TotalFailures + 1), CancellationToken.None);
        var cutoff = finished.AddDays(-30);
        await db2.JobRuns.Where(r => r.Name == job.Name && r.StartedAt < cutoff).ExecuteDeleteAsync(CancellationToken.None);
        return true;
    }

    async Task RenewAsync(string name, CancellationToken ct)
    {
        var every = Lease / 3;
        while (true)
        {
            await Task.Delay(every, clock, ct);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var until = clock.GetUtcNow().UtcDateTime + Lease;
                await scope.ServiceProvider.GetRequiredService<WarmglowDb>().JobLeases.Where(l => l.Name == name && l.LeasedBy == Instance)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, until), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not renew the claim on {Job}", name);
            }
        }
    }
}

/// <summary>What the jobs page and API show and do: every job with its schedule, last and next pass; "run now".</summary>
public sealed class JobsService(WarmglowDb db, IEnumerable<IRecurringJob> jobs, IConfiguration config, JobSignal signal, TimeProvider clock)
{
    public async Task<IReadOnlyList<JobStatusDto>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.JobLeases.AsNoTracking().ToDictionaryAsync(l => l.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return jobs.OrderBy(j => j.Name, StringComparer.Ordinal).Select(j =>
        {
            var schedule = JobSchedule.For(j, config);
            rows.TryGetValue(j.Name, out var r);
            var running = r?.LeasedUntil is { } until && until >= now;
            return new JobStatusDto(j.Name, schedule.Description, !schedule.Off, running, running ? r!.LeasedBy : null,
                running ? r!.LastStartedAt : null, r?.RequestedBy is not null,
                schedule.Off && r?.RequestedBy is null ? null : r?.NextRunAt, r?.LastFinishedAt, r?.LastDurationMs, r?.LastSucceeded, r?.LastError,
                r?.ConsecutiveFailures ?? 0, r?.TotalRuns ?? 0, r?.TotalFailures ?? 0);
        }).ToList();
    }

    public Task<Paged<JobRunDto>> RunsAsync(string name, int? page, CancellationToken ct = default)
    {
        if (jobs.All(j => j.Name != name)) throw new NotFound("The job");
        return db.JobRuns.AsNoTracking().Where(r => r.Name == name).OrderByDescending(r => r.StartedAt)
            .Select(r => new JobRunDto(r.Occurrence, r.Instance, r.StartedAt, r.FinishedAt, r.DurationMs, r.Succeeded, r.Error, r.RequestedBy))
            .ToPageAsync(page, 20, ct);
    }

    /// <summary>Asks for a pass as soon as an instance is free: the job's occasion becomes now (any instance may take it).</summary>
    public async Task RunNowAsync(string name, string requestedBy, CancellationToken ct = default)
    {
        if (jobs.All(j => j.Name != name)) throw new NotFound("The job");
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.JobLeases.Where(l => l.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RequestedBy, requestedBy).SetProperty(l => l.NextRunAt, l => l.NextRunAt < now ? l.NextRunAt : now), ct);
        if (changed == 0)
        {
            db.JobLeases.Add(new JobLease { Name = name, NextRunAt = now, RequestedBy = requestedBy });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { }
        }
        signal.Wake();
    }
}

public sealed record JobStatusDto(string Name, string Schedule, bool Enabled, bool Running, string? RunningOn, DateTime? RunningSince,
    bool Requested, DateTime? NextRunAt, DateTime? LastFinishedAt, long? LastDurationMs, bool? LastSucceeded, string? LastError,
    int ConsecutiveFailures, int TotalRuns, int TotalFailures);

public sealed record JobRunDto(DateTime Occurrence, string Instance, DateTime StartedAt, DateTime? FinishedAt, long? DurationMs, bool? Succeeded, string? Error, string? RequestedBy);
