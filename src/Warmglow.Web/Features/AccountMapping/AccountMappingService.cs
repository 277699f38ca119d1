using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Csv;
using Warmglow.Core.Mapping;
using Warmglow.Core.Matching;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.AccountMapping;

/// <summary>Who is asking: a partner user (their side is the partner's) or our staff (ours; only managers write).</summary>
public sealed record MappingCaller(bool IsPartner, bool CanManage)
{
    /// <summary>For loads without a signed-in partner user (the demo): the partner a partner-side upload is for.</summary>
    public int? ActingPartnerId { get; init; }

    public MappingSide Side => IsPartner ? MappingSide.Partner : MappingSide.Ours;

    public static MappingCaller From(ClaimsPrincipal user) =>
        new(user.IsInRole(Roles.Partner), user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager));
}

/// <summary>An upload: the population's name and kind, and for files that are neither Salesforce nor HubSpot exports, which column holds which field.</summary>
public sealed record UploadInput(string? Name, string? Kind, string? NameColumn = null, string? WebsiteColumn = null, string? CountryColumn = null,
    string? TypeColumn = null, string? OwnerColumn = null, int? Version = null)
{
    public IReadOnlyDictionary<PopulationField, string>? Mapping
    {
        get
        {
            var m = new Dictionary<PopulationField, string>();
            void Add(PopulationField f, string? c) { if (!string.IsNullOrWhiteSpace(c)) m[f] = c; }
            Add(PopulationField.Name, NameColumn); Add(PopulationField.Website, WebsiteColumn); Add(PopulationField.Country, CountryColumn);
            Add(PopulationField.Type, TypeColumn); Add(PopulationField.Owner, OwnerColumn);
            return m.Count == 0 ? null : m;
        }
    }
}

public sealed record PreviewRow(int Line, string? Name, string? Website, string? Domain, string? Country, string? CountryKey, string MatchesBy);

public sealed record DuplicateDto(int Line, int MergedInto, string Key);

/// <summary>What an upload would import: the format recognized, the first rows and how their domains normalize, duplicates and errors.</summary>
public sealed record PreviewDto(string Format, IReadOnlyList<string> Columns, IReadOnlyList<PreviewRow> FirstRows, int Rows, int Records,
    int DuplicateRows, IReadOnlyList<DuplicateDto> Duplicates, IDictionary<string, string[]> Errors);

public sealed record PopulationDto(int Id, int PartnershipId, MappingSide Side, string SideName, string Name, PopulationKind Kind, string KindName,
    string Format, int RecordCount, int DuplicatesMerged, DateTime? ImportedAt, string? ImportedBy, bool Own, int Version);

public sealed record MatrixCell(int OurPopulationId, int PartnerPopulationId, long? Accounts, long? NameOnly, bool CanOpen);

/// <summary>Our populations (rows) × the partner's (columns); a cell's count is null where a rule hides it.</summary>
public sealed record MatrixDto(int PartnershipId, string PartnershipName, IReadOnlyList<PopulationDto> Ours, IReadOnlyList<PopulationDto> Partners,
    IReadOnlyList<MatrixCell> Cells)
{
    public MatrixCell? Cell(int ours, int theirs) => Cells.FirstOrDefault(c => c.OurPopulationId == ours && c.PartnerPopulationId == theirs);
}

public sealed record RecordDto(long Id, int Line, string? Name, string? Website, string? Domain, string? Country, string? Type, string? Owner);

/// <summary>One overlapping account: our record and the partner's (null where the caller may not see that side), and why they matched.</summary>
public sealed record OverlapRow(RecordDto? Ours, RecordDto? Partners, string Strength, bool Weak, string Explanation);

public sealed record RuleInput(int? OurPopulationId, int? PartnerPopulationId, string? Level);

public sealed record RuleDto(int Id, MappingSide Side, int OurPopulationId, int PartnerPopulationId, SharingLevel Level, string LevelName, int Version);

public sealed record PartnershipOverlap(int PartnershipId, string PartnershipName, int OurPopulations, int PartnerPopulations, long? SharedAccounts,
    string? TopPair);

/// <summary>
/// Account mapping: populations from CRM exports (streamed, all or nothing), the overlap matrix (a join on the stored
/// keys, in the database), sharing rules (both sides') and what each side may open.
/// </summary>
public sealed class AccountMappingService(WarmglowDb db)
{
    public const int PreviewRows = 10, MaxRowErrors = PopulationCsv.MaxRowErrors, MaxDuplicatesListed = 20, MaxExportRows = 100_000;

    // --- populations ---------------------------------------------------------------------------------

    async Task<(int Id, string Name)> PartnershipAsync(int partnershipId, CancellationToken ct)
    {
        // The partner filter admits only partnerships the partner user is a member of: others are not found.
        var p = await db.Partnerships.AsNoTracking().Where(x => x.Id == partnershipId).Select(x => new { x.Id, x.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("The partnership");
        return (p.Id, p.Name);
    }

    /// <summary>Every population of the partnership, both sides (partner callers: the partner filter is lifted here and the rules decide).</summary>
    async Task<List<Population>> AllPopulationsAsync(int partnershipId, CancellationToken ct) =>
        await db.Populations.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId).OrderBy(p => p.Name).ToListAsync(ct);

    async Task<List<SharingRuleKey>> RuleKeysAsync(int partnershipId, CancellationToken ct) =>
        (await db.SharingRules.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking().Where(r => r.PartnershipId == partnershipId)
            .Select(r => new { r.Side, r.OurPopulationId, r.PartnerPopulationId, r.Level }).ToListAsync(ct))
        .Select(r => new SharingRuleKey(r.Side, r.OurPopulationId, r.PartnerPopulationId, r.Level)).ToList();

    bool IsOwn(Population p, MappingCaller caller) =>
        caller.IsPartner ? p.Side == MappingSide.Partner && p.PartnerId == (caller.ActingPartnerId ?? db.Tenant.PartnerId) : p.Side == MappingSide.Ours;

    PopulationDto Dto(Population p, MappingCaller caller) => new(p.Id, p.PartnershipId, p.Side, p.Side == MappingSide.Ours ? "Ours" : "The partner's",
        p.Name, p.Kind, SharingRules.Describe(p.Kind), PopulationColumns.Describe(p.Format), p.RecordCount, p.DuplicatesMerged, p.ImportedAt,
        IsOwn(p, caller) ? p.ImportedByName : null, IsOwn(p, caller), p.Version);

    /// <summary>A population the caller owns (and may replace or delete); others are not found.</summary>
    async Task<Population> OwnPopulationAsync(int id, MappingCaller caller, CancellationToken ct)
    {
        var p = await db.Populations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("The population");
        if (!IsOwn(p, caller)) throw new NotFound("The population");
        if (!caller.IsPartner && !caller.CanManage) throw new Forbidden("Only managers change our populations.");
        return p;
    }

    static PopulationKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant().Replace(" ", "").Replace("_", "") switch
    {
        "customers" or "customer" => PopulationKind.Customers,
        "openopportunities" or "opportunities" => PopulationKind.OpenOpportunities,
        "prospects" or "prospect" => PopulationKind.Prospects,
        "custom" => PopulationKind.Custom,
        _ => null,
    };

    /// <summary>Reads <paramref name="file"/> as the upload would, writing nothing: the first rows, how domains normalize, duplicates and errors.</summary>
    public async Task<PreviewDto> PreviewAsync(int partnershipId, Stream file, UploadInput input, CancellationToken ct = default)
    {
        await PartnershipAsync(partnershipId, ct);
        return (await ReadAsync(file, input.Mapping, null, ct)).Preview;
    }

    /// <summary>A new population of the caller's side, from <paramref name="file"/>, all or nothing.</summary>
    public async Task<PopulationDto> CreateAsync(int partnershipId, Stream file, UploadInput input, MappingCaller caller, CancellationToken ct = default)
    {
        if (!caller.IsPartner && !caller.CanManage) throw new Forbidden("Only managers upload our populations.");
        await PartnershipAsync(partnershipId, ct);
        var errors = new FieldErrors();
        var name = errors.RequiredName(input.Name);
        var kind = ParseKind(input.Kind);
        if (kind is null) errors.Add("kind", "is required: customers, open opportunities, prospects or custom.");
        if (name is not null && await db.Populations.IgnoreQueryFilters([WarmglowDb.Filters.Partner])
                .AnyAsync(p => p.PartnershipId == partnershipId && p.Side == caller.Side && p.Name == name, ct))
            errors.Add("name", $"\"{name}\" is already used by another population of this side. Choose another name, or upload to that population to replace it.");
        ValidationFailed.ThrowIfAny(errors);

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var population = new Population
        {
            PartnershipId = partnershipId, Side = caller.Side, PartnerId = caller.IsPartner ? caller.ActingPartnerId ?? db.Tenant.PartnerId : null, Name = name!, Kind = kind!.Value,
        };
        db.Populations.Add(population);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw ValidationFailed.For("name", $"\"{name}\" is already used by another population of this side.");
        }
        await ImportIntoAsync(population, file, input.Mapping, ct);
        await tx.CommitAsync(ct);
        return Dto(population, caller);
    }

    /// <summary>Replaces a population's records from a new upload; the old records stay until the new file is fully validated.</summary>
    public async Task<PopulationDto> ReplaceAsync(int id, Stream file, UploadInput input, MappingCaller caller, CancellationToken ct = default)
    {
        var population = await OwnPopulationAsync(id, caller, ct);
        if (input.Version is { } v) PartnerService.ExpectVersion(db, population, v);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.PopulationRecords.Where(r => r.PopulationId == id).ExecuteDeleteAsync(ct);
        await ImportIntoAsync(population, file, input.Mapping, ct);
        await tx.CommitAsync(ct);
        return Dto(population, caller);
    }

    public async Task DeleteAsync(int id, MappingCaller caller, CancellationToken ct = default)
    {
        var population = await OwnPopulationAsync(id, caller, ct);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var rules = await db.SharingRules.IgnoreQueryFilters([WarmglowDb.Filters.Partner])
            .Where(r => r.PartnershipId == population.PartnershipId && (r.OurPopulationId == id || r.PartnerPopulationId == id)).ToListAsync(ct);
        db.SharingRules.RemoveRange(rules);
        db.Populations.Remove(population);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    async Task ImportIntoAsync(Population population, Stream file, IReadOnlyDictionary<PopulationField, string>? mapping, CancellationToken ct)
    {
        var (result, format) = await ReadAsync(file, mapping, population, ct);
        if (result.Errors.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var (k, ms) in result.Errors) foreach (var m in ms) errors.Add(k, m);
            throw new ValidationFailed(errors, "The file was not imported: fix these rows and upload it again. Nothing was changed.");
        }
        population.Format = format;
        population.RecordCount = result.Records;
        population.DuplicatesMerged = result.DuplicateRows;
        population.ImportedAt = db.UtcNow;
        population.ImportedByName = db.Tenant.UserName;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Streams the file once: header, column map, each row's rules and keys, duplicates merged by key (the first row is
    /// kept). With a <paramref name="into"/> population, valid records are written as they are read until the first error.
    /// </summary>
    async Task<(PreviewDto Preview, ExportFormat Format)> ReadAsync(Stream file, IReadOnlyDictionary<PopulationField, string>? mapping, Population? into, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = new List<PreviewRow>();
        var duplicates = new List<DuplicateDto>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var dupes = 0;
        PopulationCsv? csv = null;
        RecordWriter? writer = null;
        try
        {
            using var text = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 64 * 1024);
            csv = await PopulationCsv.OpenAsync(text, mapping, errors) ?? throw new ValidationFailed(errors);
            if (into is not null) writer = await RecordWriter.OpenAsync(db, ct);
            await foreach (var row in csv.RowsAsync().WithCancellation(ct))
            {
                if (seen.TryGetValue(row.MergeKey, out var firstLine))
                {
                    dupes++;
                    if (duplicates.Count < MaxDuplicatesListed) duplicates.Add(new(row.Line, firstLine, row.Key.Domain ?? $"{row.Key.NameKey} ({row.Key.Country ?? "no country"})"));
                    continue;
                }
                seen[row.MergeKey] = row.Line;
                if (first.Count < PreviewRows)
                    first.Add(new(row.Line, row.Name, row.Website, row.Key.Domain, row.Country, row.Key.Country,
                        row.Key.Domain is not null ? "web domain" : row.Key.Country is not null ? "name and country (weaker)" : "nothing: no domain and no country"));
                if (writer is not null && errors.IsEmpty)
                    await writer.WriteAsync(new PopulationRecord
                    {
                        WorkspaceId = into!.WorkspaceId, PopulationId = into.Id, PartnerId = into.PartnerId, Line = row.Line, Name = row.Name, Website = row.Website,
                        Country = row.Country, Type = row.Type, Owner = row.Owner, Domain = row.Key.Domain, NameKey = row.Key.NameKey, CountryKey = row.Key.Country,
                    }, ct);
            }
            if (writer is not null && errors.IsEmpty && seen.Count > 0) await writer.CompleteAsync(ct);
        }
        catch (DecoderFallbackException e)
        {
            throw ValidationFailed.For("file", $"is not valid UTF-8 (bad byte at position {e.Index}). Save it as 'CSV UTF-8' and upload again.");
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync();
        }
        csv!.Finish();
        if (csv.Rows > 0 && seen.Count == 0 && errors.IsEmpty) errors.Add("file", "has no row we could read.");
        return (new PreviewDto(PopulationColumns.Describe(csv.Map.Format), csv.Columns, first, csv.Rows, seen.Count, dupes, duplicates, errors.ToDictionary()), csv.Map.Format);
    }

    public async Task<IReadOnlyList<PopulationDto>> PopulationsAsync(int partnershipId, MappingCaller caller, CancellationToken ct = default)
    {
        var m = await MatrixAsync(partnershipId, caller, ct);
        return [.. m.Ours, .. m.Partners];
    }

    // --- the matrix ----------------------------------------------------------------------------------

    sealed record CellRow(int Ours, int Theirs, long Accounts, long NameOnly);

    static string Ids(IEnumerable<int> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The overlap of every pair in one query: a join on the stored domain, and on name and country where either side has
    /// no domain; each cell counts our distinct accounts. Only integers we formatted are spliced into the SQL.
    /// </summary>
    async Task<List<CellRow>> CountAsync(IReadOnlyList<int> ours, IReadOnlyList<int> theirs, CancellationToken ct)
    {
        if (ours.Count == 0 || theirs.Count == 0) return [];
        var o = Ids(ours);
        var t = Ids(theirs);
#pragma warning disable EF1002
        return await db.Database.SqlQueryRaw<CellRow>($"""
            SELECT m.o AS "Ours", m.t AS "Theirs", COUNT(DISTINCT m.a) AS "Accounts", COUNT(DISTINCT CASE WHEN m.s = 0 THEN m.a END) AS "NameOnly"
            FROM (
              SELECT a."PopulationId" AS o, b."PopulationId" AS t, a."Id" AS a, 1 AS s
              FROM "PopulationRecords" a JOIN "PopulationRecords" b ON b."Domain" = a."Domain"
              WHERE a."PopulationId" IN ({o}) AND b."PopulationId" IN ({t})
              UNION ALL
              SELECT a."PopulationId", b."PopulationId", a."Id", 0
              FROM "PopulationRecords" a JOIN "PopulationRecords" b ON b."NameKey" = a."NameKey" AND b."CountryKey" = a."CountryKey"
              WHERE a."PopulationId" IN ({o}) AND b."PopulationId" IN ({t}) AND (a."Domain" IS NULL OR b."Domain" IS NULL) AND a."NameKey" <> ''
            ) m
            GROUP BY m.o, m.t
            """).ToListAsync(ct);
#pragma warning restore EF1002
    }

    /// <summary>The matrix as the caller may see it: pairs both sides hide nothing of, counts; populations of the other side only where a cell shows.</summary>
    public async Task<MatrixDto> MatrixAsync(int partnershipId, MappingCaller caller, CancellationToken ct = default)
    {
        var (_, name) = await PartnershipAsync(partnershipId, ct);
        var all = await AllPopulationsAsync(partnershipId, ct);
        var rules = await RuleKeysAsync(partnershipId, ct);
        // A partner user sees their own partner's populations on the partner side, never another member partner's.
        var ours = all.Where(p => p.Side == MappingSide.Ours).ToList();
        var partners = all.Where(p => p.Side == MappingSide.Partner && (!caller.IsPartner || p.PartnerId == (caller.ActingPartnerId ?? db.Tenant.PartnerId))).ToList();
        var access = (from o in ours from t in partners select (o, t, a: SharingRules.Access(rules, caller.Side, o.Id, t.Id))).ToList();
        var visible = access.Where(x => x.a.Count).ToList();
        var counts = (await CountAsync(visible.Select(x => x.o.Id).Distinct().ToList(), visible.Select(x => x.t.Id).Distinct().ToList(), ct))
            .ToDictionary(c => (c.Ours, c.Theirs));
        var cells = access.Select(x =>
        {
            if (!x.a.Count) return new MatrixCell(x.o.Id, x.t.Id, null, null, false);
            var c = counts.GetValueOrDefault((x.o.Id, x.t.Id));
            return new MatrixCell(x.o.Id, x.t.Id, c?.Accounts ?? 0, c?.NameOnly ?? 0, x.a.OtherSideRecords && (c?.Accounts ?? 0) > 0);
        }).ToList();
        // The other side's populations show only where one of their cells does (hidden pairs reveal nothing, names included).
        bool Shown(Population p) => IsOwn(p, caller) || (!caller.IsPartner && p.Side == MappingSide.Ours) ||
            cells.Any(c => (c.OurPopulationId == p.Id || c.PartnerPopulationId == p.Id) && c.Accounts is not null);
        var shownOurs = ours.Where(Shown).ToList();
        var shownPartners = partners.Where(Shown).ToList();
        cells = cells.Where(c => shownOurs.Any(p => p.Id == c.OurPopulationId) && shownPartners.Any(p => p.Id == c.PartnerPopulationId)).ToList();
        return new MatrixDto(partnershipId, name, shownOurs.Select(p => Dto(p, caller)).ToList(), shownPartners.Select(p => Dto(p, caller)).ToList(), cells);
    }

    /// <summary>Across partners (staff): per partnership, our accounts that overlap any visible partner population, most first.</summary>
    public async Task<Paged<PartnershipOverlap>> WorkspaceAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var caller = new MappingCaller(false, false);
        var ids = await db.Populations.AsNoTracking().Select(p => p.PartnershipId).Distinct().ToListAsync(ct);
        var rows = new List<PartnershipOverlap>();
        foreach (var id in ids)
        {
            var m = await MatrixAsync(id, caller, ct);
            var top = m.Cells.Where(c => c.Accounts > 0).MaxBy(c => c.Accounts);
            var shared = m.Cells.Any(c => c.Accounts is not null)
                ? await SharedAccountsAsync(m.Cells.Where(c => c.Accounts is not null).ToList(), ct) : (long?)null;
            rows.Add(new(id, m.PartnershipName, m.Ours.Count, m.Partners.Count, shared,
                top is null ? null : $"{m.Ours.First(p => p.Id == top.OurPopulationId).Name} × {m.Partners.First(p => p.Id == top.PartnerPopulationId).Name}: {top.Accounts}"));
        }
        var (p, s) = Paging.Normalize(page, pageSize);
        var ordered = rows.OrderByDescending(r => r.SharedAccounts ?? -1).ThenBy(r => r.PartnershipName).ToList();
        return new Paged<PartnershipOverlap>(ordered.Skip((p - 1) * s).Take(s).ToList(), p, s, ordered.Count);
    }

    /// <summary>Our distinct accounts that overlap any of the cells' partner populations (an account in two cells counts once).</summary>
    async Task<long> SharedAccountsAsync(IReadOnlyList<MatrixCell> cells, CancellationToken ct)
    {
        long total = 0;
        foreach (var group in cells.GroupBy(c => c.OurPopulationId))
        {
            var t = Ids(group.Select(c => c.PartnerPopulationId));
#pragma warning disable EF1002
            total += await db.Database.SqlQueryRaw<long>($"""
                SELECT COUNT(*) AS "Value" FROM "PopulationRecords" a WHERE a."PopulationId" = {group.Key.ToString(CultureInfo.InvariantCulture)} AND EXISTS (
                  SELECT 1 FROM "PopulationRecords" b WHERE b."PopulationId" IN ({t}) AND (b."Domain" = a."Domain"
                    OR ((a."Domain" IS NULL OR b."Domain" IS NULL) AND a."NameKey" <> '' AND b."NameKey" = a."NameKey" AND b."CountryKey" = a."CountryKey")))
                """).SingleAsync(ct);
#pragma warning restore EF1002
        }
        return total;
    }

    // --- opening a cell ------------------------------------------------------------------------------

    sealed record PairRow(long A, long B, int S);

    /// <summary>The overlapping accounts of one cell, a page at a time, each with why it matched; refused unless the other side shares its overlap.</summary>
    public async Task<Paged<OverlapRow>> OverlapAsync(int partnershipId, int ourPopulationId, int partnerPopulationId, int? page, int? pageSize,
        MappingCaller caller, CancellationToken ct = default)
    {
        var (o, t) = await OpenableAsync(partnershipId, ourPopulationId, partnerPopulationId, caller, ct);
        var (p, s) = Paging.Normalize(page, pageSize);
        var (total, pairs) = await PairsAsync(o.Id, t.Id, (p - 1) * s, s, ct);
        return new Paged<OverlapRow>(await RowsAsync(pairs, ct), p, s, (int)total);
    }

    /// <summary>The cell's overlapping accounts as CSV (formulas neutralized), up to <see cref="MaxExportRows"/>, with the same rules as opening it.</summary>
    public async Task<string> ExportOverlapCsvAsync(int partnershipId, int ourPopulationId, int partnerPopulationId, MappingCaller caller, CancellationToken ct = default)
    {
        var (o, t) = await OpenableAsync(partnershipId, ourPopulationId, partnerPopulationId, caller, ct);
        var (_, pairs) = await PairsAsync(o.Id, t.Id, 0, MaxExportRows, ct);
        var rows = await RowsAsync(pairs, ct);
        var sb = new StringBuilder();
        Csv.WriteRecord(sb, ["Our account", "Our website", "Our country", "Partner account", "Partner website", "Partner country", "Match", "Why"]);
        foreach (var r in rows)
            Csv.WriteRecord(sb, [r.Ours?.Name, r.Ours?.Website, r.Ours?.Country, r.Partners?.Name, r.Partners?.Website, r.Partners?.Country, r.Strength, r.Explanation]);
        return sb.ToString();
    }

    async Task<(Population Ours, Population Theirs)> OpenableAsync(int partnershipId, int ourPopulationId, int partnerPopulationId, MappingCaller caller, CancellationToken ct)
    {
        var m = await MatrixAsync(partnershipId, caller, ct);
        // Unknown ids, ids of another partnership or another member's populations are not found, like pairs a rule hides.
        var cell = m.Cell(ourPopulationId, partnerPopulationId);
        if (cell?.Accounts is null) throw new NotFound("The overlap");
        var rules = await RuleKeysAsync(partnershipId, ct);
        if (!SharingRules.Access(rules, caller.Side, ourPopulationId, partnerPopulationId).OtherSideRecords)
            throw new Forbidden(caller.IsPartner ? "We share only the count of this overlap, not the accounts."
                : "The partner shares only the count of this overlap, not the accounts.");
        var all = await AllPopulationsAsync(partnershipId, ct);
        return (all.Single(p => p.Id == ourPopulationId), all.Single(p => p.Id == partnerPopulationId));
    }

    /// <summary>The matching record pairs (each of our records once, with its strongest match), ordered by our record, one page.</summary>
    async Task<(long Total, List<PairRow> Pairs)> PairsAsync(int ours, int theirs, int skip, int take, CancellationToken ct)
    {
        var o = ours.ToString(CultureInfo.InvariantCulture);
        var t = theirs.ToString(CultureInfo.InvariantCulture);
        var pairs = $"""
            SELECT a."Id" AS "A", MIN(b."Id") AS "B", 1 AS "S" FROM "PopulationRecords" a JOIN "PopulationRecords" b ON b."Domain" = a."Domain"
            WHERE a."PopulationId" = {o} AND b."PopulationId" = {t} GROUP BY a."Id"
            UNION ALL
            SELECT a."Id", MIN(b."Id"), 0 FROM "PopulationRecords" a JOIN "PopulationRecords" b ON b."NameKey" = a."NameKey" AND b."CountryKey" = a."CountryKey"
            WHERE a."PopulationId" = {o} AND b."PopulationId" = {t} AND (a."Domain" IS NULL OR b."Domain" IS NULL) AND a."NameKey" <> ''
              AND NOT EXISTS (SELECT 1 FROM "PopulationRecords" c WHERE c."PopulationId" = {t} AND c."Domain" = a."Domain")
            GROUP BY a."Id"
            """;
#pragma warning disable EF1002
        var total = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM ({pairs}) x").SingleAsync(ct);
        var page = await db.Database.SqlQueryRaw<PairRow>(
            $"SELECT x.\"A\", x.\"B\", x.\"S\" FROM ({pairs}) x ORDER BY x.\"S\" DESC, x.\"A\" LIMIT {take.ToString(CultureInfo.InvariantCulture)} OFFSET {skip.ToString(CultureInfo.InvariantCulture)}")
            .ToListAsync(ct);
#pragma warning restore EF1002
        return (total, page);
    }

    async Task<List<OverlapRow>> RowsAsync(List<PairRow> pairs, CancellationToken ct)
    {
        var ids = pairs.SelectMany(x => new[] { x.A, x.B }).Distinct().ToList();
        var records = new Dictionary<long, PopulationRecord>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var r in await db.PopulationRecords.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct))
                records[r.Id] = r;
        return pairs.Select(x =>
        {
            var a = records[x.A];
            var b = records[x.B];
            var match = AccountMatcher.Match(new AccountKey(a.Domain, a.NameKey, a.CountryKey), new AccountKey(b.Domain, b.NameKey, b.CountryKey));
            return new OverlapRow(Record(a), Record(b), match.IsWeak ? "Name and country (check it)" : "Web domain", match.IsWeak, match.Explanation);
        }).ToList();
    }

    static RecordDto Record(PopulationRecord r) => new(r.Id, r.Line, r.Name, r.Website, r.Domain, r.Country, r.Type, r.Owner);

    /// <summary>Every record of a population: the caller's own, or the other side's where its owner shares all accounts.</summary>
    public async Task<Paged<RecordDto>> RecordsAsync(int populationId, int? page, int? pageSize, MappingCaller caller, CancellationToken ct = default)
    {
        var population = await db.Populations.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking().FirstOrDefaultAsync(p => p.Id == populationId, ct)
            ?? throw new NotFound("The population");
        var m = await MatrixAsync(population.PartnershipId, caller, ct);
        if (!m.Ours.Concat(m.Partners).Any(p => p.Id == populationId)) throw new NotFound("The population");
        if (!IsOwn(population, caller) && !(population.Side == MappingSide.Ours && !caller.IsPartner))
        {
            var rules = await RuleKeysAsync(population.PartnershipId, ct);
            if (!SharingRules.CanListPopulation(rules, caller.Side, population.Side, populationId))
                throw new Forbidden("This population's accounts are not shared; open an overlap cell instead, where its owner allows it.");
        }
        return await db.PopulationRecords.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking().Where(r => r.PopulationId == populationId)
            .OrderBy(r => r.Line).Select(r => new RecordDto(r.Id, r.Line, r.Name, r.Website, r.Domain, r.Country, r.Type, r.Owner))
            .ToPageAsync(page, pageSize, ct);
    }

    /// <summary>One overlapping record of ours the caller may see, with the partnership (for a referral from it).</summary>
    public async Task<RecordDto> OverlappingRecordAsync(int partnershipId, int ourPopulationId, int partnerPopulationId, long recordId, MappingCaller caller,
        CancellationToken ct = default)
    {
        var (o, t) = await OpenableAsync(partnershipId, ourPopulationId, partnerPopulationId, caller, ct);
        var a = await db.PopulationRecords.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == recordId && (r.PopulationId == o.Id || r.PopulationId == t.Id), ct) ?? throw new NotFound("The account");
        var otherPopulation = a.PopulationId == o.Id ? t.Id : o.Id;
        var overlaps = await db.PopulationRecords.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
            .AnyAsync(b => b.PopulationId == otherPopulation && (b.Domain == a.Domain && a.Domain != null
                || (a.Domain == null || b.Domain == null) && a.NameKey != "" && b.NameKey == a.NameKey && b.CountryKey == a.CountryKey), ct);
        if (!overlaps) throw new NotFound("The account");
        return Record(a);
    }

    // --- sharing rules -------------------------------------------------------------------------------

    public async Task<IReadOnlyList<RuleDto>> RulesAsync(int partnershipId, MappingCaller caller, CancellationToken ct = default)
    {
        await PartnershipAsync(partnershipId, ct);
        // Both sides' rules: ours are shown to the partner as what they will see (levels only, no free text).
        var rules = await db.SharingRules.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking().Where(r => r.PartnershipId == partnershipId)
            .OrderBy(r => r.Side).ThenBy(r => r.OurPopulationId).ThenBy(r => r.PartnerPopulationId).ToListAsync(ct);
        if (caller.IsPartner)
        {
            var m = await MatrixAsync(partnershipId, caller, ct);
            var visible = m.Ours.Concat(m.Partners).Select(p => p.Id).Append(0).ToHashSet();
            rules = rules.Where(r => visible.Contains(r.OurPopulationId) && visible.Contains(r.PartnerPopulationId)).ToList();
        }
        return rules.Select(r => new RuleDto(r.Id, r.Side, r.OurPopulationId, r.PartnerPopulationId, r.Level, SharingRules.Describe(r.Level), r.Version)).ToList();
    }

    /// <summary>Sets the caller's side's rule for a pair, a population (the other id empty) or the partnership (both empty).</summary>
    public async Task<RuleDto> SetRuleAsync(int partnershipId, RuleInput input, MappingCaller caller, CancellationToken ct = default)
    {
        if (!caller.IsPartner && !caller.CanManage) throw new Forbidden("Only managers set our sharing rules.");
        await PartnershipAsync(partnershipId, ct);
        var errors = new FieldErrors();
        var level = SharingRules.Parse(input.Level);
        if (level is null) errors.Add("level", $"must be one of: {SharingRules.Choices}.");
        var all = await AllPopulationsAsync(partnershipId, ct);
        var ours = input.OurPopulationId ?? 0;
        var theirs = input.PartnerPopulationId ?? 0;
        if (ours != 0 && !all.Any(p => p.Id == ours && p.Side == MappingSide.Ours))
            errors.Add("ourPopulationId", "is not one of our populations in this partnership.");
        // A partner user names only their own populations on the partner side (others are not theirs to know of).
        if (theirs != 0 && !all.Any(p => p.Id == theirs && p.Side == MappingSide.Partner && (!caller.IsPartner || p.PartnerId == (caller.ActingPartnerId ?? db.Tenant.PartnerId))))
            errors.Add("partnerPopulationId", "is not one of the partner's populations in this partnership.");
        if (caller.IsPartner && ours != 0)
        {
            var m = await MatrixAsync(partnershipId, caller, ct);
            if (!m.Ours.Any(p => p.Id == ours)) errors.Add("ourPopulationId", "is not one of our populations in this partnership.");
        }
        ValidationFailed.ThrowIfAny(errors);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var rule = await db.SharingRules.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).FirstOrDefaultAsync(r => r.PartnershipId == partnershipId
            && r.Side == caller.Side && r.OurPopulationId == ours && r.PartnerPopulationId == theirs, ct);
        if (rule is null)
        {
            rule = new SharingRule { PartnershipId = partnershipId, Side = caller.Side, OurPopulationId = ours, PartnerPopulationId = theirs };
            db.SharingRules.Add(rule);
        }
        rule.Level = level!.Value;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw new Conflict("Someone set this rule at the same time. Reload and try again."); }
        await tx.CommitAsync(ct);
        return new RuleDto(rule.Id, rule.Side, rule.OurPopulationId, rule.PartnerPopulationId, rule.Level, SharingRules.Describe(rule.Level), rule.Version);
    }
}

static class MappingFieldRules
{
    public static string? RequiredName(this FieldErrors errors, string? name)
    {
        var n = FieldRules.Clean(name);
        if (n is null) errors.Add("name", "is required, for example \"Customers\".");
        else if (n.Length > 100) errors.Add("name", "must be at most 100 characters.");
        else return n;
        return null;
    }
}
