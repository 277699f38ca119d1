using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;

namespace Warmglow.Web.Features.Initiatives;

/// <summary>
/// Initiatives of every kind across the live partnerships, with the seeds' stories: a quarterly hackathon that produced
/// a co-developed feature, a webinar series with registrants and leads, a co-selling account plan, a pilot on a small
/// budget; plus a partner's proposal waiting for our manager, a stopped campaign, and milestones late, at risk and done
/// (done ones feed the engagement index, so this runs before health's recompute at 400).
/// </summary>
public sealed class InitiativesDemo(WarmglowDb db) : IDemoContributor
{
    public int Order => 360;

    sealed record Plan(InitiativeKind Kind, string Title, string Goal, InitiativeStatus Status, decimal Ours, decimal Theirs, decimal Spent,
        Dictionary<string, string> Fields, (string Title, int DueInDays, bool Done, OwnerSide Side)[] Milestones,
        (OutcomeMetric Metric, string? Label, decimal? Target, decimal Actual, OwnerSide Side)[] Outcomes, string? Reason = null, bool Proposed = false);

    static Plan[] Plans(DateOnly today) =>
    [
        new(InitiativeKind.Hackathon, "Q2 joint hackathon", "Prototype features our shared customers ask for; ship the best one.", InitiativeStatus.Done, 6000, 4000, 9200,
            new() { ["date"] = today.AddDays(-120).ToString("yyyy-MM-dd"), ["teams"] = "6", ["result"] = "Shared SSO connector, co-developed and shipped in release 4.2" },
            [("Teams and themes chosen", -150, true, OwnerSide.Ours), ("Hackathon weekend", -120, true, OwnerSide.Partner), ("Winning feature shipped", -60, true, OwnerSide.Ours)],
            [(OutcomeMetric.Users, "Customers using the connector", 150, 212, OwnerSide.Partner), (OutcomeMetric.Revenue, null, 20000, 31500, OwnerSide.Ours)]),
        new(InitiativeKind.Webinar, "Webinar series: modern partner ops", "Four joint webinars a year that bring qualified leads to both sales teams.", InitiativeStatus.Running, 2500, 2500, 3100,
            new() { ["date"] = today.AddDays(5).ToString("yyyy-MM-dd"), ["registrants"] = "640", ["attendees"] = "287" },
            [("Episode 1 live", -70, true, OwnerSide.Ours), ("Episode 2 live", -20, true, OwnerSide.Partner), ("Episode 3 speakers confirmed", 4, false, OwnerSide.Partner), ("Episode 3 live", 30, false, OwnerSide.Ours)],
            [(OutcomeMetric.Registrants, null, 800, 640, OwnerSide.Ours), (OutcomeMetric.Attendees, null, 320, 287, OwnerSide.Ours), (OutcomeMetric.QualifiedLeads, null, 60, 41, OwnerSide.Partner), (OutcomeMetric.Revenue, null, 15000, 8200, OwnerSide.Ours)]),
        new(InitiativeKind.AccountPlan, "Joint account plan: Northwind Health", "Win the regional rollout together: their implementation, our platform.", InitiativeStatus.Running, 1500, 1500, 900,
            new() { ["account"] = "Northwind Health", ["pipeline"] = "180000" },
            [("Stakeholder map agreed", -30, true, OwnerSide.Ours), ("Joint discovery call", -3, false, OwnerSide.Partner), ("Proposal submitted", 21, false, OwnerSide.Ours)],
            [(OutcomeMetric.Revenue, null, 180000, 0, OwnerSide.Ours)]),
        new(InitiativeKind.Pilot, "Pilot: automated onboarding", "A small budget for a pilot; scale it if churn in the first 90 days falls.", InitiativeStatus.Planned, 3000, 0, 0,
            new() { ["hypothesis"] = "Guided onboarding cuts early churn", ["successCriterion"] = "90-day churn below 5% in the pilot group" },
            [("Pilot group chosen", 12, false, OwnerSide.Partner), ("Pilot starts", 40, false, OwnerSide.Ours)],
            [(OutcomeMetric.Users, "Pilot customers", 25, 0, OwnerSide.Partner)]),
        new(InitiativeKind.Integration, "Calendar integration", "Two-way calendar sync inside both products.", InitiativeStatus.Running, 12000, 8000, 14000,
            new() { ["release"] = "2.0", ["releasedOn"] = today.AddDays(45).ToString("yyyy-MM-dd") },
            [("API contract signed off", -40, true, OwnerSide.Partner), ("Beta with five customers", 6, false, OwnerSide.Ours), ("General availability", 45, false, OwnerSide.Ours)],
            [(OutcomeMetric.Users, "Active installs", 500, 130, OwnerSide.Partner)]),
        new(InitiativeKind.Ebook, "E-book: the partner playbook", "A gated e-book for both audiences.", InitiativeStatus.Done, 1800, 1200, 2900,
            new() { ["publishedOn"] = today.AddDays(-90).ToString("yyyy-MM-dd"), ["downloads"] = "1340" },
            [("Draft reviewed", -110, true, OwnerSide.Partner), ("Published", -90, true, OwnerSide.Ours)],
            [(OutcomeMetric.Leads, null, 1000, 1340, OwnerSide.Ours)]),
        new(InitiativeKind.Campaign, "Spring campaign", "Paid social campaign for the bundle.", InitiativeStatus.Stopped, 5000, 5000, 1200,
            new() { ["channels"] = "LinkedIn, newsletter", ["startsOn"] = today.AddDays(-60).ToString("yyyy-MM-dd"), ["endsOn"] = today.AddDays(-10).ToString("yyyy-MM-dd") },
            [("Creative approved", -55, true, OwnerSide.Ours)], [(OutcomeMetric.Leads, null, 300, 38, OwnerSide.Ours)], Reason: "Cost per lead four times the target after two weeks."),
        new(InitiativeKind.Event, "Customer day at the spring conference", "A joint booth and a customer panel.", InitiativeStatus.Idea, 4000, 4000, 0,
            new() { ["location"] = "Berlin" }, [], []),
        new(InitiativeKind.Content, "Case study: joint customer", "A case study both sides publish.", InitiativeStatus.Running, 800, 0, 400,
            new() { ["format"] = "Case study" }, [("Customer interview", -8, false, OwnerSide.Partner), ("Published", 20, false, OwnerSide.Ours)], []),
        new(InitiativeKind.JointCalls, "Joint calls with mid-market accounts", "Twenty joint calls with shared mid-market prospects.", InitiativeStatus.Running, 0, 0, 0,
            new() { ["calls"] = "20", ["segment"] = "Mid-market, DACH" }, [("First ten calls", 10, false, OwnerSide.Partner)], [(OutcomeMetric.QualifiedLeads, null, 8, 3, OwnerSide.Partner)]),
        new(InitiativeKind.Bundle, "Starter bundle", "One price for both products for small teams.", InitiativeStatus.Planned, 2000, 2000, 0,
            new() { ["offer"] = "Both products, 20% off for a year" }, [("Price list agreed", 25, false, OwnerSide.Ours)], []),
        new(InitiativeKind.JointSolution, "Joint solution for clinics", "Proposed by the partner: a packaged solution for clinics.", InitiativeStatus.Proposed, 0, 10000, 0,
            new() { ["solution"] = "Scheduling and billing for clinics" }, [], [], Proposed: true),
    ];

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var live = await db.Partnerships.AsNoTracking().Where(p => HealthService.LiveStages.Contains(p.Stage)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.ManagerId, Contact = p.Members.Where(m => m.IsLead).SelectMany(m => m.Partner!.Contacts.Select(c => c.Name)).FirstOrDefault() })
            .ToListAsync(ct);
        if (live.Count == 0) return;
        var staff = context.Staff.ToDictionary(s => s.Id);
        var today = DateOnly.FromDateTime(context.Now);
        var plans = Plans(today);
        for (var k = 0; k < plans.Length; k++)
        {
            var plan = plans[k];
            var p = live[k % live.Count];
            var owner = p.ManagerId is { } mid && staff.TryGetValue(mid, out var m) ? m : context.Staff[0];
            var changed = context.Now.AddDays(-k * 3);
            var i = new Initiative
            {
                PartnershipId = p.Id, Kind = plan.Kind, Title = plan.Title, Goal = plan.Goal, Status = plan.Status, Shared = k % 5 != 4 || plan.Proposed,
                OurOwnerId = owner.Id, OurOwnerName = owner.DisplayName, PartnerOwnerName = p.Contact, Currency = "EUR",
                OurBudget = plan.Ours, PartnerBudget = plan.Theirs, Spent = plan.Spent, Fields = new InitiativeFields { Values = plan.Fields },
                StartsOn = today.AddDays(-150 + k * 10), EndsOn = today.AddDays(60 + k * 5), StatusReason = plan.Reason,
                ProposedByPartner = plan.Proposed, ProposedByName = plan.Proposed ? p.Contact : null, StatusChangedAt = changed,
                Milestones = plan.Milestones.Select(x => new InitiativeMilestone
                {
                    Title = x.Title, DueOn = today.AddDays(x.DueInDays), OwnerSide = x.Side, OwnerName = x.Side == OwnerSide.Ours ? owner.DisplayName : p.Contact,
                    DoneOn = x.Done ? today.AddDays(x.DueInDays - 1) : null,
                    DoneAt = x.Done ? DateTime.SpecifyKind(today.AddDays(x.DueInDays - 1).ToDateTime(new TimeOnly(16, 0)), DateTimeKind.Utc) : null,
                }).ToList(),
                Outcomes = plan.Outcomes.Select(o => new InitiativeOutcome
                {
                    Metric = o.Metric, Label = o.Label, Target = o.Target, Actual = o.Actual, OwnerSide = o.Side, MeasuredOn = o.Actual > 0 ? today.AddDays(-2) : null,
                }).ToList(),
            };
            db.Initiatives.Add(i);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
