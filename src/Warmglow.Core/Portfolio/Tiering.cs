using System.Globalization;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Portfolio;

/// <summary>Portfolio tiers (product.md §7). Emerging: live but too young to rank.</summary>
public enum Tier { Strategic, Growth, Transactional, Emerging }

/// <summary>What a partnership is ranked by: the composite score, trailing-12-month revenue, or a weighted mix of both.</summary>
public enum ValueBasis { Composite, Revenue, Weighted }

public enum ManagerModel { Dedicated, Shared, Automated }

/// <summary>The service a tier is owed: who manages it, how often it is reviewed, what it gets.</summary>
public sealed record ServiceLevel(Tier Tier, ManagerModel ManagerModel, string ManagerText, string ReviewCadence, int ReviewEveryMonths, IReadOnlyList<string> Benefits);

/// <summary>
/// The workspace's tiering rules. The three percentages total 100; <see cref="CompositeWeightPercent"/> is the share of
/// the composite score in the weighted mix (the rest is revenue); partnerships younger than <see cref="MinimumAgeDays"/>
/// are emerging; a downgrade waits <see cref="DowngradeGraceDays"/> before it can be approved.
/// </summary>
public sealed record TierSettings(int StrategicPercent, int GrowthPercent, int TransactionalPercent, ValueBasis Basis,
    int CompositeWeightPercent, int MinimumAgeDays, int DowngradeGraceDays)
{
    public static readonly TierSettings Default = new(10, 20, 70, ValueBasis.Composite, 50, 90, 91);
}

/// <summary>One partnership to tier: its value inputs and how long it has been running (days, null = not started).</summary>
public sealed record TierCandidate(int Id, decimal? Composite, decimal Revenue, int? AgeDays);

/// <summary>Where one candidate landed: its tier, its rank (1 = most valuable; null when emerging) and the value it was ranked by.</summary>
public sealed record TierPlacement(int Id, Tier Tier, int? Rank, decimal? Value, string Why);

/// <summary>The whole computation, with the plain-words account of how many land in each tier.</summary>
public sealed record TierResult(IReadOnlyList<TierPlacement> Placements, int Ranked, int Strategic, int Growth, int Transactional, int Emerging,
    int TiesBroken, string Explanation);

public static class Tiering
{
    public const int MaxMinimumAgeDays = 3650;
    public const int MaxGraceDays = 730;
    /// <summary>A manager counts as dedicated to a strategic partnership while managing at most this many live partnerships.</summary>
    public const int DedicatedManagerMaxPartnerships = 5;

    public static readonly IReadOnlyList<ServiceLevel> ServiceLevels =
    [
        new(Tier.Strategic, ManagerModel.Dedicated, "Dedicated manager", "Quarterly executive review", 3,
            ["Eligible for market development funds (MDF)", "Joint business plan", "All portal resources"]),
        new(Tier.Growth, ManagerModel.Shared, "Shared manager", "Monthly check-in", 1,
            ["MDF on request", "Co-marketing templates", "Portal resources"]),
        new(Tier.Transactional, ManagerModel.Automated, "Automated programme", "Quarterly automated touchpoint", 3,
            ["Self-service portal resources"]),
        new(Tier.Emerging, ManagerModel.Shared, "Shared manager (onboarding)", "Monthly check-in until ranked", 1,
            ["Onboarding support", "Portal resources"]),
    ];

    public static ServiceLevel LevelOf(Tier tier) => ServiceLevels.First(l => l.Tier == tier);

    public static string Display(Tier tier) => tier.ToString();

    public static string Display(ValueBasis basis) => basis switch
    {
        ValueBasis.Composite => "Composite score",
        ValueBasis.Revenue => "Revenue (trailing 12 months)",
        _ => "Weighted mix of score and revenue",
    };

    /// <summary>Lower is better: strategic 1 … emerging 4 (for sorting by tier).</summary>
    public static int Rank(Tier tier) => (int)tier + 1;

    /// <summary>Whether moving from <paramref name="from"/> to <paramref name="to"/> lowers the service level (emerging counts as below growth).</summary>
    public static bool IsDowngrade(Tier? from, Tier to) => from is { } f && f != Tier.Emerging && to != Tier.Emerging && Rank(to) > Rank(f)
        || from is Tier.Strategic or Tier.Growth && to == Tier.Emerging;

    public static FieldErrors Validate(TierSettings s)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("strategicPercent", s.StrategicPercent), ("growthPercent", s.GrowthPercent), ("transactionalPercent", s.TransactionalPercent) })
            if (value is < 0 or > 100) errors.Add(field, "must be between 0 and 100.");
        if (s.StrategicPercent + s.GrowthPercent + s.TransactionalPercent != 100)
            errors.Add("transactionalPercent", $"The three percentages must total 100 (they total {s.StrategicPercent + s.GrowthPercent + s.TransactionalPercent}).");
        if (s.CompositeWeightPercent is < 0 or > 100) errors.Add("compositeWeightPercent", "must be between 0 and 100.");
        if (s.MinimumAgeDays is < 0 or > MaxMinimumAgeDays) errors.Add("minimumAgeDays", $"must be between 0 and {MaxMinimumAgeDays} days.");
        if (s.DowngradeGraceDays is < 0 or > MaxGraceDays) errors.Add("downgradeGraceDays", $"must be between 0 and {MaxGraceDays} days.");
        return errors;
    }

    /// <summary>
    /// How many of <paramref name="ranked"/> partnerships are strategic and growth: the cumulative shares rounded up
    /// (10% of 5 is one strategic partnership, not none), so a tier with a non-zero share is never empty while there
    /// are partnerships to fill it, and the rest are transactional.
    /// </summary>
    public static (int Strategic, int Growth, int Transactional) Counts(int ranked, TierSettings s)
    {
        if (ranked <= 0) return (0, 0, 0);
        int Ceil(int percent) => (int)Math.Min(ranked, (ranked * (long)percent + 99) / 100);
        var strategic = Ceil(s.StrategicPercent);
        var growth = Math.Max(0, Ceil(s.StrategicPercent + s.GrowthPercent) - strategic);
        // A 0% transactional share still leaves nobody out: whatever rounding leaves over lands in growth.
        if (s.TransactionalPercent == 0) growth = ranked - strategic;
        return (strategic, growth, ranked - strategic - growth);
    }

    /// <summary>
    /// Tiers a portfolio. Candidates younger than the minimum age (or not started) are emerging. The rest are ranked by
    /// value, highest first; equal values are ordered by longer tenure, then by id, so the result never depends on input
    /// order. A partnership without any measurable value (no score and no revenue) is never placed above transactional.
    /// </summary>
    public static TierResult Assign(IReadOnlyList<TierCandidate> candidates, TierSettings s)
    {
        var young = candidates.Where(c => c.AgeDays is null || c.AgeDays < s.MinimumAgeDays).OrderBy(c => c.Id).ToList();
        var old = candidates.Where(c => c.AgeDays is { } a && a >= s.MinimumAgeDays).ToList();
        var maxRevenue = old.Count == 0 ? 0 : Math.Max(0, old.Max(c => c.Revenue));
        var valued = old.Select(c => (Candidate: c, Value: ValueOf(c, s, maxRevenue)))
            .OrderByDescending(x => x.Value ?? decimal.MinValue).ThenByDescending(x => x.Candidate.AgeDays).ThenBy(x => x.Candidate.Id).ToList();
        var (strategic, growth, _) = Counts(valued.Count, s);
        var placements = new List<TierPlacement>();
        var basis = Display(s.Basis).ToLowerInvariant();
        var ties = 0;
        for (var i = 0; i < valued.Count; i++)
        {
            var (c, value) = valued[i];
            var rank = i + 1;
            var tier = rank <= strategic ? Tier.Strategic : rank <= strategic + growth ? Tier.Growth : Tier.Transactional;
            var measurable = value is > 0;
            if (!measurable) tier = Tier.Transactional;
            // A tie across a boundary: the next (or previous) one has the same value but a different tier.
            if (i + 1 < valued.Count && valued[i + 1].Value == value && (rank == strategic || rank == strategic + growth) && measurable) ties++;
            var why = measurable
                ? $"Rank {rank} of {valued.Count} by {basis} ({Format(value!.Value)})."
                : $"Rank {rank} of {valued.Count}: no measurable {basis} yet, so transactional.";
            placements.Add(new TierPlacement(c.Id, tier, rank, value, why));
        }
        foreach (var c in young)
            placements.Add(new TierPlacement(c.Id, Tier.Emerging, null, null, c.AgeDays is null
                ? "Not started yet: emerging until it has run for the minimum age."
                : $"Running for {c.AgeDays} days, under the minimum age of {s.MinimumAgeDays}: emerging."));

        int Of(Tier t) => placements.Count(p => p.Tier == t);
        var result = new TierResult(placements, valued.Count, Of(Tier.Strategic), Of(Tier.Growth), Of(Tier.Transactional), Of(Tier.Emerging), ties, "");
        return result with { Explanation = Explain(result, s) };
    }

    static decimal? ValueOf(TierCandidate c, TierSettings s, decimal maxRevenue) => s.Basis switch
    {
        ValueBasis.Composite => c.Composite,
        ValueBasis.Revenue => c.Revenue,
        // Both on a 0–100 scale: revenue relative to the portfolio's highest.
        _ => Math.Round(s.CompositeWeightPercent / 100m * (c.Composite ?? 0)
                        + (100 - s.CompositeWeightPercent) / 100m * (maxRevenue > 0 ? Math.Max(0, c.Revenue) / maxRevenue * 100 : 0), 2),
    };

    static string Format(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>How the counts come about for N partnerships, in plain words.</summary>
    public static string Explain(TierResult r, TierSettings s)
    {
        if (r.Ranked == 0 && r.Emerging == 0) return "No live partnerships to tier yet.";
        var (st, gr, tr) = Counts(r.Ranked, s);
        var text = $"{r.Ranked} partnership{(r.Ranked == 1 ? "" : "s")} old enough to rank (at least {s.MinimumAgeDays} days) by {Display(s.Basis).ToLowerInvariant()}: " +
                   $"strategic is the top {s.StrategicPercent}% rounded up ({st}), growth the next {s.GrowthPercent}% ({gr}), transactional the rest ({tr}).";
        var demoted = st + gr - r.Strategic - r.Growth;
        if (demoted > 0) text += $" {demoted} with no measurable value yet {(demoted == 1 ? "is" : "are")} transactional instead.";
        if (r.TiesBroken > 0) text += $" {r.TiesBroken} tie{(r.TiesBroken == 1 ? "" : "s")} at a tier boundary {(r.TiesBroken == 1 ? "was" : "were")} broken by longer tenure, then by the older record.";
        if (r.Emerging > 0) text += $" {r.Emerging} younger or not yet started {(r.Emerging == 1 ? "is" : "are")} emerging.";
        return text;
    }
}
