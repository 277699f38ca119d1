using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Portfolio;

public static class TriageApi
{
    public static void MapTriageEndpoints(this IEndpointRouteBuilder app)
    {
        // Like the portfolio: admin, manager and executive read; managers start rounds and edit items. Never partner users.
        var g = app.MapGroup("/api/portfolio/triage").WithTags("Portfolio").RequireAuthorization(Policies.Oversee);

        var items = app.MapGroup("/api/portfolio/triage-items").WithTags("Portfolio").RequireAuthorization(Policies.Oversee);

        g.MapGet("", (int? page, int? pageSize, TriageService s, CancellationToken ct) => s.RoundsAsync(page, pageSize, ct))
            .WithSummary("Triage rounds, newest first, with their progress");
        g.MapPost("", async Task<Created<TriageRoundDto>> (TriageRoundInput input, TriageService s, CancellationToken ct) =>
            {
                var r = await s.StartAsync(input, ct);
                return TypedResults.Created($"/api/portfolio/triage/{r.Id}", r);
            })
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Start a triage round: every live partnership, pre-filled from the portfolio's figures, with a plan in three phases (3 months each by default)");
        g.MapGet("/{roundId:int}", (int roundId, TriageService s, CancellationToken ct) => s.RoundAsync(roundId, ct))
            .WithSummary("A triage round: counts per recommendation, phases with their progress, and the rules in words");
        g.MapGet("/{roundId:int}/items", (int roundId, TriageRecommendation? recommendation, int? phase, TriageItemStatus? status, string? sort, int? page, int? pageSize,
                TriageService s, CancellationToken ct) => s.ItemsAsync(roundId, recommendation, phase, status, sort, page, pageSize, ct))
            .WithSummary("The round's partnerships with scores, recommendation and plan item; filtered and paged in the database (sort=name, total or -total)");
        items.MapGet("/{itemId:int}", (int itemId, TriageService s, CancellationToken ct) => s.ItemAsync(itemId, ct))
            .WithSummary("One partnership's triage: scores, what the data suggested, recommendation and plan item");
        items.MapPut("/{itemId:int}", (int itemId, TriageItemInput input, TriageService s, CancellationToken ct) => s.UpdateItemAsync(itemId, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Change the four scores (1–5), notes, owner, due date and status; the recommendation follows the rules; send the version you read");
    }
}
