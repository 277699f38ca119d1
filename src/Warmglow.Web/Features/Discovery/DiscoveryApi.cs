using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Discovery;

public sealed record ThresholdInput(decimal? Threshold);

public static class DiscoveryApi
{
    public static void MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup("/api/scorecards").WithTags("Discovery").RequireAuthorization(Policies.Internal);
        cards.MapGet("/", (DiscoveryService s, CancellationToken ct) => s.ListScorecardsAsync(ct));
        cards.MapGet("/{id:int}", (int id, DiscoveryService s, CancellationToken ct) => s.GetScorecardAsync(id, ct));
        cards.MapPost("/", async Task<Created<ScorecardDto>> (ScorecardInput input, DiscoveryService s, CancellationToken ct) =>
        {
            var card = await s.CreateScorecardAsync(input, ct);
            return TypedResults.Created($"/api/scorecards/{card.Id}", await s.GetScorecardAsync(card.Id, ct));
        }).RequireAuthorization(Policies.Admin).WithSummary("Create a scorecard template; weights are relative and normalized to shares of 100%");
        cards.MapPut("/{id:int}", async (int id, ScorecardInput input, DiscoveryService s, CancellationToken ct) =>
        {
            await s.UpdateScorecardAsync(id, input, ct);
            return await s.GetScorecardAsync(id, ct);
        }).RequireAuthorization(Policies.Admin);
        cards.MapDelete("/{id:int}", async Task<NoContent> (int id, DiscoveryService s, CancellationToken ct) =>
        {
            await s.DeleteScorecardAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Admin);
        cards.MapGet("/{id:int}/ranking", (int id, DiscoveryService s, CancellationToken ct) => s.RankingAsync(id, ct))
            .RequireAuthorization(Policies.Oversee)
            .WithSummary("Candidates ranked by combined score on this scorecard; those at or above the threshold are shortlisted");

        app.MapGet("/api/settings/threshold", async (DiscoveryService s, CancellationToken ct) => new ThresholdInput(await s.ThresholdAsync(ct)))
            .WithTags("Discovery").RequireAuthorization(Policies.Internal);
        app.MapPut("/api/settings/threshold", async (ThresholdInput input, DiscoveryService s, CancellationToken ct) =>
        {
            await s.SetThresholdAsync(input.Threshold, ct);
            return input;
        }).WithTags("Discovery").RequireAuthorization(Policies.Admin);

        var vetting = app.MapGroup("/api/partnerships/{id:int}").WithTags("Discovery").RequireAuthorization(Policies.Internal);
        vetting.MapGet("/vetting", (int id, DiscoveryService s, HttpContext http, CancellationToken ct) => s.VettingAsync(id, http.User, ct))
            .WithSummary("Scores (hidden from an evaluator until they submit their own), decisions, pilot and gate facts");
        vetting.MapPost("/evaluations", async Task<Created<EvaluationDto>> (int id, EvaluationInput input, DiscoveryService s, CancellationToken ct) =>
        {
            var e = await s.SubmitAsync(id, input, ct);
            return TypedResults.Created($"/api/partnerships/{id}/vetting", new EvaluationDto(e.Id, e.EvaluatorId, e.EvaluatorName, e.Scores, e.Notes, e.SubmittedAt));
        }).WithSummary("Submit your scores for this candidate on one scorecard (once; final)");
        vetting.MapPost("/decisions", async Task<Created<DecisionDto>> (int id, DecisionInput input, DiscoveryService s, CancellationToken ct) =>
        {
            var d = await s.DecideAsync(id, input, ct);
            return TypedResults.Created($"/api/partnerships/{id}/vetting", new DecisionDto(d.Id, d.Go, d.Reasons, d.DecidedByName, d.At));
        }).RequireAuthorization(Policies.Approve).WithSummary("Record a go / no-go decision with reasons (executives and admins)");
        vetting.MapPut("/vetting/steps/{step}", (int id, Warmglow.Core.Scoring.VettingStep step, StepInput input, DiscoveryService s, CancellationToken ct) =>
                s.SetStepAsync(id, step, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Mark a vetting step done (or open again), with notes");
        vetting.MapGet("/pilot", async Task<Results<Ok<PilotDto>, NotFound>> (int id, DiscoveryService s, CancellationToken ct) =>
            await s.GetPilotAsync(id, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound());
        vetting.MapPut("/pilot", (int id, PilotInput input, DiscoveryService s, CancellationToken ct) => s.SavePilotAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Create or update the pilot: scope, duration, success criteria, milestones, verdict");
    }
}
