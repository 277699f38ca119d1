using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Health;

/// <summary>The Health module's services, page authorization and API, wired by Program.cs in one line each.</summary>
public static class HealthModule
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddScoped<SurveyService>();
        services.AddSingleton<AnonymousAnswerPool>();
        services.AddHostedService<AnonymousAnswerPoolShutdown>();
        services.AddScoped<HealthService>();
        services.AddScoped<IHealthSummarySource>(sp => sp.GetRequiredService<HealthService>());
        services.AddSingleton<HealthJobState>();
        services.AddSingleton<IActivitySource, StageMoveActivity>();
        services.AddSingleton<IActivitySource, EvaluationActivity>();
        services.AddSingleton<IActivitySource, SurveyResponseActivity>();
        services.AddHostedService<HealthJob>();
        services.AddScoped<IDemoContributor, HealthDemo>();
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthEndpoints();
        return app;
    }
}
