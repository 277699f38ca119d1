using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Funds;

/// <summary>
/// Expires what a fund's deadlines end (unused allocations after the fund's end, unclaimed approvals after the claim
/// deadline) and reminds partnerships of approved requests not yet claimed before the deadline (Funds:PassMinutes,
/// default 60; 0 turns it off). Idempotent: an expired row is final and each reminder has one occasion key.
/// </summary>
public sealed class FundsJob(ILogger<FundsJob> log) : IRecurringJob
{
    public string Name => "funds-expiry";

    public TimeSpan? Interval(IConfiguration configuration) =>
        configuration.GetValue("Funds:PassMinutes", 60) is > 0 and var minutes ? TimeSpan.FromMinutes(minutes) : null;

    public Task RunAsync(JobRunner runner, CancellationToken ct) => runner.ForEachWorkspaceAsync(Name, async (services, token) =>
    {
        var r = await services.GetRequiredService<FundService>().RunExpiryAsync(token);
        log.LogInformation("Funds pass: {Allocations} allocations closed, {Requests} requests and {Claims} claims expired, {Reminders} reminders",
            r.AllocationsExpired, r.RequestsExpired, r.ClaimsExpired, r.Reminders);
    }, ct);
}
