using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Sunsetting;
using Warmglow.Core.Text;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Sunsetting;

public sealed record WindDownTaskDto(int Id, WindDownTaskKind Kind, string KindLabel, string Title, bool Required, DateOnly DueOn, bool Overdue,
    bool Done, DateTime? DoneAt, string? DoneBy, string? OwnerId, string? Owner, string? Note, int Version);

public sealed record WindDownPlanDto(int Id, int PartnershipId, string Partnership, PartnershipStage Stage, string StageLabel, DateOnly StartedOn, int Days,
    DateOnly EndsOn, string Basis, int? AgreementId, string? AgreementTitle, int? NoticeDays, int Done, int Total, int ProgressPercent, int OpenRequired,
    string? OverrideReason, string? OverrideBy, DateTime? OverrideAt, DateTime? CompletedAt, bool Running, string? EndedNeeds,
    IReadOnlyList<WindDownTaskDto> Tasks, int Version);

public sealed record WindDownPlanSummary(int Id, int PartnershipId, string Partnership, PartnershipStage Stage, DateOnly StartedOn, DateOnly EndsOn,
    int Done, int Total, int ProgressPercent, bool Overridden, DateTime? CompletedAt);

public sealed record WindDownLengthInput(int? Days, int? Version);
public sealed record WindDownOverrideInput(string? Reason, int? Version);
public sealed record WindDownTaskInput(bool? Done, string? OwnerId, string? Note, int? Version);

/// <summary>
/// Wind-down plans: started when a partnership moves to Sunsetting (once per partnership), their length from the
/// agreement's termination clause, their tasks, the override that lets a partnership end with tasks open, and the rule
/// that keeps new agreements with the partner waiting while a plan runs. The one place wind-down data changes.
/// </summary>
public sealed class SunsettingService(WarmglowDb db, IEnumerable<ITerminationTermsSource> termination, UserDirectory people)
{
    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

    /// <summary>Starts the partnership's plan, or returns the one it has (a partnership back from hold keeps its plan).</summary>
    public async Task<WindDownPlan> StartAsync(int partnershipId, CancellationToken ct = default)
    {
        var existing = await db.WindDownPlans.FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, ct);
        if (existing is not null) return existing;
        var partnership = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => new { p.Id, p.ManagerId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound($"Partnership {partnershipId}");
        var source = termination.FirstOrDefault();
        var terms = source is null ? null : await source.ForPartnershipAsync(partnershipId, ct);
        var length = WindDown.Length(terms?.WindDownDays, terms?.NoticeDays, terms?.Title);
        var start = Today;
        var plan = new WindDownPlan
        {
            PartnershipId = partnershipId, StartedOn = start, Days = length.Days, EndsOn = start.AddDays(length.Days), Basis = length.Basis,
            AgreementId = terms?.AgreementId, AgreementTitle = terms?.Title, NoticeDays = terms?.NoticeDays, CreatedAt = db.UtcNow,
        };
        foreach (var s in WindDown.Steps(start, length.Days))
            plan.Tasks.Add(new WindDownTask { Kind = s.Kind, Title = s.Title, Required = s.Required, DueOn = s.DueOn, OwnerId = partnership.ManagerId });
        db.WindDownPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Marks the plan complete when its partnership reaches Ended (new agreements are possible again).</summary>
    public async Task CompleteAsync(int partnershipId, CancellationToken ct = default)
    {
        var plan = await db.WindDownPlans.FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, ct);
        if (plan is null || plan.CompletedAt is not null) return;
        plan.CompletedAt = db.UtcNow;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What a move to Ended still needs (one small query), or null.</summary>
    public async Task<string?> EndedNeedsAsync(int partnershipId, CancellationToken ct = default)
    {
        var state = await db.WindDownPlans.Where(p => p.PartnershipId == partnershipId)
            .Select(p => new { Overridden = p.OverrideReason != null, Open = p.Tasks.Count(t => t.Required && !t.Done) }).FirstOrDefaultAsync(ct);
        return state is null ? null : WindDown.EndedNeeds(state.Open, state.Overridden);
    }

    /// <summary>Why a new agreement on this partnership must wait, or null: a running plan on a partnership with one of its partners.</summary>
    public async Task<string?> AgreementRefusalAsync(int partnershipId, CancellationToken ct = default)
    {
        var partners = db.PartnershipMembers.Where(m => m.PartnershipId == partnershipId).Select(m => m.PartnerId);
        var running = await db.WindDownPlans.Where(p => p.CompletedAt == null && p.Partnership!.Members.Any(m => partners.Contains(m.PartnerId)))
            .OrderBy(p => p.EndsOn).Select(p => new { p.Partnership!.Name, p.EndsOn }).FirstOrDefaultAsync(ct);
        return running is null ? null
            : $"A wind-down is running with this partner ({running.Name}, until {running.EndsOn:yyyy-MM-dd}): new agreements with them wait until it has ended.";
    }

    public async Task<Paged<WindDownPlanSummary>> ListAsync(bool? running, int? page, int? pageSize, CancellationToken ct = default)
    {
        var q = db.WindDownPlans.AsNoTracking();
        if (running == true) q = q.Where(p => p.CompletedAt == null);
        if (running == false) q = q.Where(p => p.CompletedAt != null);
        var rows = await q.OrderBy(p => p.CompletedAt != null).ThenBy(p => p.EndsOn).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.PartnershipId, p.Partnership!.Name, p.Partnership.Stage, p.StartedOn, p.EndsOn,
                Done = p.Tasks.Count(t => t.Done), Total = p.Tasks.Count(), Overridden = p.OverrideReason != null, p.CompletedAt,
            })
            .ToPageAsync(page, pageSize, ct);
        return new Paged<WindDownPlanSummary>(rows.Items.Select(x => new WindDownPlanSummary(x.Id, x.PartnershipId, x.Name, x.Stage, x.StartedOn, x.EndsOn,
            x.Done, x.Total, WindDown.ProgressPercent(x.Done, x.Total), x.Overridden, x.CompletedAt)).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    public async Task<WindDownPlanDto> GetAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.WindDownPlans.AsNoTracking().Include(p => p.Tasks).Include(p => p.Partnership).FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new NotFound($"Wind-down plan {planId}");
        return await ToDtoAsync(plan, ct);
    }

    public async Task<WindDownPlanDto?> ForPartnershipAsync(int partnershipId, CancellationToken ct = default)
    {
        var plan = await db.WindDownPlans.AsNoTracking().Include(p => p.Tasks).Include(p => p.Partnership).FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, ct);
        return plan is null ? null : await ToDtoAsync(plan, ct);
    }

    async Task<WindDownPlanDto> ToDtoAsync(WindDownPlan p, CancellationToken ct)
    {
        var names = await people.NamesAsync(p.Tasks.Where(t => t.OwnerId != null).Select(t => t.OwnerId!).Distinct(), ct);
        var today = Today;
        var tasks = p.Tasks.OrderBy(t => t.DueOn).ThenBy(t => t.Kind)
            .Select(t => new WindDownTaskDto(t.Id, t.Kind, Labels.Of(t.Kind), t.Title, t.Required, t.DueOn, !t.Done && t.DueOn < today, t.Done, t.DoneAt,
                t.DoneByName, t.OwnerId, t.OwnerId is null ? null : names.GetValueOrDefault(t.OwnerId), t.Note, t.Version)).ToList();
        var done = tasks.Count(t => t.Done);
        var open = tasks.Count(t => t.Required && !t.Done);
        var stage = p.Partnership!.Stage;
        return new WindDownPlanDto(p.Id, p.PartnershipId, p.Partnership.Name, stage, StageNames.Display(stage), p.StartedOn, p.Days, p.EndsOn, p.Basis, p.AgreementId,
            p.AgreementTitle, p.NoticeDays, done, tasks.Count, WindDown.ProgressPercent(done, tasks.Count), open, p.OverrideReason, p.OverrideByName,
            p.OverrideAt, p.CompletedAt, p.CompletedAt is null, WindDown.EndedNeeds(open, p.OverrideReason is not null), tasks, p.Version);
    }

    /// <summary>Changes how long the wind-down runs; never shorter than the agreement's notice period. Open tasks are rescheduled.</summary>
    public async Task<WindDownPlanDto> SetLengthAsync(int planId, WindDownLengthInput input, CancellationToken ct = default)
    {
        var plan = await db.WindDownPlans.Include(p => p.Tasks).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new NotFound($"Wind-down plan {planId}");
        var errors = new FieldErrors();
        foreach (var (f, m) in WindDown.ValidateDays(input.Days, plan.NoticeDays)) errors.Add(f, m);
        if (input.Version is null) errors.Add("version", "is required: the version of the plan you read.");
        ValidationFailed.ThrowIfAny(errors);
        if (plan.CompletedAt is not null) throw new Conflict("The partnership has ended; its wind-down plan is closed.");
        if (input.Version != plan.Version) throw new Conflict(Stale);
        plan.Days = input.Days!.Value;
        plan.EndsOn = plan.StartedOn.AddDays(plan.Days);
        plan.Basis = $"Set by hand to {plan.Days} days by {db.Tenant.UserName}" + (plan.NoticeDays is { } n ? $" (the agreement's notice period is {n} days)." : ".");
        var steps = WindDown.Steps(plan.StartedOn, plan.Days).ToDictionary(s => s.Kind);
        foreach (var t in plan.Tasks.Where(t => !t.Done && steps.ContainsKey(t.Kind))) t.DueOn = steps[t.Kind].DueOn;
        await SaveAsync(ct);
        return await GetAsync(planId, ct);
    }

    /// <summary>A manager lets the partnership reach Ended with required tasks open: a reason is required, and audited.</summary>
    public async Task<WindDownPlanDto> OverrideAsync(int planId, WindDownOverrideInput input, CancellationToken ct = default)
    {
        var plan = await db.WindDownPlans.FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new NotFound($"Wind-down plan {planId}");
        var errors = new FieldErrors().Required("reason", input.Reason, 1000);
        if (FieldRules.Clean(input.Reason) is { Length: < 10 }) errors.Add("reason", "must say why in at least 10 characters.");
        if (input.Version is null) errors.Add("version", "is required: the version of the plan you read.");
        ValidationFailed.ThrowIfAny(errors);
        if (plan.CompletedAt is not null) throw new Conflict("The partnership has ended; its wind-down plan is closed.");
        if (input.Version != plan.Version) throw new Conflict(Stale);
        plan.OverrideReason = input.Reason!.Trim();
        plan.OverrideByName = db.Tenant.UserName;
        plan.OverrideAt = db.UtcNow;
        await SaveAsync(ct);
        return await GetAsync(planId, ct);
    }

    /// <summary>Marks a task done or open, sets its owner (a staff member) and note.</summary>
    public async Task<WindDownTaskDto> UpdateTaskAsync(int taskId, WindDownTaskInput input, CancellationToken ct = default)
    {
        var task = await db.WindDownTasks.Include(t => t.Plan).FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFound($"Wind-down task {taskId}");
        var errors = new FieldErrors().Optional("note", input.Note, 1000);
        if (input.Done is null) errors.Add("done", "is required: true when the task is done, false to reopen it.");
        if (input.Version is null) errors.Add("version", "is required: the version of the task you read.");
        var owner = FieldRules.Clean(input.OwnerId);
        if (owner is not null && !await people.IsStaffAsync(owner, ct)) errors.Add("ownerId", "must be one of our own people in this workspace.");
        ValidationFailed.ThrowIfAny(errors);
        if (task.Plan!.CompletedAt is not null) throw new Conflict("The partnership has ended; its wind-down plan is closed.");
        if (input.Version != task.Version) throw new Conflict("Someone else changed this task after you opened it; reload and apply your change again.");
        if (input.Done!.Value && !task.Done) { task.DoneAt = db.UtcNow; task.DoneByName = db.Tenant.UserName; }
        if (!input.Done.Value) { task.DoneAt = null; task.DoneByName = null; }
        task.Done = input.Done.Value;
        task.OwnerId = owner;
        task.Note = FieldRules.Clean(input.Note);
        await SaveAsync(ct);
        var plan = await GetAsync(task.PlanId, ct);
        return plan.Tasks.Single(t => t.Id == taskId);
    }

    const string Stale = "Someone else changed this wind-down plan after you opened it; reload and apply your change again.";

    async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict(Stale); }
    }
}

/// <summary>Sunsetting's say in stage moves: starts the plan on entering Sunsetting; Ended waits for the required tasks.</summary>
public sealed class WindDownMoveRule(SunsettingService sunsetting) : IStageMoveRule
{
    public Task<string?> NeedsAsync(int partnershipId, PartnershipStage from, PartnershipStage to, CancellationToken ct) =>
        from == PartnershipStage.Sunsetting && to == PartnershipStage.Ended ? sunsetting.EndedNeedsAsync(partnershipId, ct) : Task.FromResult<string?>(null);

    public async Task OnMovedAsync(int partnershipId, PartnershipStage from, PartnershipStage to, CancellationToken ct)
    {
        if (to == PartnershipStage.Sunsetting) await sunsetting.StartAsync(partnershipId, ct);
        else if (to == PartnershipStage.Ended) await sunsetting.CompleteAsync(partnershipId, ct);
    }
}

/// <summary>New agreements with a partner wait while one of its partnerships winds down.</summary>
public sealed class WindDownAgreementRule(SunsettingService sunsetting) : IAgreementCreationRule
{
    public Task<string?> RefusesAsync(int partnershipId, CancellationToken ct) => sunsetting.AgreementRefusalAsync(partnershipId, ct);
}
