using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Agreements;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Agreements;

/// <summary>
/// Demo agreements for the partnerships of the demo catalog that reached the agreement stage or beyond, with their
/// versions, approvals, status history, reviews (one overdue: Dreamwell's yearly check) and four charters, two of
/// which show misalignments (Dreamwell: different success metrics and meeting cadence; Postbloom: timelines).
/// </summary>
public sealed class AgreementsDemo(WarmglowDb db, AgreementService agreements) : IDemoContributor
{
    public int Order => 100;

    sealed record Change(int DaysAgo, string Reason, Func<AgreementTerms, AgreementTerms> Apply);

    sealed record Spec(string Partnership, string Title, AgreementType Type, bool Flexible, string Currency, int StartDaysAgo, int? TermMonths,
        AgreementClauses Clauses, int DraftDaysAgo, Change[] Changes, (int Version, int DaysAgo)[] Approvals,
        (AgreementStatus To, int DaysAgo, string Reason)[] Moves, bool LastPastReviewOverdue = false);

    static AgreementClauses Clauses(string scope, (string, string)[] roles, (string, decimal)[] people, decimal? budget, string? tech,
        string compensation, string[] metrics, ReviewCadence? cadence, string background, JointIpRule joint, bool gdpr, bool hipaa,
        string? dataNotes, int notice, int windDown = AgreementClauses.DefaultWindDownDays, string? terminationNotes = null) => new()
    {
        Scope = scope,
        Roles = roles.Select(r => new RoleResponsibility(r.Item1, r.Item2)).ToList(),
        Resources = new ResourceClause { People = people.Select(p => new PersonCommitment(p.Item1, p.Item2)).ToList(), Budget = budget, Technology = tech },
        Compensation = new CompensationClause { Description = compensation },
        Review = new ReviewClause { Metrics = [.. metrics], Cadence = cadence },
        IntellectualProperty = new IpClause { BackgroundIpOwner = background, JointIp = joint },
        DataHandling = new DataHandlingClause { Gdpr = gdpr, Hipaa = hipaa, Notes = dataNotes },
        Confidentiality = "Both parties keep the other's non-public information confidential during the term and for three years after.",
        DisputeResolution = new DisputeClause { MediationBeforeLitigation = true, Notes = "Escalation: partnership managers, then executive sponsors, then a mediator." },
        ForceMajeure = "Neither party is liable for delays caused by events beyond its reasonable control; obligations resume when the event ends.",
        Termination = new TerminationClause { NoticeDays = notice, WindDownDays = windDown, Notes = terminationNotes },
    };

    static AgreementTerms WithReview(AgreementTerms t, Func<ReviewClause, ReviewClause> f) => t with { Clauses = t.Clauses with { Review = f(t.Clauses.Review) } };

    static readonly Spec[] Specs =
    [
        new("Class booking and practice sync", "Lotus Flow booking integration agreement", AgreementType.TechnologyIntegration, true, "USD", 431, 24,
            Clauses("Mindful Glow embeds Lotus Flow class booking; after each class members get a guided follow-up session matched to it.",
                [("Mindful Glow", "Builds and runs the in-app booking and follow-up sessions"), ("Lotus Flow Studios", "Keeps the booking API stable and promotes the app in studios")],
                [("Mindful Glow integration engineer", 20m), ("Lotus Flow studio operations lead", 10m)], 40000m, "Lotus Flow booking API, Mindful Glow SDK",
                "No fees either way; a revenue share on studio-member subscriptions is set in the revenue module.",
                ["App engagement of studio members", "Studio membership renewals"], ReviewCadence.Quarterly,
                "Each party keeps its own", JointIpRule.JointlyOwned, false, false, "Booking data only; no health data leaves either system.", 60),
            470, [
                new(450, "Data-sharing terms agreed: booking data only, no health data.", t => t with { Clauses = t.Clauses with { DataHandling = t.Clauses.DataHandling with { Ccpa = true } } }),
                new(150, "Colorado studios added to the scope.", t => t with { Clauses = t.Clauses with { Scope = t.Clauses.Scope + " Includes the new Colorado locations." } }),
            ], [(2, 442), (3, 148)],
            [(AgreementStatus.Negotiation, 468, "Negotiating data-sharing terms and term length."), (AgreementStatus.Signed, 440, "Signed by both founders and Priya."),
             (AgreementStatus.Active, 431, "Rollout to every studio started.")]),

        new("Wind-down audio on the sleep band", "Dreamwell content and SDK agreement", AgreementType.TechnologyIntegration, false, "SGD", 360, 24,
            Clauses("Mindful Glow sleep stories and wind-down sessions play from the Dreamwell band; sleep scores flow back with user consent.",
                [("Mindful Glow", "Delivers 200+ hours of sleep audio and keeps it current"), ("Dreamwell Labs", "Ships the SDK in band firmware and gives APAC retail shelf space")],
                [("Mindful Glow content producer", 15m), ("Dreamwell firmware engineer", 20m)], null, "Dreamwell band firmware SDK",
                "Content for distribution: no cash either way in year one.",
                ["Engaged users (3+ completed sessions a week)", "Sleep-score sync success rate"], ReviewCadence.Quarterly,
                "Each party keeps its own", JointIpRule.OwnedByContributor, true, false, "Sleep scores shared only with explicit consent.", 90),
            400, [
                new(380, "One shared definition of an engaged user written into the metrics.", t => WithReview(t, r => r with { Metrics = ["Engaged users (3+ completed sessions a week)", "Sleep-score sync success rate", "Band owners activating content"] })),
                new(118, "Sync failure remedy added after the quarterly review.", t => t with { Clauses = t.Clauses with { Termination = t.Clauses.Termination with { Notes = "Either side may end the agreement if sync failures stay above 5% for two quarters." } } }),
            ], [(2, 372), (3, 116)],
            [(AgreementStatus.Negotiation, 398, "Reconciling the pilot definitions first."), (AgreementStatus.Signed, 362, "Two-year agreement signed."),
             (AgreementStatus.Active, 318, "SDK live in firmware 2.4."), (AgreementStatus.UnderReview, 120, "Sync failing for 12% of Android users."),
             (AgreementStatus.Active, 84, "Fix shipped; review closed.")], LastPastReviewOverdue: true),

        new("Calm Inbox campaign series", "Postbloom co-marketing agreement", AgreementType.CoMarketing, true, "EUR", 205, 12,
            Clauses("Quarterly co-branded campaigns on digital wellbeing for small-business owners: webinar, newsletter swap, 30-day calm inbox challenge.",
                [("Postbloom", "Campaign design and the newsletter to 40,000 senders"), ("Mindful Glow", "Content, experts for the webinars, trial offer")],
                [("Mindful Glow partner marketer", 15m), ("Postbloom partner marketing manager", 15m)], 12000m, null,
                "Each side bears its own costs; no revenue share.",
                ["Webinar sign-ups", "Trial starts from the swap"], ReviewCadence.Quarterly,
                "Each party keeps its own", JointIpRule.JointlyOwned, true, false, "Only aggregated campaign numbers are exchanged.", 30),
            221, [
                new(212, "Legal review: confidentiality extended to campaign performance data.", t => t with { Clauses = t.Clauses with { Confidentiality = t.Clauses.Confidentiality + " Campaign performance data counts as confidential." } }),
            ], [(2, 208)],
            [(AgreementStatus.Negotiation, 220, "Drafting the 12-month agreement."), (AgreementStatus.Signed, 206, "Signed after legal review."),
             (AgreementStatus.Active, 190, "First campaign launched.")]),

        new("Keystone x Mindful Glow joint venture", "Keystone joint venture agreement", AgreementType.JointVenture, false, "GBP", 455, 36,
            Clauses("A joint venture selling a combined gratitude-and-mindfulness programme to UK and Irish employers.",
                [("Keystone", "Employer sales and on-site delivery"), ("Mindful Glow", "The digital programme and engagement analytics"), ("Joint team", "Shared dashboard and quarterly planning")],
                [("Joint programme lead", 100m), ("Mindful Glow product manager", 20m), ("Keystone account director", 20m)], 250000m, "Shared engagement dashboard",
                "Phased revenue split: 70/30 to Keystone in year one, 50/50 in year two, 30/70 to Mindful Glow in year three.",
                ["Monthly active employees", "Employer renewals", "Capability growth on both sides"], ReviewCadence.SemiAnnual,
                "Each party keeps its own", JointIpRule.JointlyOwned, true, false, "Employee data stays with the employer; only aggregates are shared.", 180),
            520, [
                new(500, "Board comments: a second product tier may be added by mutual agreement.", t => t with { Flexible = true }),
                new(60, "Ireland added to the territory for year two.", t => t with { Clauses = t.Clauses with { Scope = "A joint venture selling a combined gratitude-and-mindfulness programme to employers in the UK and Ireland." } }),
            ], [(2, 490), (3, 58)],
            [(AgreementStatus.Negotiation, 518, "Term sheet accepted by both boards."), (AgreementStatus.Signed, 458, "JV agreement signed."),
             (AgreementStatus.Active, 455, "Joint team in place.")]),

        new("Teacher content licence with revenue share", "Stillpoint teacher content licence", AgreementType.Licensing, true, "USD", 352, null,
            Clauses("Licence to teacher-led courses from Stillpoint members, with first app rights to new courses.",
                [("Stillpoint", "Licensing and royalties on behalf of teachers"), ("Mindful Glow", "Hosting, promotion and audience analytics")],
                [("Mindful Glow content partnerships manager", 10m)], null, null,
                "Teachers receive 60% of subscription revenue attributed to their content.",
                ["Subscriber retention on teacher courses", "Teacher participation"], ReviewCadence.SemiAnnual,
                "Teachers own their recordings", JointIpRule.OwnedByContributor, true, false, null, 90),
            380, [], [(1, 360)],
            [(AgreementStatus.Negotiation, 379, "Licence drafted."), (AgreementStatus.Signed, 353, "Licence signed."), (AgreementStatus.Active, 352, "Royalty reporting live.")]),

        new("Step-up care referrals", "Harbor Mind referral agreement", AgreementType.Referral, false, "EUR", 27, 12,
            Clauses("Warm referrals of users who need more than self-guided practice to Harbor Mind clinicians; their clients use Mindful Glow between sessions.",
                [("Mindful Glow", "In-app referral prompt with explicit consent screens"), ("Harbor Mind", "Intake within five working days")],
                [("Mindful Glow clinical liaison", 10m), ("Harbor Mind intake coordinator", 20m)], null, null,
                "A referral fee per booked first session, recorded in the revenue module.",
                ["Referrals", "Share booking a first session"], ReviewCadence.Quarterly,
                "Each party keeps its own", JointIpRule.OwnedByContributor, true, true, "Check-in scores count as health data; each side keeps its own (DPO-reviewed).", 90),
            170, [
                new(118, "Consent screens added after the DPO's decision.", t => t with { Clauses = t.Clauses with { DataHandling = t.Clauses.DataHandling with { Notes = "Explicit consent screen before any referral; check-in scores never leave Mindful Glow." } } }),
            ], [(2, 30)],
            [(AgreementStatus.Negotiation, 169, "Drafting with GDPR data flags."), (AgreementStatus.Signed, 27, "Signed after the DPO approved the flow.")]),

        new("Move & Breathe capsule collection", "Kindred Threads capsule agreement", AgreementType.CoMarketing, true, "DKK", -30, 12,
            Clauses("Trial codes on Move & Breathe garments; Kindred Threads stores host Mindful Glow sessions.",
                [("Kindred Threads", "QR trial cards on garments, sessions in stores"), ("Mindful Glow", "Trial codes, session hosts")],
                [("Mindful Glow partner marketer", 10m)], 150000m, null,
                "A split on bundle sales, to be set in the revenue module.",
                ["Trial codes redeemed", "Trial to paid conversion"], ReviewCadence.Quarterly,
                "Each party keeps its own", JointIpRule.JointlyOwned, true, false, null, 60),
            40, [
                new(20, "Bundle split and review metrics proposed by Kindred Threads.", t => t with { Clauses = t.Clauses with { Compensation = new CompensationClause { Description = "Bundle sales split 50/50 after payment fees." } } }),
            ], [],
            [(AgreementStatus.Negotiation, 38, "Negotiating the bundle split.")]),

        new("Homeroom mindfulness content licence", "Brightdesk homeroom licence", AgreementType.Licensing, false, "USD", 540, 12,
            Clauses("Short mindfulness sessions licensed for homeroom use in Brightdesk schools.",
                [("Brightdesk", "Content in their player"), ("Mindful Glow", "Content packaging")],
                [], null, null, "Low flat annual licence fee plus cross-promotion to parents.",
                [], null, "Each party keeps its own", JointIpRule.OwnedByUs, false, false, null, 90),
            566, [], [(1, 545)],
            [(AgreementStatus.Negotiation, 565, "Flat fee agreed."), (AgreementStatus.Signed, 541, "One-year licence signed."),
             (AgreementStatus.Active, 540, "Content live."), (AgreementStatus.UnderReview, 300, "Usage below 4% of seats."),
             (AgreementStatus.Terminated, 255, "No shared goals; ended with 90 days' notice.")]),
    ];

    static readonly string[] HeldNotes =
    [
        "Metrics on track; no change to the terms.",
        "Numbers fine; agreed to refresh the joint goals for next period.",
        "Good quarter; one action item on reporting cadence.",
    ];

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(context.Now);
        var names = Specs.Select(s => s.Partnership).ToList();
        var partnerships = await db.Partnerships.Where(p => names.Contains(p.Name)).Select(p => new { p.Id, p.Name, p.ManagerId }).ToListAsync(ct);
        var approver = context.Staff.FirstOrDefault(u => u.Email!.StartsWith("priya")) ?? context.Staff[0];
        var created = new List<int>();
        foreach (var spec in Specs)
        {
            var p = partnerships.FirstOrDefault(x => x.Name == spec.Partnership);
            if (p is null) continue;
            var owner = p.ManagerId ?? context.Staff[0].Id;
            var manager = context.Staff.FirstOrDefault(u => u.Id == owner) ?? context.Staff[0];
            var start = today.AddDays(-spec.StartDaysAgo);
            var terms = new AgreementTerms
            {
                Title = spec.Title, Type = spec.Type, Flexible = spec.Flexible, StartDate = start,
                EndDate = spec.TermMonths is { } m ? start.AddMonths(m).AddDays(-1) : null, Currency = spec.Currency, OwnerIds = [owner],
                Clauses = spec.Clauses with { Review = spec.Clauses.Review with { OwnerIds = spec.Clauses.Review.Cadence is null ? [] : [owner] } },
            };
            var agreement = new Agreement { PartnershipId = p.Id, Title = spec.Title, Currency = spec.Currency };
            db.Agreements.Add(agreement);
            var versions = new List<AgreementVersion>
            {
                new() { Agreement = agreement, Number = 1, Reason = "First draft from the term sheet.", AuthorId = manager.Id, AuthorName = manager.DisplayName,
                    CreatedAt = context.Now.AddDays(-spec.DraftDaysAgo), Terms = terms },
            };
            foreach (var change in spec.Changes)
            {
                terms = change.Apply(terms);
                versions.Add(new() { Agreement = agreement, Number = versions.Count + 1, Reason = change.Reason, AuthorId = manager.Id,
                    AuthorName = manager.DisplayName, CreatedAt = context.Now.AddDays(-change.DaysAgo), Terms = terms });
            }
            db.AgreementVersions.AddRange(versions);
            agreement.Title = terms.Title;
            agreement.Type = terms.Type;
            agreement.Flexible = terms.Flexible;
            agreement.StartDate = terms.StartDate;
            agreement.EndDate = terms.EndDate;
            agreement.OwnerIds = [.. terms.OwnerIds];
            agreement.CurrentVersion = versions.Count;
            foreach (var (number, daysAgo) in spec.Approvals)
                db.AgreementApprovals.Add(new AgreementApproval { Agreement = agreement, VersionNumber = number, UserId = approver.Id, UserName = approver.DisplayName,
                    At = context.Now.AddDays(-daysAgo), Note = number == 1 ? "Terms match the go decision." : "Amendment approved." });
            var status = AgreementStatus.TermSheet;
            foreach (var (to, daysAgo, reason) in spec.Moves)
            {
                db.AgreementTransitions.Add(new AgreementTransition { Agreement = agreement, FromStatus = status, ToStatus = to, Reason = reason,
                    ByUserId = manager.Id, ByUserName = manager.DisplayName, At = context.Now.AddDays(-daysAgo) });
                status = to;
            }
            agreement.Status = status;
            // Past reviews: held, except (for one agreement) the latest, which is overdue.
            if (terms.Clauses.Review.Cadence is { } cadence && AgreementLifecycle.IsInForce(status))
            {
                var past = ReviewSchedule.DueDates(start, terms.EndDate, cadence, start).Where(d => d < today).ToList();
                for (var i = 0; i < past.Count; i++)
                {
                    var overdue = spec.LastPastReviewOverdue && i == past.Count - 1;
                    db.AgreementReviews.Add(new AgreementReview
                    {
                        Agreement = agreement, PartnershipId = p.Id, DueOn = past[i],
                        State = overdue ? ReviewState.Scheduled : ReviewState.Held,
                        HeldOn = overdue ? null : past[i].AddDays(2), HeldAt = overdue ? null : past[i].AddDays(2).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc),
                        HeldByName = overdue ? null : manager.DisplayName, Outcome = overdue ? null : ReviewOutcome.OnTrack,
                        Notes = overdue ? null : HeldNotes[i % HeldNotes.Length],
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            created.Add(agreement.Id);
        }
        // Future reviews and the owners' tasks (including one for the overdue review).
        foreach (var id in created) await agreements.GenerateReviewsAsync(id, ct);

        await AddChartersAsync(partnerships.ToDictionary(p => p.Name, p => p.Id), ct);
    }

    async Task AddChartersAsync(Dictionary<string, int> ids, CancellationToken ct)
    {
        var charters = new (string Partnership, CharterSide Ours, CharterSide Theirs)[]
        {
            ("Class booking and practice sync",
                new() { PrimaryObjective = "Daily practice between studio classes", SecondaryObjective = "Studio membership renewals", MonthsToFirstValue = 3,
                    ResourceCommitments = "Integration engineer at 20%", SuccessMetrics = ["App engagement of studio members"], CommunicationChannel = "Shared Slack channel", MeetingCadence = MeetingCadence.Monthly },
                new() { PrimaryObjective = "Membership renewals", SecondaryObjective = "Daily practice between classes for members", MonthsToFirstValue = 4,
                    ResourceCommitments = "Studio operations lead at 10%", SuccessMetrics = ["Studio membership renewals", "App engagement of studio members"], CommunicationChannel = "Shared Slack channel", MeetingCadence = MeetingCadence.Monthly }),
            ("Wind-down audio on the sleep band",
                new() { PrimaryObjective = "Completed sleep sessions per user", SecondaryObjective = "APAC distribution", MonthsToFirstValue = 6,
                    ResourceCommitments = "Content producer at 15%", SuccessMetrics = ["Completed sessions per week"], CommunicationChannel = "Video call", MeetingCadence = MeetingCadence.Monthly },
                new() { PrimaryObjective = "Daily band opens", SecondaryObjective = "A larger audio library", MonthsToFirstValue = 4,
                    ResourceCommitments = "Firmware engineer at 20%", SuccessMetrics = ["Daily active band owners"], CommunicationChannel = "E-mail", MeetingCadence = MeetingCadence.Weekly }),
            ("Calm Inbox campaign series",
                new() { PrimaryObjective = "Trial starts from solo founders", SecondaryObjective = "Brand reach in Europe", MonthsToFirstValue = 3,
                    ResourceCommitments = "Partner marketer at 15%, EUR 12,000 campaign budget", SuccessMetrics = ["Trial starts from the swap"], CommunicationChannel = "Shared campaign calendar", MeetingCadence = MeetingCadence.Biweekly },
                new() { PrimaryObjective = "Wellbeing content for senders", SecondaryObjective = "Trial starts for solo founders", MonthsToFirstValue = 9,
                    ResourceCommitments = "Design team for each campaign", SuccessMetrics = ["Webinar sign-ups", "Trial starts from the swap"], CommunicationChannel = "Shared campaign calendar", MeetingCadence = MeetingCadence.Biweekly }),
            ("Keystone x Mindful Glow joint venture",
                new() { PrimaryObjective = "Employer programme revenue", SecondaryObjective = "Digital capability for corporate clients", MonthsToFirstValue = 6,
                    ResourceCommitments = "Product manager at 20%, half of the joint team", SuccessMetrics = ["Monthly active employees", "Employer renewals"], CommunicationChannel = "Joint dashboard and steering meeting", MeetingCadence = MeetingCadence.Monthly },
                new() { PrimaryObjective = "Employer programme revenue", SecondaryObjective = "A digital layer they co-own", MonthsToFirstValue = 6,
                    ResourceCommitments = "Account director at 20%, half of the joint team", SuccessMetrics = ["Employer renewals"], CommunicationChannel = "Joint dashboard and steering meeting", MeetingCadence = MeetingCadence.Monthly }),
        };
        foreach (var (name, ours, theirs) in charters)
        {
            if (!ids.TryGetValue(name, out var pid)) continue;
            var c = new PartnershipCharter { PartnershipId = pid, Ours = ours, Theirs = theirs, UpdatedByName = "Maya Chen", Version = 1 };
            db.Charters.Add(c);
            db.CharterRevisions.Add(new CharterRevision { Charter = c, Number = 1, Ours = ours, Theirs = theirs, AuthorName = "Maya Chen", At = db.UtcNow });
        }
        await db.SaveChangesAsync(ct);
    }
}
