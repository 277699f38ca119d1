using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Portfolio;

/// <summary>
/// Triage demo data: a round started four months ago over the live demo portfolio (pre-filled from the recomputed
/// figures), its quick wins done but one, restructures under way, a few scores edited with notes.
/// </summary>
public sealed class TriageDemo(WarmglowDb db, TriageService triage) : IDemoContributor
{
    public int Order => 520; // after the portfolio's recompute (500)

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        if (!await db.Partnerships.AnyAsync(p => PortfolioService.LiveStages.Contains(p.Stage), ct)) return;
        var today = DateOnly.FromDateTime(context.Now);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-4);
        var round = await triage.StartAsync(new TriageRoundInput($"Portfolio triage {start:yyyy}", start, 3, 3, 3), ct);
        var items = await db.TriageItems.Where(i => i.RoundId == round.Id).OrderBy(i => i.Phase).ThenBy(i => i.PartnershipId).ToListAsync(ct);
        var at = context.Now;
        var phase1 = items.Where(i => i.Phase == 1).ToList();
        for (var k = 0; k < phase1.Count; k++)
        {
            phase1[k].Status = k == phase1.Count - 1 && phase1.Count > 1 ? TriageItemStatus.InProgress : TriageItemStatus.Done;
            if (phase1[k].Status == TriageItemStatus.Done) phase1[k].DoneAt = at.AddDays(-40 + k * 3);
            if (k == 0) phase1[k].Notes = "Joint webinar series agreed and co-marketing budget doubled for next quarter.";
        }
        var phase2 = items.Where(i => i.Phase == 2).ToList();
        for (var k = 0; k < phase2.Count; k++)
        {
            phase2[k].Status = k == 0 ? TriageItemStatus.Done : k % 2 == 1 ? TriageItemStatus.InProgress : TriageItemStatus.NotStarted;
            if (k == 0) { phase2[k].DoneAt = at.AddDays(-10); phase2[k].Notes = "Revenue share renegotiated; reporting moved to a monthly statement."; }
        }
        // A manager disagreed with the data on one restructure: the relationship is better than the health score says.
        if (phase2.Count > 1 && phase2[1].RelationshipHealth < 5)
        {
            phase2[1].RelationshipHealth++;
            phase2[1].Edited = true;
            phase2[1].Notes = "Relationship better than the health score shows: new partner lead since last month.";
            var advice = Triage.Recommend(new TriageScores(phase2[1].StrategicAlignment, phase2[1].ValueExchange, phase2[1].OperationalEfficiency, phase2[1].RelationshipHealth));
            phase2[1].Recommendation = advice.Recommendation;
            phase2[1].Why = advice.Why;
            phase2[1].Phase = TriagePlanning.PhaseOf(advice.Recommendation);
            phase2[1].DueOn = TriagePlanning.Phases(start, TriagePhases.Default)[phase2[1].Phase - 1].Due;
        }
        await db.SaveChangesAsync(ct);
    }
}
