using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Onboarding;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Onboarding;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteOnboardingTests(SqliteApp app) : OnboardingTests<SqliteApp>(app);
public sealed class PostgresOnboardingTests(PostgresApp app) : OnboardingTests<PostgresApp>(app);

/// <summary>Onboarding checklists over HTTP: started by the move to Onboarding (once), steps on both sides, the Active gate and override, the portal, denials.</summary>
public abstract class OnboardingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    const string Training = "Complete the partner training";
    const string JointActivity = "Plan the first joint activity and its date";
    const string CoMarketing = "Review the co-marketing templates and brand use";

    async Task<(TestWorkspace Ws, HttpClient Manager)> Workspace(string name)
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Manager));
    }

    async Task InDb(TestWorkspace ws, Func<WarmglowDb, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        await work(db);
        await db.SaveChangesAsync();
    }

    async Task<string> UserId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    Task AtAgreement(TestWorkspace ws, int pid) => InDb(ws, db =>
        db.Partnerships.Where(p => p.Id == pid).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, PartnershipStage.Agreement)));

    static Task<HttpResponseMessage> Move(HttpClient c, int id, string to) => c.PostJson($"/api/partnerships/{id}/transitions", new { to, reason = $"to {to}" });

    async Task<(int Pid, int PartnerId, ChecklistDto Checklist)> Onboarding(TestWorkspace ws, HttpClient manager, string name, string type = "CoSellingReferral")
    {
        var (pid, partnerId) = await manager.NewPartnershipAsync(name, type);
        await AtAgreement(ws, pid);
        var moved = await Move(manager, pid, "Onboarding");
        Assert.True(moved.StatusCode == HttpStatusCode.Created, await moved.Content.ReadAsStringAsync());
        return (pid, partnerId, await (await manager.GetAsync($"/api/onboarding/partnerships/{pid}")).Read<ChecklistDto>());
    }

    static StepDto Step(ChecklistDto c, string title) => c.Steps.Single(s => s.Title == title);

    static async Task<StepDto> Act(HttpClient c, StepDto step, string action, object? body = null)
    {
        var r = await c.PostJson($"/api/onboarding/steps/{step.Id}/{action}", body ?? new { version = step.Version });
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{action} {step.Title}: {await r.Content.ReadAsStringAsync()}");
        return await r.Read<StepDto>();
    }

    static async Task<System.Text.Json.Nodes.JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    [SkippableFact]
    public async Task Onboarding_StartsOnce_StepsMoveToDone_AndSameDayCountsAsOneDay()
    {
        var (ws, manager) = await Workspace("Happy");
        var (pid, _, c) = await Onboarding(ws, manager, "Newcomer");
        Assert.Equal("Standard onboarding", c.TemplateName);
        Assert.Equal((6, 0, 5), (c.Total, c.Closed, c.OpenRequired));
        Assert.All(c.Steps, s => Assert.Equal(StepStatus.Pending, s.Status));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), Step(c, Training).DueOn);

        // Back from hold: the same checklist, not a second one.
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "OnHold")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "Onboarding")).StatusCode);
        await InDb(ws, async db =>
        {
            Assert.Equal(1, await db.OnboardingChecklists.CountAsync(x => x.PartnershipId == pid));
            Assert.Equal(6, await db.OnboardingSteps.CountAsync(s => s.ChecklistId == c.Id));
        });

        // Required steps cannot be skipped; optional ones can; approval steps wait, then are approved.
        var refused = await manager.PostJson($"/api/onboarding/steps/{Step(c, Training).Id}/skip", new { version = Step(c, Training).Version });
        Assert.Contains("required and cannot be skipped", (await refused.Problem(409))["detail"]!.ToString());
        Assert.Equal(StepStatus.Skipped, (await Act(manager, Step(c, CoMarketing), "skip")).Status);
        foreach (var s in c.Steps.Where(s => s.Required))
        {
            var done = await Act(manager, s, "complete", new { note = "Done in the kick-off.", version = s.Version });
            if (s.NeedsApproval)
            {
                Assert.Equal(StepStatus.WaitingForApproval, done.Status);
                done = await Act(manager, done, "approve");
            }
            Assert.Equal(StepStatus.Done, done.Status);
        }
        c = await (await manager.GetAsync($"/api/onboarding/checklists/{c.Id}")).Read<ChecklistDto>();
        Assert.NotNull(c.CompletedAt);
        Assert.Equal(1, c.DaysToOnboard); // the same day counts as one day
        Assert.Equal((6, 100, 0), (c.Closed, c.ProgressPercent, c.OpenRequired));
        Assert.Null(c.ActiveNeeds);

        var figures = await (await manager.GetAsync("/api/onboarding/figures")).Read<OnboardingFigures>();
        Assert.Equal((1, 1, "100%"), (figures.Started, figures.Completed, figures.CompletionRate));
        Assert.Equal(1, Assert.Single(figures.Quarters).AverageDays);
        Assert.Equal(OnboardingRules.QuarterOf(DateTime.UtcNow), figures.Quarters[0].Quarter);
        Assert.Equal("Standard onboarding", Assert.Single(figures.Templates).Template);
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "Active")).StatusCode);

        // A second checklist still running: the rate is 50%, and the overview shows both.
        await Onboarding(ws, manager, "Slowcomer");
        figures = await (await manager.GetAsync("/api/onboarding/figures")).Read<OnboardingFigures>();
        Assert.Equal("50%", figures.CompletionRate);
        var page = await manager.GetStringAsync("/Onboarding");
        Assert.Contains("50%", page);
        Assert.Contains("Slowcomer alliance", page);
        Assert.Contains("1 day", page);
    }

    [SkippableFact]
    public async Task Active_WaitsForTheRequiredSteps_ShownBeforehand_UnlessAManagerOverrides()
    {
        var (ws, manager) = await Workspace("Gate");
        var (pid, _, c) = await Onboarding(ws, manager, "Eager");

        var html = await manager.GetStringAsync($"/Partnerships/{pid}");
        Assert.Contains("Onboarding checklist", html);
        Assert.Contains("5 required onboarding steps are still open", html);
        var refused = await Move(manager, pid, "Active");
        Assert.Contains("5 required onboarding steps are still open", (await Errors(refused))["to"]!.ToJsonString());

        // Only managers override, with a reason; it is audited and opens the move.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/onboarding/checklists/{c.Id}/override", new { reason = "Because I say so", version = c.Version })).StatusCode);
        Assert.NotNull((await Errors(await manager.PostJson($"/api/onboarding/checklists/{c.Id}/override", new { reason = "soon", version = c.Version })))["reason"]);
        var form = await manager.PostFormAsync($"/Onboarding/Checklist/{c.Id}", $"/Onboarding/Checklist/{c.Id}?handler=Override",
            [new("reason", "Launch date agreed with their CEO; training finishes next week."), new("version", c.Version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var overridden = await (await manager.GetAsync($"/api/onboarding/checklists/{c.Id}")).Read<ChecklistDto>();
        Assert.Equal("Launch date agreed with their CEO; training finishes next week.", overridden.OverrideReason);
        Assert.Null(overridden.ActiveNeeds);
        await InDb(ws, async db => Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OnboardingChecklist) && a.EntityId == c.Id.ToString()
            && a.Summary!.Contains("Launch date agreed"))));
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, pid, "Active")).StatusCode);
    }

    [SkippableFact]
    public async Task PartnerUser_CompletesTheirStepInThePortal_WeApproveOrSendItBack()
    {
        var (ws, manager) = await Workspace("Portal");
        var (_, partnerId, c) = await Onboarding(ws, manager, "Portalco");
        var partner = await ws.AsPartnerUser(partnerId);

        var home = await partner.GetStringAsync("/Portal");
        Assert.Contains(Training, home);
        Assert.Contains($"/Portal/Onboarding/{c.Id}", home);
        var training = Step(c, Training);
        var marked = await partner.PostFormAsync($"/Portal/Onboarding/{c.Id}", $"/Portal/Onboarding/{c.Id}?handler=Complete",
            [new("stepId", training.Id.ToString()), new("version", training.Version.ToString()), new("note", "All six coordinators took the course.")]);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var seen = await (await partner.GetAsync($"/api/onboarding/checklists/{c.Id}")).Read<ChecklistDto>();
        training = Step(seen, Training);
        Assert.Equal(StepStatus.WaitingForApproval, training.Status);
        Assert.Null(seen.OverrideReason);
        Assert.All(seen.Steps, s => Assert.Null(s.OwnerUserId)); // ids stay internal

        // Partner users complete only their side's steps, and never approve.
        var ours = c.Steps.First(s => s.OwnerSide == StepOwnerSide.Ours);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/onboarding/steps/{ours.Id}/complete", new { version = ours.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/onboarding/steps/{training.Id}/approve", new { version = training.Version })).StatusCode);

        // Sent back with a comment (required), which the partner reads; done again, then approved.
        Assert.NotNull((await Errors(await manager.PostJson($"/api/onboarding/steps/{training.Id}/send-back", new { comment = " ", version = training.Version })))["comment"]);
        var back = await Act(manager, training, "send-back", new { comment = "Two coordinators are still missing.", version = training.Version });
        Assert.Equal(StepStatus.ActionRequired, back.Status);
        var portal = await partner.GetStringAsync($"/Portal/Onboarding/{c.Id}");
        Assert.Contains("Two coordinators are still missing.", portal);
        Assert.Contains("Action required", portal);
        var again = await Act(partner, back, "complete", new { note = "Now all eight.", version = back.Version });
        Assert.Equal(StepStatus.WaitingForApproval, again.Status);
        Assert.Equal(StepStatus.Done, (await Act(manager, again, "approve")).Status);
    }

    [SkippableFact]
    public async Task Denials_OtherPartnership_Evaluator_OwnerOutside_AndStaleEdits()
    {
        var (ws, manager) = await Workspace("Denials");
        var (pid, partnerId, c) = await Onboarding(ws, manager, "Inside");
        var (_, otherPartnerId) = await manager.NewPartnershipAsync("Outside");
        var step = Step(c, Training);

        // A partner user of another partnership: not found, on the API and in the portal.
        var stranger = await ws.AsPartnerUser(otherPartnerId);
        await (await stranger.GetAsync($"/api/onboarding/checklists/{c.Id}")).Problem(404);
        await (await stranger.GetAsync($"/api/onboarding/partnerships/{pid}")).Problem(404);
        await (await stranger.PostJson($"/api/onboarding/steps/{step.Id}/complete", new { version = step.Version })).Problem(404);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Portal/Onboarding/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/onboarding/templates")).StatusCode);

        // Evaluators read templates and checklists, but edit nothing.
        var evaluator = await ws.As(Roles.Evaluator);
        var templates = await (await evaluator.GetAsync("/api/onboarding/templates")).Read<List<TemplateDto>>();
        Assert.Equal(4, templates.Count);
        var standard = templates.Single(t => t.Type is null && t.Tier is null);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/onboarding/templates", new { name = "Mine", steps = new[] { new { title = "A", ownerSide = "Ours" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutJson($"/api/onboarding/templates/{standard.Id}", new { name = "Mine", version = standard.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/Onboarding/Templates/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/onboarding/steps/{step.Id}/complete", new { version = step.Version })).StatusCode);

        // Owners must be people of the partnership's sides: a field error naming the field.
        var outsider = await UserId(await ws.NewUserAsync(Roles.Partner, otherPartnerId));
        var insider = await UserId(await ws.NewUserAsync(Roles.Partner, partnerId));
        var ourManager = await UserId(ws.Emails[Roles.Manager]);
        var e = await Errors(await manager.PutJson($"/api/onboarding/steps/{step.Id}/owner", new { ownerUserId = outsider, version = step.Version }));
        Assert.Contains("outside this partnership", e["ownerUserId"]!.ToJsonString());
        Assert.NotNull((await Errors(await manager.PutJson($"/api/onboarding/steps/{step.Id}/owner", new { ownerUserId = ourManager, version = step.Version })))["ownerUserId"]);
        int otherContact = 0, insideContact = 0;
        await InDb(ws, async db =>
        {
            var a = new Contact { PartnerId = otherPartnerId, Name = "Olga Outside" };
            var b = new Contact { PartnerId = partnerId, Name = "Ines Inside" };
            db.Contacts.AddRange(a, b);
            await db.SaveChangesAsync();
            (otherContact, insideContact) = (a.Id, b.Id);
        });
        Assert.NotNull((await Errors(await manager.PutJson($"/api/onboarding/steps/{step.Id}/owner", new { ownerContactId = otherContact, version = step.Version })))["ownerContactId"]);
        var owned = await (await manager.PutJson($"/api/onboarding/steps/{step.Id}/owner", new { ownerContactId = insideContact, version = step.Version })).Read<StepDto>();
        Assert.Equal("Ines Inside", owned.Owner);
        var page = await manager.PostFormAsync($"/Onboarding/Checklist/{c.Id}", $"/Onboarding/Checklist/{c.Id}?handler=Owner",
            [new("stepId", step.Id.ToString()), new("version", owned.Version.ToString()), new("owner", $"user:{outsider}")]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var body = await page.Content.ReadAsStringAsync();
        Assert.Contains("Owner works for a partner outside this partnership", body);
        Assert.Contains("data-valmsg-for=\"Owner\"", body);
        owned = await (await manager.PutJson($"/api/onboarding/steps/{step.Id}/owner", new { ownerUserId = insider, version = owned.Version })).Read<StepDto>();

        // Stale edits: 409, nothing changed.
        await (await manager.PostJson($"/api/onboarding/steps/{step.Id}/complete", new { version = owned.Version + 1 })).Problem(409);
        await (await manager.PutJson($"/api/onboarding/templates/{standard.Id}", new { name = "Renamed", steps = new[] { new { title = "A", ownerSide = "Ours" } }, version = standard.Version + 3 })).Problem(409);
        Assert.Equal(StepStatus.Pending, Step(await (await manager.GetAsync($"/api/onboarding/checklists/{c.Id}")).Read<ChecklistDto>(), Training).Status);

        // Another workspace's ids are not found.
        var (_, elsewhere) = await Workspace("Elsewhere");
        await (await elsewhere.GetAsync($"/api/onboarding/checklists/{c.Id}")).Problem(404);
        await (await elsewhere.PostJson($"/api/onboarding/steps/{step.Id}/approve", new { version = owned.Version })).Problem(404);
        await (await elsewhere.GetAsync($"/api/onboarding/templates/{standard.Id}")).Problem(404);
    }

    [SkippableFact]
    public async Task Templates_AreChosenByTierThenType_AndBadInputIsRefused()
    {
        var (ws, manager) = await Workspace("Templates");
        object[] steps = [new { title = "Kick-off with the partner", ownerSide = "Ours", dueOffsetDays = 1 }, new { title = "Sign the data agreement", ownerSide = "Partner", dueOffsetDays = 5, needsApproval = true }];

        var both = await Errors(await manager.PostJson("/api/onboarding/templates", new { name = "Both", type = "Reseller", tier = "Strategic", steps }));
        Assert.NotNull(both["tier"]);
        var noSteps = await Errors(await manager.PostJson("/api/onboarding/templates", new { name = "Empty", steps = Array.Empty<object>() }));
        Assert.NotNull(noSteps["steps"]);
        var badStep = await Errors(await manager.PostJson("/api/onboarding/templates", new { name = "Bad", tier = "Growth", steps = new[] { new { title = "", ownerSide = "Ours", dueOffsetDays = 900 } } }));
        Assert.NotNull(badStep["steps[0].title"]);
        Assert.NotNull(badStep["steps[0].dueOffsetDays"]);
        var taken = await Errors(await manager.PostJson("/api/onboarding/templates", new { name = "Second reseller", type = "Reseller", steps }));
        Assert.Contains("Reseller onboarding", taken["type"]!.ToJsonString());
        await InDb(ws, async db => Assert.Equal(4, await db.OnboardingTemplates.CountAsync()));

        var strategic = await (await manager.PostJson("/api/onboarding/templates", new { name = "Strategic onboarding", tier = "Strategic", steps })).Read<TemplateDto>();
        Assert.Equal("Strategic tier", strategic.AppliesTo);

        // A reseller partnership gets the reseller template; a strategic one gets the tier's, whatever its type.
        var (_, _, reseller) = await Onboarding(ws, manager, "Reselling", "Reseller");
        Assert.Equal("Reseller onboarding", reseller.TemplateName);
        var (tiered, _) = await manager.NewPartnershipAsync("Tiered", "Reseller");
        await AtAgreement(ws, tiered);
        await InDb(ws, db =>
        {
            db.PartnershipTiers.Add(new PartnershipTier { PartnershipId = tiered, Tier = Tier.Strategic, TierRank = Tiering.Rank(Tier.Strategic), Since = DateTime.UtcNow });
            return Task.CompletedTask;
        });
        Assert.Equal(HttpStatusCode.Created, (await Move(manager, tiered, "Onboarding")).StatusCode);
        var chosen = await (await manager.GetAsync($"/api/onboarding/partnerships/{tiered}")).Read<ChecklistDto>();
        Assert.Equal(("Strategic onboarding", 2), (chosen.TemplateName, chosen.Total));

        // The template page: errors next to the row; a saved template is listed.
        var form = await manager.PostFormAsync("/Onboarding/Templates/Edit", "/Onboarding/Templates/Edit",
            [new("Name", "Licensing start"), new("For", "type:Licensing"), new("Steps[0].Title", "Deliver the content package"), new("Steps[0].OwnerSide", "Ours"),
             new("Steps[0].DueOffsetDays", "400"), new("Steps[0].Required", "true")]);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Step 1 days after the start must be from 0 to 365", await form.Content.ReadAsStringAsync());
        form = await manager.PostFormAsync("/Onboarding/Templates/Edit", "/Onboarding/Templates/Edit",
            [new("Name", "Licensing start"), new("For", "type:Licensing"), new("Steps[0].Title", "Deliver the content package"), new("Steps[0].OwnerSide", "Ours"),
             new("Steps[0].DueOffsetDays", "3"), new("Steps[0].Required", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var list = await manager.GetStringAsync("/Onboarding/Templates");
        Assert.Contains("Licensing start", list);
        Assert.Contains("Strategic tier", list);
    }
}
