using System.ComponentModel.DataAnnotations;

namespace Warmglow.Core.Portfolio;

/// <summary>What triage recommends for a partnership.</summary>
public enum TriageRecommendation
{
    [Display(Name = "Invest (quick win)")] Invest,
    [Display(Name = "Restructure")] Restructure,
    [Display(Name = "Sunset")] Sunset,
}

/// <summary>The four triage dimensions, each scored 1 (poor) to 5 (excellent).</summary>
public sealed record TriageScores(int StrategicAlignment, int ValueExchange, int OperationalEfficiency, int RelationshipHealth)
{
    public int Total => StrategicAlignment + ValueExchange + OperationalEfficiency + RelationshipHealth;
    public int Lowest => Math.Min(Math.Min(StrategicAlignment, ValueExchange), Math.Min(OperationalEfficiency, RelationshipHealth));
}

/// <summary>What the pre-fill reads: the portfolio's figures for one partnership (nulls where there is no data).</summary>
public sealed record TriageEvidence(double? Composite, double? Health, double? Engagement, long RevenueTtmMinor, bool InRevenueCore, double? RoiPercent);

public sealed record TriageAdvice(TriageRecommendation Recommendation, string Why);

/// <summary>Pre-fills the four scores from data and recommends invest / restructure / sunset by explicit rules (decision 0028).</summary>
public static class Triage
{
    public const int Min = 1, Max = 5;

    /// <summary>The rules in words, in the order they are applied (the page prints them).</summary>
    public static readonly IReadOnlyList<string> Rules =
    [
        "Sunset when strategic alignment and value exchange are both 2 or lower, or when the four scores total 9 or less: the partnership neither fits the strategy nor pays its way.",
        "Invest (quick win) when strategic alignment is 4 or higher, value exchange and relationship health are 3 or higher, and no score is below 3: a strong fit where more effort pays back soon.",
        "Restructure otherwise: worth keeping, but the weakest dimensions (named in the recommendation) must change.",
    ];

    /// <summary>How the pre-fill reads the data, in words.</summary>
    public static readonly IReadOnlyList<string> PrefillRules =
    [
        "Strategic alignment from the composite score: below 20 → 1, below 40 → 2, below 60 → 3, below 80 → 4, otherwise 5.",
        "Value exchange from trailing-12-month revenue: none → 1; some, outside the partnerships that make 80% of revenue → 3; among them → 5 (4 if its ROI is negative).",
        "Operational efficiency from ROI: negative → 2, below 50% → 3, below 150% → 4, otherwise 5.",
        "Relationship health from the health score and engagement index (their mean where both exist), banded like the composite score.",
        "A dimension without data starts at 3 and says so; every score can be edited.",
    ];

    public static int Band(double score) => score switch { < 20 => 1, < 40 => 2, < 60 => 3, < 80 => 4, _ => 5 };

    /// <summary>The four scores the data suggests, and which dimensions had no data.</summary>
    public static (TriageScores Scores, IReadOnlyList<string> Missing) Prefill(TriageEvidence e)
    {
        var missing = new List<string>();
        var strategic = e.Composite is { } c ? Band(c) : Miss("strategic alignment");
        var value = e.RevenueTtmMinor <= 0 ? 1 : e.InRevenueCore ? (e.RoiPercent < 0 ? 4 : 5) : 3;
        var operational = e.RoiPercent switch { null => Miss("operational efficiency"), < 0 => 2, < 50 => 3, < 150 => 4, _ => 5 };
        double? rel = (e.Health, e.Engagement) switch
        {
            ({ } h, { } g) => (h + g) / 2,
            ({ } h, null) => h,
            (null, { } g) => g,
            _ => null,
        };
        var relationship = rel is { } r ? Band(r) : Miss("relationship health");
        return (new TriageScores(strategic, value, operational, relationship), missing);

        int Miss(string name) { missing.Add(name); return 3; }
    }

    /// <summary>Field errors for scores out of 1–5 (field names as given).</summary>
    public static IEnumerable<(string Field, string Message)> Validate(int? strategic, int? value, int? operational, int? relationship)
    {
        foreach (var (f, v) in new[] { ("strategicAlignment", strategic), ("valueExchange", value), ("operationalEfficiency", operational), ("relationshipHealth", relationship) })
        {
            if (v is null) yield return (f, "is required: a score from 1 to 5.");
            else if (v is < Min or > Max) yield return (f, $"must be from 1 to 5 (was {v}).");
        }
    }

    public static TriageAdvice Recommend(TriageScores s)
    {
        if (s.StrategicAlignment is < Min or > Max || s.ValueExchange is < Min or > Max || s.OperationalEfficiency is < Min or > Max || s.RelationshipHealth is < Min or > Max)
            throw new ArgumentOutOfRangeException(nameof(s), "Scores are 1 to 5.");
        if (s.StrategicAlignment <= 2 && s.ValueExchange <= 2)
            return new(TriageRecommendation.Sunset, $"Strategic alignment {s.StrategicAlignment} and value exchange {s.ValueExchange} are both 2 or lower.");
        if (s.Total <= 9)
            return new(TriageRecommendation.Sunset, $"The four scores total {s.Total} (9 or less).");
        if (s.StrategicAlignment >= 4 && s.ValueExchange >= 3 && s.RelationshipHealth >= 3 && s.Lowest >= 3)
            return new(TriageRecommendation.Invest, $"Strategic alignment {s.StrategicAlignment} with no score below 3.");
        var weak = Weakest(s);
        return new(TriageRecommendation.Restructure, $"Keep, but fix {string.Join(" and ", weak)}.");
    }

    static List<string> Weakest(TriageScores s)
    {
        var dims = new (string Name, int Score)[]
        {
            ("strategic alignment", s.StrategicAlignment), ("value exchange", s.ValueExchange),
            ("operational efficiency", s.OperationalEfficiency), ("relationship health", s.RelationshipHealth),
        };
        var low = dims.Min(d => d.Score);
        return dims.Where(d => d.Score == low).Select(d => $"{d.Name} ({d.Score})").ToList();
    }
}

/// <summary>A triage plan's phases: lengths in months from the round's start.</summary>
public sealed record TriagePhases(int QuickWinMonths = 3, int RestructureMonths = 3, int RemainingMonths = 3)
{
    public static readonly TriagePhases Default = new();
    public int TotalMonths => QuickWinMonths + RestructureMonths + RemainingMonths;
}

/// <summary>One phase of the plan: number 1–3, its months (1-based, inclusive) and its last day.</summary>
public sealed record TriagePhase(int Number, string Name, int FromMonth, int ToMonth, DateOnly Starts, DateOnly Due)
{
    public string Months => FromMonth == ToMonth ? $"month {FromMonth}" : $"months {FromMonth}–{ToMonth}";
}

public static class TriagePlanning
{
    public static IEnumerable<(string Field, string Message)> Validate(TriagePhases p)
    {
        foreach (var (f, v) in new[] { ("quickWinMonths", p.QuickWinMonths), ("restructureMonths", p.RestructureMonths), ("remainingMonths", p.RemainingMonths) })
            if (v is < 1 or > 12) yield return (f, $"must be from 1 to 12 months (was {v}).");
        if (p.TotalMonths > 24) yield return ("remainingMonths", "the three phases together must be 24 months or fewer.");
    }

    /// <summary>The three phases from <paramref name="start"/>: quick wins, then restructures, then the remaining (sunsets).</summary>
    public static IReadOnlyList<TriagePhase> Phases(DateOnly start, TriagePhases p)
    {
        var list = new List<TriagePhase>();
        var from = 1;
        foreach (var (n, name, len) in new[] { (1, "Quick wins", p.QuickWinMonths), (2, "Restructures", p.RestructureMonths), (3, "Remaining", p.RemainingMonths) })
        {
            var to = from + len - 1;
            list.Add(new TriagePhase(n, name, from, to, start.AddMonths(from - 1), start.AddMonths(to).AddDays(-1)));
            from = to + 1;
        }
        return list;
    }

    /// <summary>The phase a recommendation goes to: invest → 1, restructure → 2, sunset → 3.</summary>
    public static int PhaseOf(TriageRecommendation r) => r switch
    {
        TriageRecommendation.Invest => 1,
        TriageRecommendation.Restructure => 2,
        _ => 3,
    };

    /// <summary>Done items over all items, as a whole percentage (0 for an empty plan).</summary>
    public static int ProgressPercent(int done, int total) => total == 0 ? 0 : (int)Math.Floor(done * 100.0 / total);
}
