using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Agreements;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Agreements;

public sealed record CharterInput(CharterSide? Ours, CharterSide? Theirs, int? Version);

public sealed record PartnerSideInput(CharterSide? Theirs, int? Version);

/// <param name="Version">0 while no charter has been saved; send it back with the first save.</param>
public sealed record CharterDto(int PartnershipId, string PartnershipName, CharterSide Ours, CharterSide Theirs,
    IReadOnlyList<Misalignment> Misalignments, int Version, int Revisions, string? UpdatedBy, DateTime? UpdatedAt);

/// <summary>Partnership charters: read by everyone who sees the partnership, written by managers.</summary>
public sealed class CharterService(WarmglowDb db)
{
    public async Task<CharterDto> GetAsync(int partnershipId, CancellationToken ct = default)
    {
        var name = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            ?? throw new NotFound($"Partnership {partnershipId}");
        var c = await db.Charters.AsNoTracking().FirstOrDefaultAsync(c => c.PartnershipId == partnershipId, ct);
        if (c is null) return new(partnershipId, name, new(), new(), [], 0, 0, null, null);
        var revisions = db.Tenant.PartnerId is null ? await db.CharterRevisions.CountAsync(r => r.CharterId == c.Id, ct) : 0;
        return new(partnershipId, name, c.Ours, c.Theirs, Charter.Misalignments(c.Ours, c.Theirs), c.Version, revisions, c.UpdatedByName, c.UpdatedAt);
    }

    /// <summary>
    /// A partner user fills in the partner's side of their own partnership's charter (other partnerships are not
    /// found); our side stays as it is. Same version rule as <see cref="SaveAsync"/>.
    /// </summary>
    public async Task<CharterDto> SavePartnerSideAsync(int partnershipId, PartnerSideInput input, CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is null) throw new Conflict("Only a partner user fills in the partner's side this way; staff edit the whole charter.");
        ValidationFailed.ThrowIfAny(Charter.Validate(input.Theirs, "theirs"));
        var current = await db.Charters.AsNoTracking().Where(c => c.PartnershipId == partnershipId).Select(c => c.Ours).FirstOrDefaultAsync(ct);
        return await SaveAsync(partnershipId, new CharterInput(current ?? new CharterSide(), input.Theirs, input.Version), ct);
    }

    /// <summary>Saves both sides; the version must be the one read (0 before the first save). Each save adds a revision.</summary>
    public async Task<CharterDto> SaveAsync(int partnershipId, CharterInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        Charter.Validate(input.Ours, "ours", errors);
        Charter.Validate(input.Theirs, "theirs", errors);
        ValidationFailed.ThrowIfAny(errors);
        var version = PartnersApi.RequireVersion(input.Version);
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var c = await db.Charters.FirstOrDefaultAsync(c => c.PartnershipId == partnershipId, ct);
        var creating = c is null;
        if (c is null)
        {
            if (version != 0) throw new Conflict("The charter no longer exists. Reload the page and save it again.");
            c = new PartnershipCharter { PartnershipId = partnershipId, Version = 1 };
            db.Charters.Add(c);
        }
        else PartnerService.ExpectVersion(db, c, version);
        c.Ours = Charter.Normalize(input.Ours);
        c.Theirs = Charter.Normalize(input.Theirs);
        c.UpdatedByName = db.Tenant.UserName;
        // Revisions are internal (partner users cannot read them), so the next number is read past the filter,
        // within the charter's own workspace.
        var number = creating ? 1 : await db.CharterRevisions.IgnoreQueryFilters()
            .Where(r => r.CharterId == c.Id && r.WorkspaceId == c.WorkspaceId).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        db.CharterRevisions.Add(new CharterRevision
        {
            Charter = c, Number = number, Ours = c.Ours, Theirs = c.Theirs,
            AuthorId = db.Tenant.UserId, AuthorName = db.Tenant.UserName, At = db.UtcNow,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new Conflict("Someone else saved the charter at the same time. Reload the page to see their version, then apply yours again.");
        }
        return await GetAsync(partnershipId, ct);
    }
}
