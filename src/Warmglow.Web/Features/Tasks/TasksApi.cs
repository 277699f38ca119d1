using Microsoft.AspNetCore.Authorization;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Tasks;

public sealed record TaskStatusChange(WorkTaskStatus? Status, int? Version);

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        // Tasks are staff work (agreement reviews, check-ins): partner users never see them.
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.Internal);
        group.MapGet("", (TaskService s, TaskScope? scope, WorkTaskStatus? status, int? page, int? pageSize, CancellationToken ct) =>
                s.ListAsync(scope ?? TaskScope.Mine, status, page, pageSize, ct))
            .WithSummary("Tasks the system opened (reviews, check-ins): scope Mine (default) or All, optionally by status; open first, by due date");
        group.MapPut("/{id:int}/status", async (int id, TaskStatusChange change, TaskService s, IAuthorizationService auth, HttpContext http, CancellationToken ct) =>
        {
            var canManage = (await auth.AuthorizeAsync(http.User, Policies.Manage)).Succeeded;
            if (change.Status is null) throw Infrastructure.ValidationFailed.For("status", "is required (Open or Done).");
            return await s.SetStatusAsync(id, change.Status.Value, PartnersApi.RequireVersion(change.Version), canManage, ct);
        }).WithSummary("Mark a task Done (or Open again); its assignee or a manager may; send the version you read");
        return app;
    }
}
