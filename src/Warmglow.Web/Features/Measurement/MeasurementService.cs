using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Csv;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Measurement;

public sealed record MetricInput(string? Name, MeasurementFrame? Frame, string? Category, MetricUnit? Unit, MetricDirection? Direction,
    string? DataSource, string? Calculation, IndicatorKind? Indicator, decimal? Baseline, decimal? Target, MetricFrequency? Frequency, int? Version = null);
public sealed record MetricDto(int Id, string Name, MeasurementFrame Frame, string Category, string CategoryLabel, MetricUnit Unit, MetricDirection Direction,
    string? DataSource, string? Calculation, IndicatorKind Indicator, decimal Baseline, decimal Target, MetricFrequency Frequency, string? TemplateKey, int Version, int Attached);

public sealed record AttachInput(int? MetricId, decimal? Baseline, decimal? Target);
public sealed record AttachmentDto(int Id, int MetricId, string Name, MeasurementFrame Frame, string Category, MetricUnit Unit, MetricDirection Direction,
    decimal Baseline, decimal Target, bool Overridden, decimal? LatestValue, DateOnly? LatestOn, decimal? LatestScore);

public sealed record ObservationInput(int? MetricId, DateOnly? On, decimal? Value, string? Note);
public sealed record ObservationDto(long Id, int MetricId, string Metric, DateOnly On, decimal Value, string? Note, bool BeforeLaunch);
public sealed record RecordResult(int BatchId, int Count);

public sealed record SettingsInput(MeasurementFrame? Frame, Dictionary<string, decimal>? Weights, string? ReportingCurrency, int? Version);
public sealed record SettingsDto(MeasurementFrame Frame, string FrameLabel, IReadOnlyDictionary<string, decimal> Weights, string ReportingCurrency, int Version);

/// <summary>
/// The metric catalog: the workspace's scorecard settings, metric definitions and templates, and their attachments to
/// partnerships. Observations are <see cref="ObservationService"/>'s; stored scores are <see cref="MeasurementScoring"/>'s.
/// </summary>
public sealed class MeasurementService(WarmglowDb db, MeasurementScoring scoring)
{
    public const string DefaultCurrency = "USD";
    // --- settings ------------------------------------------------------------------------------------

    public Task<MeasurementSettings> SettingsAsync(CancellationToken ct = default) => scoring.SettingsAsync(ct);

    public async Task<SettingsDto> GetSettingsAsync(CancellationToken ct = default) => ToDto(await SettingsAsync(ct));

    static SettingsDto ToDto(MeasurementSettings s) => new(s.Frame, MetricRules.Label(s.Frame), s.Weights, s.ReportingCurrency, s.Version);

    /// <summary>Frame, weights (percent per category, totalling 100) and reporting currency; rescoring every partnership.</summary>
    public async Task<SettingsDto> SaveSettingsAsync(SettingsInput input, CancellationToken ct = default)
    {
        var current = await db.MeasurementSettings.FirstOrDefaultAsync(ct);
        var frame = input.Frame ?? current?.Frame ?? MeasurementFrame.Balanced;
        var errors = new FieldErrors();
        if (!Enum.IsDefined(frame)) errors.Add("frame", "must be Balanced or FiveDimension.");
        var weights = input.Weights is null
            ? (current is not null && current.Frame == frame ? current.Weights : MetricRules.DefaultWeights(frame).ToDictionary())
            : input.Weights.Where(w => MetricRules.Category(frame, w.Key) is not null).ToDictionary(w => MetricRules.Category(frame, w.Key)!, w => w.Value);
        if (errors.IsEmpty)
        {
            var weightErrors = MetricRules.ValidateWeights(frame, input.Weights ?? weights);
            foreach (var (field, messages) in weightErrors.ToDictionary()) foreach (var m in messages) errors.Add(field, m);
        }
        var currency = input.ReportingCurrency is null ? current?.ReportingCurrency ?? DefaultCurrency : Currency.Find(input.ReportingCurrency)?.Code;
        if (currency is null) errors.Add("reportingCurrency", $"'{input.ReportingCurrency}' is not a supported currency ({string.Join(", ", Currency.Known.Select(c => c.Code))}).");
        if (current is not null && input.Version is null) errors.Add("version", "is required: send the version you read, so that concurrent edits are detected.");
        ValidationFailed.ThrowIfAny(errors);
        var recorded = current?.ReportingCurrency ?? DefaultCurrency;
        if (currency != recorded && (await db.ProgramCosts.AnyAsync(ct) || await db.IntangibleEntries.AnyAsync(ct)))
            throw new Conflict($"Costs are already recorded in {recorded}; the reporting currency cannot change (amounts are never converted silently).");

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        if (current is null)
        {
            current = new MeasurementSettings { Frame = frame, Weights = weights, ReportingCurrency = currency! };
            db.MeasurementSettings.Add(current);
        }
        else
        {
            db.Entry(current).Property(e => e.Version).OriginalValue = input.Version!.Value;
            current.Frame = frame;
            current.Weights = new Dictionary<string, decimal>(weights);
            current.ReportingCurrency = currency!;
        }
        await db.SaveChangesAsync(ct);
        await scoring.RescoreAllAsync(rescoreMetrics: false, ct);
        await tx.CommitAsync(ct);
        return ToDto(current);
    }

    // --- definitions ----------------------------------------------------------------------------------

    public async Task<List<MetricDto>> ListMetricsAsync(CancellationToken ct = default)
    {
        var counts = await db.PartnershipMetrics.GroupBy(a => a.MetricDefinitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var metrics = await db.MetricDefinitions.AsNoTracking().OrderBy(m => m.Frame).ThenBy(m => m.Category).ThenBy(m => m.Name).ToListAsync(ct);
        return metrics.Select(m => ToDto(m, counts.GetValueOrDefault(m.Id))).ToList();
    }

    public async Task<MetricDto> GetMetricAsync(int id, CancellationToken ct = default)
    {
        var m = await db.MetricDefinitions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Metric {id}");
        return ToDto(m, await db.PartnershipMetrics.CountAsync(a => a.MetricDefinitionId == id, ct));
    }

    static MetricDto ToDto(MetricDefinition m, int attached) => new(m.Id, m.Name, m.Frame, m.Category, MetricRules.Label(m.Category), m.Unit, m.Direction,
        m.DataSource, m.Calculation, m.Indicator, m.Baseline, m.Target, m.Frequency, m.TemplateKey, m.Version, attached);

    public async Task<MetricDefinition> CreateMetricAsync(MetricInput input, CancellationToken ct = default)
    {
        var metric = new MetricDefinition { Name = "", Category = "" };
        await ApplyAsync(metric, input, ct);
        db.MetricDefinitions.Add(metric);
        await db.SaveChangesAsync(ct);
        return metric;
    }

    public async Task<MetricDefinition> UpdateMetricAsync(int id, MetricInput input, CancellationToken ct = default)
    {
        var metric = await db.MetricDefinitions.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFound($"Metric {id}");
        if (input.Version is null) throw ValidationFailed.For("version", "is required: send the version you read, so that concurrent edits are detected.");
        db.Entry(metric).Property(e => e.Version).OriginalValue = input.Version.Value;
        var attached = await db.PartnershipMetrics.AnyAsync(a => a.MetricDefinitionId == id, ct);
        var (unit, frame) = (metric.Unit, metric.Frame);
        await ApplyAsync(metric, input, ct);
        if (attached && (metric.Unit != unit || metric.Frame != frame))
            throw new Conflict($"'{metric.Name}' is attached to partnerships with recorded values; its unit and frame are fixed. Create a new metric instead.");
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (attached)
        {
            var partnerships = await db.PartnershipMetrics.Where(a => a.MetricDefinitionId == id).Select(a => a.PartnershipId).ToListAsync(ct);
            await scoring.RescoreAsync(partnerships, rescoreMetrics: true, ct);
        }
        await tx.CommitAsync(ct);
        return metric;
    }

    public async Task DeleteMetricAsync(int id, CancellationToken ct = default)
    {
        var metric = await db.MetricDefinitions.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFound($"Metric {id}");
        if (await db.PartnershipMetrics.AnyAsync(a => a.MetricDefinitionId == id, ct))
            throw new Conflict($"'{metric.Name}' is attached to partnerships; detach it first.");
        db.MetricDefinitions.Remove(metric);
        await db.SaveChangesAsync(ct);
    }

    async Task ApplyAsync(MetricDefinition metric, MetricInput input, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("name", input.Name, MetricRules.NameMax)
            .Optional("dataSource", input.DataSource, MetricRules.TextMax).Optional("calculation", input.Calculation, MetricRules.TextMax);
        var frame = input.Frame ?? MeasurementFrame.Balanced;
        if (!Enum.IsDefined(frame)) errors.Add("frame", "must be Balanced or FiveDimension.");
        var category = Enum.IsDefined(frame) ? MetricRules.Category(frame, input.Category) : null;
        if (Enum.IsDefined(frame) && category is null)
            errors.Add("category", $"must be one of the {frame} frame's categories: {string.Join(", ", MetricRules.CategoriesOf(frame))}.");
        if (input.Unit is not { } unit || !Enum.IsDefined(unit)) { errors.Add("unit", $"is required: one of {string.Join(", ", Enum.GetNames<MetricUnit>())}."); unit = MetricUnit.Number; }
        if (input.Direction is not { } direction || !Enum.IsDefined(direction)) { errors.Add("direction", "is required: HigherIsBetter or LowerIsBetter."); direction = MetricDirection.HigherIsBetter; }
        if (input.Indicator is { } ind && !Enum.IsDefined(ind)) errors.Add("indicator", "must be Leading or Lagging.");
        if (input.Frequency is { } f && !Enum.IsDefined(f)) errors.Add("frequency", "must be Monthly, Quarterly or Yearly.");
        if (input.Baseline is null) errors.Add("baseline", "is required: the value before the partnership launched.");
        else MetricUnits.ValidateValue(errors, unit, input.Baseline.Value, "baseline");
        if (input.Target is null) errors.Add("target", "is required: the value that scores 100.");
        else MetricUnits.ValidateValue(errors, unit, input.Target.Value, "target");
        if (input.Baseline is { } b && input.Target is { } t && errors.IsEmpty)
            foreach (var (field, messages) in MetricScale.Validate(new MetricScale(b, t, direction)).ToDictionary()) foreach (var m in messages) errors.Add(field, m);
        var name = input.Name?.Trim() ?? "";
        if (errors.IsEmpty && await db.MetricDefinitions.AnyAsync(m => m.Name == name && m.Id != metric.Id, ct))
            errors.Add("name", $"'{name}' is already a metric of this workspace.");
        ValidationFailed.ThrowIfAny(errors);
        metric.Name = name;
        metric.Frame = frame;
        metric.Category = category!;
        metric.Unit = unit;
        metric.Direction = direction;
        metric.DataSource = FieldRules.Clean(input.DataSource);
        metric.Calculation = FieldRules.Clean(input.Calculation);
        metric.Indicator = input.Indicator ?? IndicatorKind.Lagging;
        metric.Frequency = input.Frequency ?? MetricFrequency.Quarterly;
        metric.Baseline = input.Baseline!.Value;
        metric.Target = input.Target!.Value;
    }

    /// <summary>Adds a template set's metrics that the workspace lacks (by template key or name); returns how many were added.</summary>
    public async Task<int> ApplyTemplateAsync(string key, CancellationToken ct = default)
    {
        var set = MetricTemplates.Find(key) ?? throw ValidationFailed.For("template", $"'{key}' is not a template; use one of {string.Join(", ", MetricTemplates.All.Select(t => t.Key))}.");
        var existing = await db.MetricDefinitions.Select(m => new { m.Name, m.TemplateKey }).ToListAsync(ct);
        var added = 0;
        foreach (var t in set.Metrics.Where(t => existing.All(e => e.TemplateKey != t.Key && !string.Equals(e.Name, t.Name, StringComparison.OrdinalIgnoreCase))))
        {
            db.MetricDefinitions.Add(new MetricDefinition
            {
                Name = t.Name, Frame = t.Frame, Category = t.Category, Unit = t.Unit, Direction = t.Direction, DataSource = t.DataSource,
                Calculation = t.Calculation, Indicator = t.Indicator, Baseline = t.Baseline, Target = t.Target, Frequency = t.Frequency, TemplateKey = t.Key,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    // --- attachments ----------------------------------------------------------------------------------

    Task RequirePartnershipAsync(int partnershipId, CancellationToken ct) => MeasurementScoring.RequirePartnershipAsync(db, partnershipId, ct);

    public async Task<List<AttachmentDto>> AttachmentsAsync(int partnershipId, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        var rows = await db.PartnershipMetrics.AsNoTracking().Include(a => a.Metric).Where(a => a.PartnershipId == partnershipId).ToListAsync(ct);
        return rows.OrderBy(a => a.Metric!.Category).ThenBy(a => a.Metric!.Name).Select(ToDto).ToList();
    }

    static AttachmentDto ToDto(PartnershipMetric a) => new(a.Id, a.MetricDefinitionId, a.Metric!.Name, a.Metric.Frame, a.Metric.Category, a.Metric.Unit, a.Metric.Direction,
        a.BaselineOverride ?? a.Metric.Baseline, a.TargetOverride ?? a.Metric.Target, a.BaselineOverride is not null || a.TargetOverride is not null,
        a.LatestValue, a.LatestOn, a.LatestScore);

    /// <summary>Attaches a metric (or updates its overrides when already attached).</summary>
    public async Task<AttachmentDto> AttachAsync(int partnershipId, AttachInput input, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        if (input.MetricId is null) throw ValidationFailed.For("metricId", "is required.");
        var metric = await db.MetricDefinitions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == input.MetricId, ct)
            ?? throw ValidationFailed.For("metricId", $"no metric {input.MetricId} in this workspace.");
        var errors = new FieldErrors();
        if (input.Baseline is { } b) MetricUnits.ValidateValue(errors, metric.Unit, b, "baseline");
        if (input.Target is { } t) MetricUnits.ValidateValue(errors, metric.Unit, t, "target");
        if (errors.IsEmpty)
            foreach (var (field, messages) in MetricScale.Validate(new MetricScale(input.Baseline ?? metric.Baseline, input.Target ?? metric.Target, metric.Direction)).ToDictionary())
                foreach (var m in messages) errors.Add(field, m);
        ValidationFailed.ThrowIfAny(errors);
        var attachment = await db.PartnershipMetrics.FirstOrDefaultAsync(a => a.PartnershipId == partnershipId && a.MetricDefinitionId == metric.Id, ct);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        if (attachment is null)
        {
            attachment = new PartnershipMetric { PartnershipId = partnershipId, MetricDefinitionId = metric.Id };
            db.PartnershipMetrics.Add(attachment);
        }
        attachment.BaselineOverride = input.Baseline == metric.Baseline ? null : input.Baseline;
        attachment.TargetOverride = input.Target == metric.Target ? null : input.Target;
        await db.SaveChangesAsync(ct);
        await scoring.RescoreAsync([partnershipId], rescoreMetrics: true, ct);
        await tx.CommitAsync(ct);
        attachment.Metric = metric;
        var fresh = await db.PartnershipMetrics.AsNoTracking().Include(a => a.Metric).FirstAsync(a => a.Id == attachment.Id, ct);
        return ToDto(fresh);
    }

    public async Task DetachAsync(int partnershipId, int metricId, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        var attachment = await db.PartnershipMetrics.FirstOrDefaultAsync(a => a.PartnershipId == partnershipId && a.MetricDefinitionId == metricId, ct)
            ?? throw new NotFound($"Metric {metricId} on partnership {partnershipId}");
        if (await db.ImpactGoals.AnyAsync(g => g.PartnershipMetricId == attachment.Id, ct))
            throw new Conflict("An impact goal counts this metric's activity; delete the goal first.");
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.Observations.Where(o => o.PartnershipMetricId == attachment.Id).ExecuteDeleteAsync(ct);
        db.PartnershipMetrics.Remove(attachment);
        await db.SaveChangesAsync(ct);
        await scoring.RescoreAsync([partnershipId], rescoreMetrics: false, ct);
        await tx.CommitAsync(ct);
    }

}
