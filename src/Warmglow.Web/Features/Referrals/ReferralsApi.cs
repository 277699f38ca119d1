using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Referrals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Referrals;

public static class ReferralsApi
{
    public static void MapReferralsEndpoints(this IEndpointRouteBuilder app)
    {
        // Partner users (portal or their API keys) register and read their own partner's registrations (the DbContext
        // scopes them; others are not found) and move their approved deals; staff read everything, managers decide.
        var g = app.MapGroup("/api/referrals").WithTags("Referrals").RequireAuthorization(Policies.Member);

        g.MapGet("/", (int? partnershipId, RegistrationStage? stage, RegistrationKind? kind, bool? awaitingReview, string? search, int? page, int? pageSize,
                ReferralService s, CancellationToken ct) =>
                s.ListAsync(new(partnershipId, stage, kind, awaitingReview ?? false, search, page, pageSize), ct))
            .WithSummary("Registrations, newest first (partner users: their own partner's only), filtered by partnership, stage, kind or the review queue");
        g.MapGet("/{id:int}", (int id, ReferralService s, HttpContext http, CancellationToken ct) => s.GetAsync(id, ReferralCaller.From(http.User), ct))
            .WithSummary("One registration; partner users get no internal notes and, on a conflict, only that it is under review");
        g.MapPost("/", async Task<Created<RegistrationDto>> (RegisterInput input, ReferralService s, HttpContext http, CancellationToken ct) =>
            {
                var r = await s.RegisterAsync(input, ReferralCaller.From(http.User), ct);
                return TypedResults.Created($"/api/referrals/{r.Id}", r);
            })
            .WithSummary("Register a lead or deal: a partner user for their own partnership, a manager for a member partner; conflicts are looked for at once");
        g.MapPost("/{id:int}/stage", (int id, MoveInput input, ReferralService s, HttpContext http, CancellationToken ct) =>
                s.MoveAsync(id, input, ReferralCaller.From(http.User), ct))
            .WithSummary("Move along the stages (partners: their approved deals only, optionally with a new amount); send the version you read");

        g.MapGet("/funnel", (int? partnershipId, int? partnerId, RegistrationKind? kind, string? quarter, int? page, int? pageSize,
                ReferralFunnel f, CancellationToken ct) => f.ForAsync(new(partnershipId, partnerId, kind, quarter, page, pageSize), ct))
            .WithSummary("The funnel: registered, approved, qualified, opportunity, won, lost, rejected and expired, with conversion and win rates, median days per step and a page of partners; by partnership, partner, kind and quarter of submission (e.g. 2026-Q4). Partner users get their own partner's funnel");

        var staff = g.MapGroup("").RequireAuthorization(Policies.Internal);
        staff.MapGet("/{id:int}/conflicts", (int id, ReferralService s, CancellationToken ct) => s.ConflictsAsync(id, ct))
            .WithSummary("The registrations this one matches, side by side, with why each matched and the decision recorded");
        staff.MapGet("/export.csv", async (int? partnershipId, RegistrationStage? stage, RegistrationKind? kind, ReferralService s, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await s.ExportCsvAsync(new(partnershipId, stage, kind), ct)), "text/csv; charset=utf-8", "registrations.csv"))
            .WithSummary("Registrations as CSV (formulas neutralized)");
        staff.MapGet("/settings", (ReferralService s, CancellationToken ct) => s.SettingsAsync(ct))
            .WithSummary("The protection window (days, null for none) and the review SLA (business days)");
        staff.MapGet("/figures", (int? partnershipId, ReferralFigures f, CancellationToken ct) => f.ForAsync(partnershipId, ct))
            .WithSummary("Registered, approval and conversion rates, open pipeline, won revenue sourced vs influenced");

        var manage = g.MapGroup("").RequireAuthorization(Policies.Manage);
        manage.MapPut("/settings", (SettingsInput input, ReferralService s, CancellationToken ct) => s.SaveSettingsAsync(input, ct))
            .WithSummary("Save the protection window (30, 60, 90, 120 or null) and the review SLA (1–20 business days); version 0 the first time");
        manage.MapPost("/{id:int}/decision", (int id, DecideInput input, ReferralService s, HttpContext http, CancellationToken ct) =>
                s.DecideAsync(id, input, ReferralCaller.From(http.User), ct))
            .WithSummary("Decide: approve (protected), influence only, reject or reject as duplicate; a reason for rejections and conflicts");
        manage.MapPost("/{id:int}/extend", (int id, ExtendInput input, ReferralService s, HttpContext http, CancellationToken ct) =>
                s.ExtendAsync(id, input, ReferralCaller.From(http.User), ct))
            .WithSummary("Extend protection once, with a reason");
        manage.MapPost("/{id:int}/approve-win", (int id, VersionInput input, ReferralService s, HttpContext http, CancellationToken ct) =>
                s.ApproveWinAsync(id, input, ReferralCaller.From(http.User), ct))
            .WithSummary("Approve a won registration so it counts for revenue and rewards");
        manage.MapPost("/{id:int}/post-revenue", (int id, PostRevenueInput input, ReferralService s, HttpContext http, CancellationToken ct) =>
                s.PostRevenueAsync(id, input, ReferralCaller.From(http.User), ct))
            .WithSummary("Post an approved win to an agreement's revenue ledger as one sale event; idempotent (a second post records nothing)");
        staff.MapGet("/{id:int}/revenue-targets", (int id, ReferralService s, CancellationToken ct) => s.RevenueTargetsAsync(id, ct))
            .WithSummary("The partnership's signed or active agreements an approved win may be posted to, those with revenue terms first");
        manage.MapPut("/{id:int}/credits", (int id, CreditsInput input, ReferralService s, HttpContext http, CancellationToken ct) =>
                s.SetCreditsAsync(id, input, ReferralCaller.From(http.User), ct))
            .WithSummary("Replace the credit: partners of the partnership, sourced or influenced, shares adding up to 100%");
        manage.MapPut("/{id:int}/internal-notes", (int id, InternalNotesInput input, ReferralService s, HttpContext http, CancellationToken ct) =>
                s.SaveInternalNotesAsync(id, input, ReferralCaller.From(http.User), ct))
            .WithSummary("Our notes on the registration; never shown to partner users");
    }
}

public static class OurAccountsApi
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public static void MapOurAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        // Staff only: partner users never see our alias list or our CRM accounts (403 here; the tables are closed to them too).
        var aliases = app.MapGroup("/api/company-aliases").WithTags("Referrals").RequireAuthorization(Policies.Internal);
        aliases.MapGet("/", (string? search, OurAccountsService s, CancellationToken ct) => s.AliasesAsync(search, ct))
            .WithSummary("Alias groups: the several web domains of one company, matched as one in deal registration conflicts");
        aliases.MapGet("/{id:int}", (int id, OurAccountsService s, CancellationToken ct) => s.AliasAsync(id, ct))
            .WithSummary("One alias group");
        var manageAliases = aliases.MapGroup("").RequireAuthorization(Policies.Manage);
        manageAliases.MapPost("/", async Task<Created<AliasDto>> (AliasInput input, OurAccountsService s, CancellationToken ct) =>
            {
                var a = await s.CreateAliasAsync(input, ct);
                return TypedResults.Created($"/api/company-aliases/{a.Id}", a);
            })
            .WithSummary("A new alias group: the company's name and at least two domains, the main one first; a domain is in one group only");
        manageAliases.MapPut("/{id:int}", (int id, AliasInput input, OurAccountsService s, CancellationToken ct) => s.UpdateAliasAsync(id, input, ct))
            .WithSummary("Replace an alias group's name and domains; send the version you read");
        manageAliases.MapDelete("/{id:int}", async (int id, OurAccountsService s, CancellationToken ct) =>
            {
                await s.DeleteAliasAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete an alias group; its domains match only themselves again");

        var crm = app.MapGroup("/api/crm-accounts").WithTags("Referrals").RequireAuthorization(Policies.Internal);
        crm.MapGet("/", (CrmAccountKind? kind, string? search, int? page, int? pageSize, OurAccountsService s, CancellationToken ct) =>
                s.AccountsAsync(kind, search, page, pageSize, ct))
            .WithSummary("Our own accounts from CRM exports (customers and open opportunities), with the counts per list");
        crm.MapPost("/import", async (IFormCollection form, OurAccountsService s, CancellationToken ct) =>
            {
                var file = form.Files.GetFile("file") ?? throw ValidationFailed.For("file", "is required: a CSV export from Salesforce or HubSpot with a header row.");
                CrmAccountKind? kind = Enum.TryParse<CrmAccountKind>(form["kind"], true, out var k) && Enum.IsDefined(k) ? k : null;
                await using var stream = file.OpenReadStream();
                return await s.ImportAsync(kind, stream, ct);
            }).RequireAuthorization(Policies.Manage).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes))
            .WithSummary("Import a CRM export (fields: file, kind Customer or Opportunity) as the whole list of that kind, replacing it; all or nothing, per-row errors");
    }
}
