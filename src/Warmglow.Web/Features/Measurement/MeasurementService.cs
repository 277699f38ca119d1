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
/// The measurement protocol: metric definitions and templates, attachments to partnerships, observations (form, API,
/// CSV), the workspace's scorecard settings, and the stored per-partnership scores the dashboards read.
/// </summary>
public sealed class MeasurementService(WarmglowDb db)
{
    public const string DefaultCurrency = "USD";
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public const int ImportMaxRows = 50_000;

    public static readonly string[] CsvHeaders = ["metric", "date", "value", "note"];

    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

    // --- settings ------------------------------------------------------------------------------------

    public async Task<MeasurementSettings> SettingsAsync(CancellationToken ct = default) =>
        await db.MeasurementSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new MeasurementSettings
        {
            Frame = MeasurementFrame.Balanced, Weights = MetricRules.DefaultWeights(MeasurementFrame.Balanced).ToDictionary(), ReportingCurrency = DefaultCurrency,
        };

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

        await using var tx = await db.Database.BeginTransactionAsync(ct);
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
        await RescoreAllAsync(rescoreMetrics: false, ct);
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (attached)
        {
            var partnerships = await db.PartnershipMetrics.Where(a => a.MetricDefinitionId == id).Select(a => a.PartnershipId).ToListAsync(ct);
            await RescoreAsync(partnerships, rescoreMetrics: true, ct);
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

    async Task RequirePartnershipAsync(int partnershipId, CancellationToken ct)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
    }

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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (attachment is null)
        {
            attachment = new PartnershipMetric { PartnershipId = partnershipId, MetricDefinitionId = metric.Id };
            db.PartnershipMetrics.Add(attachment);
        }
        attachment.BaselineOverride = input.Baseline == metric.Baseline ? null : input.Baseline;
        attachment.TargetOverride = input.Target == metric.Target ? null : input.Target;
        await db.SaveChangesAsync(ct);
        await RescoreAsync([partnershipId], rescoreMetrics: true, ct);
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
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Observations.Where(o => o.PartnershipMetricId == attachment.Id).ExecuteDeleteAsync(ct);
        db.PartnershipMetrics.Remove(attachment);
        await db.SaveChangesAsync(ct);
        await RescoreAsync([partnershipId], rescoreMetrics: false, ct);
        await tx.CommitAsync(ct);
    }

    // --- observations ---------------------------------------------------------------------------------

    /// <summary>The partnership's launch: its start date, else the day it first became active (null before launch).</summary>
    public async Task<DateOnly?> LaunchAsync(int partnershipId, CancellationToken ct = default)
    {
        var start = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.StartDate).FirstOrDefaultAsync(ct);
        if (start is not null) return start;
        var active = await db.StageTransitions.Where(t => t.PartnershipId == partnershipId && t.ToStage == PartnershipStage.Active)
            .OrderBy(t => t.At).Select(t => (DateTime?)t.At).FirstOrDefaultAsync(ct);
        return active is { } at ? DateOnly.FromDateTime(at) : null;
    }

    public async Task<Paged<ObservationDto>> ObservationsAsync(int partnershipId, int? metricId, int? page, int? size, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        await db.RequireMetricAsync(metricId, ct);
        var launch = await LaunchAsync(partnershipId, ct);
        var q = from o in db.Observations
                join a in db.PartnershipMetrics on o.PartnershipMetricId equals a.Id
                where o.PartnershipId == partnershipId && (metricId == null || a.MetricDefinitionId == metricId)
                orderby o.On descending, o.Id descending
                select new ObservationDto(o.Id, a.MetricDefinitionId, a.Metric!.Name, o.On, o.Value, o.Note, launch != null && o.On < launch);
        return await q.ToPageAsync(page, size, ct);
    }

    public Task<RecordResult> RecordAsync(int partnershipId, ObservationInput input, ObservationSource source, CancellationToken ct = default) =>
        RecordManyAsync(partnershipId, [input], source, null, single: true, ct);

    /// <summary>
    /// Validates every observation first (fields "metricId", "on", "value", "note"; with several, prefixed "observations[i]."),
    /// then writes all of them, the batch's audit entry, the latest values and the partnership's score in one transaction.
    /// </summary>
    public async Task<RecordResult> RecordManyAsync(int partnershipId, IReadOnlyList<ObservationInput>? inputs, ObservationSource source, string? fileName,
        bool single = false, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        if (inputs is null || inputs.Count == 0) throw ValidationFailed.For("observations", "are required: at least one.");
        if (inputs.Count > ImportMaxRows) throw ValidationFailed.For("observations", $"at most {ImportMaxRows} per request.");
        var attachments = await AttachmentMapAsync(partnershipId, ct);
        var errors = new FieldErrors();
        var rows = new List<(PartnershipMetric Attachment, DateOnly On, decimal Value, string? Note)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var prefix = single ? "" : $"observations[{i}].";
            var row = Check(inputs[i], attachments, errors, f => prefix + f);
            if (row is { } r) rows.Add(r);
        }
        ValidationFailed.ThrowIfAny(errors);
        return await WriteAsync(partnershipId, rows, source, fileName, ct);
    }

    async Task<Dictionary<int, PartnershipMetric>> AttachmentMapAsync(int partnershipId, CancellationToken ct) =>
        await db.PartnershipMetrics.AsNoTracking().Include(a => a.Metric).Where(a => a.PartnershipId == partnershipId).ToDictionaryAsync(a => a.MetricDefinitionId, ct);

    (PartnershipMetric, DateOnly, decimal, string?)? Check(ObservationInput? input, Dictionary<int, PartnershipMetric> attachments, FieldErrors errors, Func<string, string> field)
    {
        if (input is null) { errors.Add(field("metricId"), "the observation is empty."); return null; }
        var before = errors.ToDictionary().Count;
        PartnershipMetric? attachment = null;
        if (input.MetricId is null) errors.Add(field("metricId"), "is required.");
        else if (!attachments.TryGetValue(input.MetricId.Value, out attachment))
            errors.Add(field("metricId"), $"metric {input.MetricId} is not attached to this partnership (unknown metric, or attach it first).");
        if (input.On is null) errors.Add(field("on"), "is required (the date the value was measured).");
        else if (input.On < EarliestDate || input.On > Today) errors.Add(field("on"), $"must be from {EarliestDate:yyyy-MM-dd} to today ({Today:yyyy-MM-dd}); got {input.On:yyyy-MM-dd}.");
        if (input.Value is null) errors.Add(field("value"), "is required.");
        else if (attachment is not null) MetricUnits.ValidateValue(errors, attachment.Metric!.Unit, input.Value.Value, field("value"));
        errors.Optional(field("note"), input.Note, MetricRules.TextMax);
        return errors.ToDictionary().Count == before && attachment is not null ? (attachment, input.On!.Value, input.Value!.Value, FieldRules.Clean(input.Note)) : null;
    }

    async Task<RecordResult> WriteAsync(int partnershipId, List<(PartnershipMetric Attachment, DateOnly On, decimal Value, string? Note)> rows,
        ObservationSource source, string? fileName, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = new ObservationBatch
        {
            PartnershipId = partnershipId, Source = source, Count = rows.Count, FileName = fileName, ById = db.Tenant.UserId, ByName = db.Tenant.UserName, At = db.UtcNow,
        };
        db.ObservationBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.Observations.AddRange(rows.Select(r => new Observation
        {
            PartnershipId = partnershipId, PartnershipMetricId = r.Attachment.Id, On = r.On, Value = r.Value, Note = r.Note, BatchId = batch.Id,
        }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await RefreshLatestAsync(rows.Select(r => r.Attachment.Id).Distinct().ToList(), ct);
        await RescoreAsync([partnershipId], rescoreMetrics: true, ct);
        await tx.CommitAsync(ct);
        return new RecordResult(batch.Id, rows.Count);
    }

    /// <summary>Sets each attachment's latest value (latest date, then latest id): one indexed lookup per touched metric.</summary>
    async Task RefreshLatestAsync(IReadOnlyList<int> attachmentIds, CancellationToken ct)
    {
        foreach (var id in attachmentIds)
        {
            var latest = await db.Observations.Where(o => o.PartnershipMetricId == id).OrderByDescending(o => o.On).ThenByDescending(o => o.Id)
                .Select(o => new { o.Value, o.On }).FirstOrDefaultAsync(ct);
            await db.PartnershipMetrics.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.LatestValue, latest == null ? null : latest.Value)
                .SetProperty(a => a.LatestOn, latest == null ? null : latest.On), ct);
        }
    }

    /// <summary>CSV import: metric (name or id), date (yyyy-MM-dd), value, note. All rows are checked first; any error writes nothing.</summary>
    public async Task<RecordResult> ImportAsync(int partnershipId, Stream stream, string? fileName, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        var text = await CsvUpload.ReadUtf8Async(stream, 20 * 1024 * 1024, CsvHeaders, ct);
        var errors = new FieldErrors();
        var table = CsvTable.Read(text, CsvHeaders, ["note"], errors);
        ValidationFailed.ThrowIfAny(errors);
        if (table.Count > ImportMaxRows) throw ValidationFailed.For("file", $"has more than {ImportMaxRows} rows; split it.");

        var attachments = await AttachmentMapAsync(partnershipId, ct);
        var allMetrics = await db.MetricDefinitions.AsNoTracking().Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var rows = new List<(PartnershipMetric, DateOnly, decimal, string?)>();
        foreach (var record in table)
        {
            string Get(string h) => record[h] ?? "";
            var rowKey = $"row {record.Line}";
            var rowErrors = new FieldErrors();
            var metricText = Get("metric");
            int? metricId = int.TryParse(metricText, out var mid) ? mid
                : allMetrics.FirstOrDefault(m => string.Equals(m.Name, metricText, StringComparison.OrdinalIgnoreCase))?.Id;
            if (metricId is null) rowErrors.Add("metric", metricText.Length == 0 ? "is required." : $"'{metricText}' is not a metric of this workspace.");
            DateOnly? on = DateOnly.TryParseExact(Get("date"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
            if (on is null) rowErrors.Add("date", $"'{Get("date")}' is not a date in the form yyyy-MM-dd.");
            decimal? value = decimal.TryParse(Get("value"), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
            if (value is null) rowErrors.Add("value", $"'{Get("value")}' is not a number (use a dot for decimals).");
            if (rowErrors.IsEmpty)
            {
                var row = Check(new ObservationInput(metricId, on, value, record["note"]), attachments, rowErrors, f => f == "metricId" ? "metric" : f == "on" ? "date" : f);
                if (row is { } r && rowErrors.IsEmpty) rows.Add(r);
            }
            foreach (var (field, messages) in rowErrors.ToDictionary()) foreach (var m in messages) errors.Add(rowKey, $"{field} {m}");
        }
        if (!errors.IsEmpty) throw new ValidationFailed(errors, "The file was not imported: fix the rows below and upload it again. Nothing was written.");
        if (rows.Count == 0) throw ValidationFailed.For("file", "The file has a header but no rows.");
        return await WriteAsync(partnershipId, rows, ObservationSource.Import, FieldRules.Clean(fileName), ct);
    }

    // --- scores ---------------------------------------------------------------------------------------

    /// <summary>Recomputes the stored scores of every scored partnership (after a change of frame or weights), in chunks.</summary>
    async Task RescoreAllAsync(bool rescoreMetrics, CancellationToken ct)
    {
        var ids = await db.PartnershipMetrics.Select(a => a.PartnershipId).Distinct().ToListAsync(ct);
        foreach (var chunk in ids.Chunk(500)) await RescoreAsync(chunk, rescoreMetrics, ct);
    }

    /// <summary>
    /// Recomputes the latest score of each attached metric (when <paramref name="rescoreMetrics"/>) and the stored
    /// composite of each partnership: a bounded number of queries per call, whatever the number of observations.
    /// </summary>
    public async Task RescoreAsync(IReadOnlyCollection<int> partnershipIds, bool rescoreMetrics, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(ct);
        var attachments = await db.PartnershipMetrics.Include(a => a.Metric).Where(a => partnershipIds.Contains(a.PartnershipId)).ToListAsync(ct);
        if (rescoreMetrics)
            foreach (var a in attachments)
            {
                var score = Score(a);
                if (score != a.LatestScore)
                {
                    a.LatestScore = score;
                    await db.PartnershipMetrics.Where(x => x.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LatestScore, score), ct);
                }
            }
        var scores = await db.PartnershipScores.Where(s => partnershipIds.Contains(s.PartnershipId)).ToDictionaryAsync(s => s.PartnershipId, ct);
        foreach (var id in partnershipIds)
        {
            var own = attachments.Where(a => a.PartnershipId == id).ToList();
            var inFrame = own.Where(a => a.Metric!.Frame == settings.Frame).ToList();
            var result = MetricRules.Compute(settings.Frame, settings.Weights,
                inFrame.Where(a => a.LatestScore is not null).Select(a => (a.Metric!.Category, a.LatestScore!.Value)));
            if (!scores.TryGetValue(id, out var row))
            {
                if (own.Count == 0) continue;
                row = new PartnershipScore { PartnershipId = id };
                db.PartnershipScores.Add(row);
            }
            row.Composite = result.Composite is { } c ? (double)Math.Round(c, 2) : null;
            row.Categories = result.Categories.ToDictionary(c => c.Category, c => c.Score is { } s ? Math.Round(s, 2) : (decimal?)null);
            row.MetricCount = own.Count;
            row.ScoredCount = inFrame.Count(a => a.LatestScore is not null);
            row.UpdatedAt = db.UtcNow;
        }
        // Attachments were loaded only to read; their score columns were written above with ExecuteUpdate (no audit rows).
        foreach (var a in attachments) db.Entry(a).State = EntityState.Detached;
        await db.SaveChangesAsync(ct);
    }

    public static decimal? Score(PartnershipMetric a)
    {
        if (a.LatestValue is not { } value) return null;
        var scale = new MetricScale(a.BaselineOverride ?? a.Metric!.Baseline, a.TargetOverride ?? a.Metric!.Target, a.Metric!.Direction);
        return MetricScale.Validate(scale).IsEmpty ? Math.Round(scale.Normalize(value), 4) : null;
    }
}
