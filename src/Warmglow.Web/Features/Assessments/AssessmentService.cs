using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Assessments;

// Request bodies. Version: the version you read; omit it (or send 0) for the first save of that assessment.
public sealed record CultureInputs(CultureProfile? Ours, CultureProfile? Theirs, int? Tolerance = null, int? Version = null);
public sealed record ThreeHorizonInputs(bool H1, bool H2, bool H3, string? H1Notes = null, string? H2Notes = null, string? H3Notes = null, int? Version = null);
public sealed record ValueEquationInputs(decimal? StrategicFit, decimal? ResourceContribution, decimal? ImplementationComplexity, int? Version = null);
public sealed record CapabilityMapInputs(CapabilityProfile? Ours, CapabilityProfile? Theirs, int? Version = null);
public sealed record ValuesAlignmentInputs(IReadOnlyList<int>? Ours, IReadOnlyList<int>? Theirs, int? Tolerance = null, int? Version = null);

/// <summary>One stored assessment: its inputs (as stored), the result the Core rule computes from them, and who saved it.</summary>
public sealed record AssessmentDto<TInputs, TResult>(TInputs Inputs, TResult Result, int Version, DateTime UpdatedAt, string UpdatedBy);

/// <summary>The latest of each assessment of a partnership; null where it has not been done yet.</summary>
public sealed record PartnershipAssessmentsDto(int PartnershipId,
    AssessmentDto<CultureInputs, CultureCheckResult>? Culture,
    AssessmentDto<ThreeHorizonInputs, ThreeHorizonResult>? ThreeHorizon,
    AssessmentDto<ValueEquationInputs, PartnershipValue>? ValueEquation,
    AssessmentDto<CapabilityMapInputs, CapabilityComparison>? CapabilityMap,
    AssessmentDto<ValuesAlignmentInputs, ValuesAlignmentResult>? ValuesAlignment);

/// <summary>Candidate assessments per partnership: validated by the Core rules, stored whole (never partly), computed on read.</summary>
public sealed class AssessmentService(WarmglowDb db)
{
    static readonly JsonSerializerOptions StoreJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task<PartnershipAssessmentsDto> GetAsync(int partnershipId, CancellationToken ct = default)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        var rows = await db.PartnershipAssessments.AsNoTracking().Where(a => a.PartnershipId == partnershipId).ToListAsync(ct);
        AssessmentDto<TIn, TOut>? Read<TIn, TOut>(AssessmentKind kind, Func<TIn, TOut> compute) where TIn : class =>
            rows.FirstOrDefault(r => r.Kind == kind) is { } row && JsonSerializer.Deserialize<TIn>(row.Inputs, StoreJson) is { } inputs
                ? new AssessmentDto<TIn, TOut>(inputs, compute(inputs), row.Version, row.UpdatedAt, row.UpdatedByName)
                : null;
        return new PartnershipAssessmentsDto(partnershipId,
            Read<CultureInputs, CultureCheckResult>(AssessmentKind.Culture, i => CultureCheck.Check(i.Ours!, i.Theirs!, i.Tolerance ?? CultureCheck.DefaultTolerance)),
            Read<ThreeHorizonInputs, ThreeHorizonResult>(AssessmentKind.ThreeHorizon, i => Warmglow.Core.Scoring.ThreeHorizon.Assess(Answers(i))),
            Read<ValueEquationInputs, PartnershipValue>(AssessmentKind.ValueEquation, i => Warmglow.Core.Scoring.ValueEquation.Compute(i.StrategicFit!.Value, i.ResourceContribution!.Value, i.ImplementationComplexity!.Value)),
            Read<CapabilityMapInputs, CapabilityComparison>(AssessmentKind.CapabilityMap, i => Warmglow.Core.Scoring.CapabilityMap.Compare(i.Ours!, i.Theirs!)),
            Read<ValuesAlignmentInputs, ValuesAlignmentResult>(AssessmentKind.ValuesAlignment, i => Warmglow.Core.Scoring.ValuesAlignment.Assess(i.Ours!, i.Theirs!, i.Tolerance ?? Warmglow.Core.Scoring.ValuesAlignment.DefaultTolerance)));
    }

    public Task SaveCultureAsync(int partnershipId, CultureInputs i, CancellationToken ct = default)
    {
        var tolerance = i.Tolerance ?? CultureCheck.DefaultTolerance;
        return SaveAsync(partnershipId, AssessmentKind.Culture, CultureCheck.Validate(i.Ours, i.Theirs, tolerance),
            i with { Tolerance = tolerance, Version = null }, i.Version, ct);
    }

    public Task SaveThreeHorizonAsync(int partnershipId, ThreeHorizonInputs i, CancellationToken ct = default)
    {
        var answers = Answers(i);
        return SaveAsync(partnershipId, AssessmentKind.ThreeHorizon, Warmglow.Core.Scoring.ThreeHorizon.Validate(answers),
            new ThreeHorizonInputs(i.H1, i.H2, i.H3, FieldRules.Clean(i.H1Notes), FieldRules.Clean(i.H2Notes), FieldRules.Clean(i.H3Notes)), i.Version, ct);
    }

    public Task SaveValueEquationAsync(int partnershipId, ValueEquationInputs i, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("strategicFit", i.StrategicFit), ("resourceContribution", i.ResourceContribution), ("implementationComplexity", i.ImplementationComplexity) })
            if (value is null) errors.Add(field, $"is required: a number from {ValueEquationRange}.");
        if (errors.IsEmpty) errors = Warmglow.Core.Scoring.ValueEquation.Validate(i.StrategicFit!.Value, i.ResourceContribution!.Value, i.ImplementationComplexity!.Value);
        return SaveAsync(partnershipId, AssessmentKind.ValueEquation, errors, i with { Version = null }, i.Version, ct);
    }

    public Task SaveCapabilityMapAsync(int partnershipId, CapabilityMapInputs i, CancellationToken ct = default)
    {
        var errors = Warmglow.Core.Scoring.CapabilityMap.Validate(i.Ours, i.Theirs);
        static CapabilityProfile? Clean(CapabilityProfile? p) => p is null ? null
            : new(CleanNames(p.Strengths), CleanNames(p.Gaps));
        return SaveAsync(partnershipId, AssessmentKind.CapabilityMap, errors, new CapabilityMapInputs(Clean(i.Ours), Clean(i.Theirs)), i.Version, ct);
    }

    public Task SaveValuesAlignmentAsync(int partnershipId, ValuesAlignmentInputs i, CancellationToken ct = default)
    {
        var tolerance = i.Tolerance ?? Warmglow.Core.Scoring.ValuesAlignment.DefaultTolerance;
        return SaveAsync(partnershipId, AssessmentKind.ValuesAlignment, Warmglow.Core.Scoring.ValuesAlignment.Validate(i.Ours, i.Theirs, tolerance),
            i with { Tolerance = tolerance, Version = null }, i.Version, ct);
    }

    static string ValueEquationRange => $"{Warmglow.Core.Scoring.ValueEquation.InputMin:0} to {Warmglow.Core.Scoring.ValueEquation.InputMax:0}";

    static List<string> CleanNames(IReadOnlyList<string>? names) => (names ?? []).Select(Warmglow.Core.Scoring.CapabilityMap.Clean).ToList();

    internal static ThreeHorizonAnswers Answers(ThreeHorizonInputs i) => new(i.H1, i.H2, i.H3, i.H1Notes, i.H2Notes, i.H3Notes);

    async Task RequirePartnershipAsync(int partnershipId, CancellationToken ct)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
    }

    /// <summary>Replaces the stored inputs of one assessment in one save: all of it or, on any error, nothing.</summary>
    async Task SaveAsync<T>(int partnershipId, AssessmentKind kind, FieldErrors errors, T inputs, int? version, CancellationToken ct)
    {
        await RequirePartnershipAsync(partnershipId, ct);
        ValidationFailed.ThrowIfAny(errors);
        var row = await db.PartnershipAssessments.FirstOrDefaultAsync(a => a.PartnershipId == partnershipId && a.Kind == kind, ct);
        var creating = row is null;
        if (row is null)
        {
            if (version is > 0) throw new Conflict("This assessment no longer exists. Reload the page and save it again.");
            // Version 1 from the start: 0 means "not saved yet", so a stale first save conflicts instead of overwriting.
            row = new PartnershipAssessment { PartnershipId = partnershipId, Kind = kind, Inputs = "", UpdatedByName = "", Version = 1 };
            db.PartnershipAssessments.Add(row);
        }
        else PartnerService.ExpectVersion(db, row, PartnersApi.RequireVersion(version));
        row.Inputs = JsonSerializer.Serialize(inputs, StoreJson);
        row.UpdatedByName = db.Tenant.UserName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (creating && DbErrors.IsUniqueViolation(e))
        {
            throw new Conflict("Someone else saved this assessment at the same time. Reload the page to see theirs, then apply yours again.");
        }
    }
}
