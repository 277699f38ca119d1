using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Health;

/// <summary>
/// Recomputes engagement, alerts and red flags for every workspace on a timer (Health:RecomputeMinutes, default 360;
/// 0 turns it off; off in the Testing environment, where tests run it through the API).
/// </summary>
public sealed class HealthJob(IServiceProvider services, IConfiguration config, IHostEnvironment env, ILogger<HealthJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Health:RecomputeMinutes", 360);
        if (minutes <= 0 || env.IsEnvironment("Testing")) return;
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
            do await RunAllAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    async Task RunAllAsync(CancellationToken ct)
    {
        List<int> workspaces;
        await using (var scope = services.CreateAsyncScope())
            workspaces = await scope.ServiceProvider.GetRequiredService<WarmglowDb>().Workspaces.Select(w => w.Id).ToListAsync(ct);
        foreach (var ws in workspaces)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "health job");
                var result = await scope.ServiceProvider.GetRequiredService<HealthService>().RecomputeAsync(ct);
                log.LogInformation("Health recompute for workspace {Workspace}: {Partnerships} partnerships, {Opened} check-ins opened, {Flags} with red flags in {Ms} ms",
                    ws, result.Partnerships, result.CheckInsOpened, result.WithRedFlags, result.Milliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Health recompute for workspace {Workspace} failed", ws);
            }
        }
    }
}
