using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Portfolio;

public static class PortfolioApi
{
    public static void MapPortfolioEndpoints(this IEndpointRouteBuilder app)
    {
        // The portfolio shows every score and figure: admin, manager and executive (not evaluators, who score blind,
        // nor partner users). Tier decisions and settings are for managers.
        var g = app.MapGroup("/api/portfolio").WithTags("Portfolio").RequireAuthorization(Policies.Oversee);

        g.MapGet("", (string? search, PartnershipStage? stage, Tier? tier, string? managerId, bool? flagged, bool? liveOnly, string? sort, int? page, int? pageSize,
                PortfolioService s, CancellationToken ct) => s.ListAsync(new(search, stage, tier, managerId, flagged, liveOnly, sort, page, pageSize), ct))
            .WithSummary("Every partnership with stage, tier, composite score, health, engagement, revenue (last quarter and trailing 12 months), ROI, red flags and manager; filtered, sorted (e.g. sort=-ttm) and paged in the database");
        g.MapGet("/export.csv", async (string? search, PartnershipStage? stage, Tier? tier, string? managerId, bool? flagged, bool? liveOnly, string? sort,
                PortfolioService s, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await s.CsvAsync(new(search, stage, tier, managerId, flagged, liveOnly, sort), ct)), "text/csv; charset=utf-8", "portfolio.csv"))
            .WithSummary("The filtered, sorted portfolio as CSV (all pages)");
        g.MapPost("/recompute", (PortfolioService s, CancellationToken ct) => s.RecomputeAsync(ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Recompute figures and tiers now: changes are proposed for approval, never applied (first tiering excepted)");

        g.MapGet("/settings", (PortfolioService s, CancellationToken ct) => s.SettingsAsync(ct)).WithSummary("The tiering rules");
        g.MapPut("/settings", (PortfolioSettingsInput input, PortfolioService s, CancellationToken ct) => s.SaveSettingsAsync(input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Change the tiering rules: the three percentages total 100; send the version you read (0 the first time)");
        g.MapGet("/tiers", (PortfolioService s, CancellationToken ct) => s.TierSummaryAsync(ct))
            .WithSummary("How many partnerships are in each tier and why, with each tier's service level");

        g.MapGet("/proposals", (ProposalStatus? status, int? page, int? pageSize, PortfolioService s, CancellationToken ct) => s.ProposalsAsync(status, page, pageSize, ct))
            .WithSummary("Tier changes the recompute proposed (pending by default), soonest approvable first");
        g.MapPost("/proposals/{proposalId:int}/approve", (int proposalId, DecideInput input, PortfolioService s, CancellationToken ct) => s.ApproveAsync(proposalId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Approve a proposed tier change (a downgrade only once its grace period is over)");
        g.MapPost("/proposals/{proposalId:int}/reject", (int proposalId, DecideInput input, PortfolioService s, CancellationToken ct) => s.RejectAsync(proposalId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Reject a proposed tier change");

        g.MapGet("/partnerships/{id:int}/tier", (int id, PortfolioService s, CancellationToken ct) => s.TierAsync(id, ct))
            .WithSummary("A partnership's tier, its service level, any override and the pending proposal");
        g.MapPut("/partnerships/{id:int}/tier", (int id, OverrideInput input, PortfolioService s, CancellationToken ct) => s.OverrideAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Set the tier by hand: a reason and an expiry after today are required");
        g.MapGet("/partnerships/{id:int}/tier/history", (int id, PortfolioService s, CancellationToken ct) => s.HistoryAsync(id, ct))
            .WithSummary("The partnership's tier history, newest first");

        g.MapGet("/pareto", (string? basis, PortfolioService s, CancellationToken ct) => s.ParetoAsync(basis, ct))
            .WithSummary("Live partnerships by trailing-12-month revenue (basis=revenue) or tiering value (basis=value), with cumulative share and the count that makes 80%");

        g.MapGet("/views", (PortfolioService s, CancellationToken ct) => s.ViewsAsync(ct)).WithSummary("Your saved portfolio views");
        g.MapPost("/views", async Task<Created<ViewDto>> (ViewInput input, PortfolioService s, CancellationToken ct) =>
            {
                var v = await s.SaveViewAsync(input, ct);
                return TypedResults.Created($"/api/portfolio/views/{v.Id}", v);
            })
            .WithSummary("Save (or replace, by name) a view: a name and the portfolio query string");
        g.MapDelete("/views/{viewId:int}", async Task<NoContent> (int viewId, PortfolioService s, CancellationToken ct) =>
            {
                await s.DeleteViewAsync(viewId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete one of your saved views");
    }
}
