using Warmglow.Core.Measurement;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Tasks;

/// <summary>The review pack's "Open action items" section: what is still to do on the partnership, overdue first, and what got done in the quarter.</summary>
public sealed class TasksReport(WarmglowDb db, TimeProvider clock) : IPartnershipReportSource
{
    public async Task<ReportSection?> PartnershipSectionAsync(int partnershipId, Quarter quarter, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.PartnershipId == partnershipId);
        var open = await tasks.Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Id)
            .Select(t => new { t.Title, t.DueOn, t.Status, Owner = t.Assignee != null ? t.Assignee.DisplayName : null })
            .Take(40).ToListAsync(ct);
        var (from, end) = (quarter.StartUtc(), quarter.EndUtc());
        var counts = await tasks.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress),
            Overdue = g.Count(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.DueOn < today),
            DoneInQuarter = g.Count(t => t.Status == WorkTaskStatus.Done && t.DoneAt >= from && t.DoneAt < end),
        }).FirstOrDefaultAsync(ct);
        var figures = new List<ReportFigure>
        {
            new("Open", (counts?.Open ?? 0).ToString(CultureInfo.InvariantCulture)),
            new("Overdue", (counts?.Overdue ?? 0).ToString(CultureInfo.InvariantCulture)),
            new($"Done in {quarter.Name()}", (counts?.DoneInQuarter ?? 0).ToString(CultureInfo.InvariantCulture)),
        };
        var table = new ReportTable(open.Count == 40 ? "Open action items (the 40 due first)" : "Open action items", ["Action item", "Owner", "Due", "Status"],
            open.Select(t => (IReadOnlyList<string>)
            [
                t.Title, t.Owner ?? "nobody yet", t.DueOn < today ? $"{t.DueOn:yyyy-MM-dd} (overdue)" : t.DueOn.ToString("yyyy-MM-dd"),
                t.Status == WorkTaskStatus.InProgress ? "In progress" : "Open",
            ]).ToList(), Empty: "nothing is open.");
        return new ReportSection(600, "Action items", figures, [table], []);
    }
}
