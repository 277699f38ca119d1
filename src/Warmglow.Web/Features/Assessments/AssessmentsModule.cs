using Warmglow.Web.Infrastructure.Modules;

namespace Warmglow.Web.Features.Assessments;

/// <summary>Candidate assessments (culture check, Three Horizon Test, value equation, capability map, values alignment); its page lives under /Partnerships.</summary>
public sealed class AssessmentsModule : IWarmglowModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<AssessmentService>();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAssessmentsApi();
}
