namespace Warmglow.Core.Scoring;

/// <summary>
/// The five scorecard templates of product.md §2 that every new workspace gets. Keys are stable: workspaces
/// copy these as data and evaluations refer to them. Weights add up to 100 only for readability; they are
/// relative (see <see cref="TemplateRules"/>).
/// </summary>
public static class BuiltInTemplates
{
    public const string FourDimensionalKey = "four-dimensional";
    public const string CompatibilityKey = "compatibility";
    public const string FitCommitmentCapacityKey = "fit-commitment-capacity";
    public const string Vetting110Key = "vetting-1-10";
    public const string Assessment15Key = "assessment-1-5";

    /// <summary>Four-dimensional evaluation matrix: strategic alignment, operational compatibility, cultural fit, value exchange potential; equal dimensions.</summary>
    public static readonly ScorecardTemplate FourDimensional = new(
        FourDimensionalKey,
        "Four-dimensional evaluation matrix",
        "Strategic alignment, operational compatibility, cultural fit and value exchange potential, weighted equally.",
        [
            new("Strategic alignment",
            [
                new("long-term-direction", "Long-term direction supports ours", 15, 5),
                new("shared-values", "Shared values and mission", 10, 5),
            ]),
            new("Operational compatibility",
            [
                new("processes", "Compatible processes", 9, 5),
                new("systems", "Compatible systems and data", 8, 5),
                new("capacity", "Capacity to collaborate in practice", 8, 5),
            ]),
            new("Cultural fit",
            [
                new("communication-style", "Communication style", 8, 5),
                new("decision-making", "Decision-making process", 9, 5),
                new("organizational-values", "Organizational values", 8, 5),
            ]),
            new("Value exchange potential",
            [
                new("value-to-us", "Benefits we can realistically expect", 13, 5),
                new("value-to-them", "Benefits they can realistically expect", 12, 5),
            ]),
        ]);

    /// <summary>
    /// Compatibility framework: values alignment first (the seeds say it predicts success best), then capability
    /// complementarity, customer experience synergy and growth trajectory compatibility.
    /// </summary>
    public static readonly ScorecardTemplate Compatibility = new(
        CompatibilityKey,
        "Compatibility framework",
        "Values alignment (use the 20-point values assessment), capability complementarity (use the capability map), customer experience synergy and growth trajectory compatibility.",
        [
            new("Values alignment",
            [
                new("core-values", "Shared core values and mission", 20, 5),
                new("customer-care-philosophy", "Shared customer care philosophy", 15, 5),
            ]),
            new("Capability complementarity",
            [
                new("they-cover-our-gaps", "Their strengths cover our gaps", 15, 5),
                new("we-cover-their-gaps", "Our strengths cover their gaps", 10, 5),
            ]),
            new("Customer experience synergy",
            [
                new("combined-experience", "Together we offer a more complete customer experience", 12, 5),
                new("audience-fit", "Shared or adjacent audience", 8, 5),
            ]),
            new("Growth trajectory compatibility",
            [
                new("growth-pace", "Compatible growth pace and ambition", 10, 5),
                new("direction", "Heading the same way over the next 2–3 years", 10, 5),
            ]),
        ]);

    /// <summary>Fit / commitment / capacity weighted scorecard: fit (market overlap, product complementarity, cultural alignment), commitment (time, budget, staff), capacity to execute.</summary>
    public static readonly ScorecardTemplate FitCommitmentCapacity = new(
        FitCommitmentCapacityKey,
        "Fit, commitment and capacity",
        "Weighted scorecard: is the partner a fit, will they invest, and can they execute?",
        [
            new("Fit",
            [
                new("market-overlap", "Market overlap", 15, 10),
                new("product-complementarity", "Product complementarity", 15, 10),
                new("cultural-alignment", "Cultural alignment", 10, 10),
            ]),
            new("Commitment",
            [
                new("time-commitment", "Willing to invest time", 10, 10),
                new("budget-commitment", "Willing to invest budget", 10, 10),
                new("staff-commitment", "Willing to dedicate staff", 10, 10),
            ]),
            new("Capacity",
            [
                new("execution-track-record", "Track record of execution", 15, 10),
                new("delivery-capacity", "People and systems to deliver", 15, 10),
            ]),
        ]);

    /// <summary>Vetting scorecard 1–10: financial stability, cultural fit, strategic alignment, technology integration ease, customer overlap.</summary>
    public static readonly ScorecardTemplate Vetting110 = new(
        Vetting110Key,
        "Vetting scorecard (1–10)",
        "Five vetting criteria scored 1–10, ideally by sales, marketing and operations.",
        // One dimension per criterion: the source lists a flat scorecard, and inventing groups would hide the breakdown.
        [
            Single("Financial stability", "financial-stability", 20, 10),
            Single("Cultural fit", "cultural-fit", 20, 10),
            Single("Strategic alignment", "strategic-alignment", 25, 10),
            Single("Technology integration ease", "technology-integration-ease", 15, 10),
            Single("Customer overlap", "customer-overlap", 20, 10),
        ]);

    /// <summary>Assessment 1–5: strategic fit, cultural compatibility, operational capability, market position.</summary>
    public static readonly ScorecardTemplate Assessment15 = new(
        Assessment15Key,
        "Assessment (1–5)",
        "A quick four-criterion assessment scored 1–5.",
        [
            Single("Strategic fit", "strategic-fit", 30, 5),
            Single("Cultural compatibility", "cultural-compatibility", 25, 5),
            Single("Operational capability", "operational-capability", 25, 5),
            Single("Market position", "market-position", 20, 5),
        ]);

    /// <summary>The five built-in templates in the order of product.md §2.</summary>
    public static readonly IReadOnlyList<ScorecardTemplate> All = [FourDimensional, Compatibility, FitCommitmentCapacity, Vetting110, Assessment15];

    /// <summary>The built-in template with this key, or null.</summary>
    public static ScorecardTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    static Dimension Single(string name, string key, decimal weight, int scaleMax) => new(name, [new(key, name, weight, scaleMax)]);
}
