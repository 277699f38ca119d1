using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Health;

/// <summary>
/// Recomputes engagement, alerts and red flags for every workspace (Health:RecomputeMinutes, default 360; 0 turns it
/// off). The recompute is idempotent: one check-in task per partnership and quarter however often it runs.
/// </summary>
public sealed class HealthJob(ILogger<HealthJob> log) : IRecurringJob
{
    public string Name => "health-recompute";

    public TimeSpan? Interval(IConfiguration configuration) =>
        configuration.GetValue("Health:RecomputeMinutes", 360) is > 0 and var minutes ? TimeSpan.FromMinutes(minutes) : null;

    public Task RunAsync(JobRunner runner, CancellationToken ct) => runner.ForEachWorkspaceAsync(Name, async (services, token) =>
    {
        var result = await services.GetRequiredService<HealthService>().RecomputeAsync(token);
        log.LogInformation("Health recompute: {Partnerships} partnerships, {Opened} check-ins opened, {Flags} with red flags in {Ms} ms",
            result.Partnerships, result.CheckInsOpened, result.WithRedFlags, result.Milliseconds);
    }, ct);
}
