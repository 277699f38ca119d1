using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Health;

// The activity the health module can see today. Observations and agreement activity come from the measurement and
// agreements modules' own IActivitySource implementations.

/// <summary>Lifecycle moves recorded on a partnership.</summary>
public sealed class StageMoveActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.StageMoves;
    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.StageTransitions.Select(t => new PartnershipActivity { PartnershipId = t.PartnershipId, At = t.At });
}

/// <summary>Scorecard evaluations submitted for a partnership.</summary>
public sealed class EvaluationActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.Evaluations;
    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.ScorecardEvaluations.Select(e => new PartnershipActivity { PartnershipId = e.PartnershipId, At = e.SubmittedAt });
}

/// <summary>
/// Survey responses, counted from the participation flags (never from the answers) and dated to the first day of the
/// round's quarter: no response time is stored, by design (anonymity), and quarter granularity is all the index needs.
/// </summary>
public sealed class SurveyResponseActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.SurveyResponses;
    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.SurveyRecipients.Where(r => r.Responded)
            .Join(db.SurveyRounds, r => r.SurveyRoundId, s => s.Id, (r, s) => new PartnershipActivity { PartnershipId = s.PartnershipId, At = s.PeriodStartsAt });
}
