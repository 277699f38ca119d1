using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.AccountMapping;

public static class AccountMappingApi
{
    /// <summary>Uploads up to 200 MB (a million-row CRM export is about 80 MB).</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    static UploadInput Upload(IFormCollection form) => new(form["name"], form["kind"], form["nameColumn"], form["websiteColumn"], form["countryColumn"],
        form["typeColumn"], form["ownerColumn"], int.TryParse(form["version"], out var v) ? v : null);

    static IFormFile File(IFormCollection form) => form.Files.GetFile("file")
        ?? throw ValidationFailed.For("file", "is required: a CSV export with a header row (Salesforce, HubSpot, or any file with a company name or website column).");

    public static void MapAccountMappingEndpoints(this IEndpointRouteBuilder app)
    {
        // Staff and partner users alike: each sees what both sides' sharing rules allow (the service decides); partner
        // users write only their own side. Partnerships a partner is not a member of are not found.
        var g = app.MapGroup("/api/account-mapping").WithTags("Account mapping").RequireAuthorization(Policies.Member);
        var p = g.MapGroup("/partnerships/{partnershipId:int}");

        p.MapGet("/matrix", (int partnershipId, AccountMappingService s, HttpContext http, CancellationToken ct) =>
                s.MatrixAsync(partnershipId, MappingCaller.From(http.User), ct))
            .WithSummary("The overlap matrix: our populations × the partner's, counts where both sides' rules show them");
        p.MapGet("/populations", (int partnershipId, AccountMappingService s, HttpContext http, CancellationToken ct) =>
                s.PopulationsAsync(partnershipId, MappingCaller.From(http.User), ct))
            .WithSummary("The populations the caller may see: their own side's, and the other side's where a cell shows");
        p.MapPost("/populations/preview", async (int partnershipId, IFormCollection form, AccountMappingService s, CancellationToken ct) =>
            {
                var file = File(form);
                await using var stream = file.OpenReadStream();
                return await s.PreviewAsync(partnershipId, stream, Upload(form), ct);
            }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithSummary("Read an upload without importing it: the format, the first rows and how their domains normalize, duplicates and row errors");
        p.MapPost("/populations", async Task<Created<PopulationDto>> (int partnershipId, IFormCollection form, AccountMappingService s, HttpContext http, CancellationToken ct) =>
            {
                var file = File(form);
                await using var stream = file.OpenReadStream();
                var created = await s.CreateAsync(partnershipId, stream, Upload(form), MappingCaller.From(http.User), ct);
                return TypedResults.Created($"/api/account-mapping/populations/{created.Id}", created);
            }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithSummary("A new population of the caller's side from a CSV upload (fields: file, name, kind, optional column mapping), all or nothing");
        p.MapGet("/overlap", (int partnershipId, int ourPopulationId, int partnerPopulationId, int? page, int? pageSize, AccountMappingService s,
                HttpContext http, CancellationToken ct) =>
                s.OverlapAsync(partnershipId, ourPopulationId, partnerPopulationId, page, pageSize, MappingCaller.From(http.User), ct))
            .WithSummary("The overlapping accounts of one cell with why each matched, where the other side shares its overlap");
        p.MapGet("/overlap.csv", async (int partnershipId, int ourPopulationId, int partnerPopulationId, AccountMappingService s, HttpContext http, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await s.ExportOverlapCsvAsync(partnershipId, ourPopulationId, partnerPopulationId, MappingCaller.From(http.User), ct)),
                    "text/csv; charset=utf-8", "overlap.csv"))
            .WithSummary("One cell's overlapping accounts as CSV (formulas neutralized), with the same rules as opening it");
        p.MapPost("/overlap/referral", async Task<Created<Referrals.RegistrationDto>> (int partnershipId, ReferInput input, OverlapReferrals s, HttpContext http, CancellationToken ct) =>
            {
                var r = await s.ReferAsync(partnershipId, input, MappingCaller.From(http.User), ct);
                return TypedResults.Created($"/api/referrals/{r.Id}", r);
            })
            .WithSummary("Register an overlapping account as a lead (managers, or the partner's own people), through deal registration's rules");
        p.MapGet("/rules", (int partnershipId, AccountMappingService s, HttpContext http, CancellationToken ct) =>
                s.RulesAsync(partnershipId, MappingCaller.From(http.User), ct))
            .WithSummary("Both sides' sharing rules (levels only)");
        p.MapPut("/rules", (int partnershipId, RuleInput input, AccountMappingService s, HttpContext http, CancellationToken ct) =>
                s.SetRuleAsync(partnershipId, input, MappingCaller.From(http.User), ct))
            .WithSummary("Set the caller's side's rule for a pair, a population or the partnership: hidden, counts, overlap or all");

        g.MapGet("/populations/{id:int}/records", (int id, int? page, int? pageSize, AccountMappingService s, HttpContext http, CancellationToken ct) =>
                s.RecordsAsync(id, page, pageSize, MappingCaller.From(http.User), ct))
            .WithSummary("A population's accounts: the caller's own, or the other side's where its owner shares all accounts");
        g.MapPost("/populations/{id:int}/upload", async (int id, IFormCollection form, AccountMappingService s, HttpContext http, CancellationToken ct) =>
            {
                var file = File(form);
                await using var stream = file.OpenReadStream();
                return await s.ReplaceAsync(id, stream, Upload(form), MappingCaller.From(http.User), ct);
            }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithSummary("Replace a population of the caller's side from a new upload; the old records stay until the new file is valid");
        g.MapDelete("/populations/{id:int}", async Task<NoContent> (int id, AccountMappingService s, HttpContext http, CancellationToken ct) =>
            {
                await s.DeleteAsync(id, MappingCaller.From(http.User), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a population of the caller's side with its records and the rules about it");

        g.MapGet("/overview", (int? page, int? pageSize, AccountMappingService s, CancellationToken ct) => s.WorkspaceAsync(page, pageSize, ct))
            .RequireAuthorization(Policies.Internal)
            .WithSummary("Across partners: our accounts each partnership's visible populations overlap, most first");
    }
}
