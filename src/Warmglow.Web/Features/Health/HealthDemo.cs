using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Health;

/// <summary>
/// Health demo data: partner-side respondents (from the partners' demo contacts), four quarters of closed survey rounds
/// for the live partnerships (anonymous ones with 3+ respondents), an open round with only 2 responses (shows the
/// threshold message), one partnership whose health declines three quarters in a row, then a recompute, so that
/// engagement snapshots, check-in tasks and red flags exist right after --demo.
/// </summary>
public sealed class HealthDemo(WarmglowDb db, UserManager<AppUser> users, HealthService health) : IDemoContributor
{
    public int Order => 400;

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var ws = db.Tenant.RequireWorkspace();
        var current = Quarter.Of(context.Now);
        var past = current.Previous.Trailing(4);
        var live = await db.Partnerships.AsNoTracking().Where(p => HealthService.LiveStages.Contains(p.Stage)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, Partner = p.Members.Where(m => m.IsLead).Select(m => m.Partner!).First() })
            .Take(7).ToListAsync(ct);
        if (live.Count == 0) return;
        var contacts = await db.Contacts.AsNoTracking().Where(c => live.Select(l => l.Partner.Id).Contains(c.PartnerId) && c.Email != null)
            .OrderBy(c => c.Id).ToListAsync(ct);

        var random = new Random(4242);
        var templateOf = HealthSurveys.Quarterly;
        for (var i = 0; i < live.Count; i++)
        {
            var p = live[i];
            // Partner-side respondents: the portal accounts of the partner's demo contacts (PortalDemo creates them; found here).
            var partnerPeople = new List<AppUser>();
            foreach (var c in contacts.Where(c => c.PartnerId == p.Partner.Id).Take(2))
            {
                partnerPeople.Add(await DemoLoader.DemoUserAsync(db, users, c.Email!, c.Name, ws, Roles.Partner, p.Partner.Id, context.Now));
            }
            var recipients = context.Staff.Concat(partnerPeople).ToList();
            var declining = i == 1; // one partnership slides 3 quarters in a row
            var level = 3.2 + 0.25 * (i % 4);
            for (var k = 0; k < past.Count; k++)
            {
                var anonymous = i % 2 == 0;
                var answered = recipients.Take(3 + (i + k) % (recipients.Count - 2)).ToList();
                var mean = declining ? 4.6 - 0.8 * k : level + 0.15 * Math.Sin(i + k);
                AddRound(p.Id, p.Name, past[k], anonymous, SurveyStatus.Closed, recipients, answered, mean, random, context);
            }
            // This quarter: still open; one named round has only 2 answers so far (its results page explains the threshold).
            if (i == 0) AddRound(p.Id, p.Name, current, false, SurveyStatus.Open, recipients, recipients.Take(2).ToList(), level, random, context);
            else if (i == 2) AddRound(p.Id, p.Name, current, true, SurveyStatus.Open, recipients, recipients.Take(3).ToList(), level, random, context);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await health.RecomputeAsync(ct);

        void AddRound(int partnershipId, string name, Quarter q, bool anonymous, SurveyStatus status, List<AppUser> recipients, List<AppUser> answered,
            double mean, Random rng, DemoContext ctx)
        {
            var round = new SurveyRound
            {
                PartnershipId = partnershipId, TemplateKey = templateOf.Key, Title = $"{templateOf.Name} {q.Label}: {name}", Period = q.Label,
                PeriodStart = q.Start, PeriodStartsAt = q.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Anonymous = anonymous,
                Questions = templateOf.Questions.ToList(), Status = status, SentById = ctx.Staff[0].Id, SentByName = ctx.Staff[0].DisplayName,
                Recipients = recipients.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new SurveyRecipient { UserId = r.Id, Responded = answered.Contains(r) }).ToList(),
            };
            db.SurveyRounds.Add(round);
            var answers = new List<SurveyAnswer>();
            foreach (var person in answered)
            {
                var responseId = Guid.NewGuid();
                foreach (var question in templateOf.Questions)
                {
                    int? score = question.Kind switch
                    {
                        QuestionKind.Likert => Math.Clamp((int)Math.Round(mean + rng.NextDouble() * 1.2 - 0.6), 1, 5),
                        QuestionKind.Nps => Math.Clamp((int)Math.Round(mean * 2 + rng.NextDouble() * 2 - 1), 0, 10),
                        _ => null,
                    };
                    var text = question.Kind == QuestionKind.Text && rng.Next(3) == 0 ? DemoText(question.Key, mean, rng) : null;
                    if (score is null && text is null) continue;
                    answers.Add(new SurveyAnswer
                    {
                        Id = Guid.NewGuid(), WorkspaceId = ws, SurveyRound = round, ResponseId = responseId, RespondentId = anonymous ? null : person.Id,
                        QuestionKey = question.Key, Kind = question.Kind, Dimension = question.Dimension, Score = score, Text = text,
                    });
                }
            }
            db.SurveyAnswers.AddRange(anonymous ? answers.OrderBy(a => a.Id) : answers);
        }
    }

    static string DemoText(string key, double mean, Random rng)
    {
        string[] good = key == "connection"
            ? ["We talk every week and it feels like one team.", "Warm and direct; we know who to call.", "Strong with the partnership leads, thinner elsewhere."]
            : ["Shared quarterly goals written down.", "A joint roadmap review before each launch.", "More joint marketing, planned a quarter ahead."];
        string[] poor = key == "connection"
            ? ["We rarely hear from the other side now.", "It feels transactional since the last reorganisation."]
            : ["A named contact who answers within a week.", "Agreeing again on what success looks like."];
        var pool = mean >= 3.2 ? good : poor;
        return pool[rng.Next(pool.Length)];
    }
}
