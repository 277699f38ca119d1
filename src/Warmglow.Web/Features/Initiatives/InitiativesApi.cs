using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Initiatives;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Initiatives;

public static class InitiativesApi
{
    public static void MapInitiativesEndpoints(this IEndpointRouteBuilder app)
    {
        // Everyone who sees a partnership reads its initiatives (partner users: their own partnerships' shared ones,
        // the DbContext scopes them; others are not found). Staff with the manage policy write; partner users propose
        // and record progress on what their side owns.
        var g = app.MapGroup("/api/initiatives").WithTags("Initiatives").RequireAuthorization(Policies.Member);

        g.MapGet("", (InitiativeStatus? status, int? partnershipId, InitiativeKind? kind, string? ownerId, bool? atRisk, int? page, int? pageSize,
                InitiativeService s, CancellationToken ct) => s.ListAsync(new(status, partnershipId, kind, ownerId, atRisk, page, pageSize), ct))
            .WithSummary("Initiatives, most recently changed first, filtered by status, partnership, kind, our owner, or at risk (an open milestone late or due within 7 days); paged");
        g.MapGet("/kinds", () => InitiativeKinds.All.Select(k => new
            {
                k.Kind, k.Name, Family = InitiativeKinds.Describe(k.Family),
                Fields = k.Fields.Select(f => new { f.Key, f.Label, Type = f.Type.ToString().ToLowerInvariant() }),
            }))
            .WithSummary("The kinds of initiative, their families and each kind's own fields");
        g.MapGet("/{id:int}", (int id, InitiativeService s, CancellationToken ct) => s.GetAsync(id, ct))
            .WithSummary("One initiative: fields, owners, budget, milestones with their state, outcomes against targets, ROI and the moves open to it");
        g.MapPost("", async Task<Created<InitiativeDto>> (InitiativeInput input, InitiativeService s, CancellationToken ct) =>
            {
                var i = await s.CreateAsync(input, ct);
                return TypedResults.Created($"/api/initiatives/{i.Summary.Id}", i);
            })
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Create an initiative (status idea): kind and its fields, owners, budget shares and spend in one currency; 'shared' (required) says whether the partner sees it");
        g.MapPut("/{id:int}", (int id, InitiativeInput input, InitiativeService s, CancellationToken ct) => s.UpdateAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Change an initiative; send the version you read");
        g.MapPost("/{id:int}/status", (int id, StatusChangeInput input, InitiativeService s, CancellationToken ct) => s.SetStatusAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Move along idea → planned → running → done, or stop (with a reason); accept a partner's proposal (to idea) or decline it (with a reason)");
        g.MapPost("/proposals", async Task<Created<InitiativeDto>> (ProposalInput input, InitiativeService s, CancellationToken ct) =>
            {
                var i = await s.ProposeAsync(input, ct);
                return TypedResults.Created($"/api/initiatives/{i.Summary.Id}", i);
            })
            .WithSummary("Partner users: propose an initiative on one of your partnerships; our manager accepts or declines it");

        g.MapPost("/{id:int}/milestones", async Task<Created<MilestoneDto>> (int id, MilestoneInput input, InitiativeService s, CancellationToken ct) =>
            {
                var m = await s.AddMilestoneAsync(id, input, ct);
                return TypedResults.Created($"/api/initiatives/{id}/milestones/{m.Id}", m);
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Add a milestone: title, due date, owner side and name, optional done date");
        g.MapPut("/{id:int}/milestones/{milestoneId:int}", (int id, int milestoneId, MilestoneInput input, InitiativeService s, CancellationToken ct) =>
                s.UpdateMilestoneAsync(id, milestoneId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Change a milestone; send the version you read");
        g.MapDelete("/{id:int}/milestones/{milestoneId:int}", async Task<NoContent> (int id, int milestoneId, InitiativeService s, CancellationToken ct) =>
            {
                await s.RemoveMilestoneAsync(id, milestoneId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manage);
        g.MapPost("/{id:int}/milestones/{milestoneId:int}/progress", (int id, int milestoneId, MilestoneProgressInput input, InitiativeService s, CancellationToken ct) =>
                s.RecordMilestoneAsync(id, milestoneId, input, ct))
            .WithSummary("Partner users: mark a milestone your side owns done (a date) or not done (no date)");

        g.MapPost("/{id:int}/outcomes", async Task<Created<OutcomeDto>> (int id, OutcomeInput input, InitiativeService s, CancellationToken ct) =>
            {
                var o = await s.AddOutcomeAsync(id, input, ct);
                return TypedResults.Created($"/api/initiatives/{id}/outcomes/{o.Id}", o);
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Add an outcome: what it counts, a target, the number reached, which side measures it");
        g.MapPut("/{id:int}/outcomes/{outcomeId:int}", (int id, int outcomeId, OutcomeInput input, InitiativeService s, CancellationToken ct) =>
                s.UpdateOutcomeAsync(id, outcomeId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Change an outcome; send the version you read");
        g.MapPost("/{id:int}/outcomes/{outcomeId:int}/progress", (int id, int outcomeId, OutcomeProgressInput input, InitiativeService s, CancellationToken ct) =>
                s.RecordOutcomeAsync(id, outcomeId, input, ct))
            .WithSummary("Partner users: record the number reached on an outcome your side measures");

        app.MapGet("/api/partnerships/{id:int}/initiatives", (int id, int? page, int? pageSize, InitiativeService s, CancellationToken ct) =>
                s.ForPartnershipAsync(id, page, pageSize, ct))
            .WithTags("Initiatives").RequireAuthorization(Policies.Member)
            .WithSummary("A partnership's initiatives (paged) with spend, revenue and ROI rolled up per currency");
    }
}
