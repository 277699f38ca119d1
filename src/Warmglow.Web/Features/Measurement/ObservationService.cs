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

/// <summary>
/// Observations of attached metrics, from the form, the API or CSV (all or nothing); each write refreshes the
/// attachment's latest value and the partnership's stored scores through <see cref="MeasurementScoring"/>.
/// </summary>
public sealed class ObservationService(WarmglowDb db, MeasurementScoring scoring)
{
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public const int ImportMaxRows = 50_000;

    public static readonly string[] CsvHeaders = ["metric", "date", "value", "note"];

    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

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
        await MeasurementScoring.RequirePartnershipAsync(db, partnershipId, ct);
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
        await MeasurementScoring.RequirePartnershipAsync(db, partnershipId, ct);
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
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
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
        await scoring.RescoreAsync([partnershipId], rescoreMetrics: true, ct);
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
        await MeasurementScoring.RequirePartnershipAsync(db, partnershipId, ct);
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
}
