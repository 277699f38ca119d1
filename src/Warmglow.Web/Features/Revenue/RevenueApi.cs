using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Revenue;

/// <summary>The revenue ledger's JSON API. Managers and admins write; executives read; partner users read their own issued statements.</summary>
public static class RevenueApi
{
    /// <summary>Header on a replayed post: the event was recorded before and nothing new was written.</summary>
    public const string ReplayHeader = "Idempotent-Replayed";

    public static void MapRevenueEndpoints(this IEndpointRouteBuilder app)
    {
        var agreement = app.MapGroup("/api/agreements/{id:int}").WithTags("Revenue").RequireAuthorization(RevenueModule.ReadPolicy);

        agreement.MapGet("/revenue-terms", (int id, RevenueTermsService s, CancellationToken ct) => s.GetTermsAsync(id, ct))
            .RequireAuthorization(Policies.Oversee);
        agreement.MapPut("/revenue-terms", (int id, TermsInput input, RevenueTermsService s, CancellationToken ct) => s.SaveTermsAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Set the share model (splits must total 100%, phases must not overlap) and holding period; send the version you loaded");

        agreement.MapPost("/revenue-events", async Task<IResult> (int id, EventInput input, RevenueLedger s, HttpContext http, CancellationToken ct) =>
        {
            var result = await s.PostAsync(id, input, "api", ct);
            if (!result.Replay) return TypedResults.Created($"/api/agreements/{id}/revenue-events?key={Uri.EscapeDataString(result.Event.Key)}", result);
            http.Response.Headers[ReplayHeader] = "true";
            return TypedResults.Ok(result);
        }).RequireAuthorization(Policies.Manage)
            .WithSummary("Record a revenue event: 201 when new, 200 with replay=true for the same key and payload, 409 for the same key with another payload");
        agreement.MapGet("/revenue-events", (int id, int? page, int? pageSize, RevenueLedger s, CancellationToken ct) => s.EventsAsync(id, page, pageSize, ct))
            .RequireAuthorization(Policies.Oversee);
        agreement.MapPost("/revenue-events/import", async (int id, IFormFile? file, RevenueLedger s, CancellationToken ct) =>
        {
            if (file is null) throw ValidationFailed.For("file", "is required: a CSV file with columns " + string.Join(",", RevenueLedger.CsvHeaders));
            await using var stream = file.OpenReadStream();
            return await s.ImportAsync(id, stream, ct);
        }).RequireAuthorization(Policies.Manage).DisableAntiforgery()
            .WithSummary("Import revenue events from CSV, all or nothing; recorded keys with the same payload count as replays");

        agreement.MapGet("/statements", (int id, int? page, int? pageSize, StatementService s, CancellationToken ct) => s.StatementsAsync(id, page, pageSize, ct));
        agreement.MapPost("/statements/preview", (int id, PeriodInput input, StatementService s, CancellationToken ct) => s.PreviewAsync(id, input, ct))
            .RequireAuthorization(Policies.Manage);
        agreement.MapPost("/statements", async Task<Created<StatementDto>> (int id, PeriodInput input, StatementService s, CancellationToken ct) =>
        {
            var statement = await s.IssueAsync(id, input, ct);
            return TypedResults.Created($"/api/statements/{statement.Id}", statement);
        }).RequireAuthorization(Policies.Manage).WithSummary("Issue the period's statement; it is locked forever");

        var statements = app.MapGroup("/api/statements").WithTags("Revenue").RequireAuthorization(RevenueModule.ReadPolicy);
        statements.MapGet("/", (int? page, int? pageSize, StatementService s, CancellationToken ct) => s.StatementsAsync(null, page, pageSize, ct));
        statements.MapGet("/{sid:int}", (int sid, StatementService s, CancellationToken ct) => s.GetStatementAsync(sid, true, ct));
        statements.MapPost("/{sid:int}/payment", async Task<Created<StatementDto>> (int sid, PaymentInput input, StatementService s, CancellationToken ct) =>
            TypedResults.Created($"/api/statements/{sid}", await s.MarkPaidAsync(sid, input, ct)))
            .RequireAuthorization(Policies.Manage).WithSummary("Mark an issued statement paid (once: the day and the transfer's reference)");
        statements.MapGet("/{sid:int}.csv", async (int sid, StatementService s, CancellationToken ct) =>
            TypedResults.File(await s.StatementCsvAsync(sid, ct), "text/csv; charset=utf-8", $"statement-{sid}.csv"));
        // Issued statements are immutable: changing or deleting one is answered, and refused, explicitly.
        foreach (var method in new[] { "PUT", "PATCH", "DELETE" })
            statements.MapMethods("/{sid:int}", [method], async (int sid, StatementService s, CancellationToken ct) =>
            {
                await s.RefuseChangeAsync(sid, ct);
                return Results.StatusCode(409);
            }).RequireAuthorization(Policies.Manage);
        app.MapGet("/api/portal/earnings", async (StatementService s, Tenant tenant, TimeProvider clock, CancellationToken ct) =>
                tenant.PartnerId is { } partner
                    ? Results.Ok(await s.EarningsAsync(partner, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))
                    : Results.Problem(statusCode: 404, title: "Not found", detail: "Earnings are shown to partner users."))
            .WithTags("Revenue").RequireAuthorization(RevenueModule.ReadPolicy);
    }
}
