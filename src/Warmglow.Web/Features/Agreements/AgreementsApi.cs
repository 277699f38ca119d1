using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Agreements;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Agreements;

public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/agreement-lifecycle", () => Enum.GetValues<AgreementStatus>()
                .Select(s => new { status = s, name = AgreementLifecycle.Display(s), allowedMoves = AgreementLifecycle.AllowedMoves(s) }))
            .WithTags("Agreements").RequireAuthorization(Policies.Member)
            .WithSummary("The agreement state machine: every status and the moves allowed from it");

        // Partner users may read the agreements and versions of their own partnerships (the DbContext scopes them);
        // approvals, moves and reviews are internal; writes need Manage, approvals need Approve.
        var group = app.MapGroup("/api/agreements").WithTags("Agreements").RequireAuthorization(Policies.Member);

        group.MapGet("/", (AgreementService s, string? search, AgreementStatus? status, AgreementType? type, int? partnershipId,
                int? page, int? pageSize, CancellationToken ct) => s.ListAsync(new(search, status, type, partnershipId, page, pageSize), ct))
            .WithSummary("Agreements in the workspace, most recently changed first (paged)");

        group.MapGet("/overdue-reviews", (AgreementService s, int? page, int? pageSize, CancellationToken ct) => s.OverdueAsync(page, pageSize, ct))
            .RequireAuthorization(Policies.Internal).WithSummary("Scheduled reviews past their due date, oldest first (paged)");

        group.MapGet("/{id:int}", (int id, AgreementService s, CancellationToken ct) => s.GetAsync(id, ct));

        group.MapPost("/", async Task<Created<AgreementDto>> (AgreementInput input, AgreementService s, CancellationToken ct) =>
        {
            var a = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/agreements/{a.Id}", await s.GetAsync(a.Id, ct));
        }).RequireAuthorization(Policies.Manage).WithSummary("Create an agreement on a partnership; its terms become version 1");

        group.MapPut("/{id:int}", async (int id, AgreementInput input, AgreementService s, CancellationToken ct) =>
        {
            await s.ReviseAsync(id, input, ct);
            return await s.GetAsync(id, ct);
        }).RequireAuthorization(Policies.Manage)
          .WithSummary("Change the terms: adds a new version. Send reason and baseVersion (the version number you read; 409 if stale)");

        group.MapGet("/{id:int}/versions", (int id, AgreementService s, CancellationToken ct) => s.VersionsAsync(id, ct))
            .WithSummary("Every version, newest first (versions are never changed or deleted)");
        group.MapGet("/{id:int}/versions/{number:int}", (int id, int number, AgreementService s, CancellationToken ct) => s.VersionAsync(id, number, ct));
        group.MapGet("/{id:int}/compare", (int id, int? from, int? to, AgreementService s, CancellationToken ct) => s.CompareAsync(id, from, to, ct))
            .WithSummary("Compare two versions clause by clause, field by field (before / after / changed)");

        group.MapGet("/{id:int}/transitions", (int id, AgreementService s, CancellationToken ct) => s.TransitionsAsync(id, ct))
            .RequireAuthorization(Policies.Internal);
        group.MapPost("/{id:int}/transitions", async Task<Created<AgreementTransitionDto>> (int id, AgreementMoveInput input, AgreementService s, CancellationToken ct) =>
                TypedResults.Created($"/api/agreements/{id}/transitions", await s.MoveAsync(id, input, ct)))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Move the status; refused with the allowed moves, and signing refused without an approval of the current version");

        group.MapGet("/{id:int}/approvals", (int id, AgreementService s, CancellationToken ct) => s.ApprovalsAsync(id, ct))
            .RequireAuthorization(Policies.Internal);
        group.MapPost("/{id:int}/approvals", async Task<Created<ApprovalDto>> (int id, ApproveInput? input, AgreementService s, CancellationToken ct) =>
                TypedResults.Created($"/api/agreements/{id}/approvals", await s.ApproveAsync(id, input ?? new(null), ct)))
            .RequireAuthorization(Policies.Approve).WithSummary("Approve the current version (executives and admins)");

        group.MapGet("/{id:int}/reviews", (int id, AgreementService s, CancellationToken ct) => s.ReviewsAsync(id, ct))
            .RequireAuthorization(Policies.Internal);
        group.MapPost("/{id:int}/reviews/generate", (int id, AgreementService s, CancellationToken ct) => s.GenerateReviewsAsync(id, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Schedule reviews from the review clause and open the owners' tasks; idempotent");
        group.MapPost("/{id:int}/reviews/{reviewId:int}/held", (int id, int reviewId, ReviewHeldInput input, AgreementService s, CancellationToken ct) =>
                s.RecordHeldAsync(id, reviewId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Record a review as held (outcome, notes); completes its tasks");

        var charter = app.MapGroup("/api/partnerships/{id:int}/charter").WithTags("Agreements").RequireAuthorization(Policies.Member);
        charter.MapGet("/", (int id, CharterService s, CancellationToken ct) => s.GetAsync(id, ct))
            .WithSummary("The partnership charter, both sides, with the misalignments found");
        charter.MapPut("/", (int id, CharterInput input, CharterService s, CancellationToken ct) => s.SaveAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Save the charter; send the version you read (0 the first time)");
        charter.MapPut("/partner-side", (int id, PartnerSideInput input, CharterService s, CancellationToken ct) => s.SavePartnerSideAsync(id, input, ct))
            .RequireAuthorization(p => p.RequireClaim(WarmglowClaims.Workspace).RequireRole(Roles.Partner))
            .WithSummary("A partner user fills in the partner's side of their own partnership's charter; send the version you read");
        return group;
    }
}
