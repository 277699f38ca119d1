using System.Text;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Warmglow.Core.Csv;
using Warmglow.Core.Mapping;
using Warmglow.Core.Matching;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Referrals;

public sealed record AliasInput(string? Name, IReadOnlyList<string?>? Domains, int? Version);

public sealed record AliasDto(int Id, string Name, string Key, IReadOnlyList<string> Domains, int Version);

public sealed record CrmAccountRow(int Id, CrmAccountKind Kind, string KindName, string? Name, string? Website, string? Domain, string? Country, string? Type,
    string? Owner, DateTime ImportedAt);

public sealed record CrmListDto(int Customers, int Opportunities, DateTime? CustomersImportedAt, DateTime? OpportunitiesImportedAt, Paged<CrmAccountRow> Accounts);

public sealed record CrmImportResult(CrmAccountKind Kind, string KindName, string Format, int Rows, int Imported, int DuplicatesMerged);

/// <summary>
/// Our side of deal registration's matching: the alias groups (several domains of one company) and our own accounts from
/// CRM exports (customers and open opportunities). The one place this data changes; staff only (the API's policies and the
/// partner filter, closed for these tables, both keep partner users out).
/// </summary>
public sealed class OurAccountsService(WarmglowDb db)
{
    public const int MaxRowErrors = PopulationCsv.MaxRowErrors;

    public static string Describe(CrmAccountKind k) => k == CrmAccountKind.Customer ? "Customer of ours" : "Open opportunity of ours";

    // --- alias groups --------------------------------------------------------------------------------

    public async Task<IReadOnlyList<AliasDto>> AliasesAsync(string? search = null, CancellationToken ct = default)
    {
        var q = db.CompanyAliases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            q = q.Where(a => a.Name.ToLower().Contains(term) || a.Domains.Any(d => d.Domain.Contains(term)));
        }
        var rows = await q.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(500)
            .Select(a => new { a.Id, a.Name, a.Key, a.Version, Domains = a.Domains.OrderBy(d => d.Position).Select(d => d.Domain).ToList() }).ToListAsync(ct);
        return rows.Select(a => new AliasDto(a.Id, a.Name, a.Key, a.Domains, a.Version)).ToList();
    }

    public async Task<AliasDto> AliasAsync(int id, CancellationToken ct = default) =>
        (await db.CompanyAliases.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Name, a.Key, a.Version, Domains = a.Domains.OrderBy(d => d.Position).Select(d => d.Domain).ToList() })
            .FirstOrDefaultAsync(ct)) is { } a ? new AliasDto(a.Id, a.Name, a.Key, a.Domains, a.Version) : throw new NotFound("Alias group");

    /// <summary>A new alias group; its domains' registrations and CRM accounts take the group's key.</summary>
    public async Task<AliasDto> CreateAliasAsync(AliasInput input, CancellationToken ct = default)
    {
        var (name, domains) = await ValidateAsync(input, null, ct);
        await using var uow = await db.BeginOrJoinTransactionAsync(ct);
        var alias = new CompanyAlias { Name = name, Key = domains[0], Domains = domains.Select((d, i) => new CompanyAliasDomain { Domain = d, Position = i }).ToList() };
        db.CompanyAliases.Add(alias);
        await SaveAsync(ct);
        await RekeyAsync([], domains, ct);
        await uow.CommitAsync(ct);
        return await AliasAsync(alias.Id, ct);
    }

    /// <summary>Replaces a group's name and domains (send the version you read); domains leaving it get their own key back.</summary>
    public async Task<AliasDto> UpdateAliasAsync(int id, AliasInput input, CancellationToken ct = default)
    {
        var alias = await db.CompanyAliases.Include(a => a.Domains).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound("Alias group");
        var version = Partners.PartnersApi.RequireVersion(input.Version);
        var (name, domains) = await ValidateAsync(input, id, ct);
        Partners.PartnerService.ExpectVersion(db, alias, version);
        var before = alias.Domains.Select(d => d.Domain).ToList();
        await using var uow = await db.BeginOrJoinTransactionAsync(ct);
        db.CompanyAliasDomains.RemoveRange(alias.Domains);
        await db.SaveChangesAsync(ct);
        alias.Name = name;
        alias.Key = domains[0];
        alias.Domains = domains.Select((d, i) => new CompanyAliasDomain { AliasId = id, Domain = d, Position = i }).ToList();
        alias.UpdatedAt = db.UtcNow;
        db.Entry(alias).State = EntityState.Modified;
        await SaveAsync(ct);
        await RekeyAsync(before, domains, ct);
        await uow.CommitAsync(ct);
        return await AliasAsync(id, ct);
    }

    public async Task DeleteAliasAsync(int id, CancellationToken ct = default)
    {
        var alias = await db.CompanyAliases.Include(a => a.Domains).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound("Alias group");
        var before = alias.Domains.Select(d => d.Domain).ToList();
        await using var uow = await db.BeginOrJoinTransactionAsync(ct);
        db.CompanyAliases.Remove(alias);
        await db.SaveChangesAsync(ct);
        await RekeyAsync(before, [], ct);
        await uow.CommitAsync(ct);
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new Conflict("Someone added one of these domains to another alias group at the same time. Reload the page and try again.");
        }
    }

    async Task<(string Name, IReadOnlyList<string> Domains)> ValidateAsync(AliasInput input, int? self, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var group = CompanyAliases.Validate(input.Name, input.Domains, errors);
        if (group is { } g)
        {
            var taken = await db.CompanyAliasDomains.AsNoTracking().Where(d => g.Domains.Contains(d.Domain) && d.AliasId != self)
                .Select(d => new { d.Domain, d.Alias!.Name }).ToListAsync(ct);
            foreach (var t in taken) errors.Add("domains", $"\"{t.Domain}\" is already in the alias group {t.Name}; a domain belongs to one group.");
        }
        ValidationFailed.ThrowIfAny(errors);
        return group!.Value;
    }

    /// <summary>
    /// Sets the stored group key of every registration and CRM account on the affected domains: those leaving a group get
    /// their own domain back, those in the group get its key. Set-based updates, whatever the number of rows.
    /// </summary>
    async Task RekeyAsync(IReadOnlyList<string> before, IReadOnlyList<string> after, CancellationToken ct)
    {
        var left = before.Except(after, StringComparer.Ordinal).ToList();
        var regs = db.Registrations.IgnoreQueryFilters([WarmglowDb.Filters.Partner]);
        if (left.Count > 0)
        {
            await regs.Where(r => left.Contains(r.Domain!)).ExecuteUpdateAsync(s => s.SetProperty(r => r.DomainGroup, r => r.Domain), ct);
            await db.CrmAccounts.Where(r => left.Contains(r.Domain!)).ExecuteUpdateAsync(s => s.SetProperty(r => r.DomainGroup, r => r.Domain), ct);
        }
        if (after.Count > 0)
        {
            var key = after[0];
            await regs.Where(r => after.Contains(r.Domain!)).ExecuteUpdateAsync(s => s.SetProperty(r => r.DomainGroup, key), ct);
            await db.CrmAccounts.Where(r => after.Contains(r.Domain!)).ExecuteUpdateAsync(s => s.SetProperty(r => r.DomainGroup, key), ct);
        }
    }

    /// <summary>The group key of one domain (its alias group's, or the domain itself); works for partner callers too.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GroupOfAsync(string? domain, CancellationToken ct)
    {
        if (domain is null) return new Dictionary<string, string>();
        var key = await db.CompanyAliasDomains.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
            .Where(d => d.Domain == domain).Select(d => d.Alias!.Key).FirstOrDefaultAsync(ct);
        return key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [domain] = key };
    }

    // --- our CRM accounts ----------------------------------------------------------------------------

    public async Task<CrmListDto> AccountsAsync(CrmAccountKind? kind, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var counts = await db.CrmAccounts.AsNoTracking().GroupBy(a => a.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count(), At = g.Max(a => a.ImportedAt) }).ToListAsync(ct);
        var q = db.CrmAccounts.AsNoTracking();
        if (kind is { } k) q = q.Where(a => a.Kind == k);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            q = q.Where(a => (a.Name != null && a.Name.ToLower().Contains(term)) || (a.Domain != null && a.Domain.Contains(term)));
        }
        var paged = await q.OrderBy(a => a.Kind).ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new CrmAccountRow(a.Id, a.Kind, "", a.Name, a.Website, a.Domain, a.Country, a.Type, a.Owner, a.ImportedAt))
            .ToPageAsync(page, pageSize, ct);
        paged = paged with { Items = paged.Items.Select(i => i with { KindName = Describe(i.Kind) }).ToList() };
        var c = counts.FirstOrDefault(x => x.Kind == CrmAccountKind.Customer);
        var o = counts.FirstOrDefault(x => x.Kind == CrmAccountKind.Opportunity);
        return new CrmListDto(c?.Count ?? 0, o?.Count ?? 0, c?.At, o?.At, paged);
    }

    static readonly BulkColumn[] Columns =
    [
        new("WorkspaceId", NpgsqlDbType.Integer), new("Kind", NpgsqlDbType.Varchar), new("Line", NpgsqlDbType.Integer),
        new("Name", NpgsqlDbType.Varchar), new("Website", NpgsqlDbType.Varchar), new("Country", NpgsqlDbType.Varchar),
        new("Type", NpgsqlDbType.Varchar), new("Owner", NpgsqlDbType.Varchar), new("Domain", NpgsqlDbType.Varchar),
        new("DomainGroup", NpgsqlDbType.Varchar), new("NameKey", NpgsqlDbType.Varchar), new("CountryKey", NpgsqlDbType.Varchar),
        new("ImportedAt", NpgsqlDbType.TimestampTz), new("ImportedByName", NpgsqlDbType.Varchar),
    ];

    /// <summary>
    /// Imports a CRM export (Salesforce or HubSpot column names, as <see cref="PopulationColumns"/> reads them) as the whole
    /// list of <paramref name="kind"/>, replacing the previous one. Streamed row by row and written in bulk inside one
    /// transaction: any bad row and nothing is saved, every bad row (up to 50) named. Rows of one domain (or name and country)
    /// are merged, the first kept.
    /// </summary>
    public async Task<CrmImportResult> ImportAsync(CrmAccountKind? kind, Stream file, CancellationToken ct = default)
    {
        if (kind is not { } k || !Enum.IsDefined(k)) throw ValidationFailed.For("kind", "is required: our customers or our open opportunities.");
        var errors = new FieldErrors();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dupes = 0;
        PopulationCsv? csv = null;
        var groups = (await db.CompanyAliasDomains.AsNoTracking().Select(d => new { d.Domain, d.Alias!.Key }).ToListAsync(ct))
            .ToDictionary(d => d.Domain, d => d.Key, StringComparer.Ordinal);
        var now = db.UtcNow;
        var by = db.Tenant.UserName;
        var ws = db.Tenant.WorkspaceId ?? throw new InvalidOperationException("An import needs a workspace.");
        await using var uow = await db.BeginOrJoinTransactionAsync(ct);
        await db.CrmAccounts.Where(a => a.Kind == k).ExecuteDeleteAsync(ct);
        BulkRowWriter? writer = null;
        try
        {
            using var text = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 64 * 1024);
            csv = await PopulationCsv.OpenAsync(text, null, errors) ?? throw new ValidationFailed(errors);
            writer = await db.Sql().OpenBulkWriterAsync(db, "CrmAccounts", Columns, ct);
            var values = new object?[Columns.Length];
            await foreach (var row in csv.RowsAsync().WithCancellation(ct))
            {
                if (!seen.Add(row.MergeKey)) { dupes++; continue; }
                if (!errors.IsEmpty) continue;
                values[0] = ws; values[1] = k.ToString(); values[2] = row.Line; values[3] = row.Name; values[4] = row.Website; values[5] = row.Country;
                values[6] = row.Type; values[7] = row.Owner; values[8] = row.Key.Domain; values[9] = CompanyAliases.GroupKey(row.Key.Domain, groups);
                values[10] = row.Key.NameKey; values[11] = row.Key.Country; values[12] = now; values[13] = by;
                await writer.WriteAsync(values, ct);
            }
            csv.Finish();
            if (!errors.IsEmpty) throw new ValidationFailed(errors, "The file was not imported: fix these rows and upload it again. Nothing was changed.");
            await writer.CompleteAsync(ct);
        }
        catch (DecoderFallbackException e)
        {
            throw ValidationFailed.For("file", $"is not valid UTF-8 (bad byte at position {e.Index}). Save it as 'CSV UTF-8' and upload again.");
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync();
        }
        await uow.CommitAsync(ct);
        return new CrmImportResult(k, Describe(k), PopulationColumns.Describe(csv!.Map.Format), csv.Rows, seen.Count, dupes);
    }
}
