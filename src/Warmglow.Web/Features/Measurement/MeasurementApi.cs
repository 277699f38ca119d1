using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Measurement;

public sealed record TemplateApplied(string Template, int Added);
public sealed record ObservationsInput(List<ObservationInput>? Observations);

/// <summary>Measurement endpoints: internal staff read, admins and managers write, partner users are refused (403).</summary>
public static class MeasurementApi
{
    public static void MapMeasurementEndpoints(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapGroup("/api/metrics").WithTags("Measurement").RequireAuthorization(Policies.Internal);
        metrics.MapGet("/", (MeasurementService s, CancellationToken ct) => s.ListMetricsAsync(ct)).WithSummary("The workspace's metric definitions (the measurement protocol)");
        metrics.MapGet("/templates", () => MetricTemplates.All).WithSummary("Ready-made metric sets for the balanced scorecard and the five-dimension frame");
        metrics.MapGet("/{id:int}", (int id, MeasurementService s, CancellationToken ct) => s.GetMetricAsync(id, ct));
        metrics.MapPost("/", async Task<Created<MetricDto>> (MetricInput input, MeasurementService s, CancellationToken ct) =>
        {
            var m = await s.CreateMetricAsync(input, ct);
            return TypedResults.Created($"/api/metrics/{m.Id}", await s.GetMetricAsync(m.Id, ct));
        }).RequireAuthorization(Policies.Manage);
        metrics.MapPut("/{id:int}", async (int id, MetricInput input, MeasurementService s, CancellationToken ct) =>
        {
            await s.UpdateMetricAsync(id, input, ct);
            return await s.GetMetricAsync(id, ct);
        }).RequireAuthorization(Policies.Manage).WithSummary("Edit a metric (send its version); attached partnerships are rescored");
        metrics.MapDelete("/{id:int}", async Task<NoContent> (int id, MeasurementService s, CancellationToken ct) =>
        {
            await s.DeleteMetricAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);
        metrics.MapPost("/templates/{key}/apply", async (string key, MeasurementService s, CancellationToken ct) => new TemplateApplied(key, await s.ApplyTemplateAsync(key, ct)))
            .RequireAuthorization(Policies.Manage).WithSummary("Add a template's metrics the workspace lacks (idempotent)");

        var weights = app.MapGroup("/api/measurement").WithTags("Measurement").RequireAuthorization(Policies.Internal);
        weights.MapGet("/weights", (MeasurementService s, CancellationToken ct) => s.GetSettingsAsync(ct));
        weights.MapPut("/weights", (SettingsInput input, MeasurementService s, CancellationToken ct) => s.SaveSettingsAsync(input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Scorecard frame, category weights (percent, must total 100) and reporting currency");

        app.MapGet("/api/dashboard", (int? page, int? pageSize, string? sort, string? search, DashboardService s, CancellationToken ct) =>
                s.WorkspaceAsync(new DashboardQuery(page, pageSize, sort, search), ct))
            .WithTags("Measurement").RequireAuthorization(Policies.Internal)
            .WithSummary("Every partnership's composite score, health, engagement and red flags; paged, sort=name|-name|composite|-composite");

        var p = app.MapGroup("/api/partnerships/{id:int}").WithTags("Measurement").RequireAuthorization(Policies.Internal);
        p.MapGet("/metrics", (int id, MeasurementService s, CancellationToken ct) => s.AttachmentsAsync(id, ct));
        p.MapPost("/metrics", (int id, AttachInput input, MeasurementService s, CancellationToken ct) => s.AttachAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Attach a metric, optionally with this partnership's own baseline and target (again to change them)");
        p.MapDelete("/metrics/{metricId:int}", async Task<NoContent> (int id, int metricId, MeasurementService s, CancellationToken ct) =>
        {
            await s.DetachAsync(id, metricId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage).WithSummary("Detach a metric (its observations go with it)");
        p.MapGet("/observations", (int id, int? metricId, int? page, int? pageSize, ObservationService s, CancellationToken ct) =>
            s.ObservationsAsync(id, metricId, page, pageSize, ct));
        p.MapPost("/observations", async Task<Created<RecordResult>> (int id, ObservationsInput input, ObservationService s, CancellationToken ct) =>
            TypedResults.Created($"/api/partnerships/{id}/observations", await s.RecordManyAsync(id, input.Observations, ObservationSource.Api, null, ct: ct)))
            .RequireAuthorization(Policies.Manage).WithSummary("Record observations { observations: [{ metricId, on, value, note }] }: all or nothing");
        p.MapPost("/observations/import", async Task<Created<RecordResult>> (int id, IFormFile? file, ObservationService s, CancellationToken ct) =>
        {
            if (file is null) throw ValidationFailed.For("file", "is required: a CSV with columns " + string.Join(",", ObservationService.CsvHeaders) + ".");
            await using var stream = file.OpenReadStream();
            return TypedResults.Created($"/api/partnerships/{id}/observations", await s.ImportAsync(id, stream, file.FileName, ct));
        }).RequireAuthorization(Policies.Manage).DisableAntiforgery().WithSummary("Import observations from CSV (metric,date,value,note): all rows or none");
        p.MapGet("/scorecard", (int id, DashboardService s, CancellationToken ct) => s.ScorecardAsync(id, ct));
        p.MapGet("/dashboard", (int id, DashboardService s, CancellationToken ct) => s.PartnershipAsync(id, ct));
        p.MapGet("/costs", (int id, ValueService s, CancellationToken ct) => s.CostsAsync(id, ct));
        p.MapPost("/costs", async Task<Created<CostDto>> (int id, CostInput input, ValueService s, CancellationToken ct) =>
            TypedResults.Created($"/api/partnerships/{id}/costs", await s.AddCostAsync(id, input, ct))).RequireAuthorization(Policies.Manage);
        p.MapDelete("/costs/{costId:int}", async Task<NoContent> (int id, int costId, ValueService s, CancellationToken ct) =>
        {
            await s.DeleteCostAsync(id, costId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);
        p.MapGet("/intangibles", (int id, ValueService s, CancellationToken ct) => s.IntangiblesAsync(id, ct));
        p.MapPost("/intangibles", async Task<Created<IntangibleDto>> (int id, IntangibleInput input, ValueService s, CancellationToken ct) =>
            TypedResults.Created($"/api/partnerships/{id}/intangibles", await s.AddIntangibleAsync(id, input, ct))).RequireAuthorization(Policies.Manage);
        p.MapDelete("/intangibles/{entryId:int}", async Task<NoContent> (int id, int entryId, ValueService s, CancellationToken ct) =>
        {
            await s.DeleteIntangibleAsync(id, entryId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);
        p.MapGet("/roi", (int id, ValueService s, CancellationToken ct) => s.RoiAsync(id, ct))
            .WithSummary("(influenced revenue − program costs) ÷ program costs in the reporting currency; intangibles and other currencies apart");
        p.MapGet("/impact-goals", (int id, ValueService s, CancellationToken ct) => s.ImpactGoalsAsync(id, ct));
        p.MapPost("/impact-goals", async Task<Created<ImpactGoalDto>> (int id, ImpactGoalInput input, ValueService s, CancellationToken ct) =>
            TypedResults.Created($"/api/partnerships/{id}/impact-goals", await s.AddImpactGoalAsync(id, input, ct))).RequireAuthorization(Policies.Manage);
        p.MapDelete("/impact-goals/{goalId:int}", async Task<NoContent> (int id, int goalId, ValueService s, CancellationToken ct) =>
        {
            await s.DeleteImpactGoalAsync(id, goalId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);
    }
}
