using System.Linq.Expressions;
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
        db.StageTransitions.Select(t => new PartnershipActivity(t.PartnershipId, t.At));
}

/// <summary>Scorecard evaluations submitted for a partnership.</summary>
public sealed class EvaluationActivity : IActivitySource
{
    public ActivityKind Kind => ActivityKind.Evaluations;
    public IQueryable<PartnershipActivity> Query(WarmglowDb db) =>
        db.ScorecardEvaluations.Select(e => new PartnershipActivity(e.PartnershipId, e.SubmittedAt));
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
            .Join(db.SurveyRounds, r => r.SurveyRoundId, s => s.Id, (r, s) => new PartnershipActivity(s.PartnershipId, s.PeriodStartsAt));
}

/// <summary>An activity row EF can filter and group on (settable members).</summary>
public sealed class ActivityRow
{
    public int PartnershipId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>An overdue review reduced to what the red flags need.</summary>
public sealed class OverdueRow
{
    public int PartnershipId { get; set; }
}

/// <summary>
/// EF cannot translate a member read on a positional record built in a projection
/// (<c>Select(t =&gt; new PartnershipActivity(t.PartnershipId, t.At)).Where(a =&gt; a.At &gt; x)</c>), which is how the
/// signal contracts are naturally implemented. This rebuilds the source's last projection to construct a class with
/// settable members instead (same arguments, bound by parameter name), so consumers can filter and group in the database.
/// </summary>
public static class ActivityQuery
{
    public static IQueryable<ActivityRow> Rows(IQueryable<PartnershipActivity> query) =>
        Reproject<PartnershipActivity, ActivityRow>(query) ?? query.Select(a => new ActivityRow { PartnershipId = a.PartnershipId, At = a.At });

    public static IQueryable<OverdueRow> Rows(IQueryable<OverdueReview> query) =>
        Reproject<OverdueReview, OverdueRow>(query) ?? query.Select(a => new OverdueRow { PartnershipId = a.PartnershipId });

    static IQueryable<TRow>? Reproject<TRecord, TRow>(IQueryable<TRecord> query)
    {
        if (query.Expression is not MethodCallExpression { Method.IsGenericMethod: true } call || call.Method.DeclaringType != typeof(Queryable)
            || call.Arguments[^1] is not UnaryExpression { Operand: LambdaExpression lambda }
            || lambda.Body is not NewExpression { Constructor: { } ctor } created || created.Type != typeof(TRecord))
            return null;
        var parameters = ctor.GetParameters();
        var bindings = typeof(TRow).GetProperties()
            .Select(prop => (prop, index: Array.FindIndex(parameters, p => string.Equals(p.Name, prop.Name, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.index >= 0)
            .Select(x => (MemberBinding)Expression.Bind(x.prop, created.Arguments[x.index]))
            .ToList();
        var projection = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(TRow)), bindings), lambda.Parameters);
        var types = call.Method.GetGenericArguments();
        if (types[^1] != typeof(TRecord)) return null;
        types[^1] = typeof(TRow);
        var method = call.Method.GetGenericMethodDefinition().MakeGenericMethod(types);
        var args = call.Arguments.Take(call.Arguments.Count - 1).Append(Expression.Quote(projection));
        return query.Provider.CreateQuery<TRow>(Expression.Call(null, method, args));
    }
}
