using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Sunsetting;

public static class SunsettingApi
{
    public static void MapSunsettingEndpoints(this IEndpointRouteBuilder app)
    {
        // Wind-downs are internal: our own people read them, managers change them; partner users never see them.
        var g = app.MapGroup("/api/sunsetting").WithTags("Sunsetting").RequireAuthorization(Policies.Internal);

        g.MapGet("/plans", (bool? running, int? page, int? pageSize, SunsettingService s, CancellationToken ct) => s.ListAsync(running, page, pageSize, ct))
            .WithSummary("Wind-down plans, running first (soonest end first), with their progress; running=true or false filters");
        g.MapGet("/plans/{planId:int}", (int planId, SunsettingService s, CancellationToken ct) => s.GetAsync(planId, ct))
            .WithSummary("A wind-down plan: its length and why, its tasks, progress and what Ended still needs");
        g.MapPut("/plans/{planId:int}", (int planId, WindDownLengthInput input, SunsettingService s, CancellationToken ct) => s.SetLengthAsync(planId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Change how many days the wind-down runs (never shorter than the agreement's notice period); send the version you read");
        g.MapPost("/plans/{planId:int}/override", (int planId, WindDownOverrideInput input, SunsettingService s, CancellationToken ct) => s.OverrideAsync(planId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Let the partnership reach Ended with required tasks open: a reason is required and audited");
        g.MapPut("/tasks/{taskId:int}", (int taskId, WindDownTaskInput input, SunsettingService s, CancellationToken ct) => s.UpdateTaskAsync(taskId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Mark a wind-down task done or open, with its owner and a note; send the version you read");
        g.MapGet("/partnerships/{id:int}", async (int id, SunsettingService s, CancellationToken ct) =>
                await s.ForPartnershipAsync(id, ct) ?? throw new Infrastructure.NotFound($"Wind-down plan of partnership {id}"))
            .WithSummary("The wind-down plan of a partnership (404 when it has none)");
    }
}
