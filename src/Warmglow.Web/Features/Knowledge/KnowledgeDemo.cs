using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Knowledge;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Knowledge;

/// <summary>
/// A dozen articles: playbooks (onboarding, co-selling, quarterly reviews, winding down), the three templates, lessons
/// learned from the ended partnership (its structured record too) and a few others; some shared with partners (one only
/// with strategic and growth partners), each edited at least once so the history has versions.
/// </summary>
public sealed class KnowledgeDemo(WarmglowDb db) : IDemoContributor
{
    public int Order => 420;

    sealed record Spec(string Title, ArticleKind Kind, string Tags, bool Shared, Tier[] Tiers, int DaysAgo, string Body, string? Edit = null);

    static readonly Spec[] Specs =
    [
        new("Onboarding a new partner in 30 days", ArticleKind.Playbook, "onboarding, playbook", true, [], 140,
            "The first month decides whether a partnership gets used. Run it as a checklist with an owner on each side.\n\n" +
            "## Week 1: kick-off\n\n- Name one owner on each side and agree a weekly 30-minute call.\n- Share the welcome kit and give portal access to their team.\n" +
            "- Agree the three numbers we will both look at (see *Quarterly review* below).\n\n## Weeks 2–3: first value\n\n" +
            "- Launch one small, visible thing together: a co-branded session, a referral link, a pilot class.\n- Record the first result in Warmglow the day it happens.\n\n" +
            "## Week 4: look back\n\n| Question | Who answers |\n|---|---|\n| Did we ship the first thing? | Both owners |\n| Is the portal used? | Partner owner |\n| What blocks us? | Both |\n",
            "Added the portal step after the Q3 retro: partners who never logged in during the first month rarely came back."),
        new("Co-selling: registering and protecting deals", ArticleKind.Playbook, "co-selling, referrals, playbook", true, [Tier.Strategic, Tier.Growth], 120,
            "Register every opportunity **before** the first joint meeting, in the portal under *Registrations*.\n\n" +
            "1. We review within three business days.\n2. Approved registrations are protected for 90 days; one extension is possible with a reason.\n" +
            "3. When two partners register the same company, the first complete registration wins; the other gets influence credit.\n\n" +
            "Questions? Write to your partner manager or see [the registration guide](https://help.warmglow.example/registrations)."),
        new("Quarterly business review: how we run it", ArticleKind.Playbook, "reviews, governance, playbook", false, [], 100,
            "A quarterly review is a decision meeting, not a status report.\n\n## Before\n\n- Pull the scorecard and the health history from the partnership page.\n" +
            "- Ask the partner to send their top two issues a week ahead.\n\n## In the room (60 minutes)\n\n1. Results against the charter's metrics (15 min)\n" +
            "2. Their issues, then ours (20 min)\n3. Decisions and owners (20 min)\n4. Next quarter's one big bet (5 min)\n\n## After\n\nSend decisions within 24 hours and open tasks for each owner.",
            "Cut the agenda to 60 minutes; the 90-minute version always ran over."),
        new("Winding down a partnership well", ArticleKind.Playbook, "sunsetting, offboarding, playbook", false, [], 80,
            "Ending well protects our reputation and the customers we share.\n\n- Give the notice the agreement asks for, in writing, with the reasons.\n" +
            "- Hand over shared customers with a named contact and a date.\n- Agree what happens to shared data: returned or deleted, with a confirmation.\n" +
            "- Remove portal access on the last day, issue the final statement, and **record lessons learned** on the partnership page."),
        new("Partnership agreement template", ArticleKind.AgreementTemplate, "agreements, legal, template", false, [], 160,
            "Use this outline with legal's current clause library.\n\n1. **Parties and purpose** — one paragraph each side can repeat.\n" +
            "2. **Term and termination** — 12 months; 60 days' notice; termination for cause.\n3. **Revenue share** — model, tiers, reporting day, payment terms.\n" +
            "4. **Data** — what is shared, the legal basis, return or deletion at the end.\n5. **Brand use** — approval within five business days.\n" +
            "6. **Reviews** — quarterly, with the metrics from the charter.\n7. **Exit** — customer handover and communications plan.",
            "Added the exit clause (item 7) after the Brightdesk wind-down."),
        new("Welcome kit for new partners", ArticleKind.WelcomeKitTemplate, "onboarding, welcome kit, template", true, [], 130,
            "Welcome to the Warmglow partner programme!\n\n## What you get\n\n- A partner manager and a weekly call during onboarding\n" +
            "- The partner portal: your agreement, statements, registrations and shared goals\n- Co-branded material: logo pack, session descriptions, photos\n\n" +
            "## Your first steps\n\n- [ ] Sign in to the portal and invite your team\n- [ ] Book the kick-off call\n- [ ] Send us your logo and the contact for brand approvals\n"),
        new("Quarterly review deck outline", ArticleKind.ReviewDeckTemplate, "reviews, template", true, [], 90,
            "Eight slides, no more.\n\n1. The goal we agreed and where we are\n2. Three numbers, trend over four quarters\n3. What worked\n4. What did not\n" +
            "5. Customer stories (one each)\n6. Risks and asks\n7. Next quarter's bet\n8. Decisions we need today"),
        new("Brand and co-marketing guidelines for partners", ArticleKind.Other, "brand, co-marketing", true, [], 70,
            "Use our logo from the logo pack only, on a light background, with clear space of at least the height of the flame.\n\n" +
            "Send co-branded material to your partner manager for approval; we answer within five business days. Do not describe Warmglow as a medical or therapy service."),
        new("Choosing partners: what our best partnerships had in common", ArticleKind.Other, "discovery, strategy", false, [], 50,
            "Looking back over two years of partnerships, the ones that reached *Scaling* had three things before signing:\n\n" +
            "- **A named owner on their side** with time set aside\n- **A joint goal with a number**, written in the charter\n- **A first result within 60 days**\n\n" +
            "Those that ended early lacked at least two of them. Score the owner question explicitly in discovery."),
        new("Running a joint co-marketing campaign", ArticleKind.Playbook, "co-marketing, initiatives, playbook", true, [], 110,
            "A campaign we run together needs one goal, one owner each and one list of dates.\n\n" +
            "## Plan (two weeks)\n\n- Write the goal as a number: sign-ups, attendees or registered leads.\n- Split the budget in the initiative and say who pays what.\n" +
            "- Agree the message and send the material for brand approval.\n\n## Run\n\n- Register every lead that comes from the campaign, so credit is clear.\n" +
            "- Post results on the initiative's outcomes every week.\n\n## Close\n\nCompare spend with the revenue it influenced and write down one thing to repeat and one to drop.",
            "Added the lead-registration step: campaign leads without a registration were never credited."),
        new("Technical setup checklist for integration partners", ArticleKind.Other, "onboarding, integration, technical", true, [Tier.Strategic, Tier.Growth], 60,
            "For partners who connect their product to ours.\n\n- [ ] Request a sandbox workspace from your partner manager\n- [ ] Create an API key in the portal (read-only to start)\n" +
            "- [ ] Subscribe to the webhooks you need and check the signatures\n- [ ] Register deals through the API, not by e-mail\n" +
            "- [ ] Book a 30-minute review of the integration before you go live"),
        new("Strategic partner benefits", ArticleKind.Other, "tiers, benefits", true, [Tier.Strategic], 40,
            "As a strategic partner you get a dedicated partner manager, a monthly review, joint planning for the year and first access to new content in the beta programme."),
    ];

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var now = context.Now;
        var writer = context.Staff.Count > 1 ? context.Staff[1].DisplayName : context.Staff[0].DisplayName;
        var editor = context.Staff[0].DisplayName;
        foreach (var s in Specs)
        {
            var created = now.AddDays(-s.DaysAgo);
            var a = new KnowledgeArticle
            {
                Title = s.Title, Kind = s.Kind, Body = s.Body, Tags = KnowledgeRules.Store(KnowledgeRules.NormalizeTags(s.Tags).Tags), Shared = s.Shared,
                TierMask = KnowledgeRules.TierMask(s.Tiers), Number = s.Edit is null ? 1 : 2, UpdatedByName = s.Edit is null ? writer : editor,
            };
            db.KnowledgeArticles.Add(a);
            var first = s.Edit is null ? s.Body : FirstDraft(s.Body);
            db.KnowledgeArticleVersions.Add(new KnowledgeArticleVersion
            {
                Article = a, Number = 1, Title = a.Title, Kind = a.Kind, Body = first, Tags = a.Tags, Shared = a.Shared, TierMask = a.TierMask,
                SavedAt = created, SavedByName = writer, Note = "Created",
            });
            if (s.Edit is not null)
                db.KnowledgeArticleVersions.Add(new KnowledgeArticleVersion
                {
                    Article = a, Number = 2, Title = a.Title, Kind = a.Kind, Body = s.Body, Tags = a.Tags, Shared = a.Shared, TierMask = a.TierMask,
                    SavedAt = created.AddDays(s.DaysAgo / 3), SavedByName = editor, Note = s.Edit,
                });
        }

        // Lessons learned of the demo's ended (and sunsetting) partnerships.
        var ending = await db.Partnerships.AsNoTracking().Where(p => KnowledgeService.LessonStages.Contains(p.Stage)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Stage }).ToListAsync(ct);
        foreach (var p in ending.Where(p => p.Stage == PartnershipStage.Ended).Take(2))
        {
            var (worked, didNot, why, again, notes) = p.Name.Contains("Homeroom", StringComparison.Ordinal)
                ? ("The content itself: teachers who used the sessions rated them 4.6 of 5, and the technical integration into their player took two weeks.",
                   "Nobody on their side owned adoption, so usage never passed 4% of licensed seats. The deal rested on cross-promotion with no shared goal or number.",
                   "Two quarters below 4% of seats in use; at the review neither side could name a goal worth another year.",
                   PartnerAgain.Maybe, (string?)"Worth another try only with a named owner at Brightdesk and a usage goal in the agreement.")
                : ("The first pilot ran on time and the partner's team was easy to work with.",
                   "We never agreed the numbers that would tell us it worked, and the review cadence slipped after the first quarter.",
                   "Both sides moved their priorities; the partnership stopped producing results.",
                   PartnerAgain.Maybe, (string?)null);
            var a = new KnowledgeArticle
            {
                Title = $"Lessons learned: {p.Name}", Kind = ArticleKind.LessonLearned, Body = KnowledgeService.LessonBody(worked, didNot, why, again, notes),
                Tags = KnowledgeRules.Store(["lesson learned", "sunsetting", "kpis"]), PartnershipId = p.Id, Number = 1, UpdatedByName = writer,
            };
            db.KnowledgeArticles.Add(a);
            db.KnowledgeArticleVersions.Add(new KnowledgeArticleVersion
            {
                Article = a, Number = 1, Title = a.Title, Kind = a.Kind, Body = a.Body, Tags = a.Tags, SavedAt = now.AddDays(-150), SavedByName = writer,
                Note = "Lessons learned recorded",
            });
            db.LessonsLearned.Add(new LessonsLearned
            {
                PartnershipId = p.Id, Article = a, WhatWorked = worked, WhatDidNot = didNot, WhyEnded = why, PartnerAgain = again, Notes = notes,
                RecordedByName = writer, Version = 1,
            });
        }
        await db.SaveChangesAsync(ct);
        // Dates as the history says (SaveChanges stamps "now"): created at version 1, updated at the last version.
        foreach (var a in db.ChangeTracker.Entries<KnowledgeArticle>().Select(e => e.Entity).ToList())
        {
            var saved = db.ChangeTracker.Entries<KnowledgeArticleVersion>().Select(e => e.Entity).Where(v => v.Article == a).Select(v => v.SavedAt).ToList();
            DateTime first = saved.Min(), last = saved.Max();
            await db.KnowledgeArticles.Where(x => x.Id == a.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, first).SetProperty(x => x.UpdatedAt, last), ct);
        }
        await db.LessonsLearned.Where(l => l.RecordedByName == writer).ExecuteUpdateAsync(u => u.SetProperty(l => l.CreatedAt, now.AddDays(-150))
            .SetProperty(l => l.UpdatedAt, now.AddDays(-150)), ct);
    }

    /// <summary>The first version of an edited article: the text before its last section was added.</summary>
    static string FirstDraft(string body)
    {
        var cut = body.LastIndexOf("\n## ", StringComparison.Ordinal);
        return cut > 0 ? body[..cut].TrimEnd() : body.Length > 120 ? body[..(body.Length * 2 / 3)].TrimEnd() + "…" : body;
    }
}
