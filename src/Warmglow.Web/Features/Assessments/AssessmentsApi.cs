using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Assessments;

public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        // Candidate vetting is internal: partner users never see how we assessed them.
        var group = app.MapGroup("/api/partnerships/{id:int}/assessments").WithTags("Assessments").RequireAuthorization(Policies.Internal);

        group.MapGet("/", (int id, AssessmentService s, CancellationToken ct) => s.GetAsync(id, ct))
            .WithSummary("Culture check, Three Horizon Test, value equation, capability map and values alignment: latest inputs with computed results");

        group.MapPut("/culture", async (int id, CultureInputs input, AssessmentService s, CancellationToken ct) =>
        {
            await s.SaveCultureAsync(id, input, ct);
            return (await s.GetAsync(id, ct)).Culture;
        }).RequireAuthorization(Policies.Manage).WithSummary("Culture check: both sides rate five dimensions 1–5; aligned when ≥4 match within the tolerance");

        group.MapPut("/three-horizon", async (int id, ThreeHorizonInputs input, AssessmentService s, CancellationToken ct) =>
        {
            await s.SaveThreeHorizonAsync(id, input, ct);
            return (await s.GetAsync(id, ct)).ThreeHorizon;
        }).RequireAuthorization(Policies.Manage).WithSummary("Three Horizon Test: H1/H2/H3 with notes; only-H1 partnerships are flagged");

        group.MapPut("/value-equation", async (int id, ValueEquationInputs input, AssessmentService s, CancellationToken ct) =>
        {
            await s.SaveValueEquationAsync(id, input, ct);
            return (await s.GetAsync(id, ct)).ValueEquation;
        }).RequireAuthorization(Policies.Manage).WithSummary("Value = (strategic fit × resource contribution) / implementation complexity, each 1–10");

        group.MapPut("/capability-map", async (int id, CapabilityMapInputs input, AssessmentService s, CancellationToken ct) =>
        {
            await s.SaveCapabilityMapAsync(id, input, ct);
            return (await s.GetAsync(id, ct)).CapabilityMap;
        }).RequireAuthorization(Policies.Manage).WithSummary("Each side's strengths and gaps; complementarity is where one side's strength covers the other's gap");

        group.MapPut("/values-alignment", async (int id, ValuesAlignmentInputs input, AssessmentService s, CancellationToken ct) =>
        {
            await s.SaveValuesAlignmentAsync(id, input, ct);
            return (await s.GetAsync(id, ct)).ValuesAlignment;
        }).RequireAuthorization(Policies.Manage).WithSummary("20-point values assessment, answers 1–5 per side in the order of GET /api/assessments/values-items");

        app.MapGet("/api/assessments/values-items", () => Warmglow.Core.Scoring.ValuesAlignment.Items)
            .WithTags("Assessments").RequireAuthorization(Policies.Internal)
            .WithSummary("The 20 statements of the values alignment assessment, in answer order");

        return group;
    }
}
