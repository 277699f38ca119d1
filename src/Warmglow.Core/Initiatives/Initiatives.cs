using System.Globalization;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Initiatives;

/// <summary>The families of joint work in product.md §5.</summary>
public enum InitiativeFamily { CoMarketing, CoSelling, CoProduct, Innovation, Pilot }

/// <summary>What an initiative is: each kind belongs to a family and has its own fields (<see cref="InitiativeKinds"/>).</summary>
public enum InitiativeKind
{
    Webinar, Content, Ebook, Event, Campaign,
    JointCalls, AccountPlan,
    Integration, Bundle, JointSolution,
    Hackathon,
    Pilot,
}

/// <summary>
/// Where an initiative stands: idea → planned → running → done, or stopped from any open status. A partner user's
/// proposal starts as <see cref="Proposed"/> and our manager accepts it (it becomes an idea) or declines it with a reason.
/// </summary>
public enum InitiativeStatus { Proposed, Idea, Planned, Running, Done, Stopped, Declined }

/// <summary>A milestone's state, derived from its dates (never stored): done, on track, at risk (due soon), late.</summary>
public enum MilestoneState { OnTrack, AtRisk, Late, Done }

/// <summary>What an outcome counts.</summary>
public enum OutcomeMetric { Leads, QualifiedLeads, Registrants, Attendees, Users, Revenue, Custom }

public enum FieldType { Text, Date, Number }

/// <summary>One field a kind of initiative carries, e.g. a webinar's date and attendees.</summary>
public sealed record KindField(string Key, string Label, FieldType Type);

public sealed record KindSpec(InitiativeKind Kind, InitiativeFamily Family, string Name, IReadOnlyList<KindField> Fields);

/// <summary>The kinds of initiative, their families and their own fields (issue 14).</summary>
public static class InitiativeKinds
{
    static KindField Date(string key, string label) => new(key, label, FieldType.Date);
    static KindField Number(string key, string label) => new(key, label, FieldType.Number);
    static KindField Text(string key, string label) => new(key, label, FieldType.Text);

    public static readonly IReadOnlyList<KindSpec> All =
    [
        new(InitiativeKind.Webinar, InitiativeFamily.CoMarketing, "Webinar", [Date("date", "Webinar date"), Number("registrants", "Registrants"), Number("attendees", "Attendees")]),
        new(InitiativeKind.Content, InitiativeFamily.CoMarketing, "Content", [Text("format", "Format (blog, video, case study)"), Date("publishedOn", "Published on")]),
        new(InitiativeKind.Ebook, InitiativeFamily.CoMarketing, "E-book", [Date("publishedOn", "Published on"), Number("downloads", "Downloads")]),
        new(InitiativeKind.Event, InitiativeFamily.CoMarketing, "Event", [Date("date", "Event date"), Text("location", "Location"), Number("attendees", "Attendees")]),
        new(InitiativeKind.Campaign, InitiativeFamily.CoMarketing, "Campaign", [Text("channels", "Channels"), Date("startsOn", "Starts on"), Date("endsOn", "Ends on")]),
        new(InitiativeKind.JointCalls, InitiativeFamily.CoSelling, "Joint calls", [Number("calls", "Calls planned"), Text("segment", "Target segment")]),
        new(InitiativeKind.AccountPlan, InitiativeFamily.CoSelling, "Account plan", [Text("account", "Target account"), Number("pipeline", "Pipeline value")]),
        new(InitiativeKind.Integration, InitiativeFamily.CoProduct, "Integration", [Text("release", "Release"), Date("releasedOn", "Release date")]),
        new(InitiativeKind.Bundle, InitiativeFamily.CoProduct, "Bundle", [Text("offer", "Offer"), Date("launchOn", "Launch date")]),
        new(InitiativeKind.JointSolution, InitiativeFamily.CoProduct, "Joint solution", [Text("solution", "Solution"), Date("launchOn", "Launch date")]),
        new(InitiativeKind.Hackathon, InitiativeFamily.Innovation, "Innovation sprint / hackathon", [Date("date", "Sprint date"), Number("teams", "Teams"), Text("result", "What it produced")]),
        new(InitiativeKind.Pilot, InitiativeFamily.Pilot, "Pilot", [Text("hypothesis", "Hypothesis"), Text("successCriterion", "Success criterion"), Text("verdict", "Verdict")]),
    ];

    public static KindSpec Spec(InitiativeKind kind) => All.First(k => k.Kind == kind);

    public static string Describe(InitiativeKind kind) => Spec(kind).Name;

    public static string Describe(InitiativeFamily family) => family switch
    {
        InitiativeFamily.CoMarketing => "Co-marketing",
        InitiativeFamily.CoSelling => "Co-selling",
        InitiativeFamily.CoProduct => "Co-product",
        InitiativeFamily.Innovation => "Innovation",
        _ => "Pilot",
    };

    /// <summary>
    /// Checks a kind's own fields: only the kind's keys, dates as yyyy-MM-dd, numbers as non-negative invariant decimals,
    /// text at most 500 characters. Returns the cleaned values (trimmed, empty dropped) in the kind's field order.
    /// </summary>
    public static Dictionary<string, string> CheckFields(FieldErrors errors, InitiativeKind kind, IReadOnlyDictionary<string, string?>? values)
    {
        var spec = Spec(kind);
        var clean = new Dictionary<string, string>();
        if (values is null) return clean;
        foreach (var key in values.Keys.Where(k => spec.Fields.All(f => f.Key != k)))
            errors.Add($"fields.{key}", $"is not a field of a {spec.Name.ToLowerInvariant()}; its fields are {string.Join(", ", spec.Fields.Select(f => f.Key))}.");
        foreach (var f in spec.Fields)
        {
            if (!values.TryGetValue(f.Key, out var raw) || string.IsNullOrWhiteSpace(raw)) continue;
            var v = raw.Trim();
            switch (f.Type)
            {
                case FieldType.Date when !DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    errors.Add($"fields.{f.Key}", "must be a date (yyyy-mm-dd).");
                    continue;
                case FieldType.Number when !decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) || n < 0:
                    errors.Add($"fields.{f.Key}", "must be a number of zero or more.");
                    continue;
                case FieldType.Text when v.Length > 500:
                    errors.Add($"fields.{f.Key}", "must be at most 500 characters.");
                    continue;
            }
            clean[f.Key] = v;
        }
        return clean;
    }
}

/// <summary>The initiative lifecycle as a state machine.</summary>
public static class InitiativeLifecycle
{
    static readonly Dictionary<InitiativeStatus, InitiativeStatus[]> Moves = new()
    {
        [InitiativeStatus.Proposed] = [InitiativeStatus.Idea, InitiativeStatus.Declined],
        [InitiativeStatus.Idea] = [InitiativeStatus.Planned, InitiativeStatus.Stopped],
        [InitiativeStatus.Planned] = [InitiativeStatus.Running, InitiativeStatus.Idea, InitiativeStatus.Stopped],
        [InitiativeStatus.Running] = [InitiativeStatus.Done, InitiativeStatus.Stopped],
        [InitiativeStatus.Done] = [],
        [InitiativeStatus.Stopped] = [],
        [InitiativeStatus.Declined] = [],
    };

    /// <summary>The statuses an initiative may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<InitiativeStatus> Next(InitiativeStatus from) => Moves[from];

    public static bool CanMove(InitiativeStatus from, InitiativeStatus to) => Moves[from].Contains(to);

    /// <summary>Closed initiatives (done, stopped, declined) take no more milestone or outcome changes.</summary>
    public static bool IsClosed(InitiativeStatus s) => s is InitiativeStatus.Done or InitiativeStatus.Stopped or InitiativeStatus.Declined;

    /// <summary>A move needs a reason when it ends the work early: stopping, or declining a proposal.</summary>
    public static bool NeedsReason(InitiativeStatus to) => to is InitiativeStatus.Stopped or InitiativeStatus.Declined;

    /// <summary>Why a move is refused, in words, or null when it is allowed.</summary>
    public static string? Refusal(InitiativeStatus from, InitiativeStatus to, string? reason)
    {
        if (from == to) return $"The initiative is already {Describe(to).ToLowerInvariant()}.";
        if (!CanMove(from, to))
            return Moves[from].Length == 0
                ? $"A {Describe(from).ToLowerInvariant()} initiative cannot change status any more."
                : $"From {Describe(from).ToLowerInvariant()} an initiative can move to {string.Join(" or ", Moves[from].Select(s => Describe(s).ToLowerInvariant()))}, not {Describe(to).ToLowerInvariant()}.";
        if (NeedsReason(to) && string.IsNullOrWhiteSpace(reason)) return $"Give a reason: it is recorded with the {(to == InitiativeStatus.Declined ? "declined proposal" : "stop")}.";
        return null;
    }

    public static string Describe(InitiativeStatus s) => s switch
    {
        InitiativeStatus.Proposed => "Proposed by the partner",
        InitiativeStatus.Idea => "Idea",
        InitiativeStatus.Planned => "Planned",
        InitiativeStatus.Running => "Running",
        InitiativeStatus.Done => "Done",
        InitiativeStatus.Stopped => "Stopped",
        _ => "Declined",
    };

    /// <summary>The verb on a button that makes the move.</summary>
    public static string Verb(InitiativeStatus to) => to switch
    {
        InitiativeStatus.Idea => "Back to idea",
        InitiativeStatus.Planned => "Mark planned",
        InitiativeStatus.Running => "Start",
        InitiativeStatus.Done => "Mark done",
        InitiativeStatus.Stopped => "Stop",
        InitiativeStatus.Declined => "Decline",
        _ => "Move",
    };
}

/// <summary>Milestone health from dates: the rule the board's "at risk" filter also applies in SQL.</summary>
public static class Milestones
{
    /// <summary>A milestone not done and due within this many days is at risk.</summary>
    public const int AtRiskDays = 7;

    /// <summary>Done when it has a done date; late when due before today; at risk when due within <see cref="AtRiskDays"/>; else on track.</summary>
    public static MilestoneState State(DateOnly due, DateOnly? doneOn, DateOnly today) =>
        doneOn is not null ? MilestoneState.Done
        : due < today ? MilestoneState.Late
        : due <= today.AddDays(AtRiskDays) ? MilestoneState.AtRisk
        : MilestoneState.OnTrack;

    /// <summary>An initiative's state: the worst of its open milestones (late over at risk over on track); done when all are done.</summary>
    public static MilestoneState Overall(IEnumerable<MilestoneState> states)
    {
        var list = states.ToList();
        if (list.Contains(MilestoneState.Late)) return MilestoneState.Late;
        if (list.Contains(MilestoneState.AtRisk)) return MilestoneState.AtRisk;
        if (list.Count > 0 && list.All(s => s == MilestoneState.Done)) return MilestoneState.Done;
        return MilestoneState.OnTrack;
    }

    public static string Describe(MilestoneState s) => s switch
    {
        MilestoneState.OnTrack => "On track",
        MilestoneState.AtRisk => "At risk",
        MilestoneState.Late => "Late",
        _ => "Done",
    };
}

public static class Outcomes
{
    public static string Describe(OutcomeMetric m) => m switch
    {
        OutcomeMetric.Leads => "Leads",
        OutcomeMetric.QualifiedLeads => "Qualified leads",
        OutcomeMetric.Registrants => "Registrants",
        OutcomeMetric.Attendees => "Attendees",
        OutcomeMetric.Users => "Users",
        OutcomeMetric.Revenue => "Revenue",
        _ => "Custom",
    };

    /// <summary>Progress against the target in percent (one decimal), or null without a positive target.</summary>
    public static decimal? Progress(decimal? actual, decimal? target) =>
        target is > 0 && actual is { } a ? Math.Round(a / target.Value * 100m, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>
/// Return on an initiative (issue 14): ROI = (outcome revenue − spend) / spend, as a ratio rounded to four places
/// (0.25 is 25%). Null when nothing was spent: a ratio over zero spend says nothing.
/// </summary>
public static class InitiativeRoi
{
    public static decimal? Of(decimal revenue, decimal spend) =>
        spend <= 0 ? null : Math.Round((revenue - spend) / spend, 4, MidpointRounding.AwayFromZero);

    /// <summary>A supported ISO 4217 currency (the list revenue sharing uses), or an error naming the choices.</summary>
    public static Currency? CheckCurrency(FieldErrors errors, string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(field, "is required: an ISO 4217 code such as EUR.");
            return null;
        }
        var currency = Currency.Find(code);
        if (currency is null)
            errors.Add(field, $"'{code.Trim()}' is not a supported currency; use one of {string.Join(", ", Currency.Known.Select(c => c.Code))}.");
        return currency;
    }

    /// <summary>An amount of money must be zero or more and fit the currency's minor units.</summary>
    public static void CheckAmount(FieldErrors errors, string field, decimal? amount, Currency? currency, bool required = false)
    {
        if (amount is null)
        {
            if (required) errors.Add(field, "is required.");
            return;
        }
        if (amount < 0) errors.Add(field, "cannot be negative.");
        else if (amount > 1_000_000_000_000m) errors.Add(field, "is too large.");
        else if (currency is not null && !Money.FitsMinorUnits(amount.Value, currency.MinorUnits))
            errors.Add(field, currency.MinorUnits == 0 ? $"must be whole {currency.Code}." : $"may have at most {currency.MinorUnits} decimals in {currency.Code}.");
    }
}
