using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Governance;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Governance;

/// <summary>
/// The review pack's "Decisions" section: what was decided in the quarter (outcome, who, how long it took, in calendar
/// and business days), what is still waiting for a decision, and the average decision time.
/// </summary>
public sealed class GovernanceReport(WarmglowDb db) : IPartnershipReportSource
{
    public async Task<ReportSection?> PartnershipSectionAsync(int partnershipId, Quarter quarter, CancellationToken ct)
    {
        var (from, end) = (quarter.StartUtc(), quarter.EndUtc());
        var decisions = db.GovernanceDecisions.AsNoTracking().Where(d => d.PartnershipId == partnershipId);
        var decided = await decisions.Where(d => d.Status == DecisionStatus.Decided && d.DecidedAt >= from && d.DecidedAt < end)
            .OrderBy(d => d.DecidedAt).Select(d => new { d.Title, d.Type, d.Outcome, d.DecidedByName, d.RequestedAt, DecidedAt = d.DecidedAt!.Value })
            .Take(40).ToListAsync(ct);
        var waiting = await decisions.Where(d => d.Status == DecisionStatus.Proposed).OrderBy(d => d.RequestedAt)
            .Select(d => new { d.Title, d.Type, d.Route, d.RequestedAt }).Take(20).ToListAsync(ct);
        var days = decided.Select(d => DecisionFramework.DecisionDays(d.RequestedAt, d.DecidedAt)).ToList();
        var figures = new List<ReportFigure>
        {
            new($"Decided in {quarter.Name()}", decided.Count.ToString(CultureInfo.InvariantCulture)),
            new("Average decision time", days.Count == 0 ? "—" : $"{Math.Round(days.Average(), 1).ToString("0.#", CultureInfo.InvariantCulture)} days", "from request to decision"),
            new("Waiting for a decision", waiting.Count.ToString(CultureInfo.InvariantCulture)),
        };
        var table = new ReportTable("Decisions taken", ["Decision", "Kind", "Outcome", "Decided by", "Took"],
            decided.Select(d => (IReadOnlyList<string>)
            [
                d.Title, DecisionFramework.Describe(d.Type), d.Outcome ?? "", d.DecidedByName ?? "",
                $"{DecisionFramework.DecisionDays(d.RequestedAt, d.DecidedAt).ToString("0.#", CultureInfo.InvariantCulture)} days ({DecisionFramework.BusinessDays(DateOnly.FromDateTime(d.RequestedAt), DateOnly.FromDateTime(d.DecidedAt))} business days)",
            ]).ToList(), Empty: "none in this quarter.");
        var open = new ReportTable("Waiting for a decision", ["Decision", "Kind", "Goes to", "Asked on"],
            waiting.Select(d => (IReadOnlyList<string>)[d.Title, DecisionFramework.Describe(d.Type), DecisionFramework.Describe(d.Route), d.RequestedAt.ToString("yyyy-MM-dd")]).ToList(),
            Empty: "nothing is waiting.");
        return new ReportSection(500, "Decisions", figures, [table, open], []);
    }
}
