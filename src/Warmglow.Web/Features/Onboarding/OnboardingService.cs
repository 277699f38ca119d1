using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Onboarding;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Core.Text;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Onboarding;

public sealed record TemplateStepInput(string? Title, StepOwnerSide? OwnerSide, int? DueOffsetDays, bool? Required, bool? NeedsApproval);
/// <summary>A template: for a partnership type, or a tier, or neither (the default). Send the version you read when changing one.</summary>
public sealed record TemplateInput(string? Name, PartnershipType? Type, Tier? Tier, IReadOnlyList<TemplateStepInput?>? Steps, int? Version);
public sealed record TemplateStepDto(string Title, StepOwnerSide OwnerSide, string OwnerSideName, int DueOffsetDays, bool Required, bool NeedsApproval);
public sealed record TemplateDto(int Id, string Name, PartnershipType? Type, Tier? Tier, string AppliesTo, bool BuiltIn, IReadOnlyList<TemplateStepDto> Steps, int Version);

public sealed record StepDto(int Id, int Position, string Title, StepOwnerSide OwnerSide, string OwnerSideName, string? OwnerUserId, int? OwnerContactId,
    string? Owner, bool Required, bool NeedsApproval, DateOnly DueOn, bool Overdue, StepStatus Status, string StatusName, DateTime? DoneAt, string? DoneBy,
    string? Note, string? Comment, int Version);

public sealed record ChecklistDto(int Id, int PartnershipId, string Partnership, PartnershipStage Stage, string StageLabel, int? TemplateId, string TemplateName,
    DateTime StartedAt, DateTime? CompletedAt, int? DaysToOnboard, int Closed, int Total, int ProgressPercent, int OpenRequired, int WaitingForApproval,
    string? ActiveNeeds, string? OverrideReason, string? OverrideBy, DateTime? OverrideAt, IReadOnlyList<StepDto> Steps, int Version);

public sealed record ChecklistSummary(int Id, int PartnershipId, string Partnership, string TemplateName, DateTime StartedAt, int Closed, int Total,
    int ProgressPercent, int OpenRequired, int WaitingForApproval, DateTime? CompletedAt, int? DaysToOnboard);

public sealed record TemplateFigure(string Template, int Started, int Completed, double? AverageDays);

/// <summary>Onboarding figures: completion rate (completed ÷ started), average time to onboard, per quarter of completion (with its trend) and per template.</summary>
public sealed record OnboardingFigures(int Started, int Completed, int InProgress, int CompletionRatePercent, string CompletionRate, double? AverageDays,
    IReadOnlyList<QuarterFigure> Quarters, string? Trend, IReadOnlyList<TemplateFigure> Templates);

public sealed record StepCompleteInput(string? Note, int? Version);
public sealed record StepReviewInput(string? Comment, int? Version);
public sealed record StepSkipInput(int? Version);
public sealed record StepOwnerInput(string? OwnerUserId, int? OwnerContactId, int? Version);
public sealed record ChecklistOverrideInput(string? Reason, int? Version);

/// <summary>
/// Onboarding checklists: templates per type or tier, the checklist a move to Onboarding starts (once per partnership),
/// its steps (complete, approve, send back, skip, owner), the gate on Onboarding → Active with a manager's override, and
/// the figures. The one place onboarding data changes; pages and the API share it.
/// </summary>
public sealed class OnboardingService(WarmglowDb db, UserDirectory people, IEnumerable<IPartnershipTierSource> tiers)
{
    public const string BuiltInName = "Built-in onboarding";
    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);
    bool IsPartner => db.Tenant.PartnerId is not null;

    // ---- Templates ----

    /// <summary>The templates a new workspace starts with: the default and one per common type.</summary>
    public static IEnumerable<OnboardingTemplate> BuiltIns(int workspaceId) =>
        OnboardingRules.BuiltInByType.Select(t => new OnboardingTemplate { WorkspaceId = workspaceId, Name = t.Name, Type = t.Type, Steps = t.Steps.ToList(), BuiltIn = true })
            .Prepend(new OnboardingTemplate { WorkspaceId = workspaceId, Name = "Standard onboarding", Steps = OnboardingRules.BuiltInDefault.ToList(), BuiltIn = true });

    public static string AppliesTo(PartnershipType? type, Tier? tier) =>
        tier is { } t ? $"{Labels.Of(t)} tier" : type is { } ty ? PartnershipTypes.Get(ty).Name : "Default (every other partnership)";

    static TemplateDto ToDto(OnboardingTemplate t) => new(t.Id, t.Name, t.Type, t.Tier, AppliesTo(t.Type, t.Tier), t.BuiltIn,
        t.Steps.Select(s => new TemplateStepDto(s.Title, s.OwnerSide, Labels.Of(s.OwnerSide), s.DueOffsetDays, s.Required, s.NeedsApproval)).ToList(), t.Version);

    public async Task<IReadOnlyList<TemplateDto>> TemplatesAsync(CancellationToken ct = default)
    {
        var rows = await db.OnboardingTemplates.AsNoTracking().OrderBy(t => t.Tier == null).ThenBy(t => t.Type == null).ThenBy(t => t.Name).ThenBy(t => t.Id)
            .Take(500).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    public async Task<TemplateDto> TemplateAsync(int id, CancellationToken ct = default) =>
        ToDto(await db.OnboardingTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFound($"Onboarding template {id}"));

    public async Task<TemplateDto> CreateTemplateAsync(TemplateInput input, CancellationToken ct = default)
    {
        var steps = await CheckTemplateAsync(input, null, ct);
        var t = new OnboardingTemplate { Name = input.Name!.Trim(), Type = input.Tier is null ? input.Type : null, Tier = input.Tier, Steps = steps };
        db.OnboardingTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        return ToDto(t);
    }

    public async Task<TemplateDto> UpdateTemplateAsync(int id, TemplateInput input, CancellationToken ct = default)
    {
        var t = await db.OnboardingTemplates.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Onboarding template {id}");
        var steps = await CheckTemplateAsync(input, id, ct);
        if (input.Version != t.Version) throw new Conflict(StaleTemplate);
        t.Name = input.Name!.Trim();
        t.Type = input.Tier is null ? input.Type : null;
        t.Tier = input.Tier;
        t.Steps = steps;
        await SaveAsync(StaleTemplate, ct);
        return ToDto(t);
    }

    /// <summary>Deletes a template; checklists started from it keep their steps.</summary>
    public async Task DeleteTemplateAsync(int id, CancellationToken ct = default)
    {
        var t = await db.OnboardingTemplates.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Onboarding template {id}");
        db.OnboardingTemplates.Remove(t);
        await db.SaveChangesAsync(ct);
    }

    async Task<List<TemplateStep>> CheckTemplateAsync(TemplateInput input, int? id, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("name", input.Name, 200);
        if (input.Type is { } ty && !Enum.IsDefined(ty)) errors.Add("type", "is not a partnership type.");
        if (input.Tier is { } ti && !Enum.IsDefined(ti)) errors.Add("tier", "is not a tier: strategic, growth, transactional or emerging.");
        if (input.Type is not null && input.Tier is not null) errors.Add("tier", "and a type cannot both be set: a template is for one tier, or one type, or is the default.");
        var rows = input.Steps ?? [];
        var steps = rows.Select(s => s is null ? null : new TemplateStep(s.Title?.Trim() ?? "", s.OwnerSide ?? (StepOwnerSide)(-1), s.DueOffsetDays ?? 0,
            s.Required ?? true, s.NeedsApproval ?? false)).ToList();
        for (var i = 0; i < rows.Count; i++)
            if (rows[i] is { OwnerSide: null }) errors.Add($"steps[{i}].ownerSide", "is required: our team or the partner.");
        foreach (var (f, m) in OnboardingRules.ValidateSteps(steps))
            if (!(f.EndsWith(".ownerSide", StringComparison.Ordinal) && rows[int.Parse(f[6..f.IndexOf(']')])]?.OwnerSide is null)) errors.Add(f, m);
        if (id is not null && input.Version is null) errors.Add("version", "is required: the version of the template you read.");
        if (errors.IsEmpty)
        {
            var type = input.Tier is null ? input.Type : null;
            var taken = await db.OnboardingTemplates.Where(t => t.Id != (id ?? 0) && t.Tier == input.Tier && (input.Tier != null || t.Type == type))
                .Select(t => t.Name).FirstOrDefaultAsync(ct);
            if (taken is not null)
                errors.Add(input.Tier is not null ? "tier" : "type", $"already has a template (\"{taken}\"): change that one, or pick another tier or type.");
        }
        ValidationFailed.ThrowIfAny(errors);
        return steps.Select(s => s!).ToList();
    }

    // ---- Checklists ----

    /// <summary>
    /// Starts the partnership's checklist, or returns the one it has (a partnership back in Onboarding keeps its
    /// checklist). The template: one for its tier, else its type, else the default; the built-in steps when none fits.
    /// </summary>
    public async Task<OnboardingChecklist> StartAsync(int partnershipId, CancellationToken ct = default)
    {
        var existing = await db.OnboardingChecklists.FirstOrDefaultAsync(c => c.PartnershipId == partnershipId, ct);
        if (existing is not null) return existing;
        var p = await db.Partnerships.Where(x => x.Id == partnershipId).Select(x => new { x.Id, x.Type, x.ManagerId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound($"Partnership {partnershipId}");
        var source = tiers.FirstOrDefault();
        var tier = source is null ? null : await source.TierOfAsync(partnershipId, ct);
        var targets = await db.OnboardingTemplates.AsNoTracking().Select(t => new TemplateTarget(t.Id, t.Type, t.Tier)).ToListAsync(ct);
        var chosen = OnboardingRules.Choose(targets, p.Type, tier) is { } tid ? await db.OnboardingTemplates.AsNoTracking().FirstAsync(t => t.Id == tid, ct) : null;
        var now = db.UtcNow;
        var start = DateOnly.FromDateTime(now);
        var checklist = new OnboardingChecklist { PartnershipId = p.Id, TemplateId = chosen?.Id, TemplateName = chosen?.Name ?? BuiltInName, StartedAt = now };
        var position = 0;
        foreach (var s in chosen?.Steps ?? OnboardingRules.BuiltInDefault.ToList())
            checklist.Steps.Add(new OnboardingStep
            {
                Position = position++, Title = s.Title, OwnerSide = s.OwnerSide, Required = s.Required, NeedsApproval = s.NeedsApproval,
                DueOn = start.AddDays(s.DueOffsetDays), Status = StepStatus.Pending, OwnerUserId = s.OwnerSide == StepOwnerSide.Ours ? p.ManagerId : null,
            });
        Recompute(checklist);
        db.OnboardingChecklists.Add(checklist);
        await db.SaveChangesAsync(ct);
        return checklist;
    }

    /// <summary>Stores the time to onboard once every required step is done (part of a day counts as a day).</summary>
    void Recompute(OnboardingChecklist c)
    {
        if (c.CompletedAt is not null || c.Steps.Any(s => s.Required && s.Status != StepStatus.Done)) return;
        var at = c.Steps.Where(s => s.Required).Select(s => s.DoneAt).Max() ?? db.UtcNow;
        SetCompleted(c, at);
    }

    /// <summary>Sets the completion (and the figures it feeds) of a checklist at <paramref name="at"/>.</summary>
    public static void SetCompleted(OnboardingChecklist c, DateTime at)
    {
        c.CompletedAt = at;
        c.DaysToOnboard = OnboardingRules.TimeToOnboardDays(c.StartedAt, at);
        c.CompletedQuarter = OnboardingRules.QuarterOf(at);
    }

    /// <summary>What the move to Active still needs (one small query), or null.</summary>
    public async Task<string?> ActiveNeedsAsync(int partnershipId, CancellationToken ct = default)
    {
        var state = await db.OnboardingChecklists.Where(c => c.PartnershipId == partnershipId)
            .Select(c => new { Overridden = c.OverrideReason != null, Open = c.Steps.Count(s => s.Required && s.Status != StepStatus.Done) }).FirstOrDefaultAsync(ct);
        return state is null ? null : OnboardingRules.ActiveNeeds(state.Open, state.Overridden);
    }

    public async Task<Paged<ChecklistSummary>> ListAsync(bool? inProgress, int? page, int? pageSize, CancellationToken ct = default)
    {
        var q = db.OnboardingChecklists.AsNoTracking();
        if (inProgress == true) q = q.Where(c => c.CompletedAt == null);
        if (inProgress == false) q = q.Where(c => c.CompletedAt != null);
        var rows = await q.OrderBy(c => c.CompletedAt != null).ThenBy(c => c.StartedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.PartnershipId, c.Partnership!.Name, c.TemplateName, c.StartedAt, c.CompletedAt, c.DaysToOnboard,
                Closed = c.Steps.Count(s => s.Status == StepStatus.Done || s.Status == StepStatus.Skipped), Total = c.Steps.Count(),
                Open = c.Steps.Count(s => s.Required && s.Status != StepStatus.Done), Waiting = c.Steps.Count(s => s.Status == StepStatus.WaitingForApproval),
            })
            .ToPageAsync(page, pageSize, ct);
        return new(rows.Items.Select(x => new ChecklistSummary(x.Id, x.PartnershipId, x.Name, x.TemplateName, x.StartedAt, x.Closed, x.Total,
            OnboardingRules.ProgressPercent(x.Closed, x.Total), x.Open, x.Waiting, x.CompletedAt, x.DaysToOnboard)).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    public async Task<ChecklistDto> GetAsync(int id, CancellationToken ct = default)
    {
        var c = await db.OnboardingChecklists.AsNoTracking().Include(x => x.Steps).Include(x => x.Partnership).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound($"Onboarding checklist {id}");
        return await ToDtoAsync(c, ct);
    }

    public async Task<ChecklistDto?> ForPartnershipAsync(int partnershipId, CancellationToken ct = default)
    {
        var c = await db.OnboardingChecklists.AsNoTracking().Include(x => x.Steps).Include(x => x.Partnership).FirstOrDefaultAsync(x => x.PartnershipId == partnershipId, ct);
        return c is null ? null : await ToDtoAsync(c, ct);
    }

    async Task<ChecklistDto> ToDtoAsync(OnboardingChecklist c, CancellationToken ct)
    {
        var names = await people.NamesAsync(c.Steps.Where(s => s.OwnerUserId != null).Select(s => s.OwnerUserId!), ct);
        var contactIds = c.Steps.Where(s => s.OwnerContactId != null).Select(s => s.OwnerContactId!.Value).Distinct().ToList();
        var contacts = contactIds.Count == 0 ? [] : await db.Contacts.AsNoTracking().Where(x => contactIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var today = Today;
        var partner = IsPartner;
        var steps = c.Steps.OrderBy(s => s.Position).ThenBy(s => s.Id).Select(s => new StepDto(s.Id, s.Position, s.Title, s.OwnerSide, Labels.Of(s.OwnerSide),
            partner ? null : s.OwnerUserId, partner ? null : s.OwnerContactId,
            s.OwnerUserId is { } u ? names.GetValueOrDefault(u) : s.OwnerContactId is { } k ? contacts.GetValueOrDefault(k) : null,
            s.Required, s.NeedsApproval, s.DueOn, OnboardingRules.IsOpen(s.Status) && s.DueOn < today, s.Status, Labels.Of(s.Status), s.DoneAt, s.DoneByName,
            s.Note, s.Comment, s.Version)).ToList();
        var closed = steps.Count(s => !OnboardingRules.IsOpen(s.Status));
        var open = steps.Count(s => s.Required && s.Status != StepStatus.Done);
        var stage = c.Partnership!.Stage;
        return new ChecklistDto(c.Id, c.PartnershipId, c.Partnership.Name, stage, StageNames.Display(stage), partner ? null : c.TemplateId, c.TemplateName,
            c.StartedAt, c.CompletedAt, c.DaysToOnboard, closed, steps.Count, OnboardingRules.ProgressPercent(closed, steps.Count), open,
            steps.Count(s => s.Status == StepStatus.WaitingForApproval), OnboardingRules.ActiveNeeds(open, c.OverrideReason is not null),
            partner ? null : c.OverrideReason, partner ? null : c.OverrideByName, partner ? null : c.OverrideAt, steps, c.Version);
    }

    /// <summary>A manager lets the partnership reach Active with required steps open: a reason is required, and audited.</summary>
    public async Task<ChecklistDto> OverrideAsync(int id, ChecklistOverrideInput input, CancellationToken ct = default)
    {
        if (IsPartner) throw new Forbidden("Only our managers can override the onboarding checklist.");
        var c = await db.OnboardingChecklists.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Onboarding checklist {id}");
        var errors = new FieldErrors().Required("reason", input.Reason, 1000);
        if (FieldRules.Clean(input.Reason) is { Length: < 10 }) errors.Add("reason", "must say why in at least 10 characters.");
        if (input.Version is null) errors.Add("version", "is required: the version of the checklist you read.");
        ValidationFailed.ThrowIfAny(errors);
        if (c.CompletedAt is not null) throw new Conflict("Every required step is done: the checklist needs no override.");
        if (input.Version != c.Version) throw new Conflict(StaleChecklist);
        c.OverrideReason = input.Reason!.Trim();
        c.OverrideByName = db.Tenant.UserName;
        c.OverrideAt = db.UtcNow;
        await SaveAsync(StaleChecklist, ct);
        return await GetAsync(id, ct);
    }

    // ---- Steps ----

    /// <summary>
    /// Marks a step done (or waiting for our approval when it needs it). Partner users: the partner's steps of their own
    /// partnerships. Our people: a manager, or the step's owner.
    /// </summary>
    public Task<StepDto> CompleteAsync(int stepId, StepCompleteInput input, bool canManage, CancellationToken ct = default) =>
        ChangeAsync(stepId, StepAction.Complete, input.Version, canManage, ct, (step, errors) =>
        {
            errors.Optional("note", input.Note, 1000);
            return () => { step.Note = FieldRules.Clean(input.Note) ?? step.Note; step.Comment = null; };
        });

    /// <summary>Our manager approves a step waiting for approval: it is done.</summary>
    public Task<StepDto> ApproveAsync(int stepId, StepReviewInput input, CancellationToken ct = default) =>
        ChangeAsync(stepId, StepAction.Approve, input.Version, true, ct, (step, errors) =>
        {
            errors.Optional("comment", input.Comment, 1000);
            return () => { if (FieldRules.Clean(input.Comment) is { } c) step.Comment = c; };
        });

    /// <summary>Our manager sends a step back (action required) with a comment the partner reads.</summary>
    public Task<StepDto> SendBackAsync(int stepId, StepReviewInput input, CancellationToken ct = default) =>
        ChangeAsync(stepId, StepAction.SendBack, input.Version, true, ct, (step, errors) =>
        {
            errors.Required("comment", input.Comment, 1000);
            return () => step.Comment = input.Comment!.Trim();
        });

    /// <summary>Our manager skips an optional step.</summary>
    public Task<StepDto> SkipAsync(int stepId, StepSkipInput input, CancellationToken ct = default) =>
        ChangeAsync(stepId, StepAction.Skip, input.Version, true, ct, (_, _) => () => { });

    async Task<StepDto> ChangeAsync(int stepId, StepAction action, int? version, bool canManage, CancellationToken ct,
        Func<OnboardingStep, FieldErrors, Action> prepare)
    {
        var step = await db.OnboardingSteps.Include(s => s.Checklist).ThenInclude(c => c!.Steps).FirstOrDefaultAsync(s => s.Id == stepId, ct)
            ?? throw new NotFound($"Onboarding step {stepId}");
        if (IsPartner)
        {
            if (action != StepAction.Complete) throw new Forbidden("Only our managers approve, send back or skip onboarding steps.");
            if (step.OwnerSide != StepOwnerSide.Partner) throw new Forbidden("This step is ours to do; you can complete the steps on your side.");
            if (step.OwnerUserId is { } owner && owner != db.Tenant.UserId) throw new Forbidden("This step is assigned to someone else on your team.");
        }
        else if (!canManage && step.OwnerUserId != db.Tenant.UserId)
            throw new Forbidden("Only the step's owner or a manager can change it.");
        var errors = new FieldErrors();
        var apply = prepare(step, errors);
        if (version is null) errors.Add("version", "is required: the version of the step you read.");
        ValidationFailed.ThrowIfAny(errors);
        if (version != step.Version) throw new Conflict(StaleStep);
        var move = OnboardingRules.Next(step.Status, action, step.Required, step.NeedsApproval);
        if (!move.IsAllowed) throw new Conflict($"This step {move.Error}");
        step.Status = move.To!.Value;
        apply();
        if (step.Status == StepStatus.Done || action == StepAction.Complete)
        {
            step.DoneAt = step.Status is StepStatus.Done or StepStatus.WaitingForApproval ? db.UtcNow : null;
            step.DoneByName = db.Tenant.UserName;
        }
        if (step.Status == StepStatus.ActionRequired) step.DoneAt = null;
        Recompute(step.Checklist!);
        await SaveAsync(StaleStep, ct);
        return (await GetAsync(step.ChecklistId, ct)).Steps.Single(s => s.Id == stepId);
    }

    /// <summary>Sets who does a step: one of our people for our steps; a partner user or contact of a member partner for theirs.</summary>
    public async Task<StepDto> SetOwnerAsync(int stepId, StepOwnerInput input, CancellationToken ct = default)
    {
        if (IsPartner) throw new Forbidden("Only our managers assign onboarding steps.");
        var step = await db.OnboardingSteps.Include(s => s.Checklist).FirstOrDefaultAsync(s => s.Id == stepId, ct) ?? throw new NotFound($"Onboarding step {stepId}");
        var errors = new FieldErrors();
        var userId = FieldRules.Clean(input.OwnerUserId);
        await CheckOwnerAsync(errors, step.Checklist!.PartnershipId, step.OwnerSide, userId, input.OwnerContactId, ct);
        if (input.Version is null) errors.Add("version", "is required: the version of the step you read.");
        ValidationFailed.ThrowIfAny(errors);
        if (input.Version != step.Version) throw new Conflict(StaleStep);
        step.OwnerUserId = userId;
        step.OwnerContactId = input.OwnerContactId;
        await SaveAsync(StaleStep, ct);
        return (await GetAsync(step.ChecklistId, ct)).Steps.Single(s => s.Id == stepId);
    }

    async Task CheckOwnerAsync(FieldErrors errors, int partnershipId, StepOwnerSide side, string? userId, int? contactId, CancellationToken ct)
    {
        if (userId is not null && contactId is not null) { errors.Add("ownerUserId", "and a contact cannot both be set: pick one person."); return; }
        if (userId is not null)
        {
            var membership = await people.Memberships().Where(m => m.UserId == userId).Select(m => new { m.PartnerId }).FirstOrDefaultAsync(ct);
            if (membership is null)
                errors.Add("ownerUserId", "is not a person in this workspace: pick one of our people, or a partner user of this partnership.");
            else if (membership.PartnerId is { } partnerId)
            {
                if (!await db.PartnershipMembers.AnyAsync(m => m.PartnershipId == partnershipId && m.PartnerId == partnerId, ct))
                    errors.Add("ownerUserId", "works for a partner outside this partnership: pick one of our people, or a partner user of this partnership.");
                else if (side == StepOwnerSide.Ours)
                    errors.Add("ownerUserId", "works for the partner, and this step is our team's: pick one of our people.");
            }
            else if (side == StepOwnerSide.Partner)
                errors.Add("ownerUserId", "is one of our people, and this step is the partner's: pick a partner user or contact of this partnership.");
        }
        if (contactId is { } cid)
        {
            var partnerId = await db.Contacts.Where(c => c.Id == cid).Select(c => (int?)c.PartnerId).FirstOrDefaultAsync(ct);
            if (partnerId is null || !await db.PartnershipMembers.AnyAsync(m => m.PartnershipId == partnershipId && m.PartnerId == partnerId, ct))
                errors.Add("ownerContactId", "is not a contact of a partner in this partnership: pick one of their contacts.");
            else if (side == StepOwnerSide.Ours)
                errors.Add("ownerContactId", "is a partner contact, and this step is our team's: pick one of our people.");
        }
    }

    /// <summary>Who may own the steps of a checklist: our people, and the partner users and contacts of its member partners ("user:…" / "contact:…").</summary>
    public async Task<(List<(string Value, string Name)> Ours, List<(string Value, string Name)> Theirs)> OwnerOptionsAsync(int partnershipId, CancellationToken ct = default)
    {
        var staff = (await people.StaffOptionsAsync(ct)).Select(s => ($"user:{s.Id}", s.Name)).ToList();
        var partners = db.PartnershipMembers.Where(m => m.PartnershipId == partnershipId).Select(m => m.PartnerId);
        var users = await people.Memberships().Where(m => m.PartnerId != null && partners.Contains(m.PartnerId.Value))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName }).OrderBy(u => u.DisplayName).Take(200).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => partners.Contains(c.PartnerId)).OrderBy(c => c.Name).Take(200)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return (staff, users.Select(u => ($"user:{u.Id}", $"{u.DisplayName} (portal user)")).Concat(contacts.Select(c => ($"contact:{c.Id}", $"{c.Name} (contact)"))).ToList());
    }

    // ---- Figures ----

    /// <summary>The figures, aggregated in the database: completion rate, time to onboard overall, per quarter (with the trend) and per template.</summary>
    public async Task<OnboardingFigures> FiguresAsync(CancellationToken ct = default)
    {
        var all = db.OnboardingChecklists.AsNoTracking();
        var started = await all.CountAsync(ct);
        var completed = await all.CountAsync(c => c.CompletedAt != null, ct);
        var average = await all.Where(c => c.DaysToOnboard != null).AverageAsync(c => (double?)c.DaysToOnboard, ct);
        var quarters = (await all.Where(c => c.CompletedQuarter != null && c.DaysToOnboard != null).GroupBy(c => c.CompletedQuarter!)
                .Select(g => new { g.Key, Count = g.Count(), Average = g.Average(c => (double)c.DaysToOnboard!.Value) }).OrderBy(g => g.Key).ToListAsync(ct))
            .Select(q => new QuarterFigure(q.Key, q.Count, q.Average)).ToList();
        var templates = (await all.GroupBy(c => c.TemplateName)
                .Select(g => new { g.Key, Started = g.Count(), Completed = g.Count(c => c.CompletedAt != null), Average = g.Average(c => (double?)c.DaysToOnboard) })
                .OrderBy(g => g.Key).Take(100).ToListAsync(ct))
            .Select(t => new TemplateFigure(t.Key, t.Started, t.Completed, t.Average)).ToList();
        return new OnboardingFigures(started, completed, started - completed, OnboardingRules.Percent(completed, started), OnboardingRules.PercentText(completed, started),
            average, quarters, OnboardingRules.Trend(quarters), templates);
    }

    const string StaleTemplate = "Someone else changed this template after you opened it; reload and apply your change again.";
    const string StaleChecklist = "Someone else changed this checklist after you opened it; reload and apply your change again.";
    const string StaleStep = "Someone else changed this step after you opened it; reload and apply your change again.";

    async Task SaveAsync(string stale, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict(stale); }
    }
}

/// <summary>Onboarding's say in stage moves: starts the checklist on entering Onboarding; Active waits for the required steps.</summary>
public sealed class OnboardingMoveRule(OnboardingService onboarding) : IStageMoveRule
{
    public Task<string?> NeedsAsync(int partnershipId, PartnershipStage from, PartnershipStage to, CancellationToken ct) =>
        from == PartnershipStage.Onboarding && to == PartnershipStage.Active ? onboarding.ActiveNeedsAsync(partnershipId, ct) : Task.FromResult<string?>(null);

    public async Task OnMovedAsync(int partnershipId, PartnershipStage from, PartnershipStage to, CancellationToken ct)
    {
        if (to == PartnershipStage.Onboarding) await onboarding.StartAsync(partnershipId, ct);
    }
}

/// <summary>A partner user's next actions: the open steps on their side of their partnerships' checklists (theirs or nobody's yet).</summary>
public sealed class OnboardingNextActions(WarmglowDb db) : IPartnerNextActionSource
{
    public async Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is null) return [];
        var me = db.Tenant.UserId;
        var rows = await db.OnboardingSteps.AsNoTracking()
            .Where(s => s.OwnerSide == StepOwnerSide.Partner && (s.Status == StepStatus.Pending || s.Status == StepStatus.ActionRequired)
                && (s.OwnerUserId == null || s.OwnerUserId == me) && s.Checklist!.CompletedAt == null)
            .OrderBy(s => s.DueOn).ThenBy(s => s.Id).Take(20)
            .Select(s => new { s.ChecklistId, s.Title, s.DueOn, s.Status, s.Checklist!.Partnership!.Name }).ToListAsync(ct);
        return rows.Select(s => new PartnerNextAction(
            s.Status == StepStatus.ActionRequired ? $"{s.Title} ({s.Name}): sent back to you, see our comment" : $"{s.Title} ({s.Name})",
            $"/Portal/Onboarding/{s.ChecklistId}", s.DueOn, "Onboarding")).ToList();
    }
}
