using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Funds;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Funds;

public static class FundsApi
{
    public static void MapFundsEndpoints(this IEndpointRouteBuilder app)
    {
        // Every member reads (partner users: the funds allocated to their partnerships, and only their own
        // allocations, requests and claims; the DbContext scopes them, so others are not found). The service decides
        // who may do what: managers run funds, approvers decide within their role's limit, partner users request and claim.
        var g = app.MapGroup("/api/funds").WithTags("Funds").RequireAuthorization(Policies.Member);

        var rq = app.MapGroup("/api/fund-requests").WithTags("Funds").RequireAuthorization(Policies.Member);
        var cl = app.MapGroup("/api/fund-claims").WithTags("Funds").RequireAuthorization(Policies.Member);

        g.MapGet("", (int? page, int? pageSize, FundService s, CancellationToken ct) => s.ListAsync(page, pageSize, ct))
            .WithSummary("Funds, the latest-ending first; paged");
        g.MapPost("", async Task<Created<FundDto>> (FundInput input, FundService s, CancellationToken ct) =>
            {
                var f = await s.CreateFundAsync(input, ct);
                return TypedResults.Created($"/api/funds/{f.Summary.Id}", f);
            })
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Create a fund: program-wide or for one partnership, currency, amount, period and claim deadline, vendor and partner shares, approval limits per role");
        g.MapGet("/{id:int}", (int id, int? page, int? pageSize, FundService s, CancellationToken ct) => s.GetAsync(id, page, pageSize, ct))
            .WithSummary("One fund: totals (allocated, pending, reserved, paid, expired, available), allocations per partnership (paged), spend by activity kind, and your approval limit");
        g.MapPost("/{id:int}/allocations", async Task<Created<AllocationDto>> (int id, AllocationInput input, FundService s, CancellationToken ct) =>
            {
                var a = await s.AllocateAsync(id, input, ct);
                return TypedResults.Created($"/api/funds/{id}", a);
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Allocate part of the fund to a partnership (or top up its allocation); never more than the fund has left");

        rq.MapGet("", (int? fundId, int? partnershipId, FundStatus? status, int? page, int? pageSize, FundService s, CancellationToken ct) =>
                s.RequestsAsync(fundId, partnershipId, status, page, pageSize, ct))
            .WithSummary("Fund requests, most recently changed first, filtered by fund, partnership and status; paged");
        g.MapPost("/{id:int}/requests", async Task<Created<RequestDto>> (int id, RequestInput input, FundService s, CancellationToken ct) =>
            {
                var r = await s.CreateRequestAsync(id, input, ct);
                return TypedResults.Created($"/api/fund-requests/{r.Summary.Id}", r);
            })
            .WithSummary("Request part of a partnership's allocation for an activity (submitted unless submit is false); it counts as pending against the balance");
        rq.MapGet("/{requestId:int}", (int requestId, FundService s, CancellationToken ct) => s.GetRequestAsync(requestId, ct))
            .WithSummary("One request with its claims, proof files and the allocation's balance");
        rq.MapPost("/{requestId:int}/submit", (int requestId, VersionInput input, FundService s, CancellationToken ct) =>
                s.SubmitRequestAsync(requestId, input.Version, ct))
            .WithSummary("Submit a draft request, or resubmit one that needed more information");
        rq.MapPost("/{requestId:int}/decision", (int requestId, DecisionInput input, FundService s, CancellationToken ct) =>
                s.DecideRequestAsync(requestId, input, ct))
            .RequireAuthorization(Policies.Internal)
            .WithSummary("Approve (within your role's approval limit; reserves the amount), reject or ask for more information, with a reason");
        rq.MapPost("/{requestId:int}/cancel", (int requestId, CancelInput input, FundService s, CancellationToken ct) =>
                s.CancelRequestAsync(requestId, input, ct))
            .WithSummary("Withdraw a request that is not paid; its amount returns to the allocation");

        rq.MapPost("/{requestId:int}/claims", async Task<Results<Created<ClaimDto>, Ok<ClaimDto>>> (int requestId, ClaimInput input, FundService s, CancellationToken ct) =>
            {
                var (c, created) = await s.CreateClaimAsync(requestId, input, ct);
                return created ? TypedResults.Created($"/api/fund-claims/{c.Id}", c) : TypedResults.Ok(c);
            })
            .WithSummary("Claim the actual spend of an approved request (at most its amount); the same idempotencyKey again returns the first claim");
        cl.MapGet("/{claimId:int}", (int claimId, FundService s, CancellationToken ct) => s.GetClaimAsync(claimId, ct))
            .WithSummary("One claim with its proof files");
        cl.MapPost("/{claimId:int}/proofs", async Task<Created<ProofDto>> (int claimId, IFormFile? file, FundService s, CancellationToken ct) =>
            {
                if (file is null) throw ValidationFailed.For("file", "is required: a PDF, PNG, JPG, CSV or TXT file of at most 5 MB.");
                await using var stream = file.OpenReadStream();
                var p = await s.AddProofAsync(claimId, file.FileName, stream, file.Length, ct);
                return TypedResults.Created($"/api/fund-claims/{claimId}/proofs/{p.Id}", p);
            })
            .DisableAntiforgery().WithSummary("Add a proof of execution (multipart field 'file': PDF, PNG, JPG, CSV or TXT, at most 5 MB)");
        cl.MapGet("/{claimId:int}/proofs/{proofId:int}", async Task<FileContentHttpResult> (int claimId, int proofId, FundService s, CancellationToken ct) =>
            {
                var f = await s.GetProofAsync(claimId, proofId, ct);
                return TypedResults.File(f.Content, f.ContentType, f.FileName);
            })
            .WithSummary("Download a proof file");
        cl.MapPost("/{claimId:int}/submit", (int claimId, VersionInput input, FundService s, CancellationToken ct) => s.SubmitClaimAsync(claimId, input.Version, ct))
            .WithSummary("Submit a claim for review (it needs at least one proof file)");
        cl.MapPost("/{claimId:int}/review", (int claimId, DecisionInput input, FundService s, CancellationToken ct) => s.ReviewClaimAsync(claimId, input, ct))
            .RequireAuthorization(Policies.Internal)
            .WithSummary("Approve a claim for payment, reject it, or ask for more (a reason is required unless approving)");
        cl.MapPost("/{claimId:int}/payment", (int claimId, PaymentInput input, FundService s, CancellationToken ct) => s.PayClaimAsync(claimId, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Record the payment of an approved claim (date, reference, idempotencyKey); the rest of the approved amount returns to the allocation");

        app.MapGet("/api/partnerships/{id:int}/funds", async (int id, FundService s, CancellationToken ct) =>
                (await s.ForPartnershipAsync(id, ct)).Select(x => new PartnershipFund(x.Fund, x.Allocation)).ToList())
            .WithTags("Funds").RequireAuthorization(Policies.Member)
            .WithSummary("A partnership's allocations across funds, with their balances");
    }
}

/// <summary>The version of the row you read (stale → 409).</summary>
public sealed record VersionInput(int? Version);

public sealed record PartnershipFund(FundSummary Fund, AllocationDto Allocation);
