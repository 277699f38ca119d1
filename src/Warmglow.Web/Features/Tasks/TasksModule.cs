using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Tasks;

/// <summary>The tasks the system opens (reviews, check-ins): one per occasion, in the database.</summary>
public sealed class TasksModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<TaskService>();

    public void AuthorizePages(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection pages) =>
        pages.AuthorizeFolder("/Tasks", Policies.Internal);

    public IEnumerable<NavItem> Navigation => [new("tasks", "Tasks", "/Tasks", 200, Policies.Internal)];

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapTasksApi();
}
