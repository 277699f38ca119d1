using Warmglow.Core.Measurement;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Initiatives;
using Warmglow.Core.Text;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Initiatives;

/// <summary>The review pack's "Initiatives and outcomes" section: the partnership's initiatives, their outcomes against targets, and ROI.</summary>
public sealed class InitiativesReport(WarmglowDb db, InitiativeService initiatives) : IPartnershipReportSource
{
    static string N(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    public async Task<ReportSection?> PartnershipSectionAsync(int partnershipId, Quarter quarter, CancellationToken ct)
    {
        var all = await initiatives.ForPartnershipAsync(partnershipId, 1, 50, ct);
        var outcomes = await db.InitiativeOutcomes.AsNoTracking()
            .Where(o => o.Initiative!.PartnershipId == partnershipId && o.Initiative.Status != InitiativeStatus.Declined)
            .OrderBy(o => o.Initiative!.Title).ThenBy(o => o.Id)
            .Select(o => new { o.Initiative!.Title, o.Metric, o.Label, o.Target, o.Actual, o.MeasuredOn, o.Initiative.Currency })
            .Take(50).ToListAsync(ct);
        var items = all.Initiatives.Items;
        if (items.Count == 0)
            return new ReportSection(400, "Initiatives and outcomes", [], [], [],
                "No joint initiatives yet. Plan one (co-marketing, co-selling, a pilot) from the partnership page.");
        var figures = new List<ReportFigure>
        {
            new("Running", items.Count(i => i.Status == InitiativeStatus.Running).ToString(CultureInfo.InvariantCulture)),
            new("Done", items.Count(i => i.Status == InitiativeStatus.Done).ToString(CultureInfo.InvariantCulture)),
            new("At risk or late", items.Count(i => i.State is MilestoneState.AtRisk or MilestoneState.Late).ToString(CultureInfo.InvariantCulture)),
        };
        figures.AddRange(all.Roi.Select(r => new ReportFigure($"Initiative ROI ({r.Currency})", r.Roi is { } x ? $"{N(Math.Round(x * 100, 1))}%" : "not defined yet",
            $"revenue {N(r.Revenue)} against spend {N(r.Spent)}")));
        var list = new ReportTable("Initiatives", ["Initiative", "Kind", "Status", "Milestones", "Next due", "Spent"],
            items.Select(i => (IReadOnlyList<string>)
            [
                i.Title, i.KindName, i.StatusName, $"{i.MilestonesDone} of {i.Milestones} done{(i.Milestones > i.MilestonesDone ? $", {i.StateName.ToLowerInvariant()}" : "")}",
                i.NextDue?.ToString("yyyy-MM-dd") ?? "—", $"{N(i.Spent)} {i.Currency}",
            ]).ToList(), Numeric: [5]);
        var results = new ReportTable("Outcomes against targets", ["Initiative", "Outcome", "Target", "Actual", "Measured"],
            outcomes.Select(o => (IReadOnlyList<string>)
            [
                o.Title, o.Label ?? Labels.Of(o.Metric), o.Target is { } t ? N(t) : "—", N(o.Actual), o.MeasuredOn?.ToString("yyyy-MM-dd") ?? "—",
            ]).ToList(), Numeric: [2, 3], Empty: "no outcomes recorded yet.");
        return new ReportSection(400, "Initiatives and outcomes", figures, [list, results], []);
    }
}
