using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Partnerships;

public sealed record PartnershipUpdate(string? Name, PartnershipType? Type, string? ManagerId, string? SponsorId,
    DateOnly? StartDate, string? Notes, int? Version, int? PersonaId = null, bool? NotesShared = null)
{
    public PartnershipInput Input => new(Name, Type, null, ManagerId, SponsorId, StartDate, Notes, PersonaId, NotesShared);
}

public sealed record StageInfo(PartnershipStage Stage, string Name, IReadOnlyList<PartnershipStage> AllowedMoves);

public static class PartnershipsApi
{
    public static RouteGroupBuilder MapPartnershipsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/partnership-types", () => PartnershipTypes.All)
            .WithTags("Partnerships").RequireAuthorization(Policies.Member)
            .WithSummary("The ten partnership types with typical time to value, resource need and risk");

        app.MapGet("/api/lifecycle", () => Enum.GetValues<PartnershipStage>()
                .Select(s => new StageInfo(s, StageNames.Display(s), Lifecycle.AllowedMoves(s))))
            .WithTags("Partnerships").RequireAuthorization(Policies.Member)
            .WithSummary("The lifecycle state machine: every stage and the moves allowed from it");

        // Partner users may read: the DbContext limits them to their own partnership(s).
        var group = app.MapGroup("/api/partnerships").WithTags("Partnerships").RequireAuthorization(Policies.Member);

        group.MapGet("/", (PartnershipService s, string? search, PartnershipType? type, PartnershipStage? stage, int? partnerId,
                string? managerId, PartnershipSort? sort, int? page, int? pageSize, CancellationToken ct) =>
            s.ListAsync(new(search, type, stage, partnerId, managerId, sort ?? PartnershipSort.Updated, page, pageSize), ct));

        group.MapGet("/{id:int}", (int id, PartnershipService s, CancellationToken ct) => s.GetAsync(id, ct));

        group.MapPost("/", async Task<Created<PartnershipDto>> (PartnershipInput input, PartnershipService s, CancellationToken ct) =>
        {
            var p = await s.CreateAsync(input, ct: ct);
            return TypedResults.Created($"/api/partnerships/{p.Id}", await s.GetAsync(p.Id, ct));
        }).RequireAuthorization(Policies.Manage);

        group.MapPut("/{id:int}", async (int id, PartnershipUpdate input, PartnershipService s, CancellationToken ct) =>
        {
            await s.UpdateAsync(id, input.Input, PartnersApi.RequireVersion(input.Version), ct);
            return await s.GetAsync(id, ct);
        }).RequireAuthorization(Policies.Manage);

        group.MapDelete("/{id:int}", async Task<NoContent> (int id, PartnershipService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);

        group.MapGet("/{id:int}/transitions", async (int id, PartnershipService s, CancellationToken ct) => (await s.GetAsync(id, ct)).History);

        group.MapPost("/{id:int}/transitions", async Task<Created<TransitionDto>> (int id, MoveInput input, PartnershipService s, CancellationToken ct) =>
        {
            var t = await s.MoveAsync(id, input, ct);
            return TypedResults.Created($"/api/partnerships/{id}/transitions",
                new TransitionDto(t.Id, t.FromStage, t.ToStage, t.Reason, t.ByUserName, t.At, t.ReasonShared));
        }).RequireAuthorization(Policies.Manage)
          .WithSummary("Move to another stage; refused with the allowed moves when the state machine forbids it");

        return group;
    }
}
