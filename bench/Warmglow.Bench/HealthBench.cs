using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Infrastructure;

/// <summary>
/// The health read model at volume: every generated partnership made live, one recompute (engagement per quarter,
/// snapshots, check-in tasks), then the dashboard's reads through <see cref="IHealthSummarySource"/>.
/// </summary>
static class HealthBench
{
    public static async Task RunAsync(IServiceProvider services, int ws, int count, Func<string, Func<IServiceProvider, Task>, int, Task> time)
    {
        List<int> ids;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws, "bench");
            var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
            await db.Partnerships.ExecuteUpdateAsync(u => u.SetProperty(p => p.Stage, PartnershipStage.Active));
            ids = await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            var sw = Stopwatch.StartNew();
            var r = await scope.ServiceProvider.GetRequiredService<HealthService>().RecomputeAsync();
            Console.WriteLine($"  recompute: {r.Partnerships:N0} partnerships, {r.Snapshots:N0} engagement snapshots, {r.CheckInsOpened:N0} check-ins opened, {r.WithRedFlags:N0} with red flags in {sw.Elapsed.TotalMilliseconds:0} ms");
            sw.Restart();
            var again = await scope.ServiceProvider.GetRequiredService<HealthService>().RecomputeAsync();
            Console.WriteLine($"  recompute again (no new tasks: {again.CheckInsOpened}) in {sw.Elapsed.TotalMilliseconds:0} ms");
        }
        var page = ids.Skip(ids.Count / 2).Take(50).ToList();
        var bigPage = ids.Take(200).ToList();
        await time("health summaries, page of 50", sp => sp.GetRequiredService<IHealthSummarySource>().SummariesAsync(page, default), 15);
        await time("health summaries, page of 200", sp => sp.GetRequiredService<IHealthSummarySource>().SummariesAsync(bigPage, default), 15);
        await time("health totals (whole workspace)", sp => sp.GetRequiredService<IHealthSummarySource>().TotalsAsync(default), 15);
        await time("health history, one partnership", sp => sp.GetRequiredService<IHealthSummarySource>().HistoryAsync(ids[ids.Count / 2], default), 15);
        await time("alerts, page 1", sp => sp.GetRequiredService<HealthReadModel>().AlertsAsync(null, 1, 25), 15);
        await time("engagement page 1 (last quarter)", sp => sp.GetRequiredService<HealthReadModel>().EngagementPageAsync(null, 1, 25), 15);
        _ = count;
    }
}
