using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Health;

public static class HealthApi
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/survey-templates", () => SurveyService.Templates)
            .WithTags("Health").RequireAuthorization(Policies.Internal).WithSummary("The survey templates a round can be created from");

        var surveys = app.MapGroup("/api/surveys").WithTags("Health").RequireAuthorization(Policies.Member);
        surveys.MapGet("/", (int? partnershipId, int? page, int? pageSize, SurveyService s, CancellationToken ct) => s.ListAsync(partnershipId, page, pageSize, ct))
            .RequireAuthorization(Policies.Oversee).WithSummary("Survey rounds sent, newest period first, with response counts");
        surveys.MapGet("/mine", (int? page, int? pageSize, SurveyService s, CancellationToken ct) => s.MineAsync(page, pageSize, ct))
            .WithSummary("The surveys the signed-in person was asked to answer (staff and partner users)");
        surveys.MapGet("/recipients", (int partnershipId, SurveyService s, CancellationToken ct) => s.EligibleRecipientsAsync(partnershipId, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Who a round for this partnership may be sent to: our staff and the partner's people");
        surveys.MapPost("/", async Task<Created<SurveyDto>> (SurveyRoundInput input, SurveyService s, CancellationToken ct) =>
        {
            var round = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/surveys/{round.Id}", await s.GetAsync(round.Id, true, ct));
        }).RequireAuthorization(Policies.Manage).WithSummary("Send a survey round for a partnership and quarter from a template (optionally anonymous)");
        surveys.MapGet("/{id:int}", async (int id, SurveyService s, HttpContext http, IAuthorizationService auth, CancellationToken ct) =>
                await s.GetAsync(id, (await auth.AuthorizeAsync(http.User, Policies.Oversee)).Succeeded, ct))
            .WithSummary("A survey round with its questions (recipients, and staff who oversee)");
        surveys.MapPost("/{id:int}/responses", async Task<Created<AnswerReceipt>> (int id, SurveyAnswersInput input, SurveyService s, CancellationToken ct) =>
                TypedResults.Created($"/api/surveys/{id}", await s.AnswerAsync(id, input, ct)))
            .WithSummary("Answer a survey you were asked to answer (once; anonymous rounds store no link to you)");
        surveys.MapPost("/{id:int}/close", async Task<NoContent> (int id, SurveyService s, CancellationToken ct) =>
        {
            await s.CloseAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage).WithSummary("Close a round: no more answers; anonymous results appear from then on");
        surveys.MapGet("/{id:int}/results", (int id, SurveyService s, CancellationToken ct) => s.ResultsAsync(id, ct))
            .RequireAuthorization(Policies.Oversee).WithSummary("Results per dimension, NPS and over time (from 3 responses)");

        app.MapGet("/api/partnerships/{id:int}/engagement", (int id, HealthReadModel h, CancellationToken ct) => h.EngagementAsync(id, ct))
            .WithTags("Health").RequireAuthorization(Policies.Internal).WithSummary("Engagement index per quarter with its components and the formula");

        var health = app.MapGroup("/api/health").WithTags("Health").RequireAuthorization(Policies.Internal);
        health.MapPost("/recompute", (HealthService h, CancellationToken ct) => h.RecomputeAsync(ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Recompute engagement snapshots, check-in tasks, high performers and red flags now");
        health.MapGet("/recompute", (HealthService h) => h.Status()).WithSummary("Whether a recompute runs now, and the last result");
        health.MapGet("/alerts", (string? kind, int? page, int? pageSize, HealthReadModel h, CancellationToken ct) => h.AlertsAsync(kind, page, pageSize, ct))
            .WithSummary("Red flags, check-ins and high performers (kind: all, red-flags, check-in, high-performers)");
        health.MapGet("/engagement", (string? period, int? page, int? pageSize, HealthReadModel h, CancellationToken ct) => h.EngagementPageAsync(period, page, pageSize, ct))
            .WithSummary("Every partnership's engagement in a quarter, lowest first, with the formula");
    }
}
