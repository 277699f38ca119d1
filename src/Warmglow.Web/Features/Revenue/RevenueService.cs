using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Infrastructure;
using CoreEvent = Warmglow.Core.Revenue.RevenueEvent;

namespace Warmglow.Web.Features.Revenue;

/// <summary>
/// The revenue-share ledger (product.md §3, docs/decisions/0008): terms per agreement, idempotent revenue events,
/// statements (preview and issue). The maths is Core.Revenue's; this class loads, checks, persists and audits.
/// </summary>
public sealed class RevenueService(WarmglowDb db, Tenant tenant)
{
    internal static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public const int HoldingDaysMax = 365;

    /// <summary>A transaction of our own, unless the caller (e.g. the demo loader) already runs one.</summary>
    Task<UnitOfWork> OwnTransactionAsync(CancellationToken ct) => db.BeginOrJoinTransactionAsync(ct);

    // ---------------------------------------------------------------- agreements and parties

    internal async Task<Agreement> AgreementAsync(int agreementId, CancellationToken ct) =>
        await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agreementId, ct)
        ?? throw new NotFound("The agreement");

    /// <summary>Our organization ("org") and each member partner of the agreement's partnership ("p{id}"), with display names.</summary>
    public async Task<IReadOnlyList<PartyDto>> PartiesAsync(Agreement agreement, CancellationToken ct)
    {
        var org = await db.Workspaces.Where(w => w.Id == agreement.WorkspaceId).Select(w => w.Name).FirstOrDefaultAsync(ct) ?? "Our organization";
        var members = await db.PartnershipMembers.Where(m => m.PartnershipId == agreement.PartnershipId)
            .OrderByDescending(m => m.IsLead).ThenBy(m => m.PartnerId)
            .Select(m => new { m.PartnerId, m.Partner!.Name }).ToListAsync(ct);
        return [new PartyDto(Parties.Org, org), .. members.Select(m => new PartyDto(Parties.Partner(m.PartnerId), m.Name))];
    }

    // ---------------------------------------------------------------- terms

    public async Task<TermsDto> GetTermsAsync(int agreementId, CancellationToken ct)
    {
        var agreement = await AgreementAsync(agreementId, ct);
        var terms = await db.RevenueTerms.AsNoTracking().FirstOrDefaultAsync(t => t.AgreementId == agreementId, ct);
        return new TermsDto(agreementId, terms?.Kind, terms is null ? null : JsonSerializer.Deserialize<ModelInput>(terms.Model, ModelJson),
            terms?.HoldingDays ?? 0, terms?.Version ?? 0, await PartiesAsync(agreement, ct), agreement.Currency, agreement.StartDate, agreement.EndDate);
    }

    public async Task<TermsDto> SaveTermsAsync(int agreementId, TermsInput input, CancellationToken ct)
    {
        var agreement = await AgreementAsync(agreementId, ct);
        var parties = await PartiesAsync(agreement, ct);
        var errors = new FieldErrors();
        if (input.Kind is not { } kind)
        {
            errors.Add("kind", $"is required: one of {string.Join(", ", Enum.GetNames<ShareModelKind>())}.");
            throw new ValidationFailed(errors);
        }
        if (input.HoldingDays is < 0 or > HoldingDaysMax) errors.Add("holdingDays", $"must be from 0 to {HoldingDaysMax} days (got {input.HoldingDays}).");
        var model = input.Model;
        CheckModel(errors, kind, model, agreement);
        var known = parties.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, id) in PartyFields(kind, model))
            if (!string.IsNullOrWhiteSpace(id) && !known.Contains(id.Trim()))
                errors.Add(field, $"'{id.Trim()}' is not a party of this agreement; use one of {string.Join(", ", parties.Select(p => $"{p.Id} ({p.Name})"))}.");
        ValidationFailed.ThrowIfAny(errors);

        var terms = await db.RevenueTerms.FirstOrDefaultAsync(t => t.AgreementId == agreementId, ct);
        if (terms is null)
        {
            if (input.Version is > 0) throw new Conflict("These revenue terms were deleted or never existed; reload the page.");
            terms = new RevenueTerms { AgreementId = agreementId, Model = "" };
            db.RevenueTerms.Add(terms);
        }
        else
        {
            if (input.Version is null) throw ValidationFailed.For("version", "is required when changing terms: send the version you loaded.");
            db.Entry(terms).Property(t => t.Version).OriginalValue = input.Version.Value;
        }
        terms.Kind = kind;
        terms.Model = JsonSerializer.Serialize(Normalize(kind, model), ModelJson);
        terms.HoldingDays = input.HoldingDays ?? 0;
        await db.SaveChangesAsync(ct);
        return await GetTermsAsync(agreementId, ct);
    }

    /// <summary>Only the parameters of the chosen kind are kept, party ids trimmed.</summary>
    static ModelInput Normalize(ShareModelKind kind, ModelInput m) => kind switch
    {
        ShareModelKind.FixedSplit => new ModelInput(Shares: m.Shares?.Select(s => s with { PartyId = s.PartyId?.Trim() }).ToList()),
        ShareModelKind.CapabilitySplit => new ModelInput(Contributions: m.Contributions?.Select(s => s with { PartyId = s.PartyId?.Trim() }).ToList()),
        ShareModelKind.PhasedSplit => new ModelInput(Phases: m.Phases?.Select(p => p with { Shares = p.Shares?.Select(s => s with { PartyId = s.PartyId?.Trim() }).ToList() }).ToList()),
        ShareModelKind.TieredSplit => new ModelInput(PartnerId: m.PartnerId?.Trim(), OwnerId: m.OwnerId?.Trim(), Tiers: m.Tiers),
        _ => new ModelInput(Members: m.Members?.Select(x => x with { MemberId = x.MemberId?.Trim() }).ToList()),
    };

    static IEnumerable<(string Field, string? Id)> PartyFields(ShareModelKind kind, ModelInput m)
    {
        switch (kind)
        {
            case ShareModelKind.FixedSplit:
                foreach (var (s, i) in (m.Shares ?? []).Select((s, i) => (s, i))) yield return ($"shares[{i}].partyId", s?.PartyId);
                break;
            case ShareModelKind.CapabilitySplit:
                foreach (var (s, i) in (m.Contributions ?? []).Select((s, i) => (s, i))) yield return ($"contributions[{i}].partyId", s?.PartyId);
                break;
            case ShareModelKind.PhasedSplit:
                foreach (var (p, i) in (m.Phases ?? []).Select((p, i) => (p, i)))
                    foreach (var (s, j) in (p?.Shares ?? []).Select((s, j) => (s, j))) yield return ($"phases[{i}].shares[{j}].partyId", s?.PartyId);
                break;
            case ShareModelKind.TieredSplit:
                yield return ("partnerId", m.PartnerId);
                yield return ("ownerId", m.OwnerId);
                break;
            case ShareModelKind.Pool:
                foreach (var (s, i) in (m.Members ?? []).Select((s, i) => (s, i))) yield return ($"members[{i}].memberId", s?.MemberId);
                break;
        }
    }

    static void CheckModel(FieldErrors errors, ShareModelKind kind, ModelInput model, Agreement agreement)
    {
        if (kind == ShareModelKind.Pool)
        {
            var pool = ToPool(model, agreement);
            foreach (var (field, messages) in pool.Validate().ToDictionary())
                if (field is not ("poolId" or "currency" or "end"))
                    foreach (var m in messages) errors.Add(field, m);
            return;
        }
        var share = ToModel(kind, model);
        foreach (var (field, messages) in share.Validate(agreement.StartDate).ToDictionary())
            foreach (var m in messages) errors.Add(field, m);
    }

    internal static ShareModel ToModel(ShareModelKind kind, ModelInput m) => kind switch
    {
        ShareModelKind.FixedSplit => new FixedSplit(Percents(m.Shares)),
        ShareModelKind.CapabilitySplit => new CapabilitySplit(m.Contributions?.Select(c => c is null ? null! : new PartyContribution(c.PartyId!, c.Amount)).ToArray()!),
        ShareModelKind.PhasedSplit => new PhasedSplit(m.Phases?.Select(p => p is null ? null! : new Phase(Percents(p.Shares), p.Year, p.From, p.To)).ToArray()!),
        ShareModelKind.TieredSplit => new TieredSplit(m.PartnerId!, m.OwnerId!, m.Tiers?.Select(t => t is null ? null! : new Tier(t.From, t.Percent)).ToArray()!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A pool is not a per-event split."),
    };

    static PartyPercent[] Percents(List<PartyPercentInput>? shares) =>
        shares?.Select(s => s is null ? null! : new PartyPercent(s.PartyId!, s.Percent)).ToArray()!;

    internal static PoolTerms ToPool(ModelInput m, Agreement a) =>
        new(a.Id.ToString(CultureInfo.InvariantCulture), a.Currency, a.StartDate, a.EndDate,
            m.Members?.Select(x => x is null ? null! : new PoolMember(x.MemberId!, x.ContributionPercent, x.Weight)).ToArray()!);

    // ---------------------------------------------------------------- events

    static CoreEvent ToCore(RevenueEntry e) =>
        new(e.Key, e.Amount, e.Currency, e.Date, e.Source, e.AgreementId.ToString(CultureInfo.InvariantCulture), e.MemberId);

    internal static EventDto ToDto(RevenueEntry e, int? statementId = null) =>
        new(e.Id, e.AgreementId, e.Key, e.Kind, Math.Abs(e.Amount), e.Currency, e.Date, e.Source, e.MemberId, e.Channel, e.RecordedAt, statementId);

    /// <summary>
    /// Checks one input against the agreement (and its terms, when set) and returns the signed Core event;
    /// field names are the input's ("amount", "currency", "date", "source", "key", "memberId").
    /// </summary>
    internal static (CoreEvent? Event, FieldErrors Errors) Check(Agreement agreement, RevenueTerms? terms, EventInput input)
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
        FieldErrors core;
        if (terms?.Kind == ShareModelKind.Pool)
        {
            var model = JsonSerializer.Deserialize<ModelInput>(terms.Model, ModelJson)!;
            core = PoolCalculator.ValidateEvents(ToPool(model, agreement), [e]);
        }
        else
        {
            // Without terms yet, the term and currency rules still apply: check against a placeholder 100% split.
            ShareModel model = terms is null
                ? new FixedSplit([new PartyPercent(Parties.Org, 100)])
                : ToModel(terms.Kind, JsonSerializer.Deserialize<ModelInput>(terms.Model, ModelJson)!);
            core = StatementCalculator.ValidateEvents(new AgreementTerms(e.AgreementId, agreement.Currency, agreement.StartDate, agreement.EndDate, model), [e]);
        }
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
        var checkedRows = new List<(int Line, CoreEvent Event, RevenueKind Kind)>();
        foreach (var (line, input) in rows)
        {
            var (e, rowErrors) = Check(agreement, terms, input);
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
        foreach (var row in fresh.Values) db.RevenueEvents.Add(NewEntry(agreement, row.Event, row.Kind, "csv"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new Conflict("Another upload or post recorded some of these keys at the same moment. Nothing was written; upload the file again (recorded events will count as replays).");
        }
        await tx.CommitAsync(ct);
        return new ImportRowResult(rows.Count, fresh.Count, replays);
    }

    // ---------------------------------------------------------------- statements

    /// <summary>The statement the period would get now; nothing is written.</summary>
    public async Task<StatementDto> PreviewAsync(int agreementId, PeriodInput input, CancellationToken ct)
    {
        var (agreement, terms, period) = await PrepareAsync(agreementId, input, ct);
        var events = await UnstatedAsync(agreementId, period.To, ct);
        var parties = await PartiesAsync(agreement, ct);
        return Compute(agreement, terms, period, events, parties).Dto(null, null, null);
    }

    /// <summary>Issues the period's statement: persists its lines and totals, locked forever, and marks its events as stated.</summary>
    public async Task<StatementDto> IssueAsync(int agreementId, PeriodInput input, CancellationToken ct)
    {
        var (agreement, terms, period) = await PrepareAsync(agreementId, input, ct);
        RequireIssuable(agreement, period);
        await using var tx = await OwnTransactionAsync(ct);
        var events = await UnstatedAsync(agreementId, period.To, ct);
        var parties = await PartiesAsync(agreement, ct);
        var computed = Compute(agreement, terms, period, events, parties);
        var statement = computed.ToEntity(db.UtcNow, tenant.UserName);
        db.RevenueStatements.Add(statement);
        try
        {
            await db.SaveChangesAsync(ct);
            db.RevenueStatementLines.Add(computed.LineSet(statement.Id, computed.EncodeLines()));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await StampEventsAsync([(statement.Id, computed)], period.To, ct);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new Conflict("Someone issued a statement for this agreement at the same moment; reload to see it.");
        }
        await tx.CommitAsync(ct);
        return await GetStatementAsync(statement.Id, true, ct);
    }

    /// <summary>
    /// Marks the new statements' events as stated, set-based, in the caller's transaction. PostgreSQL: one
    /// <c>UPDATE … FROM unnest(event ids, statement ids)</c> by primary key. SQLite (one writer at a time, so nothing can
    /// slip in between the read and this write): each statement takes its agreement's unstated events up to the period's
    /// end, exactly the set it was computed from. Either way only still-unstated events are marked; if fewer rows change
    /// than the statements have lines, another issue got in between and the whole transaction is abandoned.
    /// </summary>
    const int StampSlice = 2000;

    async Task StampEventsAsync(IReadOnlyList<(int StatementId, ComputedStatement C)> issued, DateOnly to, CancellationToken ct)
    {
        if (issued.Count == 0) return;
        var expected = issued.Sum(x => x.C.Lines.Count);
        int stamped;
        if (db.Database.GetDbConnection() is NpgsqlConnection)
        {
            var eventIds = new int[expected];
            var statementIds = new int[expected];
            var n = 0;
            foreach (var (statementId, c) in issued)
                foreach (var l in c.Lines)
                {
                    eventIds[n] = l.Event.Id;
                    statementIds[n++] = statementId;
                }
            // In id order the update walks the table's pages in order instead of hopping between them.
            Array.Sort(eventIds, statementIds);
            // In slices of 2,000 ids (primary-key lookups) rather than one 100,000-id array per batch: 20.7 → 15.3 s for
            // 1,000,000 events in the benchmark.
            stamped = 0;
            for (var at = 0; at < n; at += StampSlice)
            {
                var ids = eventIds[at..Math.Min(n, at + StampSlice)];
                var sids = statementIds[at..Math.Min(n, at + StampSlice)];
                stamped += await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "RevenueEvents" AS e SET "StatementId" = u.s FROM unnest({ids}, {sids}) AS u(id, s) WHERE e."Id" = u.id AND e."StatementId" IS NULL""", ct);
            }
        }
        else
        {
            var ids = string.Join(",", issued.Select(x => x.StatementId.ToString(CultureInfo.InvariantCulture)));
            // Only integers we formatted ourselves are spliced in; the date is a parameter.
#pragma warning disable EF1003
            stamped = await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"RevenueEvents\" AS e SET \"StatementId\" = s.\"Id\" FROM \"RevenueStatements\" AS s " +
                $"WHERE s.\"Id\" IN ({ids}) AND e.\"StatementId\" IS NULL AND e.\"AgreementId\" = s.\"AgreementId\" AND e.\"Date\" <= {{0}}",
                [to], ct);
#pragma warning restore EF1003
        }
        if (stamped != expected)
            throw new Conflict("Some of these events were stated by another issue at the same moment; nothing was issued. Reload and issue again.");
    }

    /// <summary>Seconds this run spent in each phase of <see cref="IssueAllAsync"/> (the benchmark prints them).</summary>
    public sealed record IssuePhases(double ReadEvents, double Compute, double EncodeLines, double SaveStatements, double MarkEventsStated);

    public sealed record BulkIssueResult(int Statements, int Lines, IReadOnlyList<string> Skipped, IssuePhases Phases);

    /// <summary>
    /// Issues the period's statement for every agreement with terms whose last statement ends before the period,
    /// in one transaction and a bounded number of queries: agreements, terms and parties read once; events read
    /// set-based per batch of agreements (ordered by agreement), computed in memory, statements saved per batch,
    /// lines bulk-inserted. An agreement whose terms no longer cover its events is skipped and reported.
    /// </summary>
    public async Task<BulkIssueResult> IssueAllAsync(Period period, int batchSize = 100, CancellationToken ct = default)
    {
        if (period.To < period.From) throw ValidationFailed.For("to", $"must not be before from ({period.From:yyyy-MM-dd}).");
        var today = DateOnly.FromDateTime(db.UtcNow);
        if (period.To > today) throw ValidationFailed.For("to", $"must not be after today ({today:yyyy-MM-dd}): a statement can only be issued for a period that has ended.");
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => db.RevenueTerms.Any(t => t.AgreementId == a.Id))
            .Where(a => a.StartDate <= period.To && (a.EndDate == null || a.EndDate >= period.From)) // only agreements whose term meets the period
            .Where(a => !db.RevenueStatements.Any(s => s.AgreementId == a.Id && s.To >= period.From))
            .OrderBy(a => a.Id).ToListAsync(ct);
        var terms = await db.RevenueTerms.AsNoTracking().ToDictionaryAsync(t => t.AgreementId, ct);
        var workspace = tenant.RequireWorkspace();
        var org = await db.Workspaces.Where(w => w.Id == workspace).Select(w => w.Name).FirstAsync(ct);
        var members = (await db.PartnershipMembers.AsNoTracking()
                .Where(m => db.Agreements.Any(a => a.PartnershipId == m.PartnershipId && db.RevenueTerms.Any(t => t.AgreementId == a.Id)))
                .OrderByDescending(m => m.IsLead).ThenBy(m => m.PartnerId)
                .Select(m => new { m.PartnershipId, m.PartnerId, m.Partner!.Name }).ToListAsync(ct))
            .ToLookup(m => m.PartnershipId);
        var skipped = new List<string>();
        int statements = 0, lineCount = 0;
        var timing = new double[5]; // read events, compute, encode lines, save statements, mark events stated
        await using var tx = await OwnTransactionAsync(ct);
        foreach (var batch in agreements.Chunk(batchSize))
        {
            // Agreements are ordered by id, so a batch is an id range (an index range scan, no IN list).
            var (first, last) = (batch[0].Id, batch[^1].Id);
            var swq = System.Diagnostics.Stopwatch.StartNew();
            var events = (await db.RevenueEvents.AsNoTracking()
                    .Where(e => e.AgreementId >= first && e.AgreementId <= last && e.StatementId == null && e.Date <= period.To)
                    .OrderBy(e => e.AgreementId)
                    // Only what a statement needs: no audit columns to parse.
                    .Select(e => new RevenueEntry { Id = e.Id, AgreementId = e.AgreementId, Key = e.Key, Kind = e.Kind, Amount = e.Amount, Currency = e.Currency, Date = e.Date, Source = e.Source, MemberId = e.MemberId, Channel = "" })
                    .ToListAsync(ct))
                .ToLookup(e => e.AgreementId);
            timing[0] += swq.Elapsed.TotalSeconds; swq.Restart();
            var computed = new List<(ComputedStatement C, RevenueStatement S)>();
            foreach (var a in batch)
            {
                IReadOnlyList<PartyDto> parties = [new PartyDto(Parties.Org, org), .. members[a.PartnershipId].Select(m => new PartyDto(Parties.Partner(m.PartnerId), m.Name))];
                try
                {
                    var c = Compute(a, terms[a.Id], period, events[a.Id].ToList(), parties);
                    computed.Add((c, c.ToEntity(db.UtcNow, tenant.UserName)));
                }
                catch (ValidationFailed v)
                {
                    skipped.Add($"{a.Title} (#{a.Id}): {v.Errors}");
                }
            }
            timing[1] += swq.Elapsed.TotalSeconds; swq.Restart();
            var encoded = computed.Select(x => x.C.EncodeLines()).ToList();
            timing[2] += swq.Elapsed.TotalSeconds; swq.Restart();
            db.RevenueStatements.AddRange(computed.Select(x => x.S));
            await db.SaveChangesAsync(ct);
            db.RevenueStatementLines.AddRange(computed.Select((x, i) => x.C.LineSet(x.S.Id, encoded[i])));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            timing[3] += swq.Elapsed.TotalSeconds; swq.Restart();
            var lines = computed.Sum(x => x.C.Lines.Count);
            await StampEventsAsync(computed.Select(x => (x.S.Id, x.C)).ToList(), period.To, ct);
            timing[4] += swq.Elapsed.TotalSeconds;
            statements += computed.Count;
            lineCount += lines;
        }
        await tx.CommitAsync(ct);
        return new BulkIssueResult(statements, lineCount, skipped, new IssuePhases(timing[0], timing[1], timing[2], timing[3], timing[4]));
    }

    /// <summary>
    /// Issuing locks the period and sweeps every unstated event up to its end into it, so it may only cover days
    /// that have happened (today by the app's clock) and must meet the agreement's term. Previews may look ahead.
    /// </summary>
    void RequireIssuable(Agreement agreement, Period period)
    {
        var today = DateOnly.FromDateTime(db.UtcNow);
        if (period.To > today)
            throw ValidationFailed.For("to", $"must not be after today ({today:yyyy-MM-dd}): a statement can only be issued for a period that has ended or ends today. Preview it to look ahead.");
        if (period.To < agreement.StartDate)
            throw ValidationFailed.For("to", $"must not be before the agreement starts ({agreement.StartDate:yyyy-MM-dd}): the period lies outside the agreement's term.");
        if (agreement.EndDate is { } end && period.From > end)
            throw ValidationFailed.For("from", $"must not be after the agreement ends ({end:yyyy-MM-dd}): the period lies outside the agreement's term.");
    }

    async Task<(Agreement, RevenueTerms, Period)> PrepareAsync(int agreementId, PeriodInput input, CancellationToken ct)
    {
        var agreement = await AgreementAsync(agreementId, ct);
        var errors = new FieldErrors();
        if (input.From is null) errors.Add("from", "is required (yyyy-MM-dd): the period's first day.");
        if (input.To is null) errors.Add("to", "is required (yyyy-MM-dd): the period's last day.");
        ValidationFailed.ThrowIfAny(errors);
        var period = new Period(input.From!.Value, input.To!.Value);
        if (period.To < period.From) throw ValidationFailed.For("to", $"must not be before from ({period.From:yyyy-MM-dd}).");
        var terms = await db.RevenueTerms.AsNoTracking().FirstOrDefaultAsync(t => t.AgreementId == agreementId, ct)
            ?? throw new Conflict("This agreement has no revenue terms yet; set them before previewing or issuing a statement.");
        var lastIssued = await db.RevenueStatements.Where(s => s.AgreementId == agreementId).MaxAsync(s => (DateOnly?)s.To, ct);
        if (lastIssued is { } last && period.From <= last)
            throw ValidationFailed.For("from", $"must be after {last:yyyy-MM-dd}, the end of the last issued statement: issued periods are locked; late events become adjustments in the next one.");
        return (agreement, terms, period);
    }

    /// <summary>The agreement's events not on any statement yet, dated up to the period's end (earlier ones are adjustments).</summary>
    Task<List<RevenueEntry>> UnstatedAsync(int agreementId, DateOnly to, CancellationToken ct) =>
        db.RevenueEvents.AsNoTracking()
            .Where(e => e.StatementId == null && e.AgreementId == agreementId && e.Date <= to)
            .ToListAsync(ct);

    internal static ComputedStatement Compute(Agreement agreement, RevenueTerms terms, Period period, IReadOnlyList<RevenueEntry> entries, IReadOnlyList<PartyDto> parties) =>
        ComputedStatement.Compute(agreement, terms, period, entries, parties);

    public async Task<StatementDto> GetStatementAsync(int id, bool withLines, CancellationToken ct)
    {
        var s = await db.RevenueStatements.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x, Title = x.Agreement!.Title }).FirstOrDefaultAsync(ct) ?? throw new NotFound("The statement");
        List<StatementLineDto>? lines = null;
        if (withLines)
        {
            var data = await db.RevenueStatementLines.AsNoTracking().Where(l => l.StatementId == id).Select(l => l.Data).FirstOrDefaultAsync(ct);
            lines = data is null ? [] : StatementLineCodec.Decode(data);
        }
        var st = s.x;
        return new StatementDto(st.Id, st.AgreementId, s.Title, st.PartnershipId, st.From, st.To, st.Currency, st.Kind, st.Total, st.Adjustments,
            JsonSerializer.Deserialize<List<StatementParty>>(st.Parties, ModelJson)!, st.LineCount, lines, st.HoldingDays, st.PayableOn, st.IssuedAt, st.IssuedBy);
    }

    /// <summary>Issued statements are locked forever; every attempt to change or delete one is refused.</summary>
    public async Task RefuseChangeAsync(int id, CancellationToken ct)
    {
        if (!await db.RevenueStatements.AnyAsync(s => s.Id == id, ct)) throw new NotFound("The statement");
        throw new Conflict("An issued statement is locked forever and cannot be changed or deleted. Record a correcting event or refund: it appears as an adjustment line in the next statement.");
    }

    public async Task<Paged<StatementSummary>> StatementsAsync(int? agreementId, int? page, int? size, CancellationToken ct)
    {
        if (agreementId is { } id) await AgreementAsync(id, ct);
        var query = db.RevenueStatements.AsNoTracking().Where(s => agreementId == null || s.AgreementId == agreementId);
        return await query.OrderByDescending(s => s.To).ThenByDescending(s => s.Id)
            .Select(s => new StatementSummary(s.Id, s.AgreementId, s.Agreement!.Title, s.From, s.To, s.Currency, s.Total, s.Adjustments, s.LineCount, s.PayableOn, s.IssuedAt))
            .ToPageAsync(page, size, ct);
    }

    /// <summary>A partner user's earnings: its own party's share on each issued statement of its partnerships.</summary>
    public async Task<IReadOnlyList<EarningDto>> EarningsAsync(int partnerId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.RevenueStatements.AsNoTracking().OrderByDescending(s => s.To).Take(200)
            .Select(s => new { s.Id, s.Agreement!.Title, s.From, s.To, s.Currency, s.Parties, s.PayableOn }).ToListAsync(ct);
        var party = Parties.Partner(partnerId);
        return rows.Select(r => new EarningDto(r.Id, r.Title, r.From, r.To, r.Currency,
                JsonSerializer.Deserialize<List<StatementParty>>(r.Parties, ModelJson)!.Where(p => p.PartyId == party).Sum(p => p.Share),
                r.PayableOn, r.PayableOn <= today))
            .ToList();
    }

    public async Task<byte[]> StatementCsvAsync(int id, CancellationToken ct)
    {
        var s = await GetStatementAsync(id, true, ct);
        var sb = new System.Text.StringBuilder();
        Core.Csv.Csv.WriteRecord(sb, ["date", "key", "source", "member", "amount", "adjustment", .. s.Parties.Select(p => $"{p.Name} ({p.PartyId})")]);
        var minor = Currency.Find(s.Currency)?.MinorUnits ?? 2;
        string F(decimal d) => Money.Format(d, minor);
        foreach (var l in s.Lines!)
            Core.Csv.Csv.WriteRecord(sb, [l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Key, l.Source, l.MemberId, F(l.Amount), l.Adjustment ? "yes" : "no", .. l.Shares.Select(F)]);
        Core.Csv.Csv.WriteRecord(sb, ["total", "", "", "", F(s.Total), "", .. s.Parties.Select(p => F(p.Share))]);
        return new System.Text.UTF8Encoding(false).GetBytes(sb.ToString());
    }

    // ---------------------------------------------------------------- overview

    public async Task<Paged<AgreementRevenueRow>> OverviewAsync(Period period, int? page, int? size, CancellationToken ct)
    {
        var query = db.Agreements.AsNoTracking()
            .Where(a => db.RevenueTerms.Any(t => t.AgreementId == a.Id) || db.RevenueEvents.Any(e => e.AgreementId == a.Id))
            .OrderBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new AgreementRevenueRow(a.Id, a.Title, a.PartnershipId, a.Partnership!.Name, a.Currency,
                db.RevenueTerms.Where(t => t.AgreementId == a.Id).Select(t => (ShareModelKind?)t.Kind).FirstOrDefault(),
                db.RevenueEvents.Where(e => e.AgreementId == a.Id && e.Date >= period.From && e.Date <= period.To).Sum(e => e.Amount),
                db.RevenueEvents.Count(e => e.AgreementId == a.Id && e.Date >= period.From && e.Date <= period.To),
                db.RevenueStatements.Count(s => s.AgreementId == a.Id)));
        return await query.ToPageAsync(page, size, ct);
    }

    public async Task<Paged<EventDto>> RecentEventsAsync(int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Paging.Normalize(page, size);
        var total = await db.RevenueEvents.CountAsync(ct);
        var items = await db.RevenueEvents.AsNoTracking().OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Paged<EventDto>(items.Select(e => ToDto(e)).ToList(), p, s, total);
    }
}
