using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Health;

public sealed record SurveyRoundInput(int? PartnershipId, string? TemplateKey, string? Period, bool? Anonymous, List<string>? RecipientIds, string? Title);
public sealed record SurveyAnswersInput(Dictionary<string, SurveyAnswerInput?>? Answers);

public sealed record RecipientOption(string UserId, string Name, string Email, string Side);
public sealed record SurveySummary(int Id, int PartnershipId, string Partnership, string Title, string Period, bool Anonymous,
    SurveyStatus Status, int Recipients, int Responses, DateTime SentAt);
public sealed record MySurvey(int Id, int PartnershipId, string Partnership, string Title, string Period, bool Anonymous, SurveyStatus Status, bool Answered);
public sealed record SurveyDto(int Id, int PartnershipId, string Partnership, string Title, string TemplateKey, string Period, bool Anonymous,
    SurveyStatus Status, IReadOnlyList<SurveyQuestion> Questions, bool IsRecipient, bool Answered, int Version);
/// <summary>What the answering person gets back: that it was recorded, nothing that identifies the stored answer.</summary>
public sealed record AnswerReceipt(int SurveyId, bool Recorded, string Message);

public sealed record NpsDto(int Responses, decimal? Score, int Promoters, int Passives, int Detractors, bool Hidden);
public sealed record TextAnswers(string QuestionKey, string Question, IReadOnlyList<string> Answers);
public sealed record PeriodResult(string Period, int Responses, IReadOnlyDictionary<string, decimal> Dimensions, decimal? Nps);
public sealed record SurveyResultsDto(int Id, int PartnershipId, string Partnership, string Title, string Period, bool Anonymous, SurveyStatus Status,
    int Recipients, int Responses, bool Visible, string? HiddenReason, IReadOnlyList<SurveyDimensionResult> Dimensions, NpsDto? Nps,
    IReadOnlyList<TextAnswers> Texts, IReadOnlyList<PeriodResult> OverTime);

/// <summary>
/// Health survey rounds: send, answer once, results from <see cref="SurveyAggregation.MinimumResponses"/> respondents.
/// Anonymous rounds keep the "who answered" flag (<see cref="SurveyRecipient"/>) and the answers
/// (<see cref="SurveyAnswer"/>) unlinkable; docs/decisions/0010 explains how.
/// </summary>
public sealed class SurveyService(WarmglowDb db, Users.UserDirectory people, AnonymousAnswerPool pool, Notifications.INotifier notifier)
{
    public static IReadOnlyList<SurveyTemplate> Templates => HealthSurveys.Templates;

    /// <summary>Our staff and the people of the partnership's partners: who a round may be sent to.</summary>
    public async Task<List<RecipientOption>> EligibleRecipientsAsync(int partnershipId, CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        await db.RequirePartnershipAsync(partnershipId, ct);
        var partnerIds = await db.PartnershipMembers.Where(m => m.PartnershipId == partnershipId).Select(m => m.PartnerId).ToListAsync(ct);
        var users = await (
                from m in people.Memberships()
                where (m.PartnerId == null || partnerIds.Contains(m.PartnerId.Value))
                join u in db.Users on m.UserId equals u.Id
                orderby m.PartnerId != null, u.DisplayName
                select new { u.Id, u.DisplayName, u.Email, m.PartnerId, Partner = db.Partners.Where(p => p.Id == m.PartnerId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return users.Select(u => new RecipientOption(u.Id, u.DisplayName, u.Email ?? "", u.PartnerId is null ? "Our team" : u.Partner ?? "Partner")).ToList();
    }

    public async Task<SurveyRound> CreateAsync(SurveyRoundInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var template = HealthSurveys.Find(input.TemplateKey);
        if (string.IsNullOrWhiteSpace(input.TemplateKey)) errors.Add("templateKey", "is required.");
        else if (template is null) errors.Add("templateKey", $"'{input.TemplateKey}' is not a survey template (use one of: {string.Join(", ", Templates.Select(t => t.Key))}).");
        if (!Quarter.TryParse(input.Period, out var quarter)) errors.Add("period", "must be a quarter like 2026-Q3.");
        else if (quarter.CompareTo(Quarter.Of(db.UtcNow).Next) > 0) errors.Add("period", "must not be later than next quarter.");
        errors.Optional("title", input.Title, 200);
        var partnership = input.PartnershipId is { } pid ? await db.Partnerships.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct) : null;
        if (input.PartnershipId is null) errors.Add("partnershipId", "is required.");
        else if (partnership is null) errors.Add("partnershipId", $"partnership {input.PartnershipId} was not found.");
        var recipients = (input.RecipientIds ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct().ToList();
        if (recipients.Count == 0) errors.Add("recipientIds", "choose at least one person to ask (our team and the partner's people).");
        else if (partnership is not null)
        {
            var eligible = (await EligibleRecipientsAsync(partnership.Id, ct)).Select(r => r.UserId).ToHashSet();
            var unknown = recipients.Where(r => !eligible.Contains(r)).ToList();
            if (unknown.Count > 0) errors.Add("recipientIds", $"{unknown.Count} of the chosen people are not staff of this workspace nor people of this partnership's partners.");
        }
        ValidationFailed.ThrowIfAny(errors);

        var round = new SurveyRound
        {
            PartnershipId = partnership!.Id, TemplateKey = template!.Key, Period = quarter.Label, PeriodStart = quarter.Start, PeriodStartsAt = quarter.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Title = string.IsNullOrWhiteSpace(input.Title) ? $"{template.Name} {quarter.Label}: {partnership.Name}" : input.Title.Trim(),
            Anonymous = input.Anonymous ?? false, Questions = template.Questions.ToList(), Status = SurveyStatus.Open,
            SentById = db.Tenant.UserId, SentByName = db.Tenant.UserName,
            // Sorted by id, not by the order someone picked people in: nothing about the recipients' order is meaningful.
            Recipients = recipients.Order(StringComparer.Ordinal).Select(r => new SurveyRecipient { UserId = r }).ToList(),
        };
        db.SurveyRounds.Add(round);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // Each person asked hears of it (the notice carries no answers; anonymous rounds say nothing about who answers).
        await notifier.NotifyAsync(new Notifications.Notice("survey.opened", $"You are asked to answer “{round.Title}”.", $"survey:{round.Id}:opened")
            { Link = $"/Surveys/Answer/{round.Id}", PartnershipId = round.PartnershipId, Data = new { surveyId = round.Id, period = round.Period } }, recipients, ct);
        await tx.CommitAsync(ct);
        return round;
    }

    /// <summary>Rounds sent (for staff), newest period first, with response counts computed in the database.</summary>
    public async Task<Paged<SurveySummary>> ListAsync(int? partnershipId, int? page, int? size, CancellationToken ct = default)
    {
        await db.RequirePartnershipAsync(partnershipId, ct);
        return await db.SurveyRounds.AsNoTracking()
            .Where(s => partnershipId == null || s.PartnershipId == partnershipId)
            .OrderByDescending(s => s.PeriodStart).ThenByDescending(s => s.Id)
            .Select(s => new SurveySummary(s.Id, s.PartnershipId, s.Partnership!.Name, s.Title, s.Period, s.Anonymous, s.Status,
                s.Recipients.Count, s.Recipients.Count(r => r.Responded), s.CreatedAt))
            .ToPageAsync(page, size, ct);
    }

    /// <summary>The rounds the signed-in person was asked to answer.</summary>
    public Task<Paged<MySurvey>> MineAsync(int? page, int? size, CancellationToken ct = default)
    {
        var me = db.Tenant.UserId ?? "";
        return db.SurveyRecipients.AsNoTracking()
            .Where(r => r.UserId == me)
            .Join(db.SurveyRounds, r => r.SurveyRoundId, s => s.Id, (r, s) => new { r, s })
            .OrderBy(x => x.r.Responded).ThenBy(x => x.s.Status).ThenByDescending(x => x.s.PeriodStart).ThenByDescending(x => x.s.Id)
            .Select(x => new MySurvey(x.s.Id, x.s.PartnershipId, x.s.Partnership!.Name, x.s.Title, x.s.Period, x.s.Anonymous, x.s.Status, x.r.Responded))
            .ToPageAsync(page, size, ct);
    }

    /// <summary>
    /// A round as its recipient sees it. Staff who oversee see every round; anyone else only rounds they were asked
    /// to answer (otherwise 404, as if it did not exist). Partner users never see other partnerships' rounds (query filter).
    /// </summary>
    public async Task<SurveyDto> GetAsync(int id, bool oversee, CancellationToken ct = default)
    {
        var s = await db.SurveyRounds.AsNoTracking().Include(x => x.Partnership).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Survey {id}");
        var me = db.Tenant.UserId ?? "";
        var mine = await db.SurveyRecipients.AsNoTracking().Where(r => r.SurveyRoundId == id && r.UserId == me).Select(r => (bool?)r.Responded).FirstOrDefaultAsync(ct);
        if (mine is null && (!oversee || db.Tenant.PartnerId is not null)) throw new NotFound($"Survey {id}");
        return new SurveyDto(s.Id, s.PartnershipId, s.Partnership!.Name, s.Title, s.TemplateKey, s.Period, s.Anonymous, s.Status, s.Questions,
            mine is not null, mine == true, s.Version);
    }

    /// <summary>
    /// Records the signed-in recipient's answers, once. Validation happens before anything is written; the "has answered"
    /// flag is flipped by a conditional update (a concurrent second answer finds it set and is refused, 409).
    /// Named rounds write the answers in the same transaction. Anonymous rounds commit the flag alone and hold the
    /// answers in <see cref="AnonymousAnswerPool"/> until at least three people's can be released together, shuffled,
    /// in a commit of their own (or the round closes): docs/decisions/0010, "Threat model".
    /// </summary>
    public async Task<AnswerReceipt> AnswerAsync(int id, SurveyAnswersInput input, CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        var round = await db.SurveyRounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Survey {id}");
        var me = db.Tenant.UserId ?? throw new NotFound($"Survey {id}");
        var recipient = await db.SurveyRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.SurveyRoundId == id && r.UserId == me, ct)
            ?? throw new NotFound($"Survey {id}");
        if (recipient.Responded) throw new Conflict("You have already answered this survey; answers are final and a second answer is not recorded.");
        if (round.Status != SurveyStatus.Open) throw new Conflict("This survey is closed and takes no more answers.");
        ValidationFailed.ThrowIfAny(HealthSurveys.Validate(round.Questions, input.Answers));

        var byKey = round.Questions.ToDictionary(q => q.Key, StringComparer.OrdinalIgnoreCase);
        var answers = input.Answers!
            .Where(a => a.Value is not null && (a.Value.Score is not null || !string.IsNullOrWhiteSpace(a.Value.Text)))
            .Select(a => (Question: byKey[a.Key], Given: a.Value!))
            .Select(x => new PendingAnswer(x.Question.Key, x.Question.Kind, x.Question.Dimension,
                x.Question.Kind == QuestionKind.Text ? null : x.Given.Score, x.Question.Kind == QuestionKind.Text ? x.Given.Text!.Trim() : null))
            .ToList();

        if (round.Anonymous)
        {
            // The flag, alone in its commit: no answer content is written with it (nor anywhere, yet).
            if (await FlipAsync(recipient.Id, ct) == 0)
                throw new Conflict("You have already answered this survey; answers are final and a second answer is not recorded.");
            pool.Add(ws, id, new PendingResponse(recipient.Id, answers));
            try { await ReleaseAsync(ws, id, pool.TakeBatch(ws, id, SurveyAggregation.MinimumResponses), ct); }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                // The answer is accepted and waits in the pool; the next response or the close releases it.
            }
            return new AnswerReceipt(id, true,
                "Thank you. Your answers were recorded anonymously: they are stored without your name, only together with at least two other people's, and cannot be traced back to you.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await FlipAsync(recipient.Id, ct) == 0)
            throw new Conflict("You have already answered this survey; answers are final and a second answer is not recorded.");
        var responseId = Guid.NewGuid();
        db.SurveyAnswers.AddRange(answers.Select(a => new SurveyAnswer
        {
            Id = Guid.NewGuid(), WorkspaceId = ws, SurveyRoundId = id, ResponseId = responseId, RespondentId = me,
            QuestionKey = a.QuestionKey, Kind = a.Kind, Dimension = a.Dimension, Score = a.Score, Text = a.Text,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AnswerReceipt(id, true, "Thank you. Your answers were recorded.");
    }

    Task<int> FlipAsync(int recipientId, CancellationToken ct) =>
        db.SurveyRecipients.Where(r => r.Id == recipientId && !r.Responded).ExecuteUpdateAsync(u => u.SetProperty(r => r.Responded, true), ct);

    /// <summary>Number of anonymous responses of a round waiting for their batch (not in the database).</summary>
    public int PendingCount(int id) => pool.Count(db.Tenant.RequireWorkspace(), id);

    /// <summary>
    /// Writes a batch of pending anonymous responses: the round's stored answers and the batch are rewritten together
    /// with fresh random ids in random order, in one commit that touches no participation flag. On SQLite the deleted
    /// rows are zeroed (secure_delete) and the WAL is checkpointed and truncated afterwards, so no earlier page image
    /// (and no earlier flag commit next to it) stays behind in the -wal file.
    /// </summary>
    async Task ReleaseAsync(int ws, int id, IReadOnlyList<PendingResponse> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        await pool.ReleaseGate.WaitAsync(ct); // one rewrite at a time: two would each re-insert the other's "earlier" rows
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Sql().ZeroDeletedRowsAsync(db, ct);
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var earlier = await db.SurveyAnswers.IgnoreQueryFilters().AsNoTracking()
                    .Where(a => a.WorkspaceId == ws && a.SurveyRoundId == id).ToListAsync(ct);
                await db.SurveyAnswers.IgnoreQueryFilters().Where(a => a.WorkspaceId == ws && a.SurveyRoundId == id).ExecuteDeleteAsync(ct);
                var groups = earlier.GroupBy(a => a.ResponseId)
                    .Select(g => g.Select(a => new PendingAnswer(a.QuestionKey, a.Kind, a.Dimension, a.Score, a.Text)).ToList())
                    .Concat(batch.Select(b => b.Answers.ToList()));
                var fresh = groups.SelectMany(group =>
                    {
                        var rid = Guid.NewGuid();
                        return group.Select(a => new SurveyAnswer
                        {
                            Id = Guid.NewGuid(), WorkspaceId = ws, SurveyRoundId = id, ResponseId = rid, RespondentId = null,
                            QuestionKey = a.QuestionKey, Kind = a.Kind, Dimension = a.Dimension, Score = a.Score, Text = a.Text,
                        });
                    })
                    .OrderBy(_ => Random.Shared.Next())
                    .ToList();
                db.SurveyAnswers.AddRange(fresh);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            db.ChangeTracker.Clear();
        }
        catch
        {
            db.ChangeTracker.Clear();
            pool.Return(ws, id, batch); // nothing was committed; the responses wait for the next release
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            pool.ReleaseGate.Release();
        }
        await db.Sql().CheckpointLogAsync(db, ct);
    }

    public async Task CloseAsync(int id, CancellationToken ct = default)
    {
        var round = await db.SurveyRounds.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Survey {id}");
        if (round.Status == SurveyStatus.Closed) return;
        round.Status = SurveyStatus.Closed;
        await db.SaveChangesAsync(ct);
        if (!round.Anonymous) return;
        // The last responses (fewer than three) join the round's stored answers in one final shuffled rewrite; when the
        // whole round has fewer than three respondents its results can never be shown, and those answers are not kept.
        var ws = round.WorkspaceId;
        var leftover = pool.TakeAll(ws, id);
        if (leftover.Count == 0) return;
        var responded = await db.SurveyRecipients.CountAsync(r => r.SurveyRoundId == id && r.Responded, ct);
        if (responded >= SurveyAggregation.MinimumResponses) await ReleaseAsync(ws, id, leftover, ct);
    }

    /// <summary>
    /// Why a round's results are not shown, or null. Fewer than 3 respondents: a mean would be one person's answer or
    /// solvable by a co-respondent. An anonymous round also shows nothing while open: otherwise comparing the results
    /// before and after one known person answers reveals that person's answers.
    /// </summary>
    public static string? HiddenReason(bool anonymous, SurveyStatus status, int responses) =>
        responses < SurveyAggregation.MinimumResponses
            ? $"Results appear from {SurveyAggregation.MinimumResponses} responses ({responses} so far), so that no answer can be traced to one person."
            : anonymous && status == SurveyStatus.Open
                ? "Results of an anonymous survey appear once it is closed, so that nobody can tell one person's answers by comparing results before and after they answered."
                : null;

    public async Task<SurveyResultsDto> ResultsAsync(int id, CancellationToken ct = default)
    {
        var s = await db.SurveyRounds.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.PartnershipId, Partnership = x.Partnership!.Name, x.Title, x.Period, x.Anonymous, x.Status, x.Questions,
                Recipients = x.Recipients.Count, Responses = x.Recipients.Count(r => r.Responded) })
            .FirstOrDefaultAsync(ct) ?? throw new NotFound($"Survey {id}");
        var hidden = HiddenReason(s.Anonymous, s.Status, s.Responses);
        var overTime = await OverTimeAsync(s.PartnershipId, ct);
        if (hidden is not null)
            return new SurveyResultsDto(s.Id, s.PartnershipId, s.Partnership, s.Title, s.Period, s.Anonymous, s.Status, s.Recipients, s.Responses,
                false, hidden, [], null, [], overTime);

        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.SurveyRoundId == id)
            .Select(a => new { a.ResponseId, a.Kind, a.Dimension, a.QuestionKey, a.Score, a.Text }).ToListAsync(ct);
        var dims = SurveyRespondentAggregation.Aggregate(answers.Where(a => a.Kind == QuestionKind.Likert && a.Dimension is not null && a.Score is not null)
            .GroupBy(a => a.Dimension!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<IReadOnlyList<int>>)g.GroupBy(a => a.ResponseId).Select(r => (IReadOnlyList<int>)r.Select(a => a.Score!.Value).ToList()).ToList()));
        var npsAnswers = answers.Where(a => a.Kind == QuestionKind.Nps && a.Score is not null).Select(a => a.Score!.Value).ToList();
        var nps = Nps.Compute(npsAnswers);
        var npsDto = npsAnswers.Count < SurveyAggregation.MinimumResponses
            ? new NpsDto(npsAnswers.Count, null, 0, 0, 0, true)
            : new NpsDto(nps!.Responses, nps.Score, nps.Promoters, nps.Passives, nps.Detractors, false);
        // Free answers in a fixed (alphabetical) order, never in the order they were given.
        var texts = s.Questions.Where(q => q.Kind == QuestionKind.Text)
            .Select(q => new TextAnswers(q.Key, q.Text, answers.Where(a => a.QuestionKey == q.Key && a.Text is not null).Select(a => a.Text!).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new SurveyResultsDto(s.Id, s.PartnershipId, s.Partnership, s.Title, s.Period, s.Anonymous, s.Status, s.Recipients, s.Responses,
            true, null, dims, npsDto, texts, overTime);
    }

    /// <summary>
    /// A partnership's survey results per quarter, computed in the database: only rounds whose results may be shown
    /// (named, or anonymous and closed) and only quarters with at least 3 respondents.
    /// </summary>
    public async Task<IReadOnlyList<PeriodResult>> OverTimeAsync(int partnershipId, CancellationToken ct = default)
    {
        var rows = await SurveyStatistics.ForPartnerships(db, db.SurveyRounds.Where(s => s.PartnershipId == partnershipId).Select(s => s.PartnershipId), ct);
        return rows.Where(r => r.PartnershipId == partnershipId).OrderBy(r => r.PeriodStart)
            .Select(r => new PeriodResult(r.Period, r.Responses, r.Dimensions, r.Nps)).ToList();
    }
}

/// <summary>One partnership's survey figures for one quarter (shown only from 3 respondents).</summary>
public sealed record PeriodSurveyStats(int PartnershipId, string Period, DateOnly PeriodStart, int Responses, IReadOnlyDictionary<string, decimal> Dimensions, decimal? Nps);

/// <summary>Survey aggregates per partnership and quarter, grouped in the database (three queries whatever the count).</summary>
public static class SurveyStatistics
{
    public static async Task<IReadOnlyList<PeriodSurveyStats>> ForPartnerships(WarmglowDb db, IQueryable<int> partnershipIds, CancellationToken ct)
    {
        var visible = db.SurveyRounds.Where(s => partnershipIds.Contains(s.PartnershipId) && (!s.Anonymous || s.Status == SurveyStatus.Closed));
        var responses = await visible
            .GroupBy(s => new { s.PartnershipId, s.PeriodStart, s.Period })
            .Select(g => new { g.Key.PartnershipId, g.Key.PeriodStart, g.Key.Period, Responses = g.Sum(s => s.Recipients.Count(r => r.Responded)) })
            .Where(x => x.Responses >= SurveyAggregation.MinimumResponses)
            .ToListAsync(ct);
        if (responses.Count == 0) return [];
        var answers = db.SurveyAnswers.Join(visible, a => a.SurveyRoundId, s => s.Id, (a, s) => new { s.PartnershipId, s.PeriodStart, a.Kind, a.Dimension, a.Score })
            .Where(x => x.Score != null);
        var dims = await answers.Where(x => x.Kind == QuestionKind.Likert && x.Dimension != null)
            .GroupBy(x => new { x.PartnershipId, x.PeriodStart, x.Dimension })
            .Select(g => new { g.Key.PartnershipId, g.Key.PeriodStart, g.Key.Dimension, Sum = g.Sum(x => x.Score!.Value), Count = g.Count() })
            .ToListAsync(ct);
        var nps = await answers.Where(x => x.Kind == QuestionKind.Nps)
            .GroupBy(x => new { x.PartnershipId, x.PeriodStart })
            .Select(g => new { g.Key.PartnershipId, g.Key.PeriodStart, Promoters = g.Count(x => x.Score >= Nps.PromoterMin), Detractors = g.Count(x => x.Score <= Nps.DetractorMax), Count = g.Count() })
            .ToListAsync(ct);
        var dimsBy = dims.ToLookup(x => (x.PartnershipId, x.PeriodStart));
        var npsBy = nps.ToDictionary(x => (x.PartnershipId, x.PeriodStart));
        return responses.Select(r =>
        {
            var d = dimsBy[(r.PartnershipId, r.PeriodStart)].Where(x => x.Count > 0).ToDictionary(x => x.Dimension!, x => (decimal)x.Sum / x.Count);
            var n = npsBy.GetValueOrDefault((r.PartnershipId, r.PeriodStart));
            decimal? score = n is { Count: >= SurveyAggregation.MinimumResponses } ? 100m * (n.Promoters - n.Detractors) / n.Count : null;
            return new PeriodSurveyStats(r.PartnershipId, r.Period, r.PeriodStart, r.Responses, d, score);
        }).ToList();
    }
}
