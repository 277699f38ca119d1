using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Scoring;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteDiscoveryTests(SqliteApp app) : DiscoveryTests<SqliteApp>(app);
public sealed class PostgresDiscoveryTests(PostgresApp app) : DiscoveryTests<PostgresApp>(app);

/// <summary>Scorecards, blind evaluations, ranking, decisions, pilots and the vetting gate, through the API.</summary>
public abstract class DiscoveryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Vetting")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    static async Task<int> Candidate(HttpClient admin, string name)
    {
        var partner = await (await admin.PostJson("/api/partners", new { name })).Read<PartnerDto>();
        return (await (await admin.PostJson("/api/partnerships", new { name = $"{name} alliance", type = "CoSellingReferral", partnerId = partner.Id })).Read<PartnershipDto>()).Id;
    }

    static async Task<ScorecardDto> Vetting110(HttpClient c)
    {
        var list = await (await c.GetAsync("/api/scorecards")).Read<List<ScorecardSummary>>();
        return await (await c.GetAsync($"/api/scorecards/{list.Single(s => s.Key == BuiltInTemplates.Vetting110.Key).Id}")).Read<ScorecardDto>();
    }

    /// <summary>The same score on every criterion.</summary>
    static object Scores(ScorecardDto card, int value) =>
        new { scorecardId = card.Id, scores = card.Dimensions.SelectMany(d => d.Criteria).ToDictionary(c => c.Key, _ => value) };

    static async Task Move(HttpClient c, int id, string to) =>
        Assert.Equal(HttpStatusCode.Created, (await c.PostJson($"/api/partnerships/{id}/transitions", new { to, reason = $"to {to}" })).StatusCode);

    [SkippableFact]
    public async Task NewWorkspace_GetsTheFiveBuiltInScorecards()
    {
        var (_, admin) = await Workspace();
        var list = await (await admin.GetAsync("/api/scorecards")).Read<List<ScorecardSummary>>();
        Assert.Equal(BuiltInTemplates.All.Select(t => t.Key).Order(), list.Select(s => s.Key).Order());
        Assert.All(list, s => Assert.True(s.BuiltIn));
    }

    [SkippableFact]
    public async Task Evaluator_SeesOthersScores_OnlyAfterSubmittingOwn()
    {
        var (ws, admin) = await Workspace();
        var id = await Candidate(admin, "Blind Co");
        var card = await Vetting110(admin);
        var first = await ws.As(Roles.Evaluator);
        var second = await ws.AsNewUser(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Created, (await first.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, 8))).StatusCode);

        var before = await (await second.GetAsync($"/api/partnerships/{id}/vetting")).Read<VettingDto>();
        var hidden = Assert.Single(before.Scorecards);
        Assert.True(hidden.Hidden);
        Assert.Null(hidden.Combined);
        Assert.Empty(hidden.Evaluations);
        Assert.Null(before.Facts.BestScore);
        Assert.Equal(HttpStatusCode.Forbidden, (await second.GetAsync($"/api/scorecards/{card.Id}/ranking")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await second.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, 4))).StatusCode);
        var after = Assert.Single((await (await second.GetAsync($"/api/partnerships/{id}/vetting")).Read<VettingDto>()).Scorecards);
        Assert.False(after.Hidden);
        Assert.Equal(2, after.Evaluations.Count);
        // 8 and 4 of 10 normalize to 77.78 and 33.33 → mean 55.56; spread 4 of a 9-point range flags disagreement.
        Assert.Equal(55.6m, ScoreDisplay.Round(after.Combined!.Overall));
        Assert.All(after.Combined.Criteria, c => Assert.True(c.Disagreement));

        var manager = await ws.As(Roles.Manager);
        Assert.False(Assert.Single((await (await manager.GetAsync($"/api/partnerships/{id}/vetting")).Read<VettingDto>()).Scorecards).Hidden);
    }

    [SkippableFact]
    public async Task Evaluations_BadInput_IsRefused_AndNothingIsSaved()
    {
        var (ws, admin) = await Workspace();
        var id = await Candidate(admin, "Strict Co");
        var card = await Vetting110(admin);
        var keys = card.Dimensions.SelectMany(d => d.Criteria).Select(c => c.Key).ToList();
        var outOfScale = keys.ToDictionary(k => k, k => k == keys[0] ? 11 : 5);
        var p1 = await (await admin.PostJson($"/api/partnerships/{id}/evaluations", new { scorecardId = card.Id, scores = outOfScale })).Problem(400);
        Assert.NotNull(p1["errors"]![$"scores.{keys[0]}"]);
        var missing = keys.Skip(1).ToDictionary(k => k, _ => 5);
        await (await admin.PostJson($"/api/partnerships/{id}/evaluations", new { scorecardId = card.Id, scores = missing })).Problem(400);
        await (await admin.PostJson($"/api/partnerships/{id}/evaluations", new { scorecardId = 999999, scores = missing })).Problem(400);
        Assert.Empty((await (await admin.GetAsync($"/api/partnerships/{id}/vetting")).Read<VettingDto>()).Scorecards);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, 7))).StatusCode);
        var twice = await (await admin.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, 9))).Problem(409);
        Assert.Contains("already scored", twice["detail"]!.GetValue<string>());
        Assert.Equal(1, Assert.Single((await (await admin.GetAsync($"/api/partnerships/{id}/vetting")).Read<VettingDto>()).Scorecards).EvaluatorCount);
    }

    [SkippableFact]
    public async Task Gate_EvaluationToAgreement_NeedsPassingScoreAndGoDecision()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var id = await Candidate(admin, "Gate Co");
        await Move(manager, id, "Research");
        var noResearch = await (await manager.PostJson($"/api/partnerships/{id}/transitions", new { to = "IntroCall", reason = "call booked" })).Problem(400);
        Assert.Contains("desk research", noResearch["errors"]!["to"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PutJson($"/api/partnerships/{id}/vetting/steps/DeskResearch", new { done = true })).StatusCode);
        await (await manager.PutJson($"/api/partnerships/{id}/vetting/steps/Astrology", new { done = true })).Problem(400);
        foreach (var step in new[] { "DeskResearch", "IntroCall", "ReferenceChecks", "ValuePropositionDocument" })
            Assert.True((await (await manager.PutJson($"/api/partnerships/{id}/vetting/steps/{step}", new { done = true, notes = $"{step} ok" })).Read<StepDto>()).Done);
        foreach (var stage in new[] { "IntroCall", "MutualValueProposition", "Pilot" }) await Move(manager, id, stage);

        var noPilot = await (await manager.PostJson($"/api/partnerships/{id}/transitions", new { to = "Evaluation", reason = "done" })).Problem(400);
        Assert.Contains("pilot", noPilot["errors"]!["to"]![0]!.GetValue<string>());
        var pilot = new { scope = "3 studios, 6 weeks", durationWeeks = 6, successCriteria = "20% more bookings", milestones = new[] { new { name = "Kick-off", due = "2026-01-10", done = true } }, verdict = "Succeeded", verdictNotes = "24% more bookings" };
        await (await manager.PutJson($"/api/partnerships/{id}/pilot", pilot)).Read<PilotDto>();
        await Move(manager, id, "Evaluation");

        var refused = await (await manager.PostJson($"/api/partnerships/{id}/transitions", new { to = "Agreement", reason = "let's sign" })).Problem(400);
        var message = refused["errors"]!["to"]![0]!.GetValue<string>();
        Assert.Contains("combined score of at least 70", message);
        Assert.Contains("go decision", message);

        var card = await Vetting110(admin);
        await admin.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, 9)); // 88.9
        var stillRefused = await (await manager.PostJson($"/api/partnerships/{id}/transitions", new { to = "Agreement", reason = "let's sign" })).Problem(400);
        Assert.DoesNotContain("combined score", stillRefused["errors"]!["to"]![0]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson($"/api/partnerships/{id}/decisions", new { go = true, reasons = "I like it" })).StatusCode);
        var executive = await ws.As(Roles.Executive);
        await (await executive.PostJson($"/api/partnerships/{id}/decisions", new { go = true })).Problem(400); // reasons required
        Assert.Equal(HttpStatusCode.Created, (await executive.PostJson($"/api/partnerships/{id}/decisions", new { go = true, reasons = "Strong fit; pilot beat its target" })).StatusCode);
        await Move(manager, id, "Agreement");
        Assert.Equal(PartnershipStage.Agreement, (await (await manager.GetAsync($"/api/partnerships/{id}")).Read<PartnershipDto>()).Stage);
    }

    [SkippableFact]
    public async Task Ranking_ShortlistsExactlyThoseAtOrAboveTheThreshold()
    {
        var (_, admin) = await Workspace();
        var card = await Vetting110(admin);
        var scores = new[] { 10, 8, 7, 4, 1 }; // normalized 100, 77.8, 66.7, 33.3, 0
        var ids = new List<int>();
        foreach (var (s, i) in scores.Select((s, i) => (s, i)))
        {
            var id = await Candidate(admin, $"Candidate {i}");
            ids.Add(id);
            await admin.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, s));
        }
        await (await admin.PutJson("/api/settings/threshold", new { threshold = 66.6 })).Read<ThresholdInput>();
        var ranking = await (await admin.GetAsync($"/api/scorecards/{card.Id}/ranking")).Read<RankingDto>();
        Assert.Equal(ids, ranking.Rows.Select(r => r.PartnershipId));
        Assert.Equal([1, 2, 3, 4, 5], ranking.Rows.Select(r => r.Rank!.Value));
        Assert.Equal([true, true, true, false, false], ranking.Rows.Select(r => r.Shortlisted));
        Assert.Equal(3, ranking.Shortlisted);
        Assert.Equal(0, ranking.LeftOut);

        // A rejected candidate is no longer competing: it leaves the ranking and the shortlist, counted apart.
        await Move(admin, ids[0], "Rejected");
        ranking = await (await admin.GetAsync($"/api/scorecards/{card.Id}/ranking")).Read<RankingDto>();
        Assert.Equal(ids[1..], ranking.Rows.Select(r => r.PartnershipId));
        Assert.Equal(2, ranking.Shortlisted);
        Assert.Equal(1, ranking.LeftOut);
        Assert.Contains("1 scored partnership is left out", await admin.GetStringAsync($"/Scorecards/{card.Id}/Ranking"));
        await (await admin.PutJson("/api/settings/threshold", new { threshold = 101 })).Problem(400);
    }

    [SkippableFact]
    public async Task Templates_AdminEdits_WeightsNormalize_BadInputAndLockedCriteriaRefused()
    {
        var (ws, admin) = await Workspace();
        var body = new
        {
            name = "Studio fit",
            dimensions = new[]
            {
                new { name = "Fit", criteria = new[] { new { name = "Values", weight = 3m, scaleMax = 5 }, new { name = "Audience", weight = 1m, scaleMax = 5 } } },
                new { name = "Capacity", criteria = new[] { new { name = "Staff time", weight = 1m, scaleMax = 10 } } },
            },
        };
        var card = await (await admin.PostJson("/api/scorecards", body)).Read<ScorecardDto>();
        Assert.Equal([60m, 20m, 20m], card.CriterionShares.Select(s => s.Percent));
        Assert.Equal("studio-fit", card.Key);

        var zero = await (await admin.PostJson("/api/scorecards", new { name = "Bad", dimensions = new[] { new { name = "D", criteria = new[] { new { name = "C", weight = 0m, scaleMax = 5 } } } } })).Problem(400);
        Assert.Contains("weight", string.Join(",", zero["errors"]!.AsObject().Select(e => e.Key)));
        await (await admin.PostJson("/api/scorecards", new { name = "Empty", dimensions = Array.Empty<object>() })).Problem(400);
        await (await admin.PostJson("/api/scorecards", new { name = "Scale", dimensions = new[] { new { name = "D", criteria = new[] { new { name = "C", weight = 1m, scaleMax = 7 } } } } })).Problem(400);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Manager)).PostJson("/api/scorecards", body)).StatusCode);

        var id = await Candidate(admin, "Locked Co");
        await admin.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, 3));
        var changed = new { name = "Studio fit v2", version = card.Version, dimensions = new[] { new { name = "Fit", criteria = new[] { new { name = "Values", weight = 1m, scaleMax = 5 } } } } };
        await (await admin.PutJson($"/api/scorecards/{card.Id}", changed)).Problem(409);
        var renamed = new { name = "Studio fit (2026)", version = card.Version, dimensions = card.Dimensions };
        Assert.Equal("Studio fit (2026)", (await (await admin.PutJson($"/api/scorecards/{card.Id}", renamed)).Read<ScorecardDto>()).Name);
        await (await admin.DeleteAsync($"/api/scorecards/{card.Id}")).Problem(409);
    }

    [SkippableFact]
    public async Task Vetting_IsInvisibleToOtherWorkspaces_AndToPartnerUsers()
    {
        var (ws, admin) = await Workspace("Owner");
        var (_, other) = await Workspace("Other");
        var id = await Candidate(admin, "Private Co");
        var card = await Vetting110(admin);
        await (await other.GetAsync($"/api/partnerships/{id}/vetting")).Problem(404);
        await (await other.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, 5))).Problem(404);
        await (await other.GetAsync($"/api/scorecards/{card.Id}")).Problem(404);
        var partnerId = (await (await admin.GetAsync($"/api/partnerships/{id}")).Read<PartnershipDto>()).Partners[0].Id;
        var partnerUser = await ws.AsPartnerUser(partnerId);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync($"/api/partnerships/{id}/vetting")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.PostJson($"/api/partnerships/{id}/evaluations", Scores(card, 5))).StatusCode);
    }

    [SkippableFact]
    public async Task DemoData_IsConsistentWithTheGates()
    {
        var (ws, admin) = await Workspace("Demo");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
            Assert.Equal(20, await scope.ServiceProvider.GetRequiredService<Warmglow.Web.Features.Demo.DemoLoader>().LoadAsync());
            var discovery = scope.ServiceProvider.GetRequiredService<DiscoveryService>();
            var passed = await scope.ServiceProvider.GetRequiredService<Warmglow.Web.Data.WarmglowDb>().StageTransitions
                .Where(t => t.FromStage == PartnershipStage.Evaluation && t.ToStage == PartnershipStage.Agreement).Select(t => t.PartnershipId).ToListAsync();
            Assert.NotEmpty(passed);
            foreach (var id in passed)
            {
                var facts = await discovery.GateFactsAsync(id);
                foreach (var (from, to) in new[] { (PartnershipStage.Research, PartnershipStage.IntroCall), (PartnershipStage.IntroCall, PartnershipStage.MutualValueProposition),
                             (PartnershipStage.MutualValueProposition, PartnershipStage.Pilot), (PartnershipStage.Pilot, PartnershipStage.Evaluation), (PartnershipStage.Evaluation, PartnershipStage.Agreement) })
                    Assert.Null(VettingGate.Check(from, to, facts));
            }
        }
        var cards = await (await admin.GetAsync("/api/scorecards")).Read<List<ScorecardSummary>>();
        var ranking = await (await admin.GetAsync($"/api/scorecards/{cards.Single(c => c.Key == BuiltInTemplates.FourDimensional.Key).Id}/ranking")).Read<RankingDto>();
        // The demo's candidates are ranked; its live and ended partnerships are counted apart, not ranked.
        Assert.True(ranking.Rows.Count >= 2);
        Assert.True(ranking.Rows.Count + ranking.LeftOut >= 5);
        Assert.True(ranking.LeftOut > 0);
        Assert.All(ranking.Rows, r => Assert.True(Lifecycle.IsCandidate(r.Stage)));
    }

    [SkippableFact]
    public async Task Persona_NamesTheDefaultScorecard_ForItsCandidates()
    {
        var (_, admin) = await Workspace("Personas");
        var card = await Vetting110(admin);
        var persona = await (await admin.PostJson("/api/strategy/personas", new { name = "Community studio", scorecardId = card.Id })).Node();
        var personaId = persona["id"]!.GetValue<int>();
        await (await admin.PostJson("/api/strategy/personas", new { name = "Bad", scorecardId = 999999 })).Problem(400);

        var id = await Candidate(admin, "Persona Co");
        var current = await (await admin.GetAsync($"/api/partnerships/{id}")).Read<PartnershipDto>();
        await (await admin.PutJson($"/api/partnerships/{id}", new { name = current.Name, type = current.Type, version = current.Version, personaId = 999999 })).Problem(400);
        var updated = await (await admin.PutJson($"/api/partnerships/{id}", new { name = current.Name, type = current.Type, version = current.Version, personaId })).Read<PartnershipDto>();
        Assert.Equal((personaId, card.Id), (updated.Persona!.Id, updated.Persona.ScorecardId));

        // The scoring page opens on the persona's scorecard.
        var page = await (await admin.GetAsync($"/Partnerships/{id}/Evaluate")).Content.ReadAsStringAsync();
        Assert.Contains($"<option value=\"{card.Id}\" selected=\"selected\">", page);
    }
}
