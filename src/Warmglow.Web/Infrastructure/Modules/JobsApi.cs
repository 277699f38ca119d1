using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Infrastructure.Modules;

/// <summary>The jobs of the one scheduler: admins read them; the deployment owner may run one now (it runs for every workspace).</summary>
public static class JobsApi
{
    public static readonly NavItem Nav = new("jobs", "Jobs", "/Admin/Jobs", 935, Policies.Admin, Area: NavArea.Account);

    public static void MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/admin/jobs").WithTags("Jobs").RequireAuthorization(Policies.Admin);
        g.MapGet("", (JobsService s, CancellationToken ct) => s.ListAsync(ct))
            .WithSummary("Every recurring job: schedule, whether it is running (and where), last and next pass, duration, failures");
        g.MapGet("/{name}/runs", (string name, int? page, JobsService s, CancellationToken ct) => s.RunsAsync(name, page, ct))
            .WithSummary("A job's passes, newest first (kept 30 days)");
        g.MapPost("/{name}/run", async Task<Accepted> (string name, JobsService s, HttpContext http, CancellationToken ct) =>
            {
                await s.RunNowAsync(name, http.User.Identity?.Name ?? "an admin", ct);
                return TypedResults.Accepted($"/api/admin/jobs/{name}/runs");
            })
            .RequireAuthorization(Policies.Owner).WithSummary("Run a job now, on whichever instance is free first (deployment owner only: a pass covers every workspace)");
    }
}
