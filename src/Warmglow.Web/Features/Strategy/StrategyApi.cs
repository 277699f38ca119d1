using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Strategy;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Strategy;

public sealed record GoalUpdate(string? Metric, string? Description, GoalKind? Kind, decimal? Baseline, decimal? Target,
    DateOnly? Deadline, string? OwnerId, int? Version)
{
    public GoalInput Input => new(Metric, Description, Kind, Baseline, Target, Deadline, OwnerId);
}

public sealed record PersonaUpdate(string? Name, string? Values, string? MarketPosition, string? OperationalStyle,
    string? Size, string? Industry, string? Region, string? Notes, int? Version)
{
    public PersonaInput Input => new(Name, Values, MarketPosition, OperationalStyle, Size, Industry, Region, Notes);
}

public static class StrategyApi
{
    public static RouteGroupBuilder MapStrategyApi(this IEndpointRouteBuilder app)
    {
        // Strategy is internal: our own people read it, managers write it, partner users never see it.
        var group = app.MapGroup("/api/strategy").WithTags("Strategy").RequireAuthorization(Policies.Internal);

        group.MapGet("/self-assessments", (StrategyService s, int? page, int? pageSize, CancellationToken ct) => s.ListAssessmentsAsync(page, pageSize, ct))
            .WithSummary("Self-assessment snapshots, newest first");
        group.MapGet("/self-assessments/{id:int}", (int id, StrategyService s, CancellationToken ct) => s.GetAssessmentAsync(id, ct));
        group.MapGet("/self-assessments/compare", (int? from, int? to, StrategyService s, CancellationToken ct) => s.CompareAsync(from, to, ct))
            .WithSummary("Compare two snapshots side by side: delta per dimension (to − from)");
        group.MapPost("/self-assessments", async Task<Created<SelfAssessmentDto>> (SelfAssessmentScores scores, StrategyService s, CancellationToken ct) =>
        {
            var dto = await s.TakeAssessmentAsync(scores, ct);
            return TypedResults.Created($"/api/strategy/self-assessments/{dto.Id}", dto);
        }).RequireAuthorization(Policies.Manage)
          .WithSummary("Take a new self-assessment snapshot (seven dimensions, score 1–5 and notes each); snapshots are never edited");

        group.MapGet("/statement", (StrategyService s, CancellationToken ct) => s.GetStatementAsync(ct))
            .WithSummary("The strategy statement and partnership SWOT (version 0 until first saved)");
        group.MapPut("/statement", (StatementInput input, StrategyService s, CancellationToken ct) => s.SaveStatementAsync(input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Save the strategy statement and SWOT; send the version you read (0 the first time)");

        group.MapGet("/goals", (GoalService s, int? page, int? pageSize, CancellationToken ct) => s.ListAsync(page, pageSize, ct))
            .WithSummary("SMART goals by deadline");
        group.MapGet("/goals/{id:int}", (int id, GoalService s, CancellationToken ct) => s.GetAsync(id, ct));
        group.MapPost("/goals", async Task<Created<GoalDto>> (GoalInput input, GoalService s, CancellationToken ct) =>
        {
            var g = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/strategy/goals/{g.Id}", await s.GetAsync(g.Id, ct));
        }).RequireAuthorization(Policies.Manage);
        group.MapPut("/goals/{id:int}", async (int id, GoalUpdate input, GoalService s, CancellationToken ct) =>
        {
            await s.UpdateAsync(id, input.Input, PartnersApi.RequireVersion(input.Version), ct);
            return await s.GetAsync(id, ct);
        }).RequireAuthorization(Policies.Manage);
        group.MapDelete("/goals/{id:int}", async Task<NoContent> (int id, int? version, GoalService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, version, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);

        group.MapGet("/personas", (PersonaService s, int? page, int? pageSize, CancellationToken ct) => s.ListAsync(page, pageSize, ct))
            .WithSummary("Partner personas: profiles of the ideal partner");
        group.MapGet("/personas/{id:int}", (int id, PersonaService s, CancellationToken ct) => s.GetAsync(id, ct));
        group.MapPost("/personas", async Task<Created<PersonaDto>> (PersonaInput input, PersonaService s, CancellationToken ct) =>
        {
            var p = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/strategy/personas/{p.Id}", await s.GetAsync(p.Id, ct));
        }).RequireAuthorization(Policies.Manage);
        group.MapPut("/personas/{id:int}", async (int id, PersonaUpdate input, PersonaService s, CancellationToken ct) =>
        {
            await s.UpdateAsync(id, input.Input, PartnersApi.RequireVersion(input.Version), ct);
            return await s.GetAsync(id, ct);
        }).RequireAuthorization(Policies.Manage);
        group.MapDelete("/personas/{id:int}", async Task<NoContent> (int id, int? version, PersonaService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, version, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);

        return group;
    }
}
