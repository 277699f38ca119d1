using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Strategy;

public sealed record PersonaInput(string? Name, string? Values, string? MarketPosition, string? OperationalStyle,
    string? Size, string? Industry, string? Region, string? Notes, int? ScorecardId = null)
{
    public FieldErrors Validate() => new FieldErrors()
        .Required("name", Name, StrategyRules.NameMax)
        .Optional("values", Values, StrategyRules.DescriptionMax)
        .Optional("marketPosition", MarketPosition, StrategyRules.DescriptionMax)
        .Optional("operationalStyle", OperationalStyle, StrategyRules.DescriptionMax)
        .Optional("size", Size, StrategyRules.ShortMax)
        .Optional("industry", Industry, StrategyRules.ShortMax)
        .Optional("region", Region, StrategyRules.ShortMax)
        .Optional("notes", Notes, StrategyRules.TextMax);
}

public sealed record PersonaDto(int Id, string Name, string? Values, string? MarketPosition, string? OperationalStyle,
    string? Size, string? Industry, string? Region, string? Notes, int Version, DateTime CreatedAt, DateTime UpdatedAt,
    int? ScorecardId = null, string? Scorecard = null);

/// <summary>Partner personas: profiles of the ideal partner.</summary>
public sealed class PersonaService(WarmglowDb db)
{
    public Task<Paged<PersonaDto>> ListAsync(int? page, int? pageSize, CancellationToken ct = default) =>
        Project(db.Personas.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)).ToPageAsync(page, pageSize, ct);

    public async Task<PersonaDto> GetAsync(int id, CancellationToken ct = default) =>
        await Project(db.Personas.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFound($"Persona {id}");

    IQueryable<PersonaDto> Project(IQueryable<PartnerPersona> q) =>
        q.Select(p => new PersonaDto(p.Id, p.Name, p.Values, p.MarketPosition, p.OperationalStyle, p.Size, p.Industry, p.Region, p.Notes,
            p.Version, p.CreatedAt, p.UpdatedAt, p.ScorecardId, db.Scorecards.Where(s => s.Id == p.ScorecardId).Select(s => s.Name).FirstOrDefault()));

    async Task CheckScorecardAsync(PersonaInput input, CancellationToken ct)
    {
        var errors = input.Validate();
        if (input.ScorecardId is { } sid && !await db.Scorecards.AnyAsync(s => s.Id == sid, ct))
            errors.Add("scorecardId", $"no scorecard {sid} in this workspace.");
        ValidationFailed.ThrowIfAny(errors);
    }

    public async Task<PartnerPersona> CreateAsync(PersonaInput input, CancellationToken ct = default)
    {
        await CheckScorecardAsync(input, ct);
        var persona = new PartnerPersona { Name = "" };
        Apply(persona, input);
        db.Personas.Add(persona);
        await db.SaveChangesAsync(ct);
        return persona;
    }

    public async Task<PartnerPersona> UpdateAsync(int id, PersonaInput input, int version, CancellationToken ct = default)
    {
        var persona = await db.Personas.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFound($"Persona {id}");
        await CheckScorecardAsync(input, ct);
        PartnerService.ExpectVersion(db, persona, version);
        Apply(persona, input);
        await db.SaveChangesAsync(ct);
        return persona;
    }

    public async Task DeleteAsync(int id, int? version, CancellationToken ct = default)
    {
        var persona = await db.Personas.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFound($"Persona {id}");
        if (version is { } v) PartnerService.ExpectVersion(db, persona, v);
        db.Personas.Remove(persona);
        await db.SaveChangesAsync(ct);
    }

    static void Apply(PartnerPersona p, PersonaInput i)
    {
        p.Name = i.Name!.Trim();
        p.Values = FieldRules.Clean(i.Values);
        p.MarketPosition = FieldRules.Clean(i.MarketPosition);
        p.OperationalStyle = FieldRules.Clean(i.OperationalStyle);
        p.Size = FieldRules.Clean(i.Size);
        p.Industry = FieldRules.Clean(i.Industry);
        p.Region = FieldRules.Clean(i.Region);
        p.Notes = FieldRules.Clean(i.Notes);
        p.ScorecardId = i.ScorecardId;
    }
}
