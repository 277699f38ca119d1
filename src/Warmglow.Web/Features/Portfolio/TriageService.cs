using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Portfolio;
using Warmglow.Core.Text;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Portfolio;

public sealed record TriageRoundInput(string? Name, DateOnly? StartsOn, int? QuickWinMonths, int? RestructureMonths, int? RemainingMonths);

public sealed record TriageItemInput(int? StrategicAlignment, int? ValueExchange, int? OperationalEfficiency, int? RelationshipHealth, string? Notes,
    string? OwnerId, DateOnly? DueOn, TriageItemStatus? Status, int? Version);

public sealed record TriagePhaseDto(int Number, string Name, string Months, DateOnly Starts, DateOnly Due, int Items, int Done, int ProgressPercent);

public sealed record TriageRoundSummary(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int Items, int Done, int ProgressPercent);

public sealed record TriageRoundDto(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, string CreatedBy, DateTime CreatedAt, int Items, int Done,
    int ProgressPercent, int Invest, int Restructure, int Sunset, IReadOnlyList<TriagePhaseDto> Phases, IReadOnlyList<string> Rules,
    IReadOnlyList<string> PrefillRules, int Version);

public sealed record TriageItemDto(int Id, int RoundId, int PartnershipId, string Partnership, int StrategicAlignment, int ValueExchange,
    int OperationalEfficiency, int RelationshipHealth, int Total, string Prefill, bool Edited, string? Notes, TriageRecommendation Recommendation,
    string RecommendationLabel, string Why, int Phase, string PhaseName, string? OwnerId, string? Owner, DateOnly DueOn, bool Overdue,
    TriageItemStatus Status, string StatusLabel, DateTime? DoneAt, int Version);

/// <summary>
/// Triage rounds (decision 0028): every live partnership scored on four dimensions, pre-filled from the portfolio's
/// figures (which the portfolio recomputes from the measurement, health and revenue signals), a recommendation by the
/// rules in <see cref="Triage"/>, and a plan in phases tracked to completion. The one place triage data changes.
/// </summary>
public sealed class TriageService(WarmglowDb db, PortfolioService portfolio, UserDirectory people)
{
    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

    public async Task<TriageRoundDto> StartAsync(TriageRoundInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("name", input.Name, 120);
        var phases = new TriagePhases(input.QuickWinMonths ?? 3, input.RestructureMonths ?? 3, input.RemainingMonths ?? 3);
        foreach (var (f, m) in TriagePlanning.Validate(phases)) errors.Add(f, m);
        var start = input.StartsOn ?? Today;
        if (start < Today.AddYears(-2) || start > Today.AddYears(1)) errors.Add("startsOn", "must be within two years before and one year after today.");
        ValidationFailed.ThrowIfAny(errors);

        // The pre-fill reads the portfolio's figures; compute them first if the portfolio never was.
        if (!await db.PortfolioFigures.AnyAsync(ct)) await portfolio.RecomputeAsync(ct);
        var live = await db.Partnerships.AsNoTracking().Where(p => PortfolioService.LiveStages.Contains(p.Stage))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.ManagerId }).ToListAsync(ct);
        if (live.Count == 0) throw ValidationFailed.For("name", "cannot start: there are no live partnerships (onboarding, active, scaling or under review) to triage.");
        var figures = await db.PortfolioFigures.AsNoTracking().Select(f => new { f.PartnershipId, f.Composite, f.HealthScore, f.Engagement, f.RevenueTtmMinor, f.RoiPercent })
            .ToDictionaryAsync(f => f.PartnershipId, ct);
        var core = Pareto.Compute(live.Select(p => new ParetoItem(p.Id, figures.TryGetValue(p.Id, out var f) ? f.RevenueTtmMinor : 0)))
            .Rows.Where(r => r.InCore).Select(r => r.Id).ToHashSet();
        var plan = TriagePlanning.Phases(start, phases);

        var round = new TriageRound
        {
            Name = input.Name!.Trim(), StartsOn = start, QuickWinMonths = phases.QuickWinMonths, RestructureMonths = phases.RestructureMonths,
            RemainingMonths = phases.RemainingMonths, CreatedAt = db.UtcNow, CreatedByName = db.Tenant.UserName,
        };
        foreach (var p in live)
        {
            figures.TryGetValue(p.Id, out var f);
            var (scores, missing) = Triage.Prefill(new TriageEvidence(f?.Composite, f?.HealthScore, f?.Engagement, f?.RevenueTtmMinor ?? 0, core.Contains(p.Id), f?.RoiPercent));
            var advice = Triage.Recommend(scores);
            var phase = TriagePlanning.PhaseOf(advice.Recommendation);
            round.Items.Add(new TriageItem
            {
                PartnershipId = p.Id, StrategicAlignment = scores.StrategicAlignment, ValueExchange = scores.ValueExchange,
                OperationalEfficiency = scores.OperationalEfficiency, RelationshipHealth = scores.RelationshipHealth,
                Prefill = $"Suggested from data: {scores.StrategicAlignment}, {scores.ValueExchange}, {scores.OperationalEfficiency}, {scores.RelationshipHealth}."
                    + (missing.Count == 0 ? "" : $" No data for {string.Join(", ", missing)}."),
                Recommendation = advice.Recommendation, Why = advice.Why, Phase = phase, DueOn = plan[phase - 1].Due, OwnerId = p.ManagerId,
                Status = TriageItemStatus.NotStarted,
            });
        }
        db.TriageRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return await RoundAsync(round.Id, ct);
    }

    public async Task<Paged<TriageRoundSummary>> RoundsAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var rows = await db.TriageRounds.AsNoTracking().OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.StartsOn, Months = r.QuickWinMonths + r.RestructureMonths + r.RemainingMonths,
                Items = r.Items.Count(), Done = r.Items.Count(i => i.Status == TriageItemStatus.Done) })
            .ToPageAsync(page, pageSize, ct);
        return new Paged<TriageRoundSummary>(rows.Items.Select(r => new TriageRoundSummary(r.Id, r.Name, r.StartsOn, r.StartsOn.AddMonths(r.Months).AddDays(-1),
            r.Items, r.Done, TriagePlanning.ProgressPercent(r.Done, r.Items))).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    public async Task<TriageRoundDto> RoundAsync(int roundId, CancellationToken ct = default)
    {
        var round = await db.TriageRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFound($"Triage round {roundId}");
        // One grouped query for the counts per phase, recommendation and status.
        var counts = await db.TriageItems.AsNoTracking().Where(i => i.RoundId == roundId)
            .GroupBy(i => new { i.Phase, i.Recommendation, Done = i.Status == TriageItemStatus.Done })
            .Select(g => new { g.Key.Phase, g.Key.Recommendation, g.Key.Done, Count = g.Count() }).ToListAsync(ct);
        var phases = TriagePlanning.Phases(round.StartsOn, round.Phases).Select(p =>
        {
            var items = counts.Where(c => c.Phase == p.Number).Sum(c => c.Count);
            var done = counts.Where(c => c.Phase == p.Number && c.Done).Sum(c => c.Count);
            return new TriagePhaseDto(p.Number, p.Name, p.Months, p.Starts, p.Due, items, done, TriagePlanning.ProgressPercent(done, items));
        }).ToList();
        var total = counts.Sum(c => c.Count);
        var doneAll = counts.Where(c => c.Done).Sum(c => c.Count);
        int Of(TriageRecommendation r) => counts.Where(c => c.Recommendation == r).Sum(c => c.Count);
        return new TriageRoundDto(round.Id, round.Name, round.StartsOn, phases[^1].Due, round.CreatedByName, round.CreatedAt, total, doneAll,
            TriagePlanning.ProgressPercent(doneAll, total), Of(TriageRecommendation.Invest), Of(TriageRecommendation.Restructure), Of(TriageRecommendation.Sunset),
            phases, Triage.Rules, Triage.PrefillRules, round.Version);
    }

    public async Task<Paged<TriageItemDto>> ItemsAsync(int roundId, TriageRecommendation? recommendation, int? phase, TriageItemStatus? status, string? sort,
        int? page, int? pageSize, CancellationToken ct = default)
    {
        if (!await db.TriageRounds.AnyAsync(r => r.Id == roundId, ct)) throw new NotFound($"Triage round {roundId}");
        var q = db.TriageItems.AsNoTracking().Where(i => i.RoundId == roundId);
        if (recommendation is { } r) q = q.Where(i => i.Recommendation == r);
        if (phase is { } ph) q = q.Where(i => i.Phase == ph);
        if (status is { } s) q = q.Where(i => i.Status == s);
        q = sort switch
        {
            "name" => q.OrderBy(i => i.Partnership!.Name).ThenBy(i => i.Id),
            "total" => q.OrderBy(i => i.StrategicAlignment + i.ValueExchange + i.OperationalEfficiency + i.RelationshipHealth).ThenBy(i => i.Id),
            "-total" => q.OrderByDescending(i => i.StrategicAlignment + i.ValueExchange + i.OperationalEfficiency + i.RelationshipHealth).ThenBy(i => i.Id),
            _ => q.OrderBy(i => i.Phase).ThenBy(i => i.DueOn).ThenBy(i => i.Partnership!.Name).ThenBy(i => i.Id),
        };
        var rows = await q.Select(i => new { Item = i, i.Partnership!.Name }).ToPageAsync(page, pageSize, ct);
        var round = await db.TriageRounds.AsNoTracking().FirstAsync(x => x.Id == roundId, ct);
        var names = await people.NamesAsync(rows.Items.Where(x => x.Item.OwnerId != null).Select(x => x.Item.OwnerId!), ct);
        return new Paged<TriageItemDto>(rows.Items.Select(x => ToDto(x.Item, x.Name, round, names)).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    public async Task<TriageItemDto> ItemAsync(int itemId, CancellationToken ct = default)
    {
        var row = await db.TriageItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { Item = i, i.Partnership!.Name, i.Round }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound($"Triage item {itemId}");
        var names = await people.NamesAsync(row.Item.OwnerId is { } o ? [o] : [], ct);
        return ToDto(row.Item, row.Name, row.Round!, names);
    }

    TriageItemDto ToDto(TriageItem i, string name, TriageRound round, Dictionary<string, string> names)
    {
        var phases = TriagePlanning.Phases(round.StartsOn, round.Phases);
        return new TriageItemDto(i.Id, i.RoundId, i.PartnershipId, name, i.StrategicAlignment, i.ValueExchange, i.OperationalEfficiency, i.RelationshipHealth,
            i.StrategicAlignment + i.ValueExchange + i.OperationalEfficiency + i.RelationshipHealth, i.Prefill, i.Edited, i.Notes, i.Recommendation,
            Labels.Of(i.Recommendation), i.Why, i.Phase, $"{phases[i.Phase - 1].Name} ({phases[i.Phase - 1].Months})", i.OwnerId,
            i.OwnerId is null ? null : names.GetValueOrDefault(i.OwnerId), i.DueOn, i.Status != TriageItemStatus.Done && i.DueOn < Today, i.Status,
            Labels.Of(i.Status), i.DoneAt, i.Version);
    }

    /// <summary>
    /// Changes the scores, notes and plan item. The recommendation follows the rules; when it changes, the item moves to
    /// its phase (and to the phase's due date unless another date is given).
    /// </summary>
    public async Task<TriageItemDto> UpdateItemAsync(int itemId, TriageItemInput input, CancellationToken ct = default)
    {
        var item = await db.TriageItems.Include(i => i.Round).FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFound($"Triage item {itemId}");
        var errors = new FieldErrors().Optional("notes", input.Notes, 2000);
        foreach (var (f, m) in Triage.Validate(input.StrategicAlignment, input.ValueExchange, input.OperationalEfficiency, input.RelationshipHealth)) errors.Add(f, m);
        if (input.Status is null) errors.Add("status", "is required: not started, in progress or done.");
        if (input.Version is null) errors.Add("version", "is required: the version of the item you read.");
        var round = item.Round!;
        var phases = TriagePlanning.Phases(round.StartsOn, round.Phases);
        if (input.DueOn is { } due && (due < round.StartsOn || due > phases[^1].Due.AddYears(1)))
            errors.Add("dueOn", $"must be between the round's start ({round.StartsOn:yyyy-MM-dd}) and a year after its end ({phases[^1].Due.AddYears(1):yyyy-MM-dd}).");
        var owner = FieldRules.Clean(input.OwnerId);
        if (owner is not null && !await people.IsStaffAsync(owner, ct)) errors.Add("ownerId", "must be one of our own people in this workspace.");
        ValidationFailed.ThrowIfAny(errors);
        if (input.Version != item.Version) throw new Conflict(Stale);

        var scores = new TriageScores(input.StrategicAlignment!.Value, input.ValueExchange!.Value, input.OperationalEfficiency!.Value, input.RelationshipHealth!.Value);
        var advice = Triage.Recommend(scores);
        var phase = TriagePlanning.PhaseOf(advice.Recommendation);
        var moved = phase != item.Phase;
        if (scores != new TriageScores(item.StrategicAlignment, item.ValueExchange, item.OperationalEfficiency, item.RelationshipHealth)) item.Edited = true;
        item.StrategicAlignment = scores.StrategicAlignment; item.ValueExchange = scores.ValueExchange;
        item.OperationalEfficiency = scores.OperationalEfficiency; item.RelationshipHealth = scores.RelationshipHealth;
        item.Recommendation = advice.Recommendation; item.Why = advice.Why; item.Phase = phase;
        item.DueOn = input.DueOn is null || (moved && input.DueOn == item.DueOn) ? phases[phase - 1].Due : input.DueOn.Value;
        item.Notes = FieldRules.Clean(input.Notes);
        item.OwnerId = owner;
        if (input.Status == TriageItemStatus.Done && item.Status != TriageItemStatus.Done) item.DoneAt = db.UtcNow;
        if (input.Status != TriageItemStatus.Done) item.DoneAt = null;
        item.Status = input.Status!.Value;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict(Stale); }
        return await ItemAsync(itemId, ct);
    }

    const string Stale = "Someone else changed this triage item after you opened it; reload and apply your change again.";
}
