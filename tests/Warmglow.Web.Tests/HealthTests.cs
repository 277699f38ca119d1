using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteHealthTests(SqliteApp app) : HealthTests<SqliteApp>(app);
public sealed class PostgresHealthTests(PostgresApp app) : HealthTests<PostgresApp>(app);

/// <summary>Health surveys (anonymity, answer once, threshold), engagement, check-ins, red flags and denials, through the API.</summary>
public abstract class HealthTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    static readonly Quarter Now = Quarter.Of(DateTime.UtcNow);

    async Task<(TestWorkspace Ws, HttpClient Manager)> Workspace(string name = "Health")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Manager));
    }

    static async Task<(int PartnerId, int PartnershipId)> Partnership(HttpClient c, string name)
    {
        var (partnership, partner) = await c.NewPartnershipAsync(name);
        return (partner, partnership);
    }

    async Task<T> InDb<T>(TestWorkspace ws, Func<WarmglowDb, IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
        return await work(scope.ServiceProvider.GetRequiredService<WarmglowDb>(), scope.ServiceProvider);
    }

    Task InDb(TestWorkspace ws, Func<WarmglowDb, Task> work) => InDb(ws, async (db, _) => { await work(db); return 0; });

    async Task<AppUser> User(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>Makes a partnership live (Active) since a year ago, with or without a sponsor.</summary>
    Task Live(TestWorkspace ws, int id, bool sponsor = true) => InDb(ws, async db =>
    {
        var p = await db.Partnerships.SingleAsync(x => x.Id == id);
        var executive = await db.Users.SingleAsync(u => u.Email == ws.Emails[Roles.Executive]);
        p.ManagerId = (await db.Users.SingleAsync(u => u.Email == ws.Emails[Roles.Manager])).Id;
        p.Stage = PartnershipStage.Active;
        p.StartDate = Now.Previous.Previous.Previous.Previous.Start;
        p.SponsorId = sponsor ? executive.Id : null;
        await db.SaveChangesAsync();
        // The creation move happened "now"; move it before the window so it does not count as recent activity.
        await db.StageTransitions.Where(t => t.PartnershipId == id).ExecuteUpdateAsync(u => u.SetProperty(t => t.At, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    });

    Task StageMove(TestWorkspace ws, int id, Quarter q) => InDb(ws, async db =>
    {
        db.StageTransitions.Add(new StageTransition { PartnershipId = id, ToStage = PartnershipStage.Active, Reason = "test", ByUserName = "test", At = q.Start.AddDays(10).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
        await db.SaveChangesAsync();
    });

    Task Evaluation(TestWorkspace ws, int id, Quarter q) => InDb(ws, async db =>
    {
        var used = await db.ScorecardEvaluations.Where(e => e.PartnershipId == id).Select(e => e.ScorecardId).ToListAsync();
        var card = await db.Scorecards.Where(s => !used.Contains(s.Id)).OrderBy(s => s.Id).FirstAsync();
        var evaluator = await db.Users.SingleAsync(u => u.Email == ws.Emails[Roles.Evaluator]);
        db.ScorecardEvaluations.Add(new ScorecardEvaluation { ScorecardId = card.Id, PartnershipId = id, EvaluatorId = evaluator.Id, EvaluatorName = "evaluator", SubmittedAt = q.Start.AddDays(20).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
        await db.SaveChangesAsync();
    });

    /// <summary>
    /// The activity the other modules record, inside quarter <paramref name="q"/>: an agreement status move (agreements)
    /// and three observations recorded in one batch (measurement) — what their activity sources count.
    /// </summary>
    Task OtherModulesActivity(TestWorkspace ws, int id, Quarter q) => InDb(ws, async db =>
    {
        var at = q.Start.AddDays(15).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var agreement = new Warmglow.Web.Features.Agreements.Agreement { PartnershipId = id, Title = "Referral terms", Currency = "USD", StartDate = q.Start };
        db.Agreements.Add(agreement);
        var metric = new Warmglow.Web.Features.Measurement.MetricDefinition { Name = "Joint deals", Category = "Financial", Unit = MetricUnit.Count, Baseline = 0, Target = 10 };
        db.MetricDefinitions.Add(metric);
        await db.SaveChangesAsync();
        db.AgreementTransitions.Add(new Warmglow.Web.Features.Agreements.AgreementTransition
        {
            AgreementId = agreement.Id, FromStatus = Warmglow.Core.Agreements.AgreementStatus.TermSheet,
            ToStatus = Warmglow.Core.Agreements.AgreementStatus.Negotiation, Reason = "test", ByUserName = "test", At = at,
        });
        var attached = new Warmglow.Web.Features.Measurement.PartnershipMetric { PartnershipId = id, MetricDefinitionId = metric.Id };
        var batch = new Warmglow.Web.Features.Measurement.ObservationBatch { PartnershipId = id, Count = 3, ByName = "test", At = at };
        db.PartnershipMetrics.Add(attached);
        db.ObservationBatches.Add(batch);
        await db.SaveChangesAsync();
        for (var i = 0; i < 3; i++)
            db.Observations.Add(new Warmglow.Web.Features.Measurement.Observation { PartnershipId = id, PartnershipMetricId = attached.Id, BatchId = batch.Id, On = q.Start.AddDays(i), Value = i });
        await db.SaveChangesAsync();
    });

    static Dictionary<string, object> Answers(SurveyTemplate t, int likert, int nps, string? text = null)
    {
        var answers = t.Questions.Where(q => q.Kind != QuestionKind.Text)
            .ToDictionary(q => q.Key, q => (object)new { score = q.Kind == QuestionKind.Nps ? nps : likert });
        if (text is not null) foreach (var q in t.Questions.Where(q => q.Kind == QuestionKind.Text)) answers[q.Key] = new { text = $"{text} ({q.Key})" };
        return answers;
    }

    static async Task<SurveyDto> Send(HttpClient manager, int partnershipId, Quarter q, bool anonymous, IEnumerable<string> recipientIds, string template = "quarterly-health")
    {
        var response = await manager.PostJson("/api/surveys", new { partnershipId, templateKey = template, period = q.Label, anonymous, recipientIds });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Read<SurveyDto>();
    }

    async Task<(List<string> Ids, List<HttpClient> Clients, List<AppUser> Users)> Staff(TestWorkspace ws, params string[] roles)
    {
        var users = new List<AppUser>();
        foreach (var r in roles) users.Add(await User(ws.Emails[r]));
        var clients = new List<HttpClient>();
        foreach (var r in roles) clients.Add(await ws.As(r));
        return (users.Select(u => u.Id).ToList(), clients, users);
    }

    async Task<(List<string> Ids, List<HttpClient> Clients, List<AppUser> Users)> PartnerPeople(TestWorkspace ws, int partnerId, int count)
    {
        var emails = new List<string>();
        for (var i = 0; i < count; i++) emails.Add(await ws.NewUserAsync(Roles.Partner, partnerId));
        var users = new List<AppUser>();
        foreach (var e in emails) users.Add(await User(e));
        var clients = new List<HttpClient>();
        foreach (var e in emails) clients.Add(await app.ClientForAsync(e));
        return (users.Select(u => u.Id).ToList(), clients, users);
    }

    // --- anonymity ---------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task AnonymousSurvey_NoTableAuditEntryOrApiResponseLinksAnAnswerToItsAuthor()
    {
        var (ws, manager) = await Workspace("Anon");
        var (partnerId, id) = await Partnership(manager, "Hidden Hands");
        var staff = await Staff(ws, Roles.Manager, Roles.Executive);
        var partners = await PartnerPeople(ws, partnerId, 2);
        var users = staff.Users.Concat(partners.Users).ToList();
        var clients = staff.Clients.Concat(partners.Clients).ToList();
        var bodies = new List<string>();

        var created = await manager.PostJson("/api/surveys", new { partnershipId = id, templateKey = "quarterly-health", period = Now.Label, anonymous = true, recipientIds = users.Select(u => u.Id) });
        bodies.Add(await created.Content.ReadAsStringAsync());
        var survey = await created.Read<SurveyDto>();
        Assert.True(survey.Anonymous);

        for (var i = 0; i < clients.Count; i++)
        {
            var mine = await clients[i].GetAsync("/api/surveys/mine");
            bodies.Add(await mine.Content.ReadAsStringAsync());
            var get = await clients[i].GetAsync($"/api/surveys/{survey.Id}");
            bodies.Add(await get.Content.ReadAsStringAsync());
            var answer = await clients[i].PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Quarterly, 1 + i, 6 + i, $"secret-{i}") });
            bodies.Add(await answer.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/surveys/{survey.Id}/close", null)).StatusCode);
        var results = await manager.GetAsync($"/api/surveys/{survey.Id}/results");
        bodies.Add(await results.Content.ReadAsStringAsync());
        var dto = await results.Read<SurveyResultsDto>();
        Assert.True(dto.Visible);
        Assert.Equal(4, dto.Responses);
        Assert.Equal(4, dto.Texts.First(t => t.QuestionKey == "connection").Answers.Count);
        bodies.Add(await (await manager.GetAsync($"/api/surveys?partnershipId={id}")).Content.ReadAsStringAsync());
        bodies.Add(await (await manager.GetAsync($"/api/surveys/{survey.Id}")).Content.ReadAsStringAsync());

        // Who the respondents are, in every form a row could carry.
        var identities = users.SelectMany(u => new[] { u.Id, u.Email!, u.UserName!, u.NormalizedEmail! }).ToList();

        // 1. Every table of the EF model, every row, as text.
        var rows = await InDb(ws, async (db, _) =>
        {
            var all = new List<(string Table, string Row)>();
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct())
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"SELECT * FROM \"{table}\"";
                await using DbDataReader reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    all.Add((table!, string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}"))));
            }
            return all;
        });
        var answerRows = rows.Where(r => r.Row.Contains("secret-", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, answerRows.Count); // 4 people × 2 text questions: only in the answers table
        Assert.All(answerRows, r => Assert.Equal("SurveyAnswers", r.Table));
        var surveyAnswerRows = rows.Where(r => r.Table == "SurveyAnswers").ToList();
        Assert.NotEmpty(surveyAnswerRows);
        foreach (var row in surveyAnswerRows)
            foreach (var identity in identities)
                Assert.DoesNotContain(identity, row.Row, StringComparison.OrdinalIgnoreCase);
        // No time of any kind is stored with an answer, and no key is shared with the participation table.
        var answerEntity = await InDb(ws, (db, _) => Task.FromResult(db.Model.FindEntityType(typeof(SurveyAnswer))!.GetProperties().Select(p => (p.Name, p.ClrType)).ToList()));
        Assert.DoesNotContain(answerEntity, p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset));
        Assert.DoesNotContain(answerEntity, p => p.Name.Contains("Recipient", StringComparison.Ordinal) || p.Name.Contains("User", StringComparison.Ordinal));
        var participations = await InDb(ws, (db, _) => db.SurveyRecipients.Where(r => r.SurveyRoundId == survey.Id).ToListAsync());
        Assert.All(participations, p => Assert.True(p.Responded));
        var answerIds = await InDb(ws, (db, _) => db.SurveyAnswers.Where(a => a.SurveyRoundId == survey.Id).Select(a => new { a.Id, a.ResponseId, a.RespondentId }).ToListAsync());
        Assert.All(answerIds, a => Assert.Null(a.RespondentId));
        Assert.Equal(4, answerIds.Select(a => a.ResponseId).Distinct().Count());
        var recipientKeys = participations.Select(p => p.Id.ToString()).ToHashSet();
        Assert.DoesNotContain(answerIds, a => recipientKeys.Contains(a.Id.ToString()) || recipientKeys.Contains(a.ResponseId.ToString()));
        // Participation rows carry no time either: nothing to match against.
        var recipientEntity = await InDb(ws, (db, _) => Task.FromResult(db.Model.FindEntityType(typeof(SurveyRecipient))!.GetProperties().Select(p => p.ClrType).ToList()));
        Assert.DoesNotContain(recipientEntity, t => t == typeof(DateTime) || t == typeof(DateTime?));

        // 2. The audit log: nothing about answers or participations, and no answer text anywhere.
        var audit = rows.Where(r => r.Table == "AuditEntries").Select(r => r.Row).ToList();
        Assert.DoesNotContain(audit, r => r.Contains("EntityType=SurveyAnswer", StringComparison.Ordinal) || r.Contains("EntityType=SurveyRecipient", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, r => r.Contains("secret-", StringComparison.Ordinal));
        var partnerAudit = audit.Where(r => partners.Ids.Any(pid => r.Contains(pid, StringComparison.Ordinal))).ToList();
        Assert.Empty(partnerAudit); // partner respondents did nothing else, so any entry with their id would be their answer

        // 3. Every API response of the survey endpoints: no respondent identity at all.
        foreach (var body in bodies)
            foreach (var identity in identities.Where(x => !body.Contains("\"sentBy", StringComparison.Ordinal) || true))
                Assert.DoesNotContain(identity, body, StringComparison.OrdinalIgnoreCase);
    }

    // --- answering -----------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task SecondAnswer_IsRefused_AndNothingIsSaved()
    {
        var (ws, manager) = await Workspace();
        var (_, id) = await Partnership(manager, "Once Only");
        var me = await User(ws.Emails[Roles.Manager]);
        var survey = await Send(manager, id, Now, anonymous: false, [me.Id], "pulse");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 4, 9) })).StatusCode);
        var before = await InDb(ws, (db, _) => db.SurveyAnswers.CountAsync());
        var again = await (await manager.PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 1, 0) })).Problem(409);
        Assert.Contains("already answered", again["detail"]!.GetValue<string>());
        Assert.Equal(before, await InDb(ws, (db, _) => db.SurveyAnswers.CountAsync()));
        var dto = await (await manager.GetAsync($"/api/surveys/{survey.Id}")).Read<SurveyDto>();
        Assert.True(dto.Answered);
    }

    [SkippableFact]
    public async Task ConcurrentSecondAnswers_RecordExactlyOne()
    {
        var (ws, manager) = await Workspace();
        var (_, id) = await Partnership(manager, "Race Co");
        var me = await User(ws.Emails[Roles.Manager]);
        var survey = await Send(manager, id, Now, anonymous: true, [me.Id], "pulse");
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => manager.PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 3, 8) })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        // One response accepted: one flag set, and one response waiting for its anonymous batch (none stored yet).
        Assert.Equal(1, await InDb(ws, (db, _) => db.SurveyRecipients.CountAsync(r => r.SurveyRoundId == survey.Id && r.Responded)));
        Assert.Equal(1, await InDb(ws, (db, sp) => Task.FromResult(sp.GetRequiredService<SurveyService>().PendingCount(survey.Id))));
        Assert.Equal(0, await InDb(ws, (db, _) => db.SurveyAnswers.CountAsync(a => a.SurveyRoundId == survey.Id)));
    }

    [SkippableFact]
    public async Task BadAnswers_NameTheField_AndNothingIsPartlySaved()
    {
        var (ws, manager) = await Workspace();
        var (_, id) = await Partnership(manager, "Strict Co");
        var me = await User(ws.Emails[Roles.Manager]);
        var survey = await Send(manager, id, Now, anonymous: true, [me.Id], "pulse");
        var url = $"/api/surveys/{survey.Id}/responses";

        var outOfRange = Answers(HealthSurveys.Pulse, 4, 9);
        outOfRange["relationship"] = new { score = 6 };
        outOfRange["nps"] = new { score = 11 };
        var p = await (await manager.PostJson(url, new { answers = outOfRange })).Problem(400);
        Assert.NotNull(p["errors"]!["answers.relationship"]);
        Assert.NotNull(p["errors"]!["answers.nps"]);

        var missing = Answers(HealthSurveys.Pulse, 4, 9);
        missing.Remove("value");
        Assert.NotNull((await (await manager.PostJson(url, new { answers = missing })).Problem(400))["errors"]!["answers.value"]);

        var unknown = Answers(HealthSurveys.Pulse, 4, 9);
        unknown["mood"] = new { score = 3 };
        Assert.NotNull((await (await manager.PostJson(url, new { answers = unknown })).Problem(400))["errors"]!["answers.mood"]);

        Assert.NotNull((await (await manager.PostJson(url, new { })).Problem(400))["errors"]!["answers"]);
        Assert.Equal(0, await InDb(ws, (db, _) => db.SurveyAnswers.CountAsync()));
        Assert.False(await InDb(ws, (db, _) => db.SurveyRecipients.Select(r => r.Responded).SingleAsync()));
        // Still free to answer properly.
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson(url, new { answers = Answers(HealthSurveys.Pulse, 4, 9) })).StatusCode);
    }

    [SkippableFact]
    public async Task CreatingARound_RefusesBadInput_NamingTheField()
    {
        var (ws, manager) = await Workspace();
        var (_, id) = await Partnership(manager, "Input Co");
        var (otherPartner, _) = await Partnership(manager, "Someone Else");
        var outsider = await User(await ws.NewUserAsync(Roles.Partner, otherPartner));
        var me = await User(ws.Emails[Roles.Manager]);

        async Task Refused(object body, string field) =>
            Assert.NotNull((await (await manager.PostJson("/api/surveys", body)).Problem(400))["errors"]![field]);
        await Refused(new { partnershipId = id, templateKey = "nope", period = Now.Label, recipientIds = new[] { me.Id } }, "templateKey");
        await Refused(new { partnershipId = id, templateKey = "pulse", period = "2026-Q5", recipientIds = new[] { me.Id } }, "period");
        await Refused(new { partnershipId = 999999, templateKey = "pulse", period = Now.Label, recipientIds = new[] { me.Id } }, "partnershipId");
        await Refused(new { partnershipId = id, templateKey = "pulse", period = Now.Label, recipientIds = Array.Empty<string>() }, "recipientIds");
        await Refused(new { partnershipId = id, templateKey = "pulse", period = Now.Label, recipientIds = new[] { outsider.Id } }, "recipientIds");
        Assert.Equal(0, await InDb(ws, (db, _) => db.SurveyRounds.CountAsync()));
    }

    // --- threshold ------------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Results_AppearFromThreeResponses_AndForAnonymousRoundsOnlyOnceClosed()
    {
        var (ws, manager) = await Workspace();
        var (partnerId, id) = await Partnership(manager, "Threshold Co");
        var staff = await Staff(ws, Roles.Manager, Roles.Executive, Roles.Evaluator);

        var two = await Send(manager, id, Now.Previous, anonymous: true, staff.Ids, "pulse");
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Created, (await staff.Clients[i].PostJson($"/api/surveys/{two.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 4, 9) })).StatusCode);
        await manager.PostAsync($"/api/surveys/{two.Id}/close", null);
        var hidden = await (await manager.GetAsync($"/api/surveys/{two.Id}/results")).Read<SurveyResultsDto>();
        Assert.False(hidden.Visible);
        Assert.Empty(hidden.Dimensions);
        Assert.Null(hidden.Nps);
        Assert.Contains("from 3 responses", hidden.HiddenReason);
        Assert.Empty(hidden.OverTime);

        var three = await Send(manager, id, Now, anonymous: true, staff.Ids, "pulse");
        for (var i = 0; i < 3; i++)
            await staff.Clients[i].PostJson($"/api/surveys/{three.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 3 + i % 2, 8 + i) });
        var open = await (await manager.GetAsync($"/api/surveys/{three.Id}/results")).Read<SurveyResultsDto>();
        Assert.False(open.Visible);
        Assert.Contains("closed", open.HiddenReason);
        await manager.PostAsync($"/api/surveys/{three.Id}/close", null);
        var shown = await (await manager.GetAsync($"/api/surveys/{three.Id}/results")).Read<SurveyResultsDto>();
        Assert.True(shown.Visible);
        Assert.Equal(4, shown.Dimensions.Count);
        // Likert 3, 4, 3 → 10/3; NPS 8, 9, 10 → 2 promoters, 1 passive → 66.67.
        Assert.All(shown.Dimensions, d => Assert.Equal(10m / 3m, d.Mean!.Value, 10));
        Assert.Equal(200m / 3m, shown.Nps!.Score!.Value, 10);
        var point = Assert.Single(shown.OverTime);
        Assert.Equal(Now.Label, point.Period);
        // Closed: no more answers.
        var latecomer = (await PartnerPeople(ws, partnerId, 1)).Clients[0];
        Assert.Equal(HttpStatusCode.NotFound, (await latecomer.PostJson($"/api/surveys/{three.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 3, 8) })).StatusCode);

        // A named round shows its results while open, from 3 responses.
        var named = await Send(manager, id, Now, anonymous: false, staff.Ids, "pulse");
        for (var i = 0; i < 3; i++)
            await staff.Clients[i].PostJson($"/api/surveys/{named.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 5, 10) });
        Assert.True((await (await manager.GetAsync($"/api/surveys/{named.Id}/results")).Read<SurveyResultsDto>()).Visible);
    }

    // --- denials ----------------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Denials_Anonymous401_PartnerAndWrongRole403_OtherPartnershipOrWorkspace404()
    {
        var (ws, manager) = await Workspace();
        var (partnerA, idA) = await Partnership(manager, "Alpha");
        var (partnerB, idB) = await Partnership(manager, "Beta");
        var a = await PartnerPeople(ws, partnerA, 1);
        var b = await PartnerPeople(ws, partnerB, 1);
        var me = await User(ws.Emails[Roles.Manager]);
        var survey = await Send(manager, idA, Now, anonymous: false, [me.Id, a.Ids[0]], "pulse");

        using var anon = app.CreateClient();
        foreach (var url in new[] { "/api/surveys", "/api/surveys/mine", $"/api/surveys/{survey.Id}", $"/api/surveys/{survey.Id}/results", "/api/survey-templates", "/api/health/alerts", $"/api/partnerships/{idA}/engagement" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsync("/api/health/recompute", null)).StatusCode);

        // The partner user of Alpha answers their own survey; Beta's partner user cannot even see it.
        var partnerA1 = a.Clients[0];
        var partnerB1 = b.Clients[0];
        Assert.Single((await (await partnerA1.GetAsync("/api/surveys/mine")).Read<Paged<MySurvey>>()).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerB1.GetAsync($"/api/surveys/{survey.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerB1.PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 3, 8) })).StatusCode);
        Assert.Empty((await (await partnerB1.GetAsync("/api/surveys/mine")).Read<Paged<MySurvey>>()).Items);
        Assert.Equal(HttpStatusCode.Created, (await partnerA1.PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 3, 8) })).StatusCode);

        // Management endpoints: 403 for partner users (and the evaluator where only managers may act).
        foreach (var c in new[] { partnerA1, partnerB1 })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PostJson("/api/surveys", new { partnershipId = idA, templateKey = "pulse", period = Now.Label, recipientIds = new[] { me.Id } })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync("/api/surveys")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync($"/api/surveys/{survey.Id}/results")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PostAsync($"/api/surveys/{survey.Id}/close", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PostAsync("/api/health/recompute", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync("/api/health/alerts")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync($"/api/partnerships/{idA}/engagement")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync("/api/survey-templates")).StatusCode);
        }
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/surveys", new { partnershipId = idA, templateKey = "pulse", period = Now.Label, recipientIds = new[] { me.Id } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsync("/api/health/recompute", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/api/surveys/{survey.Id}/results")).StatusCode);
        // Staff who were not asked cannot answer or open it.
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 3, 8) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"/api/surveys/{survey.Id}")).StatusCode);

        // Another workspace sees nothing of this one.
        var (other, otherManager) = await Workspace("Elsewhere");
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/surveys/{survey.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/surveys/{survey.Id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 3, 8) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsync($"/api/surveys/{survey.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/partnerships/{idA}/engagement")).StatusCode);
        Assert.NotNull((await (await otherManager.PostJson("/api/surveys", new { partnershipId = idA, templateKey = "pulse", period = Now.Label, recipientIds = new[] { me.Id } })).Problem(400))["errors"]!["partnershipId"]);
        _ = other;
    }

    // --- engagement and alerts ----------------------------------------------------------------------------

    [SkippableFact]
    public async Task LowEngagement_OpensExactlyOneCheckInPerPeriod_HoweverOftenAndConcurrentlyTheJobRuns()
    {
        var (ws, manager) = await Workspace();
        var (_, id) = await Partnership(manager, "Quiet Co");
        await Live(ws, id);
        for (var i = 0; i < 3; i++)
        {
            var r = await (await manager.PostAsync("/api/health/recompute", null)).Read<RecomputeResult>();
            Assert.Equal(Now.Previous.Label, r.Period);
            Assert.Equal(1, r.CheckInsNeeded);
            Assert.Equal(i == 0 ? 1 : 0, r.CheckInsOpened);
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => manager.PostAsync("/api/health/recompute", null)));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var tasks = await InDb(ws, (db, _) => db.Tasks.Where(t => t.PartnershipId == id).ToListAsync());
        var task = Assert.Single(tasks);
        Assert.Equal($"check-in:{id}:{Now.Previous.Label}", task.SourceKey);
        Assert.Equal((await User(ws.Emails[Roles.Manager])).Id, task.AssigneeId);

        // Running the service from separate scopes at once (no shared HTTP pipeline) still leaves one task.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => InDb(ws, (db, sp) => sp.GetRequiredService<HealthService>().RecomputeAsync())));
        Assert.Single(await InDb(ws, (db, _) => db.Tasks.Where(t => t.PartnershipId == id).ToListAsync()));

        var alerts = await (await manager.GetAsync("/api/health/alerts?kind=check-in")).Read<Paged<AlertRow>>();
        Assert.Contains(alerts.Items, a => a.PartnershipId == id && a.Band == EngagementBand.NeedsCheckIn && a.Engagement == 0);
        var status = await (await manager.GetAsync("/api/health/recompute")).Read<RecomputeStatus>();
        Assert.False(status.Running);
        Assert.NotNull(status.Last);
    }

    [SkippableFact]
    public async Task FullActivity_MakesAHighPerformer_WithoutACheckIn()
    {
        var (ws, manager) = await Workspace();
        var (_, id) = await Partnership(manager, "Busy Co");
        await Live(ws, id);
        var q = Now.Previous;
        await StageMove(ws, id, q);
        await Evaluation(ws, id, q);
        await OtherModulesActivity(ws, id, q);
        var staff = await Staff(ws, Roles.Manager, Roles.Executive);
        var survey = await Send(manager, id, q, anonymous: true, staff.Ids, "pulse");
        foreach (var c in staff.Clients) await c.PostJson($"/api/surveys/{survey.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 5, 10) });

        var r = await (await manager.PostAsync("/api/health/recompute", null)).Read<RecomputeResult>();
        Assert.Equal(1, r.HighPerformers);
        var engagement = await (await manager.GetAsync($"/api/partnerships/{id}/engagement")).Read<EngagementHistory>();
        var point = engagement.Periods.Single(p => p.Period == q.Label);
        Assert.Equal(100m, point.Index);
        Assert.Equal(EngagementBand.HighPerformer, point.Band);
        Assert.Contains("Survey responses", engagement.Formula);
        // Every kind of the default formula has a source once all modules are in: agreements and measurement count too.
        Assert.Equal([ActivityKind.StageMoves, ActivityKind.Evaluations, ActivityKind.AgreementActivity, ActivityKind.Observations, ActivityKind.SurveyResponses], point.Components.Select(c => c.Kind));
        Assert.Empty(await InDb(ws, (db, _) => db.Tasks.Where(t => t.PartnershipId == id).ToListAsync()));
        var high = await (await manager.GetAsync("/api/health/alerts?kind=high-performers")).Read<Paged<AlertRow>>();
        Assert.Single(high.Items, a => a.PartnershipId == id);
        var summaries = await InDb(ws, (db, sp) => sp.GetRequiredService<IHealthSummarySource>().SummariesAsync([id, 999999], default));
        Assert.Equal(EngagementBand.HighPerformer, Assert.Single(summaries).Value.Band);
        var totals = await InDb(ws, (db, sp) => sp.GetRequiredService<IHealthSummarySource>().TotalsAsync(default));
        Assert.Equal(1, totals.HighPerformers);
    }

    [SkippableFact]
    public async Task RedFlags_DecliningEngagement_DecliningDimension_MissingSponsor_OverdueReview()
    {
        var (ws, manager) = await Workspace();
        var (_, id) = await Partnership(manager, "Fading Co");
        await Live(ws, id, sponsor: false);
        var q = Now.Previous.Trailing(4); // oldest first: 100 → 66.7 → 33.3 → 0 in engagement
        await StageMove(ws, id, q[0]); await Evaluation(ws, id, q[0]);
        await StageMove(ws, id, q[1]); await Evaluation(ws, id, q[1]);
        await StageMove(ws, id, q[2]);
        var staff = await Staff(ws, Roles.Manager, Roles.Executive, Roles.Evaluator);
        // Health surveys declining 5 → 4 → 3 → 2 over the same quarters (named rounds, 3 respondents each);
        // the first has 3 respondents, so survey responses score 100 there too.
        for (var i = 0; i < 4; i++)
        {
            var s = await Send(manager, id, q[i], anonymous: false, staff.Ids, "pulse");
            foreach (var c in staff.Clients) await c.PostJson($"/api/surveys/{s.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 5 - i, 9) });
        }

        var r = await (await manager.PostAsync("/api/health/recompute", null)).Read<RecomputeResult>();
        Assert.Equal(1, r.WithRedFlags);
        var row = Assert.Single((await (await manager.GetAsync("/api/health/alerts?kind=red-flags")).Read<Paged<AlertRow>>()).Items);
        Assert.Contains(row.RedFlags, f => f.Kind == RedFlagKind.MissingSponsor);
        Assert.Equal(HealthSurveys.Dimensions.Order(), row.RedFlags.Where(f => f.Kind == RedFlagKind.DecliningHealthDimension).Select(f => f.Subject!).Order());
        var history = await InDb(ws, (db, sp) => sp.GetRequiredService<IHealthSummarySource>().HistoryAsync(id, default));
        Assert.Equal(q.Select(x => x.Label), history.Where(h => h.Dimensions.Count > 0).Select(h => h.Period));
        Assert.Equal(100m, history.First(h => h.Period == q[0].Label).Dimensions[HealthSurveys.ValueDelivery]);

        // Engagement 100 → 66.7 → 33.3 → 0: stage move, evaluation and two survey responses, then one kind less each quarter.
        var (_, id2) = await Partnership(manager, "Sliding Co");
        await Live(ws, id2);
        await StageMove(ws, id2, q[0]); await Evaluation(ws, id2, q[0]);
        var early = await Send(manager, id2, q[0], anonymous: false, staff.Ids.Take(2), "pulse");
        foreach (var c in staff.Clients.Take(2)) await c.PostJson($"/api/surveys/{early.Id}/responses", new { answers = Answers(HealthSurveys.Pulse, 4, 9) });
        await StageMove(ws, id2, q[1]); await Evaluation(ws, id2, q[1]);
        await StageMove(ws, id2, q[2]);
        await manager.PostAsync("/api/health/recompute", null);
        var row2 = (await (await manager.GetAsync("/api/health/alerts?kind=red-flags")).Read<Paged<AlertRow>>()).Items.Single(a => a.PartnershipId == id2);
        var flag = Assert.Single(row2.RedFlags);
        Assert.Equal(RedFlagKind.DecliningEngagement, flag.Kind);
        Assert.DoesNotContain(row2.RedFlags, f => f.Kind == RedFlagKind.MissingSponsor);

        // Overdue reviews come from the agreements module; a stand-in source shows they become a red flag.
        await InDb(ws, async (db, sp) =>
        {
            var service = new HealthService(db, sp.GetServices<IActivitySource>(), [new OneOverdueReview(id2)], sp.GetRequiredService<TaskService>(), sp.GetRequiredService<HealthJobState>(), sp.GetRequiredService<Warmglow.Web.Features.Notifications.INotifier>());
            await service.RecomputeAsync();
            return 0;
        });
        var row3 = (await (await manager.GetAsync("/api/health/alerts?kind=red-flags")).Read<Paged<AlertRow>>()).Items.Single(a => a.PartnershipId == id2);
        Assert.Contains(row3.RedFlags, f => f.Kind == RedFlagKind.OverdueReviews && f.Reason == "1 review is overdue.");
        var summary = (await InDb(ws, (db, sp) => sp.GetRequiredService<IHealthSummarySource>().SummariesAsync([id, id2], default)))[id2];
        Assert.Contains("1 review is overdue.", summary.RedFlags);
    }

    // --- pages and demo -------------------------------------------------------------------------------------

    static Task<HttpResponseMessage> PostForm(HttpClient c, string url, string handlerUrl, List<KeyValuePair<string, string>> fields) =>
        c.PostFormAsync(url, handlerUrl, fields);

    [SkippableFact]
    public async Task Pages_Render_AnswerThroughTheForm_WithInlineErrors_AndPartnerUsersSeeOnlyTheirOwn()
    {
        var (ws, manager) = await Workspace();
        var (partnerId, id) = await Partnership(manager, "Page Co");
        var (otherPartner, otherId) = await Partnership(manager, "Other Page Co");
        var partner = await PartnerPeople(ws, partnerId, 1);
        var stranger = await PartnerPeople(ws, otherPartner, 1);
        var me = await User(ws.Emails[Roles.Manager]);
        var survey = await Send(manager, id, Now, anonymous: true, [me.Id, partner.Ids[0]], "pulse");
        await Live(ws, id);
        await manager.PostAsync("/api/health/recompute", null);

        foreach (var (url, text) in new[]
        {
            ("/Surveys", survey.Title), ($"/Surveys/Answer/{survey.Id}", "Anonymous survey"), ($"/Surveys/Results/{survey.Id}", "Results appear from 3 responses"),
            ("/Surveys/Create", "Find a partnership"), ($"/Surveys/Create?partnershipId={id}", "Who to ask"),
            ("/Health/Engagement", "How it is computed"), ("/Health/Alerts", "Recompute now"), ($"/Partnerships/{id}", $"/Surveys/Create?partnershipId={id}"),
        })
        {
            var response = await manager.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Contains(text, html);
        }

        // Inline errors: a missing answer is named next to its question and nothing is saved.
        var bad = await PostForm(manager, $"/Surveys/Answer/{survey.Id}", $"/Surveys/Answer/{survey.Id}",
            [new("Answers[relationship]", "4"), new("Answers[communication]", "3"), new("Answers[alignment]", "4"), new("Answers[nps]", "9")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"err-value\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, await InDb(ws, (db, _) => db.SurveyAnswers.CountAsync()));
        var good = await PostForm(manager, $"/Surveys/Answer/{survey.Id}", $"/Surveys/Answer/{survey.Id}",
            [new("Answers[relationship]", "4"), new("Answers[communication]", "3"), new("Answers[alignment]", "4"), new("Answers[value]", "5"), new("Answers[nps]", "9")]);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("You have answered this survey", await (await manager.GetAsync($"/Surveys/Answer/{survey.Id}")).Content.ReadAsStringAsync());

        // The partner user sees and answers their own partnership's survey; another partnership's partner user gets 404.
        Assert.Contains(survey.Title, await (await partner.Clients[0].GetAsync("/Surveys")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await partner.Clients[0].GetAsync($"/Surveys/Answer/{survey.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Clients[0].GetAsync($"/Surveys/Answer/{survey.Id}")).StatusCode);
        Assert.DoesNotContain(survey.Title, await (await stranger.Clients[0].GetAsync("/Surveys")).Content.ReadAsStringAsync());
        foreach (var url in new[] { $"/Surveys/Results/{survey.Id}", "/Surveys/Create", "/Health/Engagement", "/Health/Alerts" })
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.Clients[0].GetAsync(url)).StatusCode);
        _ = otherId;
    }

    [SkippableFact]
    public async Task CreateForm_ShowsInlineErrors_ThenSendsTheRound()
    {
        var (ws, manager) = await Workspace();
        var (partnerId, id) = await Partnership(manager, "Form Co");
        var partner = await PartnerPeople(ws, partnerId, 1);
        var me = await User(ws.Emails[Roles.Manager]);
        var url = $"/Surveys/Create?partnershipId={id}";
        var page = await (await manager.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains(partner.Users[0].Email!, page); // the partner's people are offered next to our staff

        var none = await PostForm(manager, url, "/Surveys/Create",
            [new("Input.PartnershipId", id.ToString()), new("Input.TemplateKey", "pulse"), new("Input.Period", Now.Label), new("Input.Anonymous", "true")]);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("id=\"recipients-error\"", await none.Content.ReadAsStringAsync());
        Assert.Equal(0, await InDb(ws, (db, _) => db.SurveyRounds.CountAsync()));

        var sent = await PostForm(manager, url, "/Surveys/Create",
            [new("Input.PartnershipId", id.ToString()), new("Input.TemplateKey", "pulse"), new("Input.Period", Now.Label), new("Input.Anonymous", "true"),
             new("Input.RecipientIds", me.Id), new("Input.RecipientIds", partner.Ids[0])]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var round = await InDb(ws, (db, _) => db.SurveyRounds.Include(r => r.Recipients).SingleAsync());
        Assert.True(round.Anonymous);
        Assert.Equal(2, round.Recipients.Count);
    }

    [SkippableFact]
    public async Task DemoData_HasSurveysOverQuarters_TheThreshold_CheckInsAndRedFlags()
    {
        var (ws, manager) = await Workspace("Demo");
        await InDb(ws, async (db, sp) => await sp.GetRequiredService<Warmglow.Web.Features.Demo.DemoLoader>().LoadAsync());
        var rounds = await InDb(ws, (db, _) => db.SurveyRounds.Select(s => new { s.Id, s.Anonymous, s.Status, s.Period, Responses = s.Recipients.Count(r => r.Responded) }).ToListAsync());
        Assert.True(rounds.Select(r => r.Period).Distinct().Count() >= 4);
        Assert.Contains(rounds, r => r.Anonymous && r.Status == SurveyStatus.Closed && r.Responses >= 3);
        var two = Assert.Single(rounds, r => r.Responses == 2);
        Assert.Contains("Results appear from 3 responses", await (await manager.GetAsync($"/Surveys/Results/{two.Id}")).Content.ReadAsStringAsync());
        Assert.Equal(0, await InDb(ws, (db, _) => db.SurveyAnswers.CountAsync(a => a.SurveyRound!.Anonymous && a.RespondentId != null)));
        Assert.True(await InDb(ws, (db, _) => db.EngagementSnapshots.CountAsync()) > 0);
        Assert.True(await InDb(ws, (db, _) => db.Tasks.CountAsync(t => t.Source == HealthService.CheckInSource)) > 0);
        var flags = await (await manager.GetAsync("/api/health/alerts?kind=red-flags&pageSize=200")).Read<Paged<AlertRow>>();
        Assert.Contains(flags.Items, a => a.RedFlags.Any(f => f.Kind == RedFlagKind.DecliningHealthDimension));
        Assert.Contains(flags.Items, a => a.RedFlags.Any(f => f.Kind == RedFlagKind.MissingSponsor));
    }

    [SkippableFact]
    public async Task HealthSummarySource_UsesABoundedNumberOfQueries_WhateverThePageSize()
    {
        var (ws, manager) = await Workspace("Bounded");
        var ids = await InDb(ws, async (db, _) =>
        {
            var list = Enumerable.Range(0, 30).Select(i => new Partnership
            {
                Name = $"Bounded {i}", Stage = PartnershipStage.Active, StartDate = Now.Previous.Previous.Start,
                Members = [new PartnershipMember { Partner = new Partner { Name = $"Bounded partner {i}" }, IsLead = true }],
            }).ToList();
            db.Partnerships.AddRange(list);
            await db.SaveChangesAsync();
            return list.Select(p => p.Id).ToList();
        });
        await manager.PostAsync("/api/health/recompute", null);

        async Task<int> Queries(Func<IHealthSummarySource, Task> read) => await InDb(ws, async (db, sp) =>
        {
            using var counter = new CommandCounter(db);
            await read(sp.GetRequiredService<IHealthSummarySource>());
            return counter.Count;
        });
        var few = await Queries(s => s.SummariesAsync(ids.Take(2).ToList(), default));
        var many = await Queries(s => s.SummariesAsync(ids, default));
        Assert.Equal(1, few);
        Assert.Equal(few, many);
        Assert.Equal(30, (await InDb(ws, (db, sp) => sp.GetRequiredService<IHealthSummarySource>().SummariesAsync(ids, default))).Count);
        Assert.True(await Queries(s => s.TotalsAsync(default)) <= 2);
        Assert.True(await Queries(s => s.HistoryAsync(ids[0], default)) <= 4);
        var totals = await InDb(ws, (db, sp) => sp.GetRequiredService<IHealthSummarySource>().TotalsAsync(default));
        Assert.Equal(30, totals.NeedsCheckIn);
        Assert.Equal(30, totals.WithRedFlags); // no sponsor
    }

    /// <summary>Counts the SQL commands one DbContext instance executes (EF's diagnostic events).</summary>
    sealed class CommandCounter : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        readonly DbContext _context;
        readonly IDisposable _all;
        readonly List<IDisposable> _subscriptions = [];
        int _count;
        public int Count => _count;

        public CommandCounter(DbContext context)
        {
            _context = context;
            _all = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(this);
        }

        public void OnNext(System.Diagnostics.DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted.Name
                && e.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData d && ReferenceEquals(d.Context, _context))
                Interlocked.Increment(ref _count);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }

    sealed class OneOverdueReview(int partnershipId) : IOverdueReviewSource
    {
        public IQueryable<OverdueReview> Overdue(WarmglowDb db, DateOnly today) =>
            db.Partnerships.Where(p => p.Id == partnershipId).Select(p => new OverdueReview { PartnershipId = p.Id, Title = "Quarterly review", DueOn = today.AddDays(-10) });
    }
}
