using Warmglow.Core.Measurement;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Agreements;

/// <summary>
/// The review pack's closing section, "Next quarter": the charter's objectives and success metrics of both sides, where
/// they disagree, and the agreement reviews due in the next quarter.
/// </summary>
public sealed class AgreementsReport(WarmglowDb db, CharterService charters) : IPartnershipReportSource
{
    public async Task<ReportSection?> PartnershipSectionAsync(int partnershipId, Quarter quarter, CancellationToken ct)
    {
        var charter = await charters.GetAsync(partnershipId, ct);
        var next = quarter.Next;
        var (from, to) = (next.Start, next.End);
        var reviews = await db.AgreementReviews.AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.DueOn >= from && r.DueOn <= to)
            .OrderBy(r => r.DueOn).Select(r => new { r.Agreement!.Title, r.DueOn }).Take(20).ToListAsync(ct);
        var goals = charter.Ours.Objectives().Select(o => (IReadOnlyList<string>)["Ours", o])
            .Concat(charter.Theirs.Objectives().Select(o => (IReadOnlyList<string>)["Theirs", o])).ToList();
        var metrics = charter.Ours.SuccessMetrics.Select(m => (IReadOnlyList<string>)["Ours", m])
            .Concat(charter.Theirs.SuccessMetrics.Select(m => (IReadOnlyList<string>)["Theirs", m])).ToList();
        var tables = new List<ReportTable>
        {
            new("Joint objectives (from the charter)", ["Side", "Objective"], goals, Empty: "the charter names no objectives yet: write them on the partnership's charter."),
            new("Success metrics both sides look at", ["Side", "Metric"], metrics, Empty: "none named in the charter yet."),
            new("Where the two sides disagree", ["Point to discuss"], charter.Misalignments.Select(m => (IReadOnlyList<string>)[m.Message]).ToList(), Empty: "nothing: both sides' charters agree."),
            new($"Agreement reviews due in {next.Name()}", ["Agreement", "Due"], reviews.Select(r => (IReadOnlyList<string>)[r.Title, r.DueOn.ToString("yyyy-MM-dd")]).ToList(), Empty: "none."),
        };
        return new ReportSection(800, $"Next quarter: {next.Name()}", [], tables, []);
    }
}
