using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Scoring;
using Warmglow.Web.Features.Discovery;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Features.Workspaces;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Demo;

/// <summary>Fills a workspace with the demo content of <see cref="DemoCatalog"/>: partners, contacts, people, partnerships and their history.</summary>
public sealed class DemoLoader(WarmglowDb db, UserManager<AppUser> users, IEnumerable<IDemoContributor> contributors,
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection)
{
    public const string DemoWorkspaceName = "Mindful Glow";

    internal static readonly (string Name, string Email, string Role)[] Staff =
    [
        ("Maya Chen", "maya.chen@mindfulglow.example", Roles.Manager),
        ("Jonas Berg", "jonas.berg@mindfulglow.example", Roles.Manager),
        ("Priya Raman", "priya.raman@mindfulglow.example", Roles.Executive),
        ("Leo Alvarez", "leo.alvarez@mindfulglow.example", Roles.Evaluator),
    ];
    const int ExecutiveIndex = 2;

    /// <summary>Startup switch --demo: creates the demo workspace when the database has none, and loads it.</summary>
    public static async Task EnsureDemoWorkspaceAsync(IServiceProvider services, ILogger log)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        if (await db.Workspaces.AnyAsync())
        {
            log.LogInformation("--demo: a workspace already exists; use 'Load demo data' on its dashboard instead.");
            return;
        }
        var workspace = new Workspace { Name = DemoWorkspaceName, CreatedAt = db.UtcNow };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        db.Tenant.Use(workspace.Id, "demo loader");
        var count = await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync();
        log.LogInformation("--demo: loaded {Count} partners into workspace '{Name}'. The first visit creates its admin.", count, DemoWorkspaceName);
    }

    public async Task<int> LoadAsync(CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        if (await db.Partners.AnyAsync(ct)) throw new Conflict("This workspace already has partners; demo data loads only into an empty workspace.");
        // Contributors protect secrets (webhook signing keys). On a fresh database the first protection creates the key
        // ring and stores it through a context of its own: done inside the demo's transaction, that write would wait
        // for the transaction's own lock on SQLite. So the key ring is made (or read) before the transaction opens.
        Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(protection.CreateProtector("Warmglow.Demo"), "key ring ready");
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var now = db.UtcNow;

        var staff = new List<AppUser>();
        foreach (var (name, email, role) in Staff)
            staff.Add(await DemoUserAsync(db, users, email, name, ws, role, null, now));
        var managers = staff.Where((_, i) => Staff[i].Role == Roles.Manager).ToList();
        var sponsor = staff[ExecutiveIndex]; // staff follows the order of Staff

        var i = 0;
        foreach (var d in DemoCatalog.Partners)
        {
            var partner = new Partner
            {
                Name = d.Name, Website = d.Website, Industry = d.Industry, Size = d.Size, Region = d.Region, Notes = d.Notes,
                Contacts = d.Contacts.Select(c => new Contact { Name = c.Name, Email = c.Email, Title = c.Title, Phone = c.Phone }).ToList(),
            };
            var partnership = new Partnership
            {
                Name = d.PartnershipName, Type = d.Type, Stage = PartnershipStage.Prospect, Notes = d.PartnershipNotes,
                StartDate = DateOnly.FromDateTime(now.AddDays(-d.StartedDaysAgo)),
                ManagerId = managers[i++ % managers.Count].Id,
                SponsorId = i % 5 == 0 ? null : sponsor.Id, // a few without a sponsor: governance flags them later
            };
            partnership.Members.Add(new PartnershipMember { Partner = partner, IsLead = true });
            partnership.Transitions.Add(new StageTransition
            {
                ToStage = PartnershipStage.Prospect, Reason = "Added to the pipeline.", ByUserName = partnership.ManagerId == managers[0].Id ? managers[0].DisplayName : managers[^1].DisplayName,
                ByUserId = partnership.ManagerId, At = now.AddDays(-d.StartedDaysAgo),
            });
            foreach (var move in d.History)
            {
                var check = Lifecycle.Check(partnership.Stage, move.To, partnership.HeldFromStage);
                if (!check.IsAllowed) throw new InvalidOperationException($"Demo data for {d.Name} breaks the lifecycle: {check.Error}");
                partnership.Transitions.Add(new StageTransition
                {
                    FromStage = partnership.Stage, ToStage = move.To, Reason = move.Reason, At = now.AddDays(-move.DaysAgo),
                    ByUserId = partnership.ManagerId, ByUserName = staff.First(s => s.Id == partnership.ManagerId).DisplayName,
                });
                partnership.HeldFromStage = move.To == PartnershipStage.OnHold ? partnership.Stage : null;
                partnership.Stage = move.To;
            }
            db.Partners.Add(partner);
            db.Partnerships.Add(partnership);
        }
        await db.SaveChangesAsync(ct);
        await AddVettingAsync(staff, now, ct);
        foreach (var contributor in contributors.OrderBy(c => c.Order))
            await contributor.AddAsync(new DemoContext(staff, now), ct);
        await tx.CommitAsync(ct);
        return DemoCatalog.Partners.Count;
    }

    /// <summary>
    /// The demo account with this e-mail in this workspace, created (without a password: invite to use) if missing.
    /// A demo e-mail already taken in another workspace is never reused — that would make another workspace's person
    /// an owner or respondent here — so a second demo workspace gets "name+w{id}@…" addresses instead.
    /// </summary>
    public static async Task<AppUser> DemoUserAsync(WarmglowDb db, UserManager<AppUser> users, string email, string name, int workspaceId,
        string role, int? partnerId, DateTime now)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null && await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.WorkspaceId == workspaceId && m.PartnerId == partnerId)) return user;
        if (user is not null)
        {
            var at = email.IndexOf('@');
            email = $"{email[..at]}+w{workspaceId}{email[at..]}";
            user = await users.FindByEmailAsync(email);
            if (user is not null) return user;
        }
        user = new AppUser { UserName = email, Email = email, DisplayName = name, WorkspaceId = workspaceId, PartnerId = partnerId, CreatedAt = now };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        db.Memberships.Add(new Accounts.Membership { UserId = user.Id, WorkspaceId = workspaceId, Roles = role, PartnerId = partnerId, CreatedAt = now });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>
    /// Scores, pilots and decisions consistent with each demo history: whoever reached Evaluation was scored by
    /// three people; whoever passed it had a passing score and a go; whoever left Pilot has a verdict.
    /// </summary>
    async Task AddVettingAsync(List<AppUser> staff, DateTime now, CancellationToken ct)
    {
        var card = await db.Scorecards.FirstAsync(c => c.BuiltInKey == BuiltInTemplates.FourDimensional.Key, ct);
        var keys = card.Dimensions.SelectMany(d => d.Criteria).Select(c => (c.Key, c.ScaleMax)).ToList();
        var evaluators = staff.Where((_, i) => i != ExecutiveIndex).ToList();
        var executive = staff[ExecutiveIndex];
        var partnerships = await db.Partnerships.Include(p => p.Transitions).OrderBy(p => p.Id).ToListAsync(ct);
        var random = new Random(42);
        foreach (var p in partnerships)
        {
            var moves = p.Transitions.OrderBy(t => t.At).ToList();
            var leftPilot = moves.FirstOrDefault(t => t.FromStage == PartnershipStage.Pilot && t.ToStage == PartnershipStage.Evaluation);
            if (moves.Any(t => t.ToStage == PartnershipStage.Pilot))
            {
                var started = moves.First(t => t.ToStage == PartnershipStage.Pilot).At;
                db.Pilots.Add(new Pilot
                {
                    PartnershipId = p.Id, Scope = $"A small, time-boxed trial of {p.Name}.", StartDate = DateOnly.FromDateTime(started), DurationWeeks = 8,
                    SuccessCriteria = "Both sides see the agreed engagement lift; fewer than 2 escalations a month.",
                    Milestones = [new PilotMilestone("Kick-off with both teams", DateOnly.FromDateTime(started.AddDays(7)), true),
                                  new PilotMilestone("Mid-pilot review", DateOnly.FromDateTime(started.AddDays(28)), leftPilot is not null)],
                    Verdict = leftPilot is null ? PilotVerdict.Pending : PilotVerdict.Succeeded,
                    VerdictNotes = leftPilot is null ? null : leftPilot.Reason,
                });
            }
            foreach (var (step, leaving) in new[] { (VettingStep.DeskResearch, PartnershipStage.Research), (VettingStep.IntroCall, PartnershipStage.IntroCall),
                         (VettingStep.ReferenceChecks, PartnershipStage.MutualValueProposition), (VettingStep.ValuePropositionDocument, PartnershipStage.MutualValueProposition) })
            {
                var left = moves.FirstOrDefault(t => t.FromStage == leaving && t.ToStage != PartnershipStage.OnHold && t.ToStage != PartnershipStage.Rejected);
                if (left is not null)
                    db.VettingSteps.Add(new VettingStepRecord { PartnershipId = p.Id, Step = step, Done = true, ById = p.ManagerId, ByName = left.ByUserName, At = left.At.AddHours(-2) });
            }
            var evaluation = moves.FirstOrDefault(t => t.ToStage == PartnershipStage.Evaluation);
            if (evaluation is null) continue;
            var passed = moves.Any(t => t.FromStage == PartnershipStage.Evaluation && t.ToStage == PartnershipStage.Agreement);
            var rejected = moves.Any(t => t.FromStage == PartnershipStage.Evaluation && t.ToStage == PartnershipStage.Rejected);
            foreach (var (evaluator, i) in evaluators.Select((e, i) => (e, i)))
            {
                // Passed candidates score 4–5 on a 1–5 scale (≥ 75); the others 2–4; one evaluator often dissents.
                var scores = keys.ToDictionary(k => k.Key, k => passed ? random.Next(4, 6) : random.Next(2, i == 0 ? 5 : 4));
                db.ScorecardEvaluations.Add(new ScorecardEvaluation
                {
                    ScorecardId = card.Id, PartnershipId = p.Id, EvaluatorId = evaluator.Id, EvaluatorName = evaluator.DisplayName,
                    Scores = scores, SubmittedAt = evaluation.At.AddDays(i + 1),
                });
            }
            if (passed || rejected)
                db.VettingDecisions.Add(new VettingDecision
                {
                    PartnershipId = p.Id, Go = passed, DecidedById = executive.Id, DecidedByName = executive.DisplayName,
                    At = evaluation.At.AddDays(5), Reasons = passed ? "Scores clear the bar and the pilot met its criteria." : "Fit is too weak for the resources it would need.",
                });
        }
        await db.SaveChangesAsync(ct);
    }
}
