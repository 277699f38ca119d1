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
        .AddSingleton<Signals.IActivitySource, ObservationActivity>();

    public static IEndpointRouteBuilder MapMeasurementApi(this IEndpointRouteBuilder app)
    {
        app.MapMeasurementEndpoints();
        return app;
    }
}
