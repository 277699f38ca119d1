using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Partners;

public sealed record PartnerUpdate(string? Name, string? Website, string? Industry, string? Size, string? Region, string? Notes, int? Version)
{
    public PartnerInput Input => new(Name, Website, Industry, Size, Region, Notes);
}

public sealed record ContactUpdate(string? Name, string? Email, string? Title, string? Phone, int? Version)
{
    public ContactInput Input => new(Name, Email, Title, Phone);
}

public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/partners").WithTags("Partners").RequireAuthorization(Policies.Internal);

        group.MapGet("/", (PartnerService s, string? search, string? industry, string? region, PartnershipType? type,
                PartnershipStage? stage, PartnerSort? sort, int? page, int? pageSize, CancellationToken ct) =>
            s.ListAsync(new(search, industry, region, type, stage, sort ?? PartnerSort.Name, page, pageSize), ct))
            .WithSummary("List partners with search, filters, sorting and paging");

        group.MapGet("/facets", (PartnerService s, CancellationToken ct) => s.FacetsAsync(ct))
            .WithSummary("Industries and regions in use, for filters");

        group.MapGet("/{id:int}", (int id, PartnerService s, CancellationToken ct) => s.GetAsync(id, ct));

        group.MapPost("/", async Task<Created<PartnerDto>> (PartnerInput input, PartnerService s, CancellationToken ct) =>
        {
            var p = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/partners/{p.Id}", await s.GetAsync(p.Id, ct));
        }).RequireAuthorization(Policies.Manage);

        group.MapPut("/{id:int}", async (int id, PartnerUpdate input, PartnerService s, CancellationToken ct) =>
        {
            await s.UpdateAsync(id, input.Input, RequireVersion(input.Version), ct);
            return await s.GetAsync(id, ct);
        }).RequireAuthorization(Policies.Manage).WithSummary("Update a partner; send the version you read (409 if someone saved since)");

        group.MapDelete("/{id:int}", async Task<NoContent> (int id, int? version, PartnerService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, version, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);

        group.MapPost("/{id:int}/contacts", async Task<Created<ContactDto>> (int id, ContactInput input, PartnerService s, CancellationToken ct) =>
        {
            var c = await s.AddContactAsync(id, input, ct);
            return TypedResults.Created($"/api/partners/{id}/contacts/{c.Id}", new ContactDto(c.Id, c.Name, c.Email, c.Title, c.Phone, c.Version));
        }).RequireAuthorization(Policies.Manage);

        group.MapPut("/{id:int}/contacts/{contactId:int}", async (int id, int contactId, ContactUpdate input, PartnerService s, CancellationToken ct) =>
        {
            var c = await s.UpdateContactAsync(id, contactId, input.Input, RequireVersion(input.Version), ct);
            return new ContactDto(c.Id, c.Name, c.Email, c.Title, c.Phone, c.Version);
        }).RequireAuthorization(Policies.Manage);

        group.MapDelete("/{id:int}/contacts/{contactId:int}", async Task<NoContent> (int id, int contactId, PartnerService s, CancellationToken ct) =>
        {
            await s.DeleteContactAsync(id, contactId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Manage);

        group.MapGet("/export", async (PartnerCsv csv, CancellationToken ct) =>
            TypedResults.File(await csv.ExportAsync(ct), "text/csv; charset=utf-8", "partners.csv"))
            .WithSummary("Export partners with contacts as CSV (one row per contact)");

        group.MapPost("/import", async (HttpRequest request, PartnerCsv csv, CancellationToken ct) =>
        {
            Stream body = request.Body;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.FirstOrDefault() ?? throw ValidationFailed.For("file", "Attach a CSV file.");
                body = file.OpenReadStream();
            }
            return await csv.ImportAsync(body, ct);
        }).RequireAuthorization(Policies.Manage).DisableAntiforgery()
          .WithSummary("Import partners with contacts from CSV: all rows are checked first; nothing is written if any row fails");

        return group;
    }

    internal static int RequireVersion(int? version) =>
        version ?? throw ValidationFailed.For("version", "is required: send the version you read, so that concurrent edits are detected.");
}
