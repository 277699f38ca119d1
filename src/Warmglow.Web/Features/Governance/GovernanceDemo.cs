using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Governance;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Governance;

/// <summary>
/// Governance demo data for the live partnerships: managers on both sides, the sponsor and a three-person steering
/// committee with time commitments, the starter RACI matrix saved, and a year of decisions whose decision time falls
/// from about 14 days to about 3 (the seeds' story), plus one open request. The last live partnership has no partner-side
/// manager, so its sponsorship flag shows. Each live partnership also gets an internal and a shared timeline note.
/// Runs before health (400), whose recompute turns the gaps into red flags.
/// </summary>
public sealed class GovernanceDemo(WarmglowDb db) : IDemoContributor
{
    public int Order => 350;

    static readonly (string Title, DecisionType Type)[] Topics =
    [
        ("Co-branded webinar budget", DecisionType.BudgetUnderLimit),
        ("Add a second region to the pilot", DecisionType.ScopeChange),
        ("Joint customer advisory board", DecisionType.NewJointInitiative),
        ("Event sponsorship for the spring conference", DecisionType.BudgetUnderLimit),
        ("Shared onboarding content", DecisionType.BudgetUnderLimit),
        ("Extend the data-sharing clause", DecisionType.AgreementAmendment),
        ("Partner certification programme", DecisionType.NewJointInitiative),
        ("Quarterly incentive budget", DecisionType.BudgetOverLimit),
    ];

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var live = await db.Partnerships.AsNoTracking().Where(p => HealthService.LiveStages.Contains(p.Stage)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Type, p.ManagerId, p.SponsorId, Lead = p.Members.Where(m => m.IsLead).Select(m => m.PartnerId).First() })
            .ToListAsync(ct);
        if (live.Count == 0) return;
        var contacts = (await db.Contacts.AsNoTracking().Where(c => live.Select(l => l.Lead).Contains(c.PartnerId)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.PartnerId, c.Name }).ToListAsync(ct)).ToLookup(c => c.PartnerId);
        var staff = context.Staff.ToDictionary(s => s.Id);
        var executive = context.Staff.FirstOrDefault(s => s.Email?.Contains("exec", StringComparison.OrdinalIgnoreCase) == true) ?? context.Staff[0];
        for (var i = 0; i < live.Count; i++)
        {
            var p = live[i];
            var manager = p.ManagerId is { } mid && staff.TryGetValue(mid, out var m) ? m : context.Staff[0];
            var sponsor = p.SponsorId is { } sid && staff.TryGetValue(sid, out var s) ? s : null;
            var theirs = contacts[p.Lead].ToList();
            var people = new List<GovernancePerson>
            {
                new() { PartnershipId = p.Id, Side = GovernanceSide.Ours, Role = GovernanceRole.Manager, UserId = manager.Id, Name = manager.DisplayName, TimeCommitmentPercent = 30 },
                new() { PartnershipId = p.Id, Side = GovernanceSide.Ours, Role = GovernanceRole.SteeringCommittee, CommitteeRole = "Chair", UserId = manager.Id, Name = manager.DisplayName },
                new() { PartnershipId = p.Id, Side = GovernanceSide.Ours, Role = GovernanceRole.SteeringCommittee, CommitteeRole = "Executive", UserId = executive.Id, Name = executive.DisplayName, TimeCommitmentPercent = 5 },
            };
            if (sponsor is not null)
                people.Add(new() { PartnershipId = p.Id, Side = GovernanceSide.Ours, Role = GovernanceRole.ExecutiveSponsor, UserId = sponsor.Id, Name = sponsor.DisplayName, TimeCommitmentPercent = 10 });
            var lastOne = i == live.Count - 1 && live.Count > 1;
            if (theirs.Count > 0 && !lastOne)
                people.Add(new() { PartnershipId = p.Id, Side = GovernanceSide.Partner, Role = GovernanceRole.Manager, ContactId = theirs[0].Id, Name = theirs[0].Name, TimeCommitmentPercent = 25 });
            if (theirs.Count > 0)
                people.Add(new() { PartnershipId = p.Id, Side = GovernanceSide.Partner, Role = GovernanceRole.SteeringCommittee, CommitteeRole = "Partner lead",
                    ContactId = theirs[^1].Id, Name = theirs[^1].Name, TimeCommitmentPercent = 10 });
            db.GovernancePeople.AddRange(people);
            db.RaciMatrices.Add(new RaciMatrix { PartnershipId = p.Id, Version = 1, Matrix = RaciDocument.From(Raci.Starter(p.Type)), UpdatedByName = manager.DisplayName });

            // A year of decisions, one every ~6 weeks; decision time falls from ~14 days to ~3 as the framework settles.
            var committee = people.Where(x => x.Role == GovernanceRole.SteeringCommittee).ToList();
            for (var k = 0; k < Topics.Length; k++)
            {
                var (title, type) = Topics[(k + i) % Topics.Length];
                var rule = DecisionFramework.Route(DecisionFramework.Default, type);
                var requested = context.Now.AddDays(-365 + k * 45 + i).Date.AddHours(9);
                var days = 14.0 - 11.0 * k / (Topics.Length - 1) + (i % 3) * 0.5;
                var decided = requested.AddDays(days);
                var d = new GovernanceDecision
                {
                    PartnershipId = p.Id, Title = title, Type = type, Route = rule.Route, Quorum = rule.Quorum,
                    RequestedAt = DateTime.SpecifyKind(requested, DateTimeKind.Utc), RequestedById = manager.Id, RequestedByName = manager.DisplayName,
                };
                if (decided < context.Now)
                {
                    d.Status = DecisionStatus.Decided;
                    d.Outcome = "Approved";
                    d.Reason = "Fits the partnership plan and this year's budget.";
                    d.DecidedAt = DateTime.SpecifyKind(decided, DateTimeKind.Utc);
                    (d.DecidedById, d.DecidedByName) = rule.Route switch
                    {
                        DecisionRoute.Manager => (manager.Id, manager.DisplayName),
                        DecisionRoute.Executive => (executive.Id, executive.DisplayName),
                        _ => ((string?)manager.Id, $"Steering committee ({committee.Count} for, 0 against, 0 abstaining), recorded by {manager.DisplayName}"),
                    };
                    if (rule.Route == DecisionRoute.SteeringCommittee)
                        d.Votes = new DecisionVotes { Votes = committee.Select(c => new DecisionVote { Name = c.Name, Vote = Vote.For }).ToList() };
                }
                db.GovernanceDecisions.Add(d);
            }
            db.GovernanceDecisions.Add(new GovernanceDecision
            {
                PartnershipId = p.Id, Title = "Renew the joint marketing budget", Type = DecisionType.BudgetUnderLimit, Route = DecisionRoute.Manager,
                Status = DecisionStatus.Proposed, RequestedAt = context.Now.AddDays(-2), RequestedById = manager.Id, RequestedByName = manager.DisplayName,
            });
        }
        // Timeline notes: one internal, one shared with the partner, on each live partnership.
        foreach (var p in live)
        {
            var author = p.ManagerId is { } mid && staff.TryGetValue(mid, out var m) ? m : context.Staff[0];
            db.PartnershipNotes.Add(new PartnershipNote { PartnershipId = p.Id, Shared = false, AuthorId = author.Id, AuthorName = author.DisplayName,
                At = context.Now.AddDays(-9), Text = "Their budget owner changes next quarter; keep the sponsor close until the new one is known." });
            db.PartnershipNotes.Add(new PartnershipNote { PartnershipId = p.Id, Shared = true, AuthorId = author.Id, AuthorName = author.DisplayName,
                At = context.Now.AddDays(-4), Text = "Thanks for a good alignment meeting: the joint plan for next quarter is agreed as discussed." });
        }
        await db.SaveChangesAsync(ct);
        await AddMeetingsAsync(live.Select(l => (l.Id, l.ManagerId)).ToList(), context, ct);
        // Committee votes name the people by id once the rows have ids.
        var ids = await db.GovernancePeople.Where(g => g.Role == GovernanceRole.SteeringCommittee)
            .Select(g => new { g.PartnershipId, g.Id, g.Name }).ToListAsync(ct);
        foreach (var d in await db.GovernanceDecisions.Where(d => d.Route == DecisionRoute.SteeringCommittee && d.Status == DecisionStatus.Decided).ToListAsync(ct))
            d.Votes = new DecisionVotes { Votes = d.Votes.Votes.Select(v => new DecisionVote { Name = v.Name, Vote = v.Vote,
                PersonId = ids.FirstOrDefault(x => x.PartnershipId == d.PartnershipId && x.Name == v.Name)?.Id ?? 0 }).ToList() };
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// A bi-weekly alignment cadence (Europe/Berlin, 10:00, no end date) started eight weeks ago: four meetings held with
    /// attendance from both sides, a shared and an internal note, the rest scheduled ahead; the third occurrence ahead
    /// moved by a day. Each held one leaves an action item, the two most recent still open, one of them overdue. Plus a
    /// quarterly deep-dive cadence of four meetings.
    /// </summary>
    async Task AddMeetingsAsync(List<(int Id, string? ManagerId)> live, DemoContext context, CancellationToken ct)
    {
        var berlin = Meetings.Zone("Europe/Berlin")!;
        var template = CadenceTemplates.Defaults.Single(t => t.Key == "biweekly-alignment");
        var quarterly = CadenceTemplates.Defaults.Single(t => t.Key == "quarterly-deep-dive");
        var ids = live.Select(l => l.Id).ToList();
        var contacts = (await db.PartnershipMembers.AsNoTracking().Where(m => ids.Contains(m.PartnershipId))
                .Join(db.Contacts.AsNoTracking(), m => m.PartnerId, c => c.PartnerId, (m, c) => new { m.PartnershipId, c.Id, c.Name }).ToListAsync(ct))
            .GroupBy(x => x.PartnershipId).ToDictionary(g => g.Key, g => g.OrderBy(x => x.Id).First());
        var names = context.Staff.ToDictionary(s => s.Id, s => s.DisplayName);
        var today = DateOnly.FromDateTime(context.Now);
        foreach (var (id, managerId) in live)
        {
            var owner = managerId ?? context.Staff[0].Id;
            var first = today.AddDays(-56).ToDateTime(new TimeOnly(10, 0));
            var series = new MeetingSeries
            {
                PartnershipId = id, Title = template.Name, TemplateKey = template.Key, TimeZone = "Europe/Berlin", FirstStartLocal = first,
                DurationMinutes = template.DurationMinutes, Frequency = template.Frequency, Interval = template.Interval, End = RecurrenceEnd.Never,
                Agenda = new AgendaDocument { Items = template.Agenda.ToList() }, GeneratedUntil = context.Now + CadenceService.Horizon,
            };
            var deepDive = new MeetingSeries
            {
                PartnershipId = id, Title = quarterly.Name, TemplateKey = quarterly.Key, TimeZone = "Europe/Berlin",
                FirstStartLocal = new DateTime(today.Year, today.Month, Math.Min(today.Day, 28), 13, 0, 0).AddMonths(-2),
                DurationMinutes = quarterly.DurationMinutes, Frequency = quarterly.Frequency, Interval = quarterly.Interval, End = RecurrenceEnd.AfterCount, Count = 4,
                Agenda = new AgendaDocument { Items = quarterly.Agenda.ToList() }, GeneratedUntil = context.Now + CadenceService.Horizon,
            };
            db.MeetingSeries.AddRange(series, deepDive);
            await db.SaveChangesAsync(ct);
            foreach (var dd in Recurrence.Occurrences(deepDive.FirstStartLocal, deepDive.DurationMinutes, berlin, deepDive.Rule, DateTime.MinValue, context.Now + CadenceService.Horizon))
                db.Meetings.Add(new Meeting
                {
                    PartnershipId = id, SeriesId = deepDive.Id, OccurrenceStart = dd.StartUtc, Title = deepDive.Title, TimeZone = deepDive.TimeZone,
                    StartsAt = dd.StartUtc, EndsAt = dd.EndUtc, Agenda = new AgendaDocument { Items = deepDive.Agenda.Items.ToList() },
                    Status = dd.StartUtc < context.Now ? MeetingStatus.Held : MeetingStatus.Scheduled,
                });
            var k = -5;
            foreach (var o in Recurrence.Occurrences(first, series.DurationMinutes, berlin, series.Rule, DateTime.MinValue, context.Now + CadenceService.Horizon))
            {
                k++;
                var held = o.StartUtc < context.Now;
                var moved = k == 3;
                var m = new Meeting
                {
                    PartnershipId = id, SeriesId = series.Id, OccurrenceStart = o.StartUtc, Title = series.Title, TimeZone = series.TimeZone,
                    StartsAt = moved ? o.StartUtc.AddDays(1) : o.StartUtc, EndsAt = moved ? o.EndUtc.AddDays(1) : o.EndUtc, Changed = moved, Sequence = moved ? 1 : 0,
                    Status = held ? MeetingStatus.Held : MeetingStatus.Scheduled, Agenda = new AgendaDocument { Items = series.Agenda.Items.ToList() },
                };
                db.Meetings.Add(m);
                await db.SaveChangesAsync(ct);
                if (!held) continue;
                db.MeetingAttendees.Add(new MeetingAttendee { MeetingId = m.Id, Side = GovernanceSide.Ours, UserId = owner, Name = names.GetValueOrDefault(owner, "Partnership manager"), Attendance = Attendance.Attended });
                if (contacts.TryGetValue(id, out var c))
                    db.MeetingAttendees.Add(new MeetingAttendee { MeetingId = m.Id, Side = GovernanceSide.Partner, ContactId = c.Id, Name = c.Name, Attendance = k == -3 ? Attendance.Absent : Attendance.Attended });
                db.MeetingNotes.Add(new MeetingNote { MeetingId = m.Id, Text = "Both sides reviewed the pipeline and agreed the next campaign dates.", Shared = true, AuthorName = "Demo", At = m.EndsAt });
                db.MeetingNotes.Add(new MeetingNote { MeetingId = m.Id, Text = "Internal: their enablement team is stretched; keep asks small.", Shared = false, AuthorName = "Demo", At = m.EndsAt });
                var day = DateOnly.FromDateTime(Meetings.ToLocal(m.StartsAt, berlin));
                db.Tasks.Add(new Tasks.WorkTask
                {
                    PartnershipId = id, Title = k == -1 ? "Send the updated joint deck" : "Share the referral numbers", Details = "From the meeting \"Bi-weekly alignment\".",
                    AssigneeId = owner, DueOn = day.AddDays(k == -1 ? 10 : 7), Source = MeetingService.ActionItemSource, SourceKey = $"action:{m.Id}:demo",
                    Link = $"/Governance/Partnership/{id}#meeting-{m.Id}",
                    Status = k <= -3 ? Tasks.WorkTaskStatus.Done : Tasks.WorkTaskStatus.Open,
                    DoneAt = k <= -3 ? m.EndsAt.AddDays(3) : null,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
