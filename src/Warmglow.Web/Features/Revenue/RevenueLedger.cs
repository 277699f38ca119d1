using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Infrastructure;
using CoreEvent = Warmglow.Core.Revenue.RevenueEvent;

namespace Warmglow.Web.Features.Revenue;

/// <summary>The ledger: immutable, idempotent revenue events (single posts and all-or-nothing CSV imports).</summary>
public sealed class RevenueLedger(WarmglowDb db, Tenant tenant, RevenueAgreements agreements)
{
    /// <summary>A transaction of our own, unless the caller (e.g. the demo loader) already runs one.</summary>
    Task<UnitOfWork> OwnTransactionAsync(CancellationToken ct) => db.BeginOrJoinTransactionAsync(ct);

    Task<Agreement> AgreementAsync(int agreementId, CancellationToken ct) => agreements.AgreementAsync(agreementId, ct);
    Task<IReadOnlyList<PartyDto>> PartiesAsync(Agreement agreement, CancellationToken ct) => agreements.PartiesAsync(agreement, ct);

    static CoreEvent ToCore(RevenueEntry e) =>
        new(e.Key, e.Amount, e.Currency, e.Date, e.Source, e.AgreementId.ToString(CultureInfo.InvariantCulture), e.MemberId);

    internal static EventDto ToDto(RevenueEntry e, int? statementId = null) =>
        new(e.Id, e.AgreementId, e.Key, e.Kind, Math.Abs(e.Amount), e.Currency, e.Date, e.Source, e.MemberId, e.Channel, e.RecordedAt, statementId);

    /// <summary>
    /// Checks one input against the agreement (and its terms, when set) and returns the signed Core event;
    /// field names are the input's ("amount", "currency", "date", "source", "key", "memberId").
    /// </summary>
    internal static (CoreEvent? Event, FieldErrors Errors) Check(Agreement agreement, RevenueTerms? terms, EventInput input) =>
        Check(agreement, EventRules.For(agreement, terms), input);

    /// <summary>
    /// What an event is checked against: the agreement's terms, read from their JSON once (an import checks every row
    /// against the same rules; reading the JSON per row cost more than the checks themselves).
    /// </summary>
    internal sealed class EventRules
    {
        PoolTerms? _pool;
        AgreementTerms? _terms;

        public static EventRules For(Agreement agreement, RevenueTerms? terms)
        {
            if (terms?.Kind == ShareModelKind.Pool)
                return new() { _pool = RevenueTermsService.ToPool(JsonSerializer.Deserialize<ModelInput>(terms.Model, RevenueTermsService.ModelJson)!, agreement) };
            // Without terms yet, the term and currency rules still apply: check against a placeholder 100% split.
            ShareModel model = terms is null
                ? new FixedSplit([new PartyPercent(Parties.Org, 100)])
                : RevenueTermsService.ToModel(terms.Kind, JsonSerializer.Deserialize<ModelInput>(terms.Model, RevenueTermsService.ModelJson)!);
            return new() { _terms = new AgreementTerms(agreement.Id.ToString(CultureInfo.InvariantCulture), agreement.Currency, agreement.StartDate, agreement.EndDate, model) };
        }

        public FieldErrors Validate(CoreEvent e) =>
            _pool is not null ? PoolCalculator.ValidateEvents(_pool, [e]) : StatementCalculator.ValidateEvents(_terms!, [e]);
    }

    internal static (CoreEvent? Event, FieldErrors Errors) Check(Agreement agreement, EventRules rules, EventInput input)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Key)) errors.Add("key", "is required: a unique idempotency key per event (e.g. the invoice number), so a retry never counts twice.");
        if (input.Amount is not { } amount) errors.Add("amount", "is required: a number greater than 0.");
        else if (amount <= 0) errors.Add("amount", $"must be greater than 0 (got {amount.ToString(CultureInfo.InvariantCulture)}); record a refund with kind Refund and a positive amount.");
        if (input.Date is null) errors.Add("date", "is required (yyyy-MM-dd).");
        if (string.IsNullOrWhiteSpace(input.Currency)) errors.Add("currency", $"is required: {agreement.Currency}, the agreement's currency.");
        if (!errors.IsEmpty) return (null, errors);

        var kind = input.Kind ?? RevenueKind.Sale;
        var signed = kind == RevenueKind.Refund ? -input.Amount!.Value : input.Amount!.Value;
        var member = string.IsNullOrWhiteSpace(input.MemberId) ? null : input.MemberId.Trim();
        var e = new CoreEvent(input.Key!.Trim(), signed, input.Currency!.Trim().ToUpperInvariant(), input.Date!.Value, input.Source?.Trim() ?? "",
            agreement.Id.ToString(CultureInfo.InvariantCulture), member);
        var core = rules.Validate(e);
        foreach (var (field, messages) in core.ToDictionary())
            foreach (var m in messages) errors.Add(field.Replace("events[0].", "", StringComparison.Ordinal), m.Replace("events[0]", "the event", StringComparison.Ordinal));
        return errors.IsEmpty ? (e, errors) : (null, errors);
    }

    RevenueEntry NewEntry(Agreement agreement, CoreEvent e, RevenueKind kind, string channel) => new()
    {
        AgreementId = agreement.Id,
        Key = e.Key,
        Kind = kind,
        Amount = e.Amount,
        Currency = agreement.Currency,
        Date = e.Date,
        Source = e.Source,
        MemberId = e.MemberId,
        Channel = channel,
        RecordedAt = db.UtcNow,
        RecordedBy = tenant.UserName,
    };

    /// <summary>
    /// Records an event, idempotently: a new key is written (Replay false); the same key with the same payload
    /// returns the recorded event (Replay true, nothing written); the same key with another payload is a
    /// <see cref="Conflict"/>. Race-safe: two concurrent posts of one key both reach the unique index, the loser
    /// catches the violation and re-reads the winner's row.
    /// </summary>
    public async Task<PostResult> PostAsync(int agreementId, EventInput input, string channel, CancellationToken ct)
    {
        var agreement = await AgreementAsync(agreementId, ct);
        var terms = await db.RevenueTerms.AsNoTracking().FirstOrDefaultAsync(t => t.AgreementId == agreementId, ct);
        var (e, errors) = Check(agreement, terms, input);
        ValidationFailed.ThrowIfAny(errors);
        var existing = await db.RevenueEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Key == e!.Key, ct);
        if (existing is not null) return Replay(existing, e!);

        var entry = NewEntry(agreement, e!, input.Kind ?? RevenueKind.Sale, channel);
        db.RevenueEvents.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            return new PostResult(ToDto(entry), false);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            existing = await db.RevenueEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Key == e!.Key, ct)
                ?? throw new Conflict($"The key '{e!.Key}' is taken by an event you cannot see; choose another key.");
            return Replay(existing, e!);
        }
    }

    static PostResult Replay(RevenueEntry existing, CoreEvent incoming)
    {
        if (!Idempotency.SamePayload(ToCore(existing), incoming))
            throw new Conflict($"The key '{incoming.Key}' was already used on {existing.RecordedAt:yyyy-MM-dd} for a different event " +
                $"({existing.Kind} {Math.Abs(existing.Amount).ToString(CultureInfo.InvariantCulture)} {existing.Currency} on {existing.Date:yyyy-MM-dd}, agreement {existing.AgreementId}). " +
                "Nothing was written; use a new key for a new event.");
        return new PostResult(ToDto(existing), true);
    }


    public async Task<Paged<EventDto>> EventsAsync(int agreementId, int? page, int? size, CancellationToken ct)
    {
        await AgreementAsync(agreementId, ct);
        var (p, s) = Paging.Normalize(page, size);
        var query = db.RevenueEvents.AsNoTracking().Where(e => e.AgreementId == agreementId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Skip((p - 1) * s).Take(s)
            .ToListAsync(ct);
        return new Paged<EventDto>(rows.Select(e => ToDto(e, e.StatementId)).ToList(), p, s, total);
    }

    // ---------------------------------------------------------------- CSV import

    public static readonly string[] CsvHeaders = ["key", "kind", "amount", "currency", "date", "source", "member"];
    public const int MaxCsvBytes = 20 * 1024 * 1024;
    /// <summary>What the audit log keeps of an import: one entry for the file (its SHA-256, the counts and the key range), not one per event.</summary>
    AuditEntry ImportAudit(Agreement agreement, string text, int rows, IReadOnlyList<string> written, int replays) => new()
    {
        WorkspaceId = agreement.WorkspaceId, At = db.UtcNow, UserId = tenant.UserId, UserName = tenant.UserName,
        EntityType = "RevenueImport", EntityId = agreement.Id.ToString(CultureInfo.InvariantCulture), Action = "Created",
        Summary = $"{written.Count} new events for {agreement.Title}",
        After = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["Agreement"] = agreement.Title, ["Rows"] = rows, ["Written"] = written.Count, ["Replays"] = replays,
            ["FirstKey"] = written.Count > 0 ? written[0] : null, ["LastKey"] = written.Count > 0 ? written[^1] : null,
            ["FileSha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
        }),
    };

    /// <summary>
    /// All or nothing: every row is checked (and compared with recorded keys and earlier rows) before anything is
    /// written. A row repeating a recorded event is a replay (skipped); a reused key with another payload is a row error.
    /// </summary>
    public async Task<ImportRowResult> ImportAsync(int agreementId, Stream stream, CancellationToken ct)
    {
        var agreement = await AgreementAsync(agreementId, ct);
        var terms = await db.RevenueTerms.AsNoTracking().FirstOrDefaultAsync(t => t.AgreementId == agreementId, ct);
        var text = await CsvUpload.ReadUtf8Async(stream, MaxCsvBytes, CsvHeaders, ct);
        var errors = new FieldErrors();
        var rows = RevenueCsv.ParseEvents(text, CsvHeaders, errors);
        var checkedRows = new List<(int Line, CoreEvent Event, RevenueKind Kind)>(rows.Count);
        var rules = EventRules.For(agreement, terms);
        foreach (var (line, input) in rows)
        {
            var (e, rowErrors) = Check(agreement, rules, input);
            foreach (var (field, messages) in rowErrors.ToDictionary())
                foreach (var m in messages) errors.Add($"row {line}", $"{field} {m}");
            if (e is not null) checkedRows.Add((line, e, input.Kind ?? RevenueKind.Sale));
        }
        var keys = checkedRows.Select(r => r.Event.Key).Distinct().ToList();
        var existing = new Dictionary<string, RevenueEntry>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
            foreach (var x in await db.RevenueEvents.AsNoTracking().Where(x => chunk.Contains(x.Key)).ToListAsync(ct))
                existing[x.Key] = x;
        var fresh = new Dictionary<string, (int Line, CoreEvent Event, RevenueKind Kind)>(StringComparer.Ordinal);
        var replays = 0;
        foreach (var row in checkedRows)
        {
            if (existing.TryGetValue(row.Event.Key, out var before))
            {
                if (Idempotency.SamePayload(ToCore(before), row.Event)) replays++;
                else errors.Add($"row {row.Line}", $"key '{row.Event.Key}' was already used for a different event ({before.Kind} {Math.Abs(before.Amount).ToString(CultureInfo.InvariantCulture)} on {before.Date:yyyy-MM-dd}); use a new key.");
            }
            else if (fresh.TryGetValue(row.Event.Key, out var earlier))
            {
                if (Idempotency.SamePayload(earlier.Event, row.Event)) replays++;
                else errors.Add($"row {row.Line}", $"key '{row.Event.Key}' is used by row {earlier.Line} for a different event; each event needs its own key.");
            }
            else fresh[row.Event.Key] = row;
        }
        if (!errors.IsEmpty) throw new ValidationFailed(errors, "The file was not imported: fix the rows below and upload it again. Nothing was written.");
        if (rows.Count == 0) throw ValidationFailed.For("file", "has a header but no rows.");

        await using var tx = await OwnTransactionAsync(ct);
        try
        {
            // One bulk write (binary COPY on PostgreSQL, one prepared insert on SQLite) inside the one transaction, and
            // one audit entry for the file instead of one per event (docs/decisions/0008, addendum on imports): each
            // event row still carries who recorded it, when, and that it came from a CSV file.
            await db.Sql().InsertRevenueEventsAsync(db, fresh.Values.Select(row =>
            {
                var entry = NewEntry(agreement, row.Event, row.Kind, "csv");
                entry.WorkspaceId = agreement.WorkspaceId;
                return entry;
            }), ct);
            db.AuditEntries.Add(ImportAudit(agreement, text, rows.Count, fresh.Values.Select(r => r.Event.Key).ToList(), replays));
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new Conflict("Another upload or post recorded some of these keys at the same moment. Nothing was written; upload the file again (recorded events will count as replays).");
        }
        await tx.CommitAsync(ct);
        return new ImportRowResult(rows.Count, fresh.Count, replays);
    }
}
