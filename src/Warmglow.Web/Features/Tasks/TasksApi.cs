namespace Warmglow.Web.Features.Tasks;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app) => app;
}
