using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Tasks;

/// <summary>The tasks the system opens (reviews, check-ins): one per occasion, in the database.</summary>
public sealed class TasksModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TaskService>();
        services.AddSingleton<IRecurringJob, TaskRemindersJob>();
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Tasks", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("tasks", "Tasks", "/Tasks", 200, Policies.Internal)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapTasksApi();
}

/// <summary>Tells assignees of overdue tasks (Tasks:ReminderMinutes, default 60; 0 turns it off). Idempotent: once per task and due date.</summary>
public sealed class TaskRemindersJob : IRecurringJob
{
    public string Name => "task-reminders";

    public TimeSpan? Interval(IConfiguration configuration) =>
        configuration.GetValue("Tasks:ReminderMinutes", 60) is > 0 and var m ? TimeSpan.FromMinutes(m) : null;

    public Task RunAsync(JobRunner runner, CancellationToken ct) => runner.ForEachWorkspaceAsync(Name, (services, token) =>
        services.GetRequiredService<TaskService>().NotifyOverdueAsync(services.GetRequiredService<Notifications.INotifier>(), token), ct);
}
