using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Strategy;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Strategy;

public static class StrategyRules
{
    public const int NameMax = 200;
    public const int ShortMax = 100;
    public const int DescriptionMax = 2000;
    public const int TextMax = 4000;
    public const int ListItemMax = 300;
    public const int ListMax = 50;

    /// <summary>At most <see cref="ListMax"/> entries, each present and at most <see cref="ListItemMax"/> characters. Field names "strengths[2]".</summary>
    public static FieldErrors List(this FieldErrors errors, string field, IReadOnlyList<string?>? items)
    {
        items ??= [];
        if (items.Count > ListMax) errors.Add(field, $"must have at most {ListMax} entries (got {items.Count}).");
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i])) errors.Add($"{field}[{i}]", "must not be blank.");
            else errors.Optional($"{field}[{i}]", items[i], ListItemMax);
        }
        return errors;
    }

    public static List<string> CleanList(IReadOnlyList<string?>? items) =>
        (items ?? []).Select(FieldRules.Clean).OfType<string>().ToList();
}

public sealed record SelfAssessmentDto(int Id, DateTime TakenAt, string TakenBy, SelfAssessmentScores Scores, decimal Average);

public sealed record SelfAssessmentComparisonDto(SelfAssessmentDto From, SelfAssessmentDto To, SelfAssessmentComparison Comparison);

public sealed record StatementInput(string? WhatWeNeed, string? WhatWeCanGive, string? WhoCanHelp,
    IReadOnlyList<string?>? Strengths, IReadOnlyList<string?>? Weaknesses, IReadOnlyList<string?>? Opportunities, IReadOnlyList<string?>? Threats,
    int? Version = null)
{
    public FieldErrors Validate() => new FieldErrors()
        .Optional("whatWeNeed", WhatWeNeed, StrategyRules.TextMax)
        .Optional("whatWeCanGive", WhatWeCanGive, StrategyRules.TextMax)
        .Optional("whoCanHelp", WhoCanHelp, StrategyRules.TextMax)
        .List("strengths", Strengths).List("weaknesses", Weaknesses).List("opportunities", Opportunities).List("threats", Threats);
}

/// <param name="Version">0 while no statement has been saved; send it back with the first save.</param>
public sealed record StatementDto(string? WhatWeNeed, string? WhatWeCanGive, string? WhoCanHelp,
    IReadOnlyList<string> Strengths, IReadOnlyList<string> Weaknesses, IReadOnlyList<string> Opportunities, IReadOnlyList<string> Threats,
    int Version, DateTime? UpdatedAt);

/// <summary>The workspace's self-assessments and strategy statement: the one place they change.</summary>
public sealed class StrategyService(WarmglowDb db)
{
    public async Task<Paged<SelfAssessmentDto>> ListAssessmentsAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var rows = await db.SelfAssessments.AsNoTracking().OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id).ToPageAsync(page, pageSize, ct);
        return new Paged<SelfAssessmentDto>(rows.Items.Select(ToDto).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    public async Task<SelfAssessmentDto> GetAssessmentAsync(int id, CancellationToken ct = default) =>
        ToDto(await db.SelfAssessments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFound($"Self-assessment {id}"));

    /// <summary>Records a new snapshot, dated now. Snapshots are never edited.</summary>
    public async Task<SelfAssessmentDto> TakeAssessmentAsync(SelfAssessmentScores? scores, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(SelfAssessment.Validate(scores));
        var snapshot = new SelfAssessmentSnapshot { TakenAt = db.UtcNow, TakenByUserId = db.Tenant.UserId, TakenByName = db.Tenant.UserName };
        snapshot.SetScores(scores!);
        db.SelfAssessments.Add(snapshot);
        await db.SaveChangesAsync(ct);
        return ToDto(snapshot);
    }

    public async Task<SelfAssessmentComparisonDto> CompareAsync(int? fromId, int? toId, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (fromId is null) errors.Add("from", "is required: the id of the earlier self-assessment.");
        if (toId is null) errors.Add("to", "is required: the id of the later self-assessment.");
        ValidationFailed.ThrowIfAny(errors);
        var from = await GetAssessmentAsync(fromId!.Value, ct);
        var to = await GetAssessmentAsync(toId!.Value, ct);
        return new(from, to, SelfAssessment.Compare(from.Scores, to.Scores));
    }

    static SelfAssessmentDto ToDto(SelfAssessmentSnapshot s)
    {
        var scores = s.ToScores();
        var average = (decimal)SelfAssessment.Dimensions.Sum(d => scores[d]!.Score) / SelfAssessment.Dimensions.Count;
        return new(s.Id, s.TakenAt, s.TakenByName, scores, average);
    }

    public async Task<StatementDto> GetStatementAsync(CancellationToken ct = default)
    {
        var s = await db.StrategyStatements.AsNoTracking().FirstOrDefaultAsync(ct);
        return s is null
            ? new StatementDto(null, null, null, [], [], [], [], 0, null)
            : new StatementDto(s.WhatWeNeed, s.WhatWeCanGive, s.WhoCanHelp, s.Strengths, s.Weaknesses, s.Opportunities, s.Threats, s.Version, s.UpdatedAt);
    }

    /// <summary>Creates or updates the one statement of the workspace; the version must be the one read (0 before the first save).</summary>
    public async Task<StatementDto> SaveStatementAsync(StatementInput input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(input.Validate());
        var version = PartnersApi.RequireVersion(input.Version);
        var s = await db.StrategyStatements.FirstOrDefaultAsync(ct);
        var creating = s is null;
        if (s is null)
        {
            if (version != 0) throw new Conflict("The strategy statement no longer exists. Reload the page and save it again.");
            // Version 1 from the start, so that 0 always means "none saved yet" and a second first save conflicts.
            s = new StrategyStatement { Version = 1 };
            db.StrategyStatements.Add(s);
        }
        else PartnerService.ExpectVersion(db, s, version);
        s.WhatWeNeed = FieldRules.Clean(input.WhatWeNeed);
        s.WhatWeCanGive = FieldRules.Clean(input.WhatWeCanGive);
        s.WhoCanHelp = FieldRules.Clean(input.WhoCanHelp);
        s.Strengths = StrategyRules.CleanList(input.Strengths);
        s.Weaknesses = StrategyRules.CleanList(input.Weaknesses);
        s.Opportunities = StrategyRules.CleanList(input.Opportunities);
        s.Threats = StrategyRules.CleanList(input.Threats);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (creating && DbErrors.IsUniqueViolation(e))
        {
            // Two first saves at once: the unique workspace index lets one win.
            throw new Conflict("Someone else saved the strategy statement at the same time. Reload the page to see their version, then apply yours again.");
        }
        return await GetStatementAsync(ct);
    }
}
