using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Governance;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Governance;

public sealed record PersonInput(GovernanceSide? Side, GovernanceRole? Role, string? CommitteeRole, string? UserId, int? ContactId,
    decimal? TimeCommitmentPercent, int? Version = null);

public sealed record PersonDto(int Id, GovernanceSide Side, string SideName, GovernanceRole Role, string RoleName, string? CommitteeRole,
    string Name, string? UserId, int? ContactId, decimal? TimeCommitmentPercent, int Version);

/// <summary>A person the agreement's resource clause names with a share of their time.</summary>
public sealed record ResourceCommitment(string Person, decimal PercentOfTime);

public sealed record PeopleDto(int PartnershipId, string PartnershipName, IReadOnlyList<PersonDto> People,
    IReadOnlyList<string> Flags, IReadOnlyList<ResourceCommitment> AgreedCommitments);

public sealed record PersonOption(string Id, string Name);

public sealed record PersonOptions(IReadOnlyList<PersonOption> Staff, IReadOnlyList<PersonOption> Contacts, IReadOnlyList<PersonOption> PortalUsers);

public sealed record RaciDto(int PartnershipId, RaciMatrixData Matrix, bool IsStarter, int Version, string? UpdatedBy, DateTime? UpdatedAt);

public sealed record RaciInput(RaciMatrixData? Matrix, int? Version);

/// <summary>People and sponsorship, and the RACI matrix, of a partnership (read by everyone who sees it, written by managers).</summary>
public sealed class GovernanceService(WarmglowDb db, UserDirectory users) : ISponsorshipSource
{
    public static string Describe(GovernanceSide s) => s == GovernanceSide.Ours ? "Our side" : "Partner side";

    public static string Describe(GovernanceRole r) => r switch
    {
        GovernanceRole.Manager => "Partnership manager",
        GovernanceRole.ExecutiveSponsor => "Executive sponsor",
        _ => "Steering committee",
    };

    async Task<string> PartnershipNameAsync(int partnershipId, CancellationToken ct) =>
        await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Name).FirstOrDefaultAsync(ct)
        ?? throw new NotFound($"Partnership {partnershipId}");

    // --- people ---------------------------------------------------------------------------------------

    public async Task<PeopleDto> PeopleAsync(int partnershipId, CancellationToken ct = default)
    {
        var name = await PartnershipNameAsync(partnershipId, ct);
        var people = await db.GovernancePeople.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderBy(p => p.Role).ThenBy(p => p.Side).ThenBy(p => p.Name).ToListAsync(ct);
        var flags = db.Tenant.PartnerId is null
            ? (await GapsAsync(db, db.UtcNow, ct, partnershipId)).Select(g => g.Reason).ToList()
            : [];
        if (db.Tenant.PartnerId is null && !await db.Partnerships.AnyAsync(p => p.Id == partnershipId && p.SponsorId != null, ct)
            && !people.Any(p => p.Role == GovernanceRole.ExecutiveSponsor && p.UserId != null))
            flags.Insert(0, "No executive sponsor is assigned.");
        // Partner users get names and roles, not our user or contact ids.
        var rows = people.Select(ToDto).Select(p => db.Tenant.PartnerId is null ? p : p with { UserId = null, ContactId = null }).ToList();
        return new(partnershipId, name, rows, flags, await AgreedCommitmentsAsync(partnershipId, ct));
    }

    /// <summary>The people and shares of time the latest version of the partnership's agreements commits.</summary>
    async Task<IReadOnlyList<ResourceCommitment>> AgreedCommitmentsAsync(int partnershipId, CancellationToken ct)
    {
        var versions = (await db.AgreementVersions.AsNoTracking().Where(v => v.Agreement!.PartnershipId == partnershipId)
                .Select(v => new { v.AgreementId, v.Number, v.Terms }).ToListAsync(ct))
            .GroupBy(v => v.AgreementId).Select(g => g.MaxBy(v => v.Number)!);
        return versions.SelectMany(v => v.Terms.Clauses.Resources.People.Where(p => p.PercentOfTime != null).Select(p => new ResourceCommitment(p.Person ?? "", p.PercentOfTime!.Value))).ToList();
    }

    static PersonDto ToDto(GovernancePerson p) => new(p.Id, p.Side, Describe(p.Side), p.Role, Describe(p.Role), p.CommitteeRole, p.Name,
        p.UserId, p.ContactId, p.TimeCommitmentPercent, p.Version);

    public async Task<PersonDto> AddPersonAsync(int partnershipId, PersonInput input, CancellationToken ct = default)
    {
        await PartnershipNameAsync(partnershipId, ct);
        var person = new GovernancePerson { PartnershipId = partnershipId, Name = "" };
        await ApplyAsync(person, input, ct);
        db.GovernancePeople.Add(person);
        await db.SaveChangesAsync(ct);
        return ToDto(person);
    }

    public async Task<PersonDto> UpdatePersonAsync(int partnershipId, int personId, PersonInput input, CancellationToken ct = default)
    {
        var person = await db.GovernancePeople.FirstOrDefaultAsync(p => p.Id == personId && p.PartnershipId == partnershipId, ct)
            ?? throw new NotFound("Person");
        PartnerService.ExpectVersion(db, person, Partners.PartnersApi.RequireVersion(input.Version));
        await ApplyAsync(person, input, ct);
        await db.SaveChangesAsync(ct);
        return ToDto(person);
    }

    public async Task RemovePersonAsync(int partnershipId, int personId, CancellationToken ct = default)
    {
        var person = await db.GovernancePeople.FirstOrDefaultAsync(p => p.Id == personId && p.PartnershipId == partnershipId, ct)
            ?? throw new NotFound("Person");
        db.GovernancePeople.Remove(person);
        await db.SaveChangesAsync(ct);
    }

    async Task ApplyAsync(GovernancePerson person, PersonInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.Side is not { } side || !Enum.IsDefined(side)) { errors.Add("side", "is required: our side or the partner side."); side = default; }
        if (input.Role is not { } role || !Enum.IsDefined(role)) { errors.Add("role", "is required: partnership manager, executive sponsor or steering committee."); role = default; }
        var committeeRole = string.IsNullOrWhiteSpace(input.CommitteeRole) ? null : input.CommitteeRole.Trim();
        if (role == GovernanceRole.SteeringCommittee && committeeRole is null && input.Role is not null)
            errors.Add("committeeRole", "is required for a steering committee member (e.g. Chair, Finance, Product).");
        else if (committeeRole is { Length: > 100 }) errors.Add("committeeRole", "must be at most 100 characters.");
        if (role == GovernanceRole.ExecutiveSponsor && side == GovernanceSide.Partner && input.Side is not null && input.Role is not null)
            errors.Add("role", "An executive sponsor is one of our executives; put the partner's senior person on the steering committee.");
        if (input.TimeCommitmentPercent is < 0 or > 100) errors.Add("timeCommitmentPercent", $"must be between 0 and 100 (got {input.TimeCommitmentPercent}).");

        string? name = null;
        string? userId = string.IsNullOrWhiteSpace(input.UserId) ? null : input.UserId.Trim();
        int? contactId = input.ContactId;
        if (input.Side is not null && errors.IsEmpty)
        {
            if (side == GovernanceSide.Ours)
            {
                if (contactId is not null) errors.Add("contactId", "is for the partner side; our people are users.");
                if (userId is null) errors.Add("userId", "is required: pick one of our people.");
                else name = await users.Staff().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
                if (userId is not null && name is null) errors.Add("userId", "is not one of our people in this workspace.");
            }
            else
            {
                var partnerIds = await db.PartnershipMembers.Where(m => m.PartnershipId == person.PartnershipId).Select(m => m.PartnerId).ToListAsync(ct);
                if ((userId is null) == (contactId is null)) errors.Add("contactId", "is required: pick a contact of the partner (or one of its portal users), not both.");
                else if (contactId is { } cid)
                {
                    name = await db.Contacts.Where(c => c.Id == cid && partnerIds.Contains(c.PartnerId)).Select(c => c.Name).FirstOrDefaultAsync(ct);
                    if (name is null) errors.Add("contactId", "is not a contact of a partner in this partnership.");
                }
                else
                {
                    name = await users.Members().Where(u => u.Id == userId && u.PartnerId != null && partnerIds.Contains(u.PartnerId.Value))
                        .Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
                    if (name is null) errors.Add("userId", "is not a portal user of a partner in this partnership.");
                }
            }
        }
        ValidationFailed.ThrowIfAny(errors);
        person.Side = side;
        person.Role = role;
        person.CommitteeRole = role == GovernanceRole.SteeringCommittee ? committeeRole : null;
        person.UserId = userId;
        person.ContactId = side == GovernanceSide.Partner ? contactId : null;
        person.Name = name!;
        person.TimeCommitmentPercent = input.TimeCommitmentPercent;
    }

    /// <summary>Whom a person can be: our staff, and the contacts and portal users of the partnership's partners.</summary>
    public async Task<PersonOptions> OptionsAsync(int partnershipId, CancellationToken ct = default)
    {
        var partnerIds = await db.PartnershipMembers.Where(m => m.PartnershipId == partnershipId).Select(m => m.PartnerId).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => partnerIds.Contains(c.PartnerId)).OrderBy(c => c.Name)
            .Select(c => new PersonOption(c.Id.ToString(), c.Name + (c.Title == null ? "" : ", " + c.Title))).Take(500).ToListAsync(ct);
        var portalUsers = await users.Members().Where(u => u.PartnerId != null && partnerIds.Contains(u.PartnerId.Value)).OrderBy(u => u.DisplayName)
            .Select(u => new PersonOption(u.Id, u.DisplayName)).Take(500).ToListAsync(ct);
        var staff = (await users.StaffOptionsAsync(ct)).Select(s => new PersonOption(s.Id, s.Name)).ToList();
        return new(staff, contacts, portalUsers);
    }

    // --- sponsorship flags ----------------------------------------------------------------------------

    public Task<IReadOnlyList<SponsorshipGap>> GapsAsync(WarmglowDb context, DateTime now, CancellationToken ct) => GapsAsync(context, now, ct, null);

    async Task<IReadOnlyList<SponsorshipGap>> GapsAsync(WarmglowDb context, DateTime now, CancellationToken ct, int? only)
    {
        var ws = context.Tenant.RequireWorkspace();
        var partnerships = context.Partnerships.AsNoTracking().Where(p => only == null || p.Id == only);
        // Sponsors: the partnership's own sponsor field and the sponsors named in governance.
        var sponsors = (await partnerships.Where(p => p.SponsorId != null)
                .Select(p => new Sponsor(p.Id, p.Sponsor!.DisplayName, p.Sponsor.WorkspaceId, p.Sponsor.LockoutEnd, false)).ToListAsync(ct))
            .Concat(await context.GovernancePeople.AsNoTracking()
                .Where(g => g.Role == GovernanceRole.ExecutiveSponsor && (only == null || g.PartnershipId == only))
                .Select(g => new Sponsor(g.PartnershipId, g.Name, g.User == null ? null : g.User.WorkspaceId,
                    g.User == null ? null : g.User.LockoutEnd, g.UserId == null)).ToListAsync(ct))
            .ToList();
        var gaps = new List<SponsorshipGap>();
        foreach (var s in sponsors.DistinctBy(s => (s.PartnershipId, s.DisplayName, s.Gone)))
        {
            if (s.Gone || s.WorkspaceId != ws) gaps.Add(new(s.PartnershipId, $"The executive sponsor {s.DisplayName} has left the workspace."));
            else if (s.LockoutEnd is { } until && until > now) gaps.Add(new(s.PartnershipId, $"The executive sponsor {s.DisplayName}'s account is deactivated."));
        }
        // A partner side without a manager is a gap once governance is recorded at all (anyone named): before that the
        // partnership shows "no sponsor" or nothing, as it always did.
        var named = context.GovernancePeople.Select(g => g.PartnershipId);
        var withPartnerManager = context.GovernancePeople.Where(g => g.Side == GovernanceSide.Partner && g.Role == GovernanceRole.Manager)
            .Select(g => g.PartnershipId);
        foreach (var id in await partnerships.Where(p => named.Contains(p.Id) && !withPartnerManager.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct))
            gaps.Add(new(id, "The partner side has no partnership manager."));
        return gaps.DistinctBy(g => (g.PartnershipId, g.Reason)).OrderBy(g => g.PartnershipId).ToList();
    }

    sealed record Sponsor(int PartnershipId, string DisplayName, int? WorkspaceId, DateTimeOffset? LockoutEnd, bool Gone);

    // --- RACI -----------------------------------------------------------------------------------------

    /// <summary>The saved matrix, or the starter set for the partnership's type (version 0) while none is saved.</summary>
    public async Task<RaciDto> RaciAsync(int partnershipId, CancellationToken ct = default)
    {
        var type = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => (Core.Partnerships.PartnershipType?)p.Type).FirstOrDefaultAsync(ct)
            ?? throw new NotFound($"Partnership {partnershipId}");
        var m = await db.RaciMatrices.AsNoTracking().FirstOrDefaultAsync(m => m.PartnershipId == partnershipId, ct);
        return m is null
            ? new(partnershipId, Raci.Starter(type), true, 0, null, null)
            : new(partnershipId, m.Matrix.ToData(), false, m.Version, m.UpdatedByName, m.UpdatedAt);
    }

    /// <summary>Saves the whole matrix after <see cref="Raci.Validate"/>; send the version read (0 for the first save).</summary>
    public async Task<RaciDto> SaveRaciAsync(int partnershipId, RaciInput input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(Raci.Validate(input.Matrix));
        var version = Partners.PartnersApi.RequireVersion(input.Version);
        await PartnershipNameAsync(partnershipId, ct);
        var m = await db.RaciMatrices.FirstOrDefaultAsync(m => m.PartnershipId == partnershipId, ct);
        if (m is null)
        {
            if (version != 0) throw new Conflict("The matrix no longer exists. Reload the page and save it again.");
            m = new RaciMatrix { PartnershipId = partnershipId, Version = 1 };
            db.RaciMatrices.Add(m);
        }
        else PartnerService.ExpectVersion(db, m, version);
        m.Matrix = RaciDocument.From(Raci.Normalize(input.Matrix!));
        m.UpdatedByName = db.Tenant.UserName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new Conflict("Someone else saved this partnership's first matrix at the same time. Reload the page to see it.");
        }
        return await RaciAsync(partnershipId, ct);
    }
}
