using Microsoft.AspNetCore.Authorization;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Tasks;

public sealed record TaskStatusChange(WorkTaskStatus? Status, int? Version);

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        // Our people read every task of the workspace; partner users only their own partnership's tasks that are
        // assigned to them or shared (the DbContext's partner filter), with shared comments only.
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.Member);
        group.MapGet("", (TaskWorkService s, TaskScope? scope, int? partnershipId, string? assigneeId, WorkTaskStatus? status, bool? overdue, bool? active,
                int? page, int? pageSize, CancellationToken ct) =>
                s.ListAsync(new TaskFilter(scope ?? TaskScope.Mine, partnershipId, assigneeId, status, overdue ?? false, active ?? false), page, pageSize, ct))
            .WithSummary("Tasks and action items: scope Mine (default) or All, by partnership, assignee, status, overdue or active; active first, by due date, paged (partner users: their own partnership's, assigned to them or shared)");
        group.MapGet("/{id:int}", (int id, TaskWorkService s, CancellationToken ct) => s.GetAsync(id, ct))
            .WithSummary("One task with its comments (partner users: shared comments only)");
        group.MapPost("", async (TaskInput input, TaskWorkService s, CancellationToken ct) =>
            {
                var task = await s.CreateAsync(input, ct);
                return TypedResults.Created($"/api/tasks/{task.Id}", task);
            }).RequireAuthorization(Policies.Manage)
            .WithSummary("Make a task by hand (managers): title, details, optional partnership (then it is an action item, optionally shared), assignee (ours, or a partner user of that partnership) and due date");
        group.MapPut("/{id:int}", (int id, TaskInput input, TaskWorkService s, CancellationToken ct) => s.UpdateAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Edit a task (managers); tasks the system opened keep their title, details and partnership; send the version you read");
        group.MapPut("/{id:int}/assignee", (int id, TaskAssignment input, TaskWorkService s, CancellationToken ct) => s.AssignAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Assign or reassign a task (managers); send the version you read");
        group.MapPut("/{id:int}/status", async (int id, TaskStatusChange change, TaskWorkService s, IAuthorizationService auth, HttpContext http, CancellationToken ct) =>
        {
            var canManage = (await auth.AuthorizeAsync(http.User, Policies.Manage)).Succeeded;
            return await s.SetStatusAsync(id, change.Status, change.Version, canManage, ct);
        }).WithSummary("Move a task to Open, InProgress, Done or Dropped: its assignee (a partner user too) or a manager; send the version you read");
        group.MapPost("/{id:int}/comments", async (int id, CommentInput input, TaskWorkService s, IAuthorizationService auth, HttpContext http, CancellationToken ct) =>
        {
            var canOversee = (await auth.AuthorizeAsync(http.User, Policies.Oversee)).Succeeded;
            var comment = await s.CommentAsync(id, input, canOversee, ct);
            return TypedResults.Created($"/api/tasks/{id}#comment-{comment.Id}", comment);
        }).WithSummary("Comment on a task: internal or shared with the partner, chosen when written (partner users' comments are always shared)");
        return app;
    }
}
