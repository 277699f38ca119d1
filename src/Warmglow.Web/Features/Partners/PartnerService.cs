using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partners;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Partners;

public sealed record PartnerInput(string? Name, string? Website, string? Industry, string? Size, string? Region, string? Notes)
{
    public FieldErrors Validate() => PartnerRules.Validate(Name, Website, Industry, Size, Region, Notes);
}

public sealed record ContactInput(string? Name, string? Email, string? Title, string? Phone)
{
    public FieldErrors Validate(string prefix = "") => PartnerRules.ValidateContact(Name, Email, Title, Phone, prefix);
}

public sealed record ContactDto(int Id, string Name, string? Email, string? Title, string? Phone, int Version);

public sealed record PartnerSummary(int Id, string Name, string? Website, string? Industry, string? Size, string? Region,
    int Contacts, int Partnerships, PartnershipStage? LatestStage, DateTime UpdatedAt);

public sealed record PartnerDto(int Id, string Name, string? Website, string? Industry, string? Size, string? Region, string? Notes,
    int Version, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<PartnerPartnershipDto> Partnerships);

public sealed record PartnerPartnershipDto(int Id, string Name, PartnershipType Type, PartnershipStage Stage);

public enum PartnerSort { Name, NameDesc, Updated, UpdatedDesc, Industry, Region, Created, CreatedDesc }

public sealed record PartnerQuery(string? Search = null, string? Industry = null, string? Region = null,
    PartnershipType? Type = null, PartnershipStage? Stage = null, PartnerSort Sort = PartnerSort.Name, int? Page = null, int? PageSize = null);

public sealed record PartnerFacets(IReadOnlyList<string> Industries, IReadOnlyList<string> Regions);

/// <summary>Partners and their contacts: the one place the UI and the API change them.</summary>
public sealed class PartnerService(WarmglowDb db)
{
    public async Task<Paged<PartnerSummary>> ListAsync(PartnerQuery q, CancellationToken ct = default)
    {
        var query = db.Partners.AsNoTracking();
        if (FieldRules.Clean(q.Search) is { } search)
        {
            // The search indexes answer (decision 0032); the workspace filter and everything below stay on this query.
            if (db.Sql().PartnerSearchIds(db, search) is { } ids) query = query.Where(p => ids.Contains(p.Id));
            else
            {
                // Terms too short for the index (SQLite, under 3 characters): a scan, case folded by the database's lower().
                var s = search.ToLower();
                query = query.Where(p => p.Name.ToLower().Contains(s) || (p.Website != null && p.Website.ToLower().Contains(s))
                    || p.Contacts.Any(c => c.Name.ToLower().Contains(s) || (c.Email != null && c.Email.ToLower().Contains(s))));
            }
        }
        if (FieldRules.Clean(q.Industry) is { } industry) query = query.Where(p => p.Industry == industry);
        if (FieldRules.Clean(q.Region) is { } region) query = query.Where(p => p.Region == region);
        if (q.Type is { } type) query = query.Where(p => p.Memberships.Any(m => m.Partnership!.Type == type));
        if (q.Stage is { } stage) query = query.Where(p => p.Memberships.Any(m => m.Partnership!.Stage == stage));
        query = q.Sort switch
        {
            PartnerSort.NameDesc => query.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
            PartnerSort.Updated => query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
            PartnerSort.UpdatedDesc => query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
            PartnerSort.Created => query.OrderBy(p => p.Id),
            PartnerSort.CreatedDesc => query.OrderByDescending(p => p.Id),
            PartnerSort.Industry => query.OrderBy(p => p.Industry).ThenBy(p => p.Name),
            PartnerSort.Region => query.OrderBy(p => p.Region).ThenBy(p => p.Name),
            _ => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
        };
        return await query.Select(p => new PartnerSummary(p.Id, p.Name, p.Website, p.Industry, p.Size, p.Region,
                p.Contacts.Count, p.Memberships.Count,
                p.Memberships.OrderByDescending(m => m.Partnership!.UpdatedAt).Select(m => (PartnershipStage?)m.Partnership!.Stage).FirstOrDefault(),
                p.UpdatedAt))
            .ToPageAsync(q.Page, q.PageSize, ct);
    }

    public async Task<PartnerFacets> FacetsAsync(CancellationToken ct = default)
    {
        var industries = await db.Partners.Where(p => p.Industry != null).Select(p => p.Industry!).Distinct().OrderBy(x => x).ToListAsync(ct);
        var regions = await db.Partners.Where(p => p.Region != null).Select(p => p.Region!).Distinct().OrderBy(x => x).ToListAsync(ct);
        return new(industries, regions);
    }

    public async Task<PartnerDto> GetAsync(int id, CancellationToken ct = default) =>
        await db.Partners.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PartnerDto(p.Id, p.Name, p.Website, p.Industry, p.Size, p.Region, p.Notes, p.Version, p.CreatedAt, p.UpdatedAt,
                p.Contacts.OrderBy(c => c.Name).Select(c => new ContactDto(c.Id, c.Name, c.Email, c.Title, c.Phone, c.Version)).ToList(),
                p.Memberships.Select(m => new PartnerPartnershipDto(m.Partnership!.Id, m.Partnership.Name, m.Partnership.Type, m.Partnership.Stage)).ToList()))
            .FirstOrDefaultAsync(ct)
        ?? throw new NotFound($"Partner {id}");

    /// <summary>Creates the partner and runs <paramref name="then"/> (e.g. its first partnership) in the same transaction: both or neither.</summary>
    public async Task<Partner> CreateWithAsync(PartnerInput input, Func<Partner, Task> then, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var partner = await CreateAsync(input, ct);
        await then(partner);
        await tx.CommitAsync(ct);
        return partner;
    }

    public async Task<Partner> CreateAsync(PartnerInput input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(input.Validate());
        var partner = new Partner { Name = "" };
        Apply(partner, input);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return partner;
    }

    public async Task<Partner> UpdateAsync(int id, PartnerInput input, int version, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(input.Validate());
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFound($"Partner {id}");
        ExpectVersion(db, partner, version);
        Apply(partner, input);
        await db.SaveChangesAsync(ct);
        return partner;
    }

    public async Task DeleteAsync(int id, int? version, CancellationToken ct = default)
    {
        var partner = await db.Partners.Include(p => p.Contacts).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFound($"Partner {id}");
        if (version is { } v) ExpectVersion(db, partner, v);
        if (await db.PartnershipMembers.AnyAsync(m => m.PartnerId == id, ct))
            throw new Conflict($"'{partner.Name}' takes part in partnerships. End or delete those partnerships first.");
        db.Contacts.RemoveRange(partner.Contacts);
        db.Partners.Remove(partner);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Contact> AddContactAsync(int partnerId, ContactInput input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(input.Validate());
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, ct)) throw new NotFound($"Partner {partnerId}");
        var contact = new Contact { Name = "", PartnerId = partnerId };
        Apply(contact, input);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<Contact> UpdateContactAsync(int partnerId, int contactId, ContactInput input, int version, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(input.Validate());
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId && c.PartnerId == partnerId, ct)
            ?? throw new NotFound($"Contact {contactId}");
        ExpectVersion(db, contact, version);
        Apply(contact, input);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task DeleteContactAsync(int partnerId, int contactId, CancellationToken ct = default)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId && c.PartnerId == partnerId, ct)
            ?? throw new NotFound($"Contact {contactId}");
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes the save fail with a concurrency conflict unless the row is still at the version the caller saw.</summary>
    internal static void ExpectVersion<T>(WarmglowDb db, T entity, int version) where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;

    internal static void Apply(Partner p, PartnerInput i)
    {
        p.Name = i.Name!.Trim();
        p.Website = FieldRules.Clean(i.Website);
        p.Industry = FieldRules.Clean(i.Industry);
        p.Size = FieldRules.Clean(i.Size);
        p.Region = FieldRules.Clean(i.Region);
        p.Notes = FieldRules.Clean(i.Notes);
    }

    internal static void Apply(Contact c, ContactInput i)
    {
        c.Name = i.Name!.Trim();
        c.Email = FieldRules.Clean(i.Email);
        c.Title = FieldRules.Clean(i.Title);
        c.Phone = FieldRules.Clean(i.Phone);
    }
}
