namespace Warmglow.Web.Features.Revenue;

/// <summary>The Revenue module's services, page authorization and API, wired by Program.cs in one line each.</summary>
public static class RevenueModule
{
    public static IServiceCollection AddRevenue(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapRevenueApi(this IEndpointRouteBuilder app) => app;
}
