using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Portfolio;

/// <summary>
/// Recomputes portfolio figures and tier proposals for every workspace (Portfolio:RecomputeMinutes, default 720; 0
/// turns it off). Idempotent: a pending proposal for the same tier is kept, so its grace period keeps running.
/// </summary>
public sealed class PortfolioJob(ILogger<PortfolioJob> log) : IRecurringJob
{
    public string Name => "portfolio-recompute";

    public TimeSpan? Interval(IConfiguration configuration) =>
        configuration.GetValue("Portfolio:RecomputeMinutes", 720) is > 0 and var minutes ? TimeSpan.FromMinutes(minutes) : null;

    public Task RunAsync(JobRunner runner, CancellationToken ct) => runner.ForEachWorkspaceAsync(Name, async (services, token) =>
    {
        var r = await services.GetRequiredService<PortfolioService>().RecomputeAsync(token);
        log.LogInformation("Portfolio recompute: {Partnerships} partnerships, {Live} live, {Proposed} proposed, {Withdrawn} withdrawn in {Ms} ms",
            r.Partnerships, r.Live, r.Proposed, r.Withdrawn, r.Milliseconds);
    }, ct);
}
