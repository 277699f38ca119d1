using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Measurement;

public sealed record CostInput(CostKind? Kind, string? Description, DateOnly? On, decimal? Hours, decimal? HourlyRate, decimal? Amount, string? Currency);
public sealed record CostDto(int Id, CostKind Kind, string Description, DateOnly On, decimal? Hours, decimal? HourlyRate, decimal Amount, string Currency);
public sealed record IntangibleInput(IntangibleKind? Kind, string? Description, decimal? Estimate, decimal? ConfidencePercent, string? Currency);
public sealed record IntangibleDto(int Id, IntangibleKind Kind, string Description, decimal Estimate, decimal ConfidencePercent, decimal Expected, string Currency);
public sealed record CurrencyAmount(string Currency, decimal Amount);

/// <summary>
/// ROI in the reporting currency. Revenue in other currencies is listed apart (<see cref="OtherCurrencyRevenue"/>),
/// never converted or added. <see cref="RevenueSource"/> is false when no module provides influenced revenue.
/// </summary>
public sealed record RoiDto(string Currency, bool RevenueSource, decimal InfluencedRevenue, IReadOnlyList<CurrencyAmount> OtherCurrencyRevenue,
    decimal TotalCosts, decimal PeopleTimeCosts, decimal BudgetCosts, decimal ToolCosts, decimal NetValue, decimal? Ratio, decimal? Percent, string? UndefinedReason,
    decimal IntangibleEstimate, decimal ExpectedIntangibleValue, IReadOnlyList<CostDto> Costs, IReadOnlyList<IntangibleDto> Intangibles);

public sealed record ImpactGoalInput(int? MetricId, string? Name, string? ActivityUnit, string? ImpactUnit, decimal? ActivityPerImpact, decimal? TargetImpact);
public sealed record ImpactGoalDto(int Id, int MetricId, string Metric, string Name, string ActivityUnit, string ImpactUnit, decimal ActivityPerImpact,
    decimal? TargetImpact, decimal Activity, decimal Units, decimal ProgressToNext, decimal ActivityToNext, decimal? PercentOfTarget);

/// <summary>Program costs, intangible value, ROI and impact goals of a partnership (product.md §6 "ROI", "Impact goals").</summary>
public sealed class ValueService(WarmglowDb db, MeasurementService measurement, IEnumerable<IInfluencedRevenueSource> revenueSources)
{
    async Task RequireAsync(int partnershipId, CancellationToken ct)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
    }

    async Task<Currency> ReportingAsync(CancellationToken ct) => Currency.Find((await measurement.SettingsAsync(ct)).ReportingCurrency)!;

    static FieldErrors Unprefix(FieldErrors source, string prefix)
    {
        var errors = new FieldErrors();
        foreach (var (field, messages) in source.ToDictionary())
            foreach (var m in messages) errors.Add(field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : field, m);
        return errors;
    }

    static void CheckCurrency(FieldErrors errors, string? given, Currency reporting)
    {
        if (given is not null && !string.Equals(given.Trim(), reporting.Code, StringComparison.OrdinalIgnoreCase))
            errors.Add("currency", $"must be the workspace's reporting currency {reporting.Code} (got '{given}'); amounts are never converted silently. Convert it first, or change the reporting currency before recording costs.");
    }

    // --- costs ----------------------------------------------------------------------------------------

    public async Task<List<CostDto>> CostsAsync(int partnershipId, CancellationToken ct = default)
    {
        await RequireAsync(partnershipId, ct);
        return await db.ProgramCosts.AsNoTracking().Where(c => c.PartnershipId == partnershipId).OrderByDescending(c => c.On).ThenByDescending(c => c.Id)
            .Select(c => new CostDto(c.Id, c.Kind, c.Description, c.On, c.Hours, c.HourlyRate, c.Amount, c.Currency)).ToListAsync(ct);
    }

    public async Task<CostDto> AddCostAsync(int partnershipId, CostInput input, CancellationToken ct = default)
    {
        await RequireAsync(partnershipId, ct);
        var reporting = await ReportingAsync(ct);
        var errors = new FieldErrors();
        var description = input.Description?.Trim() ?? "";
        CostEntry? entry = null;
        switch (input.Kind)
        {
            case CostKind.PeopleTime:
                if (input.Hours is null) errors.Add("hours", "is required for people time.");
                if (input.HourlyRate is null) errors.Add("hourlyRate", "is required for people time.");
                if (input.Amount is not null) errors.Add("amount", "is computed for people time (hours × hourly rate); leave it empty.");
                entry = new PeopleTimeCost(description, input.Hours ?? 0, input.HourlyRate ?? 0);
                break;
            case CostKind.Budget or CostKind.Tool:
                if (input.Amount is null) errors.Add("amount", "is required.");
                else if (MetricUnits.Decimals(input.Amount.Value) > reporting.MinorUnits) errors.Add("amount", $"has at most {reporting.MinorUnits} decimals in {reporting.Code}.");
                entry = input.Kind == CostKind.Budget ? new BudgetCost(description, input.Amount ?? 0) : new ToolCost(description, input.Amount ?? 0);
                break;
            default:
                errors.Add("kind", "is required: PeopleTime, Budget or Tool.");
                break;
        }
        if (input.On is null) errors.Add("on", "is required (when the cost was incurred).");
        CheckCurrency(errors, input.Currency, reporting);
        if (entry is not null)
            foreach (var (field, messages) in Unprefix(Roi.Validate(0, [entry]), "costs[0].").ToDictionary())
                foreach (var m in messages) errors.Add(field == "cost" ? "amount" : field, m);
        ValidationFailed.ThrowIfAny(errors);
        var cost = new ProgramCost
        {
            PartnershipId = partnershipId, Kind = input.Kind!.Value, Description = description, On = input.On!.Value,
            Hours = input.Kind == CostKind.PeopleTime ? input.Hours : null, HourlyRate = input.Kind == CostKind.PeopleTime ? input.HourlyRate : null,
            Amount = Money.RoundToMinor(entry!.Amount, reporting.MinorUnits), Currency = reporting.Code,
        };
        db.ProgramCosts.Add(cost);
        await db.SaveChangesAsync(ct);
        return new CostDto(cost.Id, cost.Kind, cost.Description, cost.On, cost.Hours, cost.HourlyRate, cost.Amount, cost.Currency);
    }

    public async Task DeleteCostAsync(int partnershipId, int id, CancellationToken ct = default)
    {
        var cost = await db.ProgramCosts.FirstOrDefaultAsync(c => c.Id == id && c.PartnershipId == partnershipId, ct) ?? throw new NotFound($"Cost {id}");
        db.ProgramCosts.Remove(cost);
        await db.SaveChangesAsync(ct);
    }

    // --- intangibles ----------------------------------------------------------------------------------

    public async Task<List<IntangibleDto>> IntangiblesAsync(int partnershipId, CancellationToken ct = default)
    {
        await RequireAsync(partnershipId, ct);
        var rows = await db.IntangibleEntries.AsNoTracking().Where(c => c.PartnershipId == partnershipId).OrderBy(c => c.Id).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    static IntangibleDto ToDto(IntangibleEntry i) => new(i.Id, i.Kind, i.Description, i.Estimate, i.ConfidencePercent,
        new IntangibleValue(i.Description, i.Estimate, i.ConfidencePercent).Expected, i.Currency);

    public async Task<IntangibleDto> AddIntangibleAsync(int partnershipId, IntangibleInput input, CancellationToken ct = default)
    {
        await RequireAsync(partnershipId, ct);
        var reporting = await ReportingAsync(ct);
        var errors = new FieldErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "is required: BrandTrust, Knowledge, MarketAccess or Other.");
        if (input.Estimate is null) errors.Add("estimate", "is required (the value in money you estimate).");
        else if (MetricUnits.Decimals(input.Estimate.Value) > reporting.MinorUnits) errors.Add("estimate", $"has at most {reporting.MinorUnits} decimals in {reporting.Code}.");
        if (input.ConfidencePercent is null) errors.Add("confidencePercent", "is required (0–100: how sure you are).");
        CheckCurrency(errors, input.Currency, reporting);
        var value = new IntangibleValue(input.Description?.Trim() ?? "", input.Estimate ?? 0, input.ConfidencePercent ?? 0);
        foreach (var (field, messages) in Unprefix(Roi.Validate(0, [], [value]), "intangibles[0].").ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
        ValidationFailed.ThrowIfAny(errors);
        var entry = new IntangibleEntry
        {
            PartnershipId = partnershipId, Kind = input.Kind!.Value, Description = value.Description, Estimate = value.Estimate,
            ConfidencePercent = value.ConfidencePercent, Currency = reporting.Code,
        };
        db.IntangibleEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return ToDto(entry);
    }

    public async Task DeleteIntangibleAsync(int partnershipId, int id, CancellationToken ct = default)
    {
        var entry = await db.IntangibleEntries.FirstOrDefaultAsync(c => c.Id == id && c.PartnershipId == partnershipId, ct) ?? throw new NotFound($"Intangible {id}");
        db.IntangibleEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
    }

    // --- ROI ------------------------------------------------------------------------------------------

    public async Task<RoiDto> RoiAsync(int partnershipId, CancellationToken ct = default)
    {
        var reporting = await ReportingAsync(ct);
        var costs = await CostsAsync(partnershipId, ct);
        var intangibles = await IntangiblesAsync(partnershipId, ct);
        var revenue = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in revenueSources)
        {
            var sums = source.Query(db).Where(r => r.PartnershipId == partnershipId).GroupBy(r => r.Currency)
                .Select(g => new { Currency = g.Key, Amount = g.Sum(r => r.Amount) });
            // The database sums when the source is an EF query; a plain in-memory source (tests) is enumerated.
            var list = sums is IAsyncEnumerable<object> ? await sums.ToListAsync(ct) : sums.ToList();
            foreach (var s in list)
                revenue[s.Currency] = revenue.GetValueOrDefault(s.Currency) + s.Amount;
        }
        var own = Math.Max(0, revenue.GetValueOrDefault(reporting.Code));
        var entries = costs.Where(c => c.Currency == reporting.Code).Select(c => (CostEntry)(c.Kind switch
        {
            // The stored amount is already hours × rate rounded to minor units.
            CostKind.PeopleTime => new PeopleTimeCost(c.Description, 1, c.Amount),
            CostKind.Tool => new ToolCost(c.Description, c.Amount),
            _ => new BudgetCost(c.Description, c.Amount),
        })).ToList();
        var result = Roi.Compute(own, entries, intangibles.Select(i => new IntangibleValue(i.Description, i.Estimate, i.ConfidencePercent)).ToList());
        return new RoiDto(reporting.Code, revenueSources.Any(), result.InfluencedRevenue,
            revenue.Where(r => !string.Equals(r.Key, reporting.Code, StringComparison.OrdinalIgnoreCase)).Select(r => new CurrencyAmount(r.Key.ToUpperInvariant(), r.Value)).ToList(),
            result.TotalCosts, result.PeopleTimeCosts, result.BudgetCosts, result.ToolCosts, result.NetReturn, result.Ratio, result.Percent, result.UndefinedReason,
            result.IntangibleEstimateTotal, result.ExpectedIntangibleValue, costs, intangibles);
    }

    // --- impact goals ---------------------------------------------------------------------------------

    public async Task<List<ImpactGoalDto>> ImpactGoalsAsync(int partnershipId, CancellationToken ct = default)
    {
        await RequireAsync(partnershipId, ct);
        var goals = await (from g in db.ImpactGoals
                           join a in db.PartnershipMetrics on g.PartnershipMetricId equals a.Id
                           where g.PartnershipId == partnershipId
                           orderby g.Id
                           select new { Goal = g, a.MetricDefinitionId, Metric = a.Metric!.Name }).AsNoTracking().ToListAsync(ct);
        if (goals.Count == 0) return [];
        var attachmentIds = goals.Select(g => g.Goal.PartnershipMetricId).Distinct().ToList();
        // Summed here, not in SQL: SQLite stores decimals as text; one partnership's series is small.
        var values = await db.Observations.Where(o => attachmentIds.Contains(o.PartnershipMetricId)).Select(o => new { o.PartnershipMetricId, o.Value }).ToListAsync(ct);
        var totals = values.GroupBy(v => v.PartnershipMetricId).ToDictionary(g => g.Key, g => g.Sum(v => v.Value));
        return goals.Select(x =>
        {
            var g = x.Goal;
            var progress = new ImpactConversion(g.ActivityPerImpact).Achieve(Math.Max(0, totals.GetValueOrDefault(g.PartnershipMetricId)));
            return new ImpactGoalDto(g.Id, x.MetricDefinitionId, x.Metric, g.Name, g.ActivityUnit, g.ImpactUnit, g.ActivityPerImpact, g.TargetImpact,
                progress.Activity, progress.Units, progress.ProgressToNext, progress.ActivityToNext,
                g.TargetImpact is { } t && t > 0 ? Math.Min(100m, Math.Round(100m * progress.Units / t, 1)) : null);
        }).ToList();
    }

    public async Task<ImpactGoalDto> AddImpactGoalAsync(int partnershipId, ImpactGoalInput input, CancellationToken ct = default)
    {
        await RequireAsync(partnershipId, ct);
        var errors = new FieldErrors().Required("name", input.Name, MetricRules.NameMax).Required("activityUnit", input.ActivityUnit, 80).Required("impactUnit", input.ImpactUnit, 80);
        PartnershipMetric? attachment = null;
        if (input.MetricId is null) errors.Add("metricId", "is required: the attached metric that counts the activity.");
        else
        {
            attachment = await db.PartnershipMetrics.AsNoTracking().Include(a => a.Metric).FirstOrDefaultAsync(a => a.PartnershipId == partnershipId && a.MetricDefinitionId == input.MetricId, ct);
            if (attachment is null) errors.Add("metricId", $"metric {input.MetricId} is not attached to this partnership.");
            else if (attachment.Metric!.Unit is not (MetricUnit.Count or MetricUnit.Number))
                errors.Add("metricId", $"'{attachment.Metric.Name}' is measured in {attachment.Metric.Unit}; an impact goal counts activity, so use a Count metric.");
        }
        foreach (var (field, messages) in ImpactConversion.Validate(new ImpactConversion(input.ActivityPerImpact ?? 0)).ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
        if (input.TargetImpact is { } t && (t <= 0 || t > Roi.MaxAmount)) errors.Add("targetImpact", "must be greater than 0 when given.");
        ValidationFailed.ThrowIfAny(errors);
        var goal = new ImpactGoal
        {
            PartnershipId = partnershipId, PartnershipMetricId = attachment!.Id, Name = input.Name!.Trim(), ActivityUnit = input.ActivityUnit!.Trim(),
            ImpactUnit = input.ImpactUnit!.Trim(), ActivityPerImpact = input.ActivityPerImpact!.Value, TargetImpact = input.TargetImpact,
        };
        db.ImpactGoals.Add(goal);
        await db.SaveChangesAsync(ct);
        return (await ImpactGoalsAsync(partnershipId, ct)).Single(g => g.Id == goal.Id);
    }

    public async Task DeleteImpactGoalAsync(int partnershipId, int id, CancellationToken ct = default)
    {
        var goal = await db.ImpactGoals.FirstOrDefaultAsync(g => g.Id == id && g.PartnershipId == partnershipId, ct) ?? throw new NotFound($"Impact goal {id}");
        db.ImpactGoals.Remove(goal);
        await db.SaveChangesAsync(ct);
    }
}
