using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Measurement;

/// <summary>The Measurement module's services, page authorization and API, wired by Program.cs in one line each.</summary>
public static class MeasurementModule
{
    public static IServiceCollection AddMeasurement(this IServiceCollection services) => services
        .AddScoped<MeasurementService>()
        .AddScoped<ValueService>()
        .AddScoped<DashboardService>()
        .AddScoped<IDemoContributor, MeasurementDemo>()
        .AddTransient<IStartupFilter, HealthDashboardPath>();

    public static IEndpointRouteBuilder MapMeasurementApi(this IEndpointRouteBuilder app)
    {
        app.MapMeasurementEndpoints();
        return app;
    }

    /// <summary>
    /// The nav's "/Health" (the dashboard page) and the liveness probe "/health" (Program.cs) are the same route to
    /// ASP.NET Core, which matches case-insensitively: both endpoints matched and every request failed as ambiguous.
    /// The probe keeps "/health" (deployments and tests call it); the page declares only the "/Health/Index" route (its @page directive), and
    /// the exact-case "/Health" of the nav and links is rewritten to it here. See docs/decisions/0009; the cleaner fix is to move the probe (e.g. "/healthz").
    /// </summary>
    sealed class HealthDashboardPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var path = context.Request.Path.Value;
                if (path is "/Health" or "/Health/") context.Request.Path = "/Health/Index";
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
