using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Tasks;

/// <summary>
/// Tasks: the ones the system opens (reviews, check-ins: one per occasion) and the ones people make by hand, action items
/// among them, with comments (decision 0025). Partner-side owners work theirs in the portal.
/// </summary>
public sealed class TasksModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TaskService>();
        services.AddScoped<Signals.IPartnershipReportSource, TasksReport>();
        services.AddScoped<TaskWorkService>();
        services.AddSingleton<IRecurringJob, TaskRemindersJob>();
        services.AddSingleton<Signals.IOverdueActionItemSource, OverdueActionItemSignal>();
        services.AddScoped<Signals.IPartnerNextActionSource, TaskNextActions>();
        services.AddScoped<Demo.IDemoContributor, TasksDemo>();
    }

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Tasks", Policies.Internal);
        pages.AuthorizePage("/Tasks/New", Policies.Manage);
        pages.AuthorizeFolder("/Portal/Tasks", Portal.PortalModule.PartnerPolicy);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("tasks", "Tasks", "/Tasks", 200, Policies.Internal),
        new("portal-tasks", "Action items", "/Portal/Tasks", 7, Portal.PortalModule.PartnerPolicy, NavAudience.Partner),
    ];

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
