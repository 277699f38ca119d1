using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Agreements;

/// <summary>The Agreements module's services, page authorization and API, wired by Program.cs in one line each.</summary>
public static class AgreementsModule
{
    public static IServiceCollection AddAgreements(this IServiceCollection services)
    {
        services.AddScoped<AgreementService>();
        services.AddScoped<CharterService>();
        services.AddSingleton<IOverdueReviewSource, AgreementOverdueReviews>();
        services.AddSingleton<IActivitySource, AgreementActivity>();
        services.AddScoped<IDemoContributor, AgreementsDemo>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        app.MapAgreementEndpoints();
        return app;
    }
}
