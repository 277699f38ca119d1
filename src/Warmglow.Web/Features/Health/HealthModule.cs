namespace Warmglow.Web.Features.Health;

/// <summary>The Health module's services, page authorization and API, wired by Program.cs in one line each.</summary>
public static class HealthModule
{
    public static IServiceCollection AddHealth(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app) => app;
}
