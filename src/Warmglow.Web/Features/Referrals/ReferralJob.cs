using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Referrals;

/// <summary>
/// Expires registrations whose protection ended and opens a review task for those waiting past the SLA
/// (Referrals:PassMinutes, default 60; 0 turns it off). Idempotent: an expired row is not live any more, and each
/// review task has one source key per registration.
/// </summary>
public sealed class ReferralJob(ILogger<ReferralJob> log) : IRecurringJob
{
    public string Name => "referrals-pass";

    public TimeSpan? Interval(IConfiguration configuration) =>
        configuration.GetValue("Referrals:PassMinutes", 60) is > 0 and var minutes ? TimeSpan.FromMinutes(minutes) : null;

    public Task RunAsync(JobRunner runner, CancellationToken ct) => runner.ForEachWorkspaceAsync(Name, async (services, token) =>
    {
        var result = await services.GetRequiredService<ReferralService>().RunPassAsync(token);
        log.LogInformation("Referrals pass: {Expired} expired, {Opened} review tasks opened", result.Expired, result.ReviewTasksOpened);
    }, ct);
}
