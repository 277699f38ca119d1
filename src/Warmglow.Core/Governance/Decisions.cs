using Warmglow.Core.Validation;

namespace Warmglow.Core.Governance;

/// <summary>The kinds of decision a partnership takes (the seeds' decision framework).</summary>
public enum DecisionType { BudgetUnderLimit, BudgetOverLimit, ScopeChange, NewJointInitiative, AgreementAmendment, Termination }

/// <summary>Who takes a kind of decision.</summary>
public enum DecisionRoute { Manager, SteeringCommittee, Executive }

public enum DecisionStatus { Proposed, Decided, Superseded, Withdrawn }

/// <summary>One rule of a framework: a decision type goes to a route; committee decisions need <see cref="Quorum"/> votes.</summary>
public sealed record DecisionRule(DecisionType Type, DecisionRoute Route, int? Quorum = null);

/// <summary>
/// The decision framework (product.md §4): which decisions the partnership managers take and which go to the joint
/// steering committee or an executive. Pure: routing, validation and decision time.
/// </summary>
public static class DecisionFramework
{
    public static readonly IReadOnlyList<DecisionRule> Default =
    [
        new(DecisionType.BudgetUnderLimit, DecisionRoute.Manager),
        new(DecisionType.BudgetOverLimit, DecisionRoute.SteeringCommittee, 3),
        new(DecisionType.ScopeChange, DecisionRoute.SteeringCommittee, 3),
        new(DecisionType.NewJointInitiative, DecisionRoute.SteeringCommittee, 3),
        new(DecisionType.AgreementAmendment, DecisionRoute.Executive),
        new(DecisionType.Termination, DecisionRoute.Executive),
    ];

    public static string Describe(DecisionType t) => t switch
    {
        DecisionType.BudgetUnderLimit => "Budget under the limit",
        DecisionType.BudgetOverLimit => "Budget over the limit",
        DecisionType.ScopeChange => "Scope change",
        DecisionType.NewJointInitiative => "New joint initiative",
        DecisionType.AgreementAmendment => "Agreement amendment",
        _ => "Termination",
    };

    public static string Describe(DecisionRoute r) => r switch
    {
        DecisionRoute.Manager => "Partnership manager",
        DecisionRoute.SteeringCommittee => "Steering committee",
        _ => "Executive",
    };

    public static string Describe(DecisionStatus s) => s.ToString();

    /// <summary>Every decision type exactly once, a known route, a committee quorum of 1–20 (and none elsewhere).</summary>
    public static FieldErrors Validate(IReadOnlyList<DecisionRule>? rules)
    {
        var errors = new FieldErrors();
        if (rules is null) { errors.Add("rules", "are required."); return errors; }
        // A JSON list may hold nulls: each is an empty entry, refused by position (never a crash further on).
        if (rules.Any(r => r is null))
        {
            for (var i = 0; i < rules.Count; i++)
                if (rules[i] is null) errors.Add($"rules[{i}]", "is empty: give a decision type and its route.");
            return errors;
        }
        foreach (var t in Enum.GetValues<DecisionType>())
        {
            var n = rules.Count(r => r.Type == t);
            if (n == 0) errors.Add("rules", $"say nothing about '{Describe(t)}': give it a route.");
            else if (n > 1) errors.Add("rules", $"give '{Describe(t)}' {n} routes; give it one.");
        }
        foreach (var r in rules)
        {
            if (!Enum.IsDefined(r.Type)) errors.Add("rules", "name a decision type that does not exist.");
            else if (!Enum.IsDefined(r.Route)) errors.Add("rules", $"give '{Describe(r.Type)}' a route that does not exist.");
            else if (r.Route == DecisionRoute.SteeringCommittee && r.Quorum is not (>= 1 and <= 20))
                errors.Add("rules", $"'{Describe(r.Type)}' goes to the steering committee and needs a quorum between 1 and 20 votes.");
            else if (r.Route != DecisionRoute.SteeringCommittee && r.Quorum is not null)
                errors.Add("rules", $"'{Describe(r.Type)}' does not go to the steering committee, so it takes no quorum.");
        }
        return errors;
    }

    public static DecisionRule Route(IReadOnlyList<DecisionRule> rules, DecisionType type) =>
        rules.FirstOrDefault(r => r.Type == type) ?? Default.First(r => r.Type == type);

    /// <summary>Calendar days from request to decision, to one decimal.</summary>
    public static decimal DecisionDays(DateTime requested, DateTime decided) =>
        Math.Round((decimal)(decided - requested).TotalDays, 1, MidpointRounding.AwayFromZero);

    /// <summary>Business days (Monday–Friday) from the request's date to the decision's date, the request's day not counted.</summary>
    public static int BusinessDays(DateOnly requested, DateOnly decided)
    {
        if (decided <= requested) return 0;
        var days = decided.DayNumber - requested.DayNumber;
        var weeks = days / 7;
        var count = weeks * 5;
        for (var d = requested.AddDays(weeks * 7 + 1); d <= decided; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) count++;
        return count;
    }
}
