using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Partnerships;

public sealed record PartnershipInput(string? Name, PartnershipType? Type, int? PartnerId, string? ManagerId, string? SponsorId,
    DateOnly? StartDate, string? Notes, int? PersonaId = null, bool? NotesShared = null);

/// <param name="ReasonShared">Show the reason to the partner's users (default: internal).</param>
public sealed record MoveInput(PartnershipStage? To, string? Reason, int? Version, bool? ReasonShared = null);

public sealed record PartnerRef(int Id, string Name, bool IsLead);
public sealed record UserRef(string Id, string Name);

public sealed record PartnershipSummary(int Id, string Name, PartnershipType Type, PartnershipStage Stage,
    string? LeadPartner, int? LeadPartnerId, string? Manager, string? Sponsor, DateOnly? StartDate, DateTime UpdatedAt);

/// <summary>A stage move; <see cref="Reason"/> is null for partner users unless it was shared (<see cref="ReasonShared"/>).</summary>
public sealed record TransitionDto(int Id, PartnershipStage? From, PartnershipStage To, string? Reason, string By, DateTime At, bool ReasonShared = false);

public sealed record PartnershipDto(int Id, string Name, PartnershipType Type, PartnershipTypeProfile TypeProfile,
    PartnershipStage Stage, PartnershipStage? HeldFromStage, IReadOnlyList<PartnershipStage> AllowedMoves,
    IReadOnlyList<PartnerRef> Partners, UserRef? Manager, UserRef? Sponsor, DateOnly? StartDate, string? Notes,
    int Version, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<TransitionDto> History, PersonaRef? Persona = null, bool NotesShared = false);

public sealed record PersonaRef(int Id, string Name, int? ScorecardId);

public enum PartnershipSort { Updated, Name, Stage, Type, StartDate }

public sealed record PartnershipQuery(string? Search = null, PartnershipType? Type = null, PartnershipStage? Stage = null,
    int? PartnerId = null, string? ManagerId = null, PartnershipSort Sort = PartnershipSort.Updated, int? Page = null, int? PageSize = null);

/// <summary>Partnerships and their lifecycle. Every stage move goes through <see cref="MoveAsync"/>.</summary>
public sealed class PartnershipService(WarmglowDb db, Discovery.DiscoveryService discovery, Users.UserDirectory people,
    IEnumerable<Signals.IStageMoveRule> moveRules)
{
    public async Task<Paged<PartnershipSummary>> ListAsync(PartnershipQuery q, CancellationToken ct = default)
    {
        await db.RequirePartnerAsync(q.PartnerId, ct);
        await db.RequireStaffAsync(q.ManagerId, ct);
        var query = db.Partnerships.AsNoTracking();
        if (FieldRules.Clean(q.Search) is { } search)
        {
            var s = search.ToLower();
            query = query.Where(p => p.Name.ToLower().Contains(s) || p.Members.Any(m => m.Partner!.Name.ToLower().Contains(s)));
        }
        if (q.Type is { } type) query = query.Where(p => p.Type == type);
        if (q.Stage is { } stage) query = query.Where(p => p.Stage == stage);
        if (q.PartnerId is { } partnerId) query = query.Where(p => p.Members.Any(m => m.PartnerId == partnerId));
        if (FieldRules.Clean(q.ManagerId) is { } manager) query = query.Where(p => p.ManagerId == manager);
        query = q.Sort switch
        {
            PartnershipSort.Name => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
            PartnershipSort.Stage => query.OrderBy(p => p.Stage).ThenBy(p => p.Name),
            PartnershipSort.Type => query.OrderBy(p => p.Type).ThenBy(p => p.Name),
            PartnershipSort.StartDate => query.OrderByDescending(p => p.StartDate).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
        };
        return await query.Select(p => new PartnershipSummary(p.Id, p.Name, p.Type, p.Stage,
                p.Members.Where(m => m.IsLead).Select(m => m.Partner!.Name).FirstOrDefault(),
                p.Members.Where(m => m.IsLead).Select(m => (int?)m.PartnerId).FirstOrDefault(),
                p.Manager == null ? null : p.Manager.DisplayName,
                p.Sponsor == null ? null : p.Sponsor.DisplayName,
                p.StartDate, p.UpdatedAt))
            .ToPageAsync(q.Page, q.PageSize, ct);
    }

    public async Task<PartnershipDto> GetAsync(int id, CancellationToken ct = default)
    {
        var p = await db.Partnerships.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Name, x.Type, x.Stage, x.HeldFromStage, x.StartDate, x.Notes, x.NotesShared, x.Version, x.CreatedAt, x.UpdatedAt,
                Persona = db.Personas.Where(pp => pp.Id == x.PersonaId).Select(pp => new PersonaRef(pp.Id, pp.Name, pp.ScorecardId)).FirstOrDefault(),
                Partners = x.Members.OrderByDescending(m => m.IsLead).ThenBy(m => m.Partner!.Name)
                    .Select(m => new PartnerRef(m.PartnerId, m.Partner!.Name, m.IsLead)).ToList(),
                Manager = x.Manager == null ? null : new UserRef(x.Manager.Id, x.Manager.DisplayName),
                Sponsor = x.Sponsor == null ? null : new UserRef(x.Sponsor.Id, x.Sponsor.DisplayName),
                History = x.Transitions.OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
                    .Select(t => new TransitionDto(t.Id, t.FromStage, t.ToStage, t.Reason, t.ByUserName, t.At, t.ReasonShared)).ToList(),
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFound($"Partnership {id}");
        // Partner users read only what was shared with them: internal notes and move reasons are left out.
        var partnerView = db.Tenant.PartnerId is not null;
        var history = partnerView ? p.History.Select(t => t.ReasonShared ? t : t with { Reason = null }).ToList() : p.History;
        return new PartnershipDto(p.Id, p.Name, p.Type, PartnershipTypes.Get(p.Type), p.Stage, p.HeldFromStage,
            partnerView ? [] : Lifecycle.AllowedMoves(p.Stage, p.HeldFromStage), p.Partners, p.Manager, p.Sponsor, p.StartDate,
            partnerView && !p.NotesShared ? null : p.Notes,
            p.Version, p.CreatedAt, p.UpdatedAt, history, partnerView ? null : p.Persona, p.NotesShared);
    }

    async Task<FieldErrors> ValidateAsync(PartnershipInput i, bool creating, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("name", i.Name, 200).Optional("notes", i.Notes, 4000);
        if (i.Type is null) errors.Add("type", $"is required; one of: {string.Join(", ", Enum.GetNames<PartnershipType>())}.");
        if (creating)
        {
            if (i.PartnerId is null) errors.Add("partnerId", "is required.");
            else if (!await db.Partners.AnyAsync(p => p.Id == i.PartnerId, ct)) errors.Add("partnerId", $"no partner {i.PartnerId} in this workspace.");
        }
        if (i.PersonaId is { } personaId && !await db.Personas.AnyAsync(p => p.Id == personaId, ct))
            errors.Add("personaId", $"no persona {personaId} in this workspace.");
        foreach (var (field, userId) in new[] { ("managerId", i.ManagerId), ("sponsorId", i.SponsorId) })
        {
            if (FieldRules.Clean(userId) is { } uid && !await people.IsStaffAsync(uid, ct))
                errors.Add(field, "must be a person of this workspace (not a partner user).");
        }
        return errors;
    }

    public async Task<Partnership> CreateAsync(PartnershipInput input, string? reason = null, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(await ValidateAsync(input, creating: true, ct));
        var partnership = new Partnership { Name = input.Name!.Trim(), Stage = PartnershipStage.Prospect };
        Apply(partnership, input);
        partnership.Members.Add(new PartnershipMember { PartnerId = input.PartnerId!.Value, IsLead = true });
        partnership.Transitions.Add(new StageTransition
        {
            FromStage = null, ToStage = PartnershipStage.Prospect, Reason = FieldRules.Clean(reason) ?? "Partnership created.",
            ByUserId = db.Tenant.UserId, ByUserName = db.Tenant.UserName, At = db.UtcNow,
        });
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        return partnership;
    }

    public async Task<Partnership> UpdateAsync(int id, PartnershipInput input, int version, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(await ValidateAsync(input, creating: false, ct));
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFound($"Partnership {id}");
        PartnerService.ExpectVersion(db, partnership, version);
        partnership.Name = input.Name!.Trim();
        Apply(partnership, input);
        await db.SaveChangesAsync(ct);
        return partnership;
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFound($"Partnership {id}");
        // A revenue ledger is kept for good (docs/decisions/0008): its events and issued statements are what partners
        // were paid on, so the partnership that holds them cannot be deleted; it is ended instead (and stays readable).
        var events = await db.RevenueEvents.CountAsync(e => e.Agreement!.PartnershipId == id, ct);
        var statements = await db.RevenueStatements.CountAsync(s => s.PartnershipId == id, ct);
        if (events + statements > 0)
            throw new Conflict($"This partnership cannot be deleted because it has a revenue ledger ({events} revenue event(s), {statements} issued statement(s)) that is kept for good. " +
                "To retire it, move it to Ended (or wind it down) instead: it stays on record, read-only for the ledger.");
        db.Partnerships.Remove(partnership);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves a partnership along the lifecycle state machine, recording who, when and why.</summary>
    public async Task<StageTransition> MoveAsync(int id, MoveInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("reason", input.Reason, 1000);
        if (input.To is null) errors.Add("to", $"is required; one of: {string.Join(", ", Enum.GetNames<PartnershipStage>())}.");
        ValidationFailed.ThrowIfAny(errors);
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFound($"Partnership {id}");
        if (input.Version is { } v) PartnerService.ExpectVersion(db, partnership, v);
        var check = Lifecycle.Check(partnership.Stage, input.To!.Value, partnership.HeldFromStage);
        if (!check.IsAllowed) throw ValidationFailed.For("to", check.Error!);
        if (await NeedsAsync(id, partnership.Stage, input.To!.Value, ct) is { } needs) throw ValidationFailed.For("to", needs);

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);

        var transition = new StageTransition
        {
            PartnershipId = partnership.Id, FromStage = partnership.Stage, ToStage = input.To.Value,
            Reason = input.Reason!.Trim(), ReasonShared = input.ReasonShared ?? false,
            ByUserId = db.Tenant.UserId, ByUserName = db.Tenant.UserName, At = db.UtcNow,
        };
        partnership.HeldFromStage = input.To == PartnershipStage.OnHold ? partnership.Stage : null;
        partnership.Stage = input.To.Value;
        db.StageTransitions.Add(transition);
        await db.SaveChangesAsync(ct);
        foreach (var rule in moveRules) await rule.OnMovedAsync(partnership.Id, transition.FromStage!.Value, transition.ToStage, ct);
        await tx.CommitAsync(ct);
        return transition;
    }

    /// <summary>
    /// What a move still needs, in words, or null when it is open: the vetting gates (a pilot verdict; a passing score
    /// and a go decision) and every module's <see cref="Signals.IStageMoveRule"/>. The partnership page shows these
    /// before anyone submits; <see cref="MoveAsync"/> refuses with the same words.
    /// </summary>
    public async Task<string?> NeedsAsync(int id, PartnershipStage from, PartnershipStage to, CancellationToken ct = default)
    {
        var needs = new List<string>();
        if (Core.Scoring.VettingGate.IsGated(from, to)
            && Core.Scoring.VettingGate.Check(from, to, await discovery.GateFactsAsync(id, ct)) is { } gate)
            needs.Add(gate);
        foreach (var rule in moveRules)
            if (await rule.NeedsAsync(id, from, to, ct) is { } need) needs.Add(need);
        return needs.Count == 0 ? null : string.Join(" ", needs);
    }

    /// <summary>The allowed moves that still need something, with what (see <see cref="NeedsAsync"/>).</summary>
    public async Task<IReadOnlyList<(PartnershipStage To, string Needs)>> BlockedMovesAsync(PartnershipDto p, CancellationToken ct = default)
    {
        var blocked = new List<(PartnershipStage, string)>();
        foreach (var to in p.AllowedMoves)
            if (await NeedsAsync(p.Id, p.Stage, to, ct) is { } needs) blocked.Add((to, needs));
        return blocked;
    }

    static void Apply(Partnership p, PartnershipInput i)
    {
        p.Type = i.Type!.Value;
        p.ManagerId = FieldRules.Clean(i.ManagerId);
        p.SponsorId = FieldRules.Clean(i.SponsorId);
        p.StartDate = i.StartDate;
        var notes = FieldRules.Clean(i.Notes);
        // Shared only when chosen: new or changed notes without a choice are internal; unchanged ones keep theirs.
        p.NotesShared = notes is not null && (i.NotesShared ?? (notes == p.Notes && p.NotesShared));
        p.Notes = notes;
        p.PersonaId = i.PersonaId;
    }
}
