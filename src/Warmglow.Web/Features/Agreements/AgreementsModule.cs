namespace Warmglow.Web.Features.Agreements;

/// <summary>The Agreements module's services, page authorization and API, wired by Program.cs in one line each.</summary>
public static class AgreementsModule
{
    public static IServiceCollection AddAgreements(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app) => app;
}
