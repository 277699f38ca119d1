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

/// <summary>Statements: preview, issue (locked; late events and refunds become adjustments), bulk issue, reads, CSV, earnings.</summary>
public sealed class StatementService(WarmglowDb db, Tenant tenant, RevenueAgreements agreements, Notifications.INotifier notifier)
{
    /// <summary>A transaction of our own, unless the caller (e.g. the demo loader) already runs one.</summary>
    Task<UnitOfWork> OwnTransactionAsync(CancellationToken ct) => db.BeginOrJoinTransactionAsync(ct);

    Task<Agreement> AgreementAsync(int agreementId, CancellationToken ct) => agreements.AgreementAsync(agreementId, ct);
    Task<IReadOnlyList<PartyDto>> PartiesAsync(Agreement agreement, CancellationToken ct) => agreements.PartiesAsync(agreement, ct);

    /// <summary>Tells the partnership's manager and its partners' users, in the issuing transaction (notifications, webhooks).</summary>
    async Task NotifyIssuedAsync(Agreement agreement, RevenueStatement statement, CancellationToken ct)
    {
        var title = $"A revenue statement for {statement.From:yyyy-MM-dd} to {statement.To:yyyy-MM-dd} was issued on {agreement.Title}.";
        var data = new { statementId = statement.Id, agreementId = agreement.Id, from = statement.From, to = statement.To };
        var occasion = $"statement:{statement.Id}:issued";
        await notifier.NotifyPartnershipAsync(new Notifications.Notice("statement.issued", title, occasion)
            { Link = $"/Revenue/Statement/{statement.Id}", PartnershipId = agreement.PartnershipId, Data = data }, Notifications.NoticeAudience.Manager, ct);
        await notifier.NotifyPartnershipAsync(new Notifications.Notice("statement.issued", title, occasion)
            { Link = $"/Portal/Statement/{statement.Id}", PartnershipId = agreement.PartnershipId, Data = data }, Notifications.NoticeAudience.PartnerUsers, ct);
    }

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
        await NotifyIssuedAsync(agreement, statement, ct);
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
    async Task StampEventsAsync(IReadOnlyList<(int StatementId, ComputedStatement C)> issued, DateOnly to, CancellationToken ct)
    {
        if (issued.Count == 0) return;
        var expected = issued.Sum(x => x.C.Lines.Count);
        var stamped = await db.Sql().StampEventsAsync(db, issued.Select(x => (x.StatementId, (IReadOnlyList<int>)x.C.Lines.Select(l => l.Event.Id).ToList())).ToList(), to, ct);
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
        var payment = await db.StatementPayments.AsNoTracking().Where(p => p.StatementId == id)
            .Select(p => new PaymentDto(p.PaidOn, p.Reference, p.RecordedBy, p.RecordedAt)).FirstOrDefaultAsync(ct);
        var ours = await db.Workspaces.AsNoTracking().Where(w => w.Id == st.WorkspaceId).Select(w => w.Name).FirstOrDefaultAsync(ct) ?? "";
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == st.PartnershipId)
            .Select(p => new { p.Name, Partners = db.PartnershipMembers.Where(m => m.PartnershipId == p.Id).OrderByDescending(m => m.IsLead).Select(m => m.Partner!.Name).ToList() })
            .FirstOrDefaultAsync(ct);
        return new StatementDto(st.Id, st.AgreementId, s.Title, st.PartnershipId, st.From, st.To, st.Currency, st.Kind, st.Total, st.Adjustments,
            JsonSerializer.Deserialize<List<StatementParty>>(st.Parties, RevenueTermsService.ModelJson)!, st.LineCount, lines, st.HoldingDays, st.PayableOn, st.IssuedAt, st.IssuedBy,
            payment, new StatementAddressee(ours, partnership?.Name ?? "", partnership?.Partners ?? []));
    }

    /// <summary>
    /// Records that an issued statement was paid: the day (not before it was issued, not in the future) and a reference.
    /// Once only: a second record, or two racing, is refused with the first one's date and reference. The statement
    /// itself stays locked; its partner users are told.
    /// </summary>
    public async Task<StatementDto> MarkPaidAsync(int id, PaymentInput input, CancellationToken ct)
    {
        var statement = await db.RevenueStatements.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.PartnershipId, x.IssuedAt, x.From, x.To, Title = x.Agreement!.Title }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("The statement");
        var today = DateOnly.FromDateTime(db.UtcNow);
        var issuedOn = DateOnly.FromDateTime(statement.IssuedAt);
        var errors = new FieldErrors().Required("reference", input.Reference, 200);
        if (input.PaidOn is not { } paidOn) errors.Add("paidOn", "is required: the day the money was paid.");
        else if (paidOn > today) errors.Add("paidOn", "cannot be in the future.");
        else if (paidOn < issuedOn) errors.Add("paidOn", $"cannot be before the statement was issued ({issuedOn:yyyy-MM-dd}).");
        ValidationFailed.ThrowIfAny(errors);
        await ThrowIfPaidAsync(id, ct);
        await using var tx = await OwnTransactionAsync(ct);
        db.StatementPayments.Add(new StatementPayment
        {
            StatementId = id, PartnershipId = statement.PartnershipId, PaidOn = input.PaidOn!.Value, Reference = input.Reference!.Trim(),
            RecordedBy = tenant.UserName, RecordedAt = db.UtcNow,
        });
        var title = $"The revenue statement for {statement.From:yyyy-MM-dd} to {statement.To:yyyy-MM-dd} on {statement.Title} was paid on {input.PaidOn:yyyy-MM-dd}.";
        await notifier.NotifyPartnershipAsync(new Notifications.Notice("statement.paid", title, $"statement:{id}:paid")
            { Link = $"/Portal/Statement/{id}", PartnershipId = statement.PartnershipId, Data = new { statementId = id, paidOn = input.PaidOn } },
            Notifications.NoticeAudience.PartnerUsers, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            await ThrowIfPaidAsync(id, ct);
            throw;
        }
        return await GetStatementAsync(id, true, ct);
    }

    async Task ThrowIfPaidAsync(int id, CancellationToken ct)
    {
        if (await db.StatementPayments.AsNoTracking().Where(p => p.StatementId == id).FirstOrDefaultAsync(ct) is { } paid)
            throw new Conflict($"This statement was already marked paid on {paid.PaidOn:yyyy-MM-dd} (reference {paid.Reference}).");
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
            .Select(s => new StatementSummary(s.Id, s.AgreementId, s.Agreement!.Title, s.From, s.To, s.Currency, s.Total, s.Adjustments, s.LineCount, s.PayableOn, s.IssuedAt,
                db.StatementPayments.Where(p => p.StatementId == s.Id).Select(p => (DateOnly?)p.PaidOn).FirstOrDefault()))
            .ToPageAsync(page, size, ct);
    }

    /// <summary>A partner user's earnings: its own party's share on each issued statement of its partnerships.</summary>
    public async Task<IReadOnlyList<EarningDto>> EarningsAsync(int partnerId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.RevenueStatements.AsNoTracking().OrderByDescending(s => s.To).Take(200)
            .Select(s => new { s.Id, s.Agreement!.Title, s.From, s.To, s.Currency, s.Parties, s.PayableOn,
                PaidOn = db.StatementPayments.Where(p => p.StatementId == s.Id).Select(p => (DateOnly?)p.PaidOn).FirstOrDefault() }).ToListAsync(ct);
        var party = Parties.Partner(partnerId);
        return rows.Select(r => new EarningDto(r.Id, r.Title, r.From, r.To, r.Currency,
                JsonSerializer.Deserialize<List<StatementParty>>(r.Parties, RevenueTermsService.ModelJson)!.Where(p => p.PartyId == party).Sum(p => p.Share),
                r.PayableOn, r.PaidOn is null && r.PayableOn <= today, r.PaidOn))
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
}
