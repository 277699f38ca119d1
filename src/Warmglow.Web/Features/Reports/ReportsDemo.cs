using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;

namespace Warmglow.Web.Features.Reports;

/// <summary>
/// The demo's way into the reports: the quarterly review of each scaling partnership is due at the quarter's end, so
/// its manager has a task "Prepare the review pack" that opens the pack for that quarter. Runs last (after every module
/// whose sections the pack shows), through the one task service.
/// </summary>
public sealed class ReportsDemo(WarmglowDb db, TaskService tasks) : IDemoContributor
{
    public int Order => 900;

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var quarter = Quarter.Of(context.Now);
        var scaling = await db.Partnerships.AsNoTracking().Where(p => p.Stage == PartnershipStage.Scaling && p.ManagerId != null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.ManagerId }).Take(3).ToListAsync(ct);
        foreach (var p in scaling)
            await tasks.OpenOnceAsync(new WorkTask
            {
                PartnershipId = p.Id, Title = $"Prepare the {quarter.Name()} review pack for {p.Name}",
                Details = "Check the scorecard, health, revenue and decisions sections, then print it or download the PDF for the review meeting.",
                AssigneeId = p.ManagerId, DueOn = quarter.End, Source = "review-pack", SourceKey = $"review-pack:{p.Id}:{quarter.Label}",
                Link = $"/Reports/Qbr/{p.Id}?quarter={quarter.Label}",
            }, ct);
    }
}
