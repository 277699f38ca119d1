using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Strategy;

public sealed record GoalInput(string? Metric, string? Description, GoalKind? Kind, decimal? Baseline, decimal? Target,
    DateOnly? Deadline, string? OwnerId);

public sealed record GoalDto(int Id, string Metric, string? Description, GoalKind Kind, decimal? Baseline, decimal? Target,
    DateOnly Deadline, UserRef? Owner, int Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>SMART goals of the workspace.</summary>
public sealed class GoalService(WarmglowDb db)
{
    public Task<Paged<GoalDto>> ListAsync(int? page, int? pageSize, CancellationToken ct = default) =>
        Project(db.Goals.AsNoTracking().OrderBy(g => g.Deadline).ThenBy(g => g.Id)).ToPageAsync(page, pageSize, ct);

    public async Task<GoalDto> GetAsync(int id, CancellationToken ct = default) =>
        await Project(db.Goals.AsNoTracking().Where(g => g.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFound($"Goal {id}");

    static IQueryable<GoalDto> Project(IQueryable<StrategicGoal> q) =>
        q.Select(g => new GoalDto(g.Id, g.Metric, g.Description, g.Kind, g.Baseline, g.Target, g.Deadline,
            g.Owner == null ? null : new UserRef(g.Owner.Id, g.Owner.DisplayName), g.Version, g.CreatedAt, g.UpdatedAt));

    async Task<FieldErrors> ValidateAsync(GoalInput i, bool creating, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("metric", i.Metric, StrategyRules.NameMax).Optional("description", i.Description, StrategyRules.DescriptionMax);
        if (i.Kind is null) errors.Add("kind", $"is required; one of: {string.Join(", ", Enum.GetNames<GoalKind>())}.");
        else if (i.Kind == GoalKind.Quantitative)
        {
            if (i.Baseline is null) errors.Add("baseline", "is required for a quantitative goal: where the metric stands today.");
            if (i.Target is null) errors.Add("target", "is required for a quantitative goal: the value to reach by the deadline.");
            else if (i.Baseline is { } b && b == i.Target) errors.Add("target", "must differ from the baseline: a goal has to move the metric.");
        }
        else
        {
            if (i.Baseline is not null) errors.Add("baseline", "must be empty for a qualitative goal; describe the starting point in the description.");
            if (i.Target is not null) errors.Add("target", "must be empty for a qualitative goal; describe what success looks like in the description.");
            if (string.IsNullOrWhiteSpace(i.Description)) errors.Add("description", "is required for a qualitative goal: describe what success looks like.");
        }
        if (i.Deadline is null) errors.Add("deadline", "is required (a date, e.g. 2027-06-30).");
        else if (creating && i.Deadline < DateOnly.FromDateTime(db.UtcNow)) errors.Add("deadline", "must be today or later for a new goal.");
        if (FieldRules.Clean(i.OwnerId) is not { } owner) errors.Add("ownerId", "is required: the person of this workspace who owns the goal.");
        else
        {
            var ws = db.Tenant.RequireWorkspace();
            if (!await db.StaffOf(ws).AnyAsync(u => u.Id == owner, ct))
                errors.Add("ownerId", "must be a person of this workspace (not a partner user).");
        }
        return errors;
    }

    public async Task<StrategicGoal> CreateAsync(GoalInput input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(await ValidateAsync(input, creating: true, ct));
        var goal = new StrategicGoal { Metric = "" };
        Apply(goal, input);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        return goal;
    }

    public async Task<StrategicGoal> UpdateAsync(int id, GoalInput input, int version, CancellationToken ct = default)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFound($"Goal {id}");
        ValidationFailed.ThrowIfAny(await ValidateAsync(input, creating: false, ct));
        PartnerService.ExpectVersion(db, goal, version);
        Apply(goal, input);
        await db.SaveChangesAsync(ct);
        return goal;
    }

    public async Task DeleteAsync(int id, int? version, CancellationToken ct = default)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFound($"Goal {id}");
        if (version is { } v) PartnerService.ExpectVersion(db, goal, v);
        db.Goals.Remove(goal);
        await db.SaveChangesAsync(ct);
    }

    static void Apply(StrategicGoal g, GoalInput i)
    {
        g.Metric = i.Metric!.Trim();
        g.Description = FieldRules.Clean(i.Description);
        g.Kind = i.Kind!.Value;
        g.Baseline = i.Baseline;
        g.Target = i.Target;
        g.Deadline = i.Deadline!.Value;
        g.OwnerId = i.OwnerId!.Trim();
    }
}
