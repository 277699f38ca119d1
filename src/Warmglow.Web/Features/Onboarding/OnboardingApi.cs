using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Onboarding;

public static class OnboardingApi
{
    public static void MapOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        // Templates and the overview are internal; managers change templates and review steps. Checklists and steps are
        // read by partner users too, their own partnerships' only (the DbContext scopes them; others are not found),
        // and partner users complete the steps on their side.
        var g = app.MapGroup("/api/onboarding").WithTags("Onboarding").RequireAuthorization(Policies.Member);
        var staff = g.MapGroup("").RequireAuthorization(Policies.Internal);

        staff.MapGet("/templates", (OnboardingService s, CancellationToken ct) => s.TemplatesAsync(ct))
            .WithSummary("Checklist templates: tier ones first, then per type, then the default");
        staff.MapGet("/templates/{templateId:int}", (int templateId, OnboardingService s, CancellationToken ct) => s.TemplateAsync(templateId, ct))
            .WithSummary("One checklist template with its steps");
        staff.MapPost("/templates", async Task<Created<TemplateDto>> (TemplateInput input, OnboardingService s, CancellationToken ct) =>
            {
                var t = await s.CreateTemplateAsync(input, ct);
                return TypedResults.Created($"/api/onboarding/templates/{t.Id}", t);
            })
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Create a template for a partnership type, a tier, or neither (the default), with its steps: title, owner side, due offset in days, required, needs our approval");
        staff.MapPut("/templates/{templateId:int}", (int templateId, TemplateInput input, OnboardingService s, CancellationToken ct) => s.UpdateTemplateAsync(templateId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Change a template (its steps are replaced whole); send the version you read");
        staff.MapDelete("/templates/{templateId:int}", async Task<NoContent> (int templateId, OnboardingService s, CancellationToken ct) =>
            {
                await s.DeleteTemplateAsync(templateId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Manage).WithSummary("Delete a template; checklists started from it keep their steps");

        staff.MapGet("/checklists", (bool? inProgress, int? page, int? pageSize, OnboardingService s, CancellationToken ct) => s.ListAsync(inProgress, page, pageSize, ct))
            .WithSummary("Checklists, in progress first (longest running first), with their progress; inProgress=true or false filters; paged");
        staff.MapGet("/figures", (OnboardingService s, CancellationToken ct) => s.FiguresAsync(ct))
            .WithSummary("Completion rate and time to onboard (days from entering Onboarding to the last required step done), overall, per quarter with the trend, and per template");
        g.MapGet("/checklists/{checklistId:int}", (int checklistId, OnboardingService s, CancellationToken ct) => s.GetAsync(checklistId, ct))
            .WithSummary("One checklist: its steps with owners, due dates and statuses, progress and what the move to Active still needs");
        g.MapGet("/partnerships/{id:int}", async (int id, OnboardingService s, CancellationToken ct) =>
                await s.ForPartnershipAsync(id, ct) ?? throw new Infrastructure.NotFound($"Onboarding checklist of partnership {id}"))
            .WithSummary("The onboarding checklist of a partnership (404 when it has none)");
        staff.MapPost("/checklists/{checklistId:int}/override", (int checklistId, ChecklistOverrideInput input, OnboardingService s, CancellationToken ct) =>
                s.OverrideAsync(checklistId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Let the partnership reach Active with required steps open: a reason is required and audited");

        g.MapPost("/steps/{stepId:int}/complete", async (int stepId, StepCompleteInput input, OnboardingService s, IAuthorizationService auth, HttpContext http, CancellationToken ct) =>
            {
                var canManage = (await auth.AuthorizeAsync(http.User, Policies.Manage)).Succeeded;
                return await s.CompleteAsync(stepId, input, canManage, ct);
            })
            .WithSummary("Mark a step done, with an optional note both sides read (a step that needs our approval then waits for it): partner users their side's steps, our people a step they own, managers any; send the version you read");
        staff.MapPost("/steps/{stepId:int}/approve", (int stepId, StepReviewInput input, OnboardingService s, CancellationToken ct) => s.ApproveAsync(stepId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Approve a step waiting for approval (it is done); send the version you read");
        staff.MapPost("/steps/{stepId:int}/send-back", (int stepId, StepReviewInput input, OnboardingService s, CancellationToken ct) => s.SendBackAsync(stepId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Send a step waiting for approval back (action required) with a comment the partner reads; send the version you read");
        staff.MapPost("/steps/{stepId:int}/skip", (int stepId, StepSkipInput input, OnboardingService s, CancellationToken ct) => s.SkipAsync(stepId, input, ct))
            .RequireAuthorization(Policies.Manage).WithSummary("Skip an optional step; send the version you read");
        staff.MapPut("/steps/{stepId:int}/owner", (int stepId, StepOwnerInput input, OnboardingService s, CancellationToken ct) => s.SetOwnerAsync(stepId, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Set who does a step: ownerUserId (one of ours, or a partner user of the partnership) or ownerContactId (a contact of a member partner); send the version you read");
    }
}
