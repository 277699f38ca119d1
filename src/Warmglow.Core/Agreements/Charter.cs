using Warmglow.Core.Validation;

namespace Warmglow.Core.Agreements;

public enum MeetingCadence { Weekly, Biweekly, Monthly, Quarterly }

/// <summary>One side's entries in a partnership charter (product.md §3).</summary>
public sealed record CharterSide
{
    public string? PrimaryObjective { get; init; }
    public string? SecondaryObjective { get; init; }
    public string? TertiaryObjective { get; init; }
    /// <summary>Months this side expects until the partnership shows first value.</summary>
    public int? MonthsToFirstValue { get; init; }
    public string? TimelineNotes { get; init; }
    /// <summary>What this side puts in (people, budget, technology); blank = nothing committed yet.</summary>
    public string? ResourceCommitments { get; init; }
    public List<string> SuccessMetrics { get; init; } = [];
    public string? CommunicationChannel { get; init; }
    public MeetingCadence? MeetingCadence { get; init; }

    public IEnumerable<string> Objectives() =>
        new[] { PrimaryObjective, SecondaryObjective, TertiaryObjective }.Where(o => !string.IsNullOrWhiteSpace(o))!;
}

/// <summary>A difference between the two sides worth a conversation; <see cref="Fields"/> are the fields to highlight.</summary>
public sealed record Misalignment(string Code, string Message, IReadOnlyList<string> Fields);

/// <summary>Validation and misalignment checks for partnership charters.</summary>
public static class Charter
{
    public const int TextMax = 1000;
    public const int MetricsMax = 20;
    /// <summary>Timeline expectations further apart than this many months are flagged.</summary>
    public const int TimelineThresholdMonths = 3;

    public static FieldErrors Validate(CharterSide? side, string prefix, FieldErrors? into = null)
    {
        var e = into ?? new FieldErrors();
        side ??= new();
        e.Optional($"{prefix}.primaryObjective", side.PrimaryObjective, TextMax);
        e.Optional($"{prefix}.secondaryObjective", side.SecondaryObjective, TextMax);
        e.Optional($"{prefix}.tertiaryObjective", side.TertiaryObjective, TextMax);
        if (string.IsNullOrWhiteSpace(side.PrimaryObjective) && side.Objectives().Any())
            e.Add($"{prefix}.primaryObjective", "is required when a secondary or tertiary objective is given.");
        if (side.MonthsToFirstValue is < 0 or > 120) e.Add($"{prefix}.monthsToFirstValue", "must be between 0 and 120 months.");
        e.Optional($"{prefix}.timelineNotes", side.TimelineNotes, TextMax);
        e.Optional($"{prefix}.resourceCommitments", side.ResourceCommitments, TextMax);
        e.Optional($"{prefix}.communicationChannel", side.CommunicationChannel, 200);
        var metrics = side.SuccessMetrics ?? [];
        if (metrics.Count > MetricsMax) e.Add($"{prefix}.successMetrics", $"must have at most {MetricsMax} entries.");
        for (var i = 0; i < metrics.Count; i++) e.Required($"{prefix}.successMetrics[{i}]", metrics[i], 300);
        if (side.MeetingCadence is { } c && !Enum.IsDefined(c)) e.Add($"{prefix}.meetingCadence", "is not a known cadence.");
        return e;
    }

    public static CharterSide Normalize(CharterSide? s) => s is null ? new() : s with
    {
        PrimaryObjective = FieldRules.Clean(s.PrimaryObjective),
        SecondaryObjective = FieldRules.Clean(s.SecondaryObjective),
        TertiaryObjective = FieldRules.Clean(s.TertiaryObjective),
        TimelineNotes = FieldRules.Clean(s.TimelineNotes),
        ResourceCommitments = FieldRules.Clean(s.ResourceCommitments),
        CommunicationChannel = FieldRules.Clean(s.CommunicationChannel),
        SuccessMetrics = (s.SuccessMetrics ?? []).Select(FieldRules.Clean).OfType<string>().ToList(),
    };

    /// <summary>
    /// Where the two sides' entries disagree. Only compares what both sides filled in (an empty side is not yet a
    /// misalignment, except for resources: one side committing and the other nothing is exactly the point).
    /// Field names are "ours.primaryObjective", "theirs.monthsToFirstValue"….
    /// </summary>
    public static IReadOnlyList<Misalignment> Misalignments(CharterSide ours, CharterSide theirs)
    {
        var found = new List<Misalignment>();
        void Primary(CharterSide a, string aName, CharterSide b, string bName, string who, string other)
        {
            if (string.IsNullOrWhiteSpace(a.PrimaryObjective) || !b.Objectives().Any()) return;
            if (!b.Objectives().Any(o => Similar(a.PrimaryObjective, o)))
                found.Add(new("objective", $"{who} primary objective \"{a.PrimaryObjective!.Trim()}\" appears nowhere in {other} objectives.",
                    [$"{aName}.primaryObjective", $"{bName}.primaryObjective", $"{bName}.secondaryObjective", $"{bName}.tertiaryObjective"]));
        }
        Primary(ours, "ours", theirs, "theirs", "Our", "the partner's");
        Primary(theirs, "theirs", ours, "ours", "The partner's", "our");

        if (ours.MonthsToFirstValue is { } om && theirs.MonthsToFirstValue is { } tm && Math.Abs(om - tm) > TimelineThresholdMonths)
            found.Add(new("timeline", $"Timeline expectations differ by {Math.Abs(om - tm)} months (we expect first value after {om}, the partner after {tm}).",
                ["ours.monthsToFirstValue", "theirs.monthsToFirstValue"]));

        var oursCommit = !string.IsNullOrWhiteSpace(ours.ResourceCommitments);
        var theirsCommit = !string.IsNullOrWhiteSpace(theirs.ResourceCommitments);
        if (oursCommit != theirsCommit)
            found.Add(new("resources", oursCommit
                    ? "We commit resources; the partner commits none yet."
                    : "The partner commits resources; we commit none yet.",
                ["ours.resourceCommitments", "theirs.resourceCommitments"]));

        var om2 = ours.SuccessMetrics ?? [];
        var tm2 = theirs.SuccessMetrics ?? [];
        if (om2.Count > 0 && tm2.Count > 0 && !om2.Any(a => tm2.Any(b => Similar(a, b))))
            found.Add(new("metrics", "No shared success metric: the two sides would measure success differently.",
                ["ours.successMetrics", "theirs.successMetrics"]));

        if (ours.MeetingCadence is { } oc && theirs.MeetingCadence is { } tc && oc != tc)
            found.Add(new("cadence", $"Different meeting cadences: we expect {Display(oc).ToLowerInvariant()}, the partner {Display(tc).ToLowerInvariant()}.",
                ["ours.meetingCadence", "theirs.meetingCadence"]));
        return found;
    }

    public static string Display(MeetingCadence c) => c switch
    {
        MeetingCadence.Biweekly => "Every two weeks",
        _ => c.ToString(),
    };

    static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "our", "their", "from", "into", "more", "than", "that", "this", "per", "of", "to", "a", "an", "in", "on", "by", "at",
    };

    /// <summary>
    /// Whether two short statements are about the same thing: equal or containing each other after normalizing, or
    /// sharing at least half of the significant words of the longer one (3+ letters, stop words ignored, simple plural stripped).
    /// </summary>
    public static bool Similar(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return false;
        var na = Normal(a);
        var nb = Normal(b);
        if (na.Length == 0 || nb.Length == 0) return false;
        if (na == nb || na.Contains(nb, StringComparison.Ordinal) || nb.Contains(na, StringComparison.Ordinal)) return true;
        var wa = Words(na);
        var wb = Words(nb);
        if (wa.Count == 0 || wb.Count == 0) return false;
        var shared = wa.Intersect(wb).Count();
        return shared > 0 && shared * 2 >= Math.Max(wa.Count, wb.Count);
    }

    static string Normal(string s) =>
        string.Join(' ', new string(s.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    static HashSet<string> Words(string normal) =>
        normal.Split(' ').Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .Select(w => w.Length > 4 && w.EndsWith('s') ? w[..^1] : w).ToHashSet();
}
