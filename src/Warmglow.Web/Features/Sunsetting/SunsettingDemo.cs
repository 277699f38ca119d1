using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Core.Sunsetting;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Portfolio;

namespace Warmglow.Web.Features.Sunsetting;

/// <summary>
/// Sunsetting demo data: every ended demo partnership gets its completed wind-down (dated from its stage moves), and the
/// partnership the triage recommends sunsetting (the weakest live one otherwise) is moved to Sunsetting through the
/// real stage move, so its plan starts as it would for a manager; a month in, its communications are done.
/// </summary>
public sealed class SunsettingDemo(WarmglowDb db, SunsettingService sunsetting, PartnershipService partnerships) : IDemoContributor
{
    public int Order => 540; // after the triage (520)

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var now = context.Now;
        var manager = context.Staff.FirstOrDefault(s => s.Email?.Contains("manager", StringComparison.OrdinalIgnoreCase) == true) ?? context.Staff[0];

        // Ended partnerships: a plan completed, every task done, dated from the moves into Sunsetting and Ended.
        var ended = await db.Partnerships.Where(p => p.Stage == PartnershipStage.Ended).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in ended)
        {
            var moves = await db.StageTransitions.Where(t => t.PartnershipId == id).OrderBy(t => t.At).ToListAsync(ct);
            var into = moves.LastOrDefault(t => t.ToStage == PartnershipStage.Sunsetting)?.At ?? now.AddDays(-120);
            var end = moves.LastOrDefault(t => t.ToStage == PartnershipStage.Ended)?.At ?? now.AddDays(-30);
            var plan = await sunsetting.StartAsync(id, ct);
            await db.Entry(plan).Collection(p => p.Tasks).LoadAsync(ct);
            Backdate(plan, DateOnly.FromDateTime(into));
            foreach (var t in plan.Tasks)
            {
                t.Done = true;
                t.DoneAt = t.DueOn.ToDateTime(TimeOnly.MinValue).AddHours(15) is var d && d < end ? d : end.AddHours(-1);
                t.DoneByName = manager.DisplayName;
            }
            plan.Tasks.Single(t => t.Kind == WindDownTaskKind.DataReturn).Note = "Their copies of our session files deleted; confirmation letter on file.";
            plan.CompletedAt = end;
        }
        await db.SaveChangesAsync(ct);

        // One live partnership winds down now: the triage's sunset recommendation, or the weakest scored.
        var candidate = await db.TriageItems.Where(i => (i.Partnership!.Stage == PartnershipStage.Active || i.Partnership.Stage == PartnershipStage.Scaling)
                && i.Status != TriageItemStatus.Done)
            .OrderBy(i => i.Recommendation == TriageRecommendation.Sunset ? 0 : 1)
            .ThenBy(i => i.StrategicAlignment + i.ValueExchange + i.OperationalEfficiency + i.RelationshipHealth).ThenBy(i => i.PartnershipId)
            .FirstOrDefaultAsync(ct);
        if (candidate is null) return;
        var pid = candidate.PartnershipId;
        await partnerships.MoveAsync(pid, new MoveInput(PartnershipStage.UnderReview, "Triage: neither strategic fit nor measurable value; review called.", null), ct);
        await partnerships.MoveAsync(pid, new MoveInput(PartnershipStage.Sunsetting, "Review agreed to wind the partnership down; both sides informed.", null), ct);
        var started = now.AddDays(-30);
        foreach (var t in await db.StageTransitions.Where(t => t.PartnershipId == pid && t.At > now.AddMinutes(-5)).ToListAsync(ct))
            t.At = t.ToStage == PartnershipStage.UnderReview ? started.AddDays(-14) : started;
        var running = await db.WindDownPlans.Include(p => p.Tasks).SingleAsync(p => p.PartnershipId == pid, ct);
        Backdate(running, DateOnly.FromDateTime(started));
        foreach (var t in running.Tasks.Where(t => t.Kind is WindDownTaskKind.InternalCommunication or WindDownTaskKind.PartnerCommunication or WindDownTaskKind.CustomerCommunication))
        {
            t.Done = true;
            t.DoneAt = t.DueOn.ToDateTime(TimeOnly.MinValue).AddHours(11);
            t.DoneByName = manager.DisplayName;
        }
        running.Tasks.Single(t => t.Kind == WindDownTaskKind.CustomerHandover).Note = "Four of seven shared customers moved to our direct team so far.";
        candidate.Status = TriageItemStatus.InProgress;
        candidate.Notes = "Moved to Sunsetting after the review; the wind-down plan is running.";
        await db.SaveChangesAsync(ct);
    }

    static void Backdate(WindDownPlan plan, DateOnly start)
    {
        plan.StartedOn = start;
        plan.EndsOn = start.AddDays(plan.Days);
        plan.CreatedAt = start.ToDateTime(TimeOnly.MinValue).AddHours(10);
        var steps = WindDown.Steps(start, plan.Days).ToDictionary(s => s.Kind);
        foreach (var t in plan.Tasks) t.DueOn = steps[t.Kind].DueOn;
    }
}
