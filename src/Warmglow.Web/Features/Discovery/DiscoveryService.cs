using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Discovery;

public sealed record CriterionInput(string? Key, string? Name, decimal? Weight, int? ScaleMax);
public sealed record DimensionInput(string? Name, List<CriterionInput>? Criteria);
public sealed record ScorecardInput(string? Name, string? Description, List<DimensionInput>? Dimensions, int? Version = null);

public sealed record ScorecardSummary(int Id, string Key, string Name, string? Description, bool BuiltIn, int Criteria, int Evaluations);
public sealed record ScorecardDto(int Id, string Key, string Name, string? Description, bool BuiltIn, int Version,
    IReadOnlyList<Dimension> Dimensions, IReadOnlyList<WeightShare> CriterionShares, IReadOnlyList<WeightShare> DimensionShares, int Evaluations);

public sealed record EvaluationInput(int? ScorecardId, Dictionary<string, int>? Scores, string? Notes);
public sealed record EvaluationDto(int Id, string EvaluatorId, string Evaluator, IReadOnlyDictionary<string, int> Scores, string? Notes, DateTime SubmittedAt);

/// <summary>A candidate's standing on one scorecard. Individual scores and the combined result stay hidden from an
/// evaluator until they have submitted their own (so that nobody anchors on the others).</summary>
public sealed record CandidateScorecard(int ScorecardId, string Scorecard, int EvaluatorCount, bool SubmittedByMe, bool Hidden,
    CombinedScore? Combined, IReadOnlyList<EvaluationDto> Evaluations);

public sealed record RankingRow(int PartnershipId, string Partnership, string? Partner, PartnershipStage Stage, decimal? Score,
    int? Rank, bool Shortlisted, int Evaluators, bool Disagreement, IReadOnlyList<DimensionScore> Dimensions);
/// <param name="LeftOut">Scored partnerships left out of the ranking because they are no longer candidates (live, winding down, ended or rejected).</param>
public sealed record RankingDto(int ScorecardId, string Scorecard, decimal Threshold, int Shortlisted, IReadOnlyList<RankingRow> Rows, int LeftOut = 0);

public sealed record DecisionInput(bool? Go, string? Reasons);
public sealed record DecisionDto(int Id, bool Go, string Reasons, string DecidedBy, DateTime At);

public sealed record PilotInput(string? Scope, DateOnly? StartDate, int? DurationWeeks, string? SuccessCriteria,
    List<PilotMilestone>? Milestones, PilotVerdict? Verdict, string? VerdictNotes, int? Version);
public sealed record PilotDto(int Id, string Scope, DateOnly? StartDate, int DurationWeeks, string SuccessCriteria,
    IReadOnlyList<PilotMilestone> Milestones, PilotVerdict Verdict, string? VerdictNotes, int Version);

public sealed record StepInput(bool? Done, string? Notes);
public sealed record StepDto(VettingStep Step, string Name, bool Done, string? Notes, string? By, DateTime? At);

public sealed record VettingDto(decimal Threshold, GateFacts Facts, IReadOnlyList<StepDto> Steps, IReadOnlyList<CandidateScorecard> Scorecards,
    IReadOnlyList<DecisionDto> Decisions, PilotDto? Pilot);

/// <summary>Discovery and vetting: scorecard templates, evaluations, rankings, go / no-go decisions, pilots, the gate facts.</summary>
public sealed class DiscoveryService(WarmglowDb db)
{
    public const decimal DefaultThreshold = 70m;

    // --- templates -----------------------------------------------------------------------------------

    /// <summary>Every new workspace starts with the built-in templates (called when a workspace is created).</summary>
    public static IEnumerable<Scorecard> BuiltIns(int workspaceId) => BuiltInTemplates.All.Select(t => new Scorecard
    {
        WorkspaceId = workspaceId, Key = t.Key, Name = t.Name, Description = t.Description, BuiltInKey = t.Key, Dimensions = t.Dimensions.ToList(),
    });

    public async Task<List<ScorecardSummary>> ListScorecardsAsync(CancellationToken ct = default)
    {
        var cards = await db.Scorecards.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var counts = await db.ScorecardEvaluations.GroupBy(e => e.ScorecardId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return cards.Select(s => new ScorecardSummary(s.Id, s.Key, s.Name, s.Description, s.BuiltInKey is not null,
            s.Dimensions.Sum(d => d.Criteria.Count), counts.GetValueOrDefault(s.Id))).ToList();
    }

    public async Task<ScorecardDto> GetScorecardAsync(int id, CancellationToken ct = default)
    {
        var s = await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Scorecard {id}");
        var template = s.ToTemplate();
        var evaluations = await db.ScorecardEvaluations.CountAsync(e => e.ScorecardId == id, ct);
        return new ScorecardDto(s.Id, s.Key, s.Name, s.Description, s.BuiltInKey is not null, s.Version, s.Dimensions,
            s.Dimensions.Count == 0 ? [] : TemplateRules.CriterionShares(template), s.Dimensions.Count == 0 ? [] : TemplateRules.DimensionShares(template), evaluations);
    }

    public async Task<Scorecard> CreateScorecardAsync(ScorecardInput input, CancellationToken ct = default)
    {
        var (template, errors) = ToTemplate(input, key: null);
        ValidationFailed.ThrowIfAny(errors);
        var key = template.Key;
        for (var i = 2; await db.Scorecards.AnyAsync(s => s.Key == key, ct); i++) key = $"{template.Key}-{i}";
        var card = new Scorecard { Key = key, Name = template.Name, Description = FieldRules.Clean(input.Description), Dimensions = template.Dimensions.ToList() };
        db.Scorecards.Add(card);
        await db.SaveChangesAsync(ct);
        return card;
    }

    public async Task<Scorecard> UpdateScorecardAsync(int id, ScorecardInput input, CancellationToken ct = default)
    {
        var card = await db.Scorecards.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFound($"Scorecard {id}");
        var (template, errors) = ToTemplate(input, card.Key);
        if (input.Version is null) errors.Add("version", "is required: send the version you read, so that concurrent edits are detected.");
        ValidationFailed.ThrowIfAny(errors);
        PartnerServiceVersion(card, input.Version!.Value);
        var criteriaChanged = !SameCriteria(card.Dimensions, template.Dimensions);
        if (criteriaChanged && await db.ScorecardEvaluations.AnyAsync(e => e.ScorecardId == id, ct))
            throw new Conflict($"'{card.Name}' already has evaluations, so its criteria, weights and scales are fixed. Create a new scorecard (copy this one) to change them; the name and description can still change.");
        card.Name = template.Name;
        card.Description = FieldRules.Clean(input.Description);
        card.Dimensions = template.Dimensions.ToList();
        await db.SaveChangesAsync(ct);
        return card;
    }

    public async Task DeleteScorecardAsync(int id, CancellationToken ct = default)
    {
        var card = await db.Scorecards.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFound($"Scorecard {id}");
        if (await db.ScorecardEvaluations.AnyAsync(e => e.ScorecardId == id, ct))
            throw new Conflict($"'{card.Name}' has evaluations; it cannot be deleted.");
        db.Scorecards.Remove(card);
        await db.SaveChangesAsync(ct);
    }

    static bool SameCriteria(List<Dimension> a, IReadOnlyList<Dimension> b) =>
        JsonSig(a) == JsonSig(b);

    static string JsonSig(IEnumerable<Dimension> dims) => string.Join("|", dims.SelectMany(d => d.Criteria).Select(c => $"{c.Key}:{c.Weight}:{c.ScaleMax}"));

    void PartnerServiceVersion(Scorecard card, int version) => db.Entry(card).Property(e => e.Version).OriginalValue = version;

    /// <summary>Builds a template from form/API input; criterion keys come from names when not given.</summary>
    static (ScorecardTemplate Template, FieldErrors Errors) ToTemplate(ScorecardInput input, string? key)
    {
        // A null entry ("dimensions": [null]) becomes an empty one, which the rules below refuse by name.
        var dims = (input.Dimensions ?? []).Select(d => new Dimension(d?.Name?.Trim() ?? "",
            (d?.Criteria ?? []).Select(c => new Criterion(
                FieldRules.Clean(c?.Key) ?? Slug(c?.Name), c?.Name?.Trim() ?? "", c?.Weight ?? 0, c?.ScaleMax ?? 0)).ToList())).ToList();
        var template = new ScorecardTemplate(key ?? Slug(input.Name), input.Name?.Trim() ?? "", input.Description?.Trim() ?? "", dims);
        var errors = TemplateRules.Validate(template);
        return (template, errors);
    }

    public static string Slug(string? name)
    {
        var sb = new StringBuilder();
        foreach (var c in (name ?? "").Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > TemplateRules.KeyMax ? slug[..TemplateRules.KeyMax].Trim('-') : slug.Length == 0 ? "scorecard" : slug;
    }

    // --- evaluations -----------------------------------------------------------------------------------

    public async Task<ScorecardEvaluation> SubmitAsync(int partnershipId, EvaluationInput input, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        if (input.ScorecardId is null) throw ValidationFailed.For("scorecardId", "is required.");
        var card = await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.ScorecardId, ct)
            ?? throw ValidationFailed.For("scorecardId", $"no scorecard {input.ScorecardId} in this workspace.");
        ValidationFailed.ThrowIfAny(ScoreRules.Validate(card.ToTemplate(), input.Scores).Optional("notes", input.Notes, 4000));
        var me = db.Tenant.UserId ?? throw new InvalidOperationException("An evaluation needs a signed-in user.");
        if (await db.ScorecardEvaluations.AnyAsync(e => e.ScorecardId == card.Id && e.PartnershipId == partnershipId && e.EvaluatorId == me, ct))
            throw new Conflict($"You already scored this candidate on '{card.Name}'. Evaluations are final once submitted.");
        var evaluation = new ScorecardEvaluation
        {
            ScorecardId = card.Id, PartnershipId = partnershipId, EvaluatorId = me, EvaluatorName = db.Tenant.UserName,
            Scores = input.Scores!.ToDictionary(s => s.Key.ToLowerInvariant(), s => s.Value), Notes = FieldRules.Clean(input.Notes), SubmittedAt = db.UtcNow,
        };
        db.ScorecardEvaluations.Add(evaluation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // A parallel submission by the same evaluator won the race: the unique index refused this one.
            db.Entry(evaluation).State = EntityState.Detached;
            if (await db.ScorecardEvaluations.AsNoTracking().AnyAsync(e => e.ScorecardId == card.Id && e.PartnershipId == partnershipId && e.EvaluatorId == me, ct))
                throw new Conflict($"You already scored this candidate on '{card.Name}'. Evaluations are final once submitted.");
            throw;
        }
        return evaluation;
    }

    /// <summary>Admins, managers and executives run the process and see every score; evaluators see others' only after submitting.</summary>
    static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Executive);

    public async Task<VettingDto> VettingAsync(int partnershipId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var me = db.Tenant.UserId;
        var evaluations = await db.ScorecardEvaluations.AsNoTracking().Where(e => e.PartnershipId == partnershipId).OrderBy(e => e.SubmittedAt).ToListAsync(ct);
        var ids = evaluations.Select(e => e.ScorecardId).Distinct().ToList();
        var cards = await db.Scorecards.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var seesAll = SeesAll(user);
        var combined = CombineByScorecard(evaluations, cards);
        var scorecards = evaluations.GroupBy(e => e.ScorecardId).Select(g =>
        {
            var card = cards[g.Key];
            var mine = g.Any(e => e.EvaluatorId == me);
            var hidden = !seesAll && !mine;
            return new CandidateScorecard(card.Id, card.Name, g.Count(), mine, hidden, hidden ? null : combined[g.Key],
                hidden ? [] : g.Select(ToDto).ToList());
        }).OrderBy(s => s.Scorecard).ToList();
        var decisions = await db.VettingDecisions.AsNoTracking().Where(d => d.PartnershipId == partnershipId)
            .OrderByDescending(d => d.At).ThenByDescending(d => d.Id)
            .Select(d => new DecisionDto(d.Id, d.Go, d.Reasons, d.DecidedByName, d.At)).ToListAsync(ct);
        var pilot = await GetPilotAsync(partnershipId, ct);
        var steps = await StepsAsync(partnershipId, ct);
        // The gate facts, from what is already loaded (decisions are newest first).
        var facts = new GateFacts(combined.Values.Max(c => c.Overall), await ThresholdAsync(ct), decisions.FirstOrDefault()?.Go,
            pilot?.Verdict, steps.Where(s => s.Done).Select(s => s.Step).ToList());
        return new VettingDto(facts.Threshold, seesAll ? facts : facts with { BestScore = null }, steps, scorecards, decisions, pilot);
    }

    static Dictionary<int, CombinedScore> CombineByScorecard(List<ScorecardEvaluation> evaluations, Dictionary<int, Scorecard> cards) =>
        evaluations.GroupBy(e => e.ScorecardId).ToDictionary(g => g.Key,
            g => ScoreRules.Combine(cards[g.Key].ToTemplate(), g.Select(e => new Evaluation(e.EvaluatorId, e.Scores)).ToList()));

    static EvaluationDto ToDto(ScorecardEvaluation e) => new(e.Id, e.EvaluatorId, e.EvaluatorName, e.Scores, e.Notes, e.SubmittedAt);

    /// <summary>What the vetting gate needs to know about a candidate (see <see cref="VettingGate"/>).</summary>
    public async Task<GateFacts> GateFactsAsync(int partnershipId, CancellationToken ct = default)
    {
        var threshold = await ThresholdAsync(ct);
        var evaluations = await db.ScorecardEvaluations.AsNoTracking().Where(e => e.PartnershipId == partnershipId).ToListAsync(ct);
        var ids = evaluations.Select(e => e.ScorecardId).Distinct().ToList();
        var cards = await db.Scorecards.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var best = CombineByScorecard(evaluations, cards).Values.Max(c => c.Overall);
        var latest = await db.VettingDecisions.AsNoTracking().Where(d => d.PartnershipId == partnershipId)
            .OrderByDescending(d => d.At).ThenByDescending(d => d.Id).Select(d => (bool?)d.Go).FirstOrDefaultAsync(ct);
        var verdict = await db.Pilots.AsNoTracking().Where(p => p.PartnershipId == partnershipId).Select(p => (PilotVerdict?)p.Verdict).FirstOrDefaultAsync(ct);
        var done = await db.VettingSteps.AsNoTracking().Where(v => v.PartnershipId == partnershipId && v.Done).Select(v => v.Step).ToListAsync(ct);
        return new GateFacts(best, threshold, latest, verdict, done);
    }

    public async Task<decimal> ThresholdAsync(CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        return await db.Workspaces.Where(w => w.Id == ws).Select(w => w.ShortlistThreshold).FirstAsync(ct);
    }

    public async Task SetThresholdAsync(decimal? threshold, CancellationToken ct = default)
    {
        if (threshold is not { } t || t < 0 || t > 100) throw ValidationFailed.For("threshold", "must be a number from 0 to 100.");
        var ws = db.Tenant.RequireWorkspace();
        var workspace = await db.Workspaces.FirstAsync(w => w.Id == ws, ct);
        var before = workspace.ShortlistThreshold;
        workspace.ShortlistThreshold = t;
        db.AuditEntries.Add(new Audit.AuditEntry
        {
            WorkspaceId = ws, At = db.UtcNow, UserId = db.Tenant.UserId, UserName = db.Tenant.UserName, EntityType = "Workspace", EntityId = ws.ToString(),
            Action = "ThresholdChanged", Before = $"{{\"ShortlistThreshold\":{before}}}", After = $"{{\"ShortlistThreshold\":{t}}}",
        });
        await db.SaveChangesAsync(ct);
    }

    // --- vetting steps ---------------------------------------------------------------------------------

    public static string StepName(VettingStep step) => step switch
    {
        VettingStep.DeskResearch => "Desk research",
        VettingStep.IntroCall => "Introductory call",
        VettingStep.ReferenceChecks => "Reference checks",
        VettingStep.ValuePropositionDocument => "Mutual value proposition document",
        _ => step.ToString(),
    };

    public async Task<List<StepDto>> StepsAsync(int partnershipId, CancellationToken ct = default)
    {
        var records = await db.VettingSteps.AsNoTracking().Where(v => v.PartnershipId == partnershipId).ToDictionaryAsync(v => v.Step, ct);
        return Enum.GetValues<VettingStep>().Select(s => records.TryGetValue(s, out var r)
            ? new StepDto(s, StepName(s), r.Done, r.Notes, r.ByName, r.At)
            : new StepDto(s, StepName(s), false, null, null, null)).ToList();
    }

    /// <summary>Ticks a vetting step off (or reopens it), recording who and when.</summary>
    public async Task<StepDto> SetStepAsync(int partnershipId, VettingStep step, StepInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Optional("notes", input.Notes, 4000);
        if (input.Done is null) errors.Add("done", "is required: true when the step is done.");
        if (!Enum.IsDefined(step)) errors.Add("step", $"one of: {string.Join(", ", Enum.GetNames<VettingStep>())}.");
        ValidationFailed.ThrowIfAny(errors);
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var record = await db.VettingSteps.FirstOrDefaultAsync(v => v.PartnershipId == partnershipId && v.Step == step, ct);
        if (record is null)
        {
            record = new VettingStepRecord { PartnershipId = partnershipId, Step = step, ByName = "" };
            db.VettingSteps.Add(record);
        }
        record.Done = input.Done!.Value;
        record.Notes = FieldRules.Clean(input.Notes) ?? record.Notes;
        record.ById = db.Tenant.UserId;
        record.ByName = db.Tenant.UserName;
        record.At = db.UtcNow;
        await db.SaveChangesAsync(ct);
        return new StepDto(step, StepName(step), record.Done, record.Notes, record.ByName, record.At);
    }

    // --- ranking ---------------------------------------------------------------------------------------

    public async Task<RankingDto> RankingAsync(int scorecardId, CancellationToken ct = default)
    {
        var card = await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scorecardId, ct) ?? throw new NotFound($"Scorecard {scorecardId}");
        var template = card.ToTemplate();
        var threshold = await ThresholdAsync(ct);
        var evaluations = await db.ScorecardEvaluations.AsNoTracking().Where(e => e.ScorecardId == scorecardId)
            .Select(e => new { e.PartnershipId, e.EvaluatorId, e.Scores }).ToListAsync(ct);
        var combined = evaluations.GroupBy(e => e.PartnershipId)
            .ToDictionary(g => g.Key, g => ScoreRules.Combine(template, g.Select(e => new Evaluation(e.EvaluatorId, e.Scores)).ToList()));
        var ids = combined.Keys.ToList();
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Stage, Partner = p.Members.Where(m => m.IsLead).Select(m => m.Partner!.Name).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Id, ct);
        // Only candidates are ranked and shortlisted: a partnership already live, winding down, ended or rejected is not
        // competing for a place any more (it is counted apart).
        var candidates = partnerships.Values.Where(p => Lifecycle.IsCandidate(p.Stage)).Select(p => p.Id).ToHashSet();
        var ranked = Ranking.Rank(combined.Where(c => candidates.Contains(c.Key)).Select(c => (c.Key, c.Value.Overall)), threshold);
        var rows = ranked.Select(r =>
        {
            var p = partnerships[r.Id];
            var c = combined[r.Id];
            return new RankingRow(p.Id, p.Name, p.Partner, p.Stage, r.Score, r.Rank, r.Shortlisted, c.EvaluatorCount, c.HasDisagreement, c.Dimensions);
        }).ToList();
        return new RankingDto(card.Id, card.Name, threshold, rows.Count(r => r.Shortlisted), rows, partnerships.Count - candidates.Count);
    }

    // --- decisions and pilots -------------------------------------------------------------------------

    public async Task<VettingDecision> DecideAsync(int partnershipId, DecisionInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("reasons", input.Reasons, 4000);
        if (input.Go is null) errors.Add("go", "is required: true for go, false for no-go.");
        ValidationFailed.ThrowIfAny(errors);
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var decision = new VettingDecision
        {
            PartnershipId = partnershipId, Go = input.Go!.Value, Reasons = input.Reasons!.Trim(),
            DecidedById = db.Tenant.UserId, DecidedByName = db.Tenant.UserName, At = db.UtcNow,
        };
        db.VettingDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return decision;
    }

    public async Task<PilotDto?> GetPilotAsync(int partnershipId, CancellationToken ct = default) =>
        await db.Pilots.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .Select(p => new PilotDto(p.Id, p.Scope, p.StartDate, p.DurationWeeks, p.SuccessCriteria, p.Milestones, p.Verdict, p.VerdictNotes, p.Version))
            .FirstOrDefaultAsync(ct);

    public async Task<PilotDto> SavePilotAsync(int partnershipId, PilotInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("scope", input.Scope, 4000).Required("successCriteria", input.SuccessCriteria, 4000)
            .Optional("verdictNotes", input.VerdictNotes, 4000);
        if (input.DurationWeeks is not (>= 1 and <= 104)) errors.Add("durationWeeks", "must be a whole number of weeks from 1 to 104.");
        var milestones = input.Milestones ?? [];
        if (milestones.Count > 50) errors.Add("milestones", "at most 50.");
        for (var i = 0; i < milestones.Count; i++) errors.Required($"milestones[{i}].name", milestones[i]?.Name, 200);
        if (input.Verdict is { } v && v != PilotVerdict.Pending && FieldRules.Clean(input.VerdictNotes) is null)
            errors.Add("verdictNotes", "explain the verdict: what the pilot showed against its success criteria.");
        ValidationFailed.ThrowIfAny(errors);
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var pilot = await db.Pilots.FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, ct);
        if (pilot is null)
        {
            pilot = new Pilot { PartnershipId = partnershipId, Scope = "", SuccessCriteria = "" };
            db.Pilots.Add(pilot);
        }
        else
        {
            if (input.Version is null) throw ValidationFailed.For("version", "is required when changing an existing pilot.");
            db.Entry(pilot).Property(p => p.Version).OriginalValue = input.Version.Value;
        }
        pilot.Scope = input.Scope!.Trim();
        pilot.StartDate = input.StartDate;
        pilot.DurationWeeks = input.DurationWeeks!.Value;
        pilot.SuccessCriteria = input.SuccessCriteria!.Trim();
        pilot.Milestones = milestones.Select(m => m with { Name = m.Name.Trim() }).ToList();
        pilot.Verdict = input.Verdict ?? PilotVerdict.Pending;
        pilot.VerdictNotes = FieldRules.Clean(input.VerdictNotes);
        await db.SaveChangesAsync(ct);
        return (await GetPilotAsync(partnershipId, ct))!;
    }
}
