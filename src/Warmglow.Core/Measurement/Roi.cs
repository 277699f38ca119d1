using Warmglow.Core.Scoring;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Measurement;

public enum CostKind { PeopleTime, Budget, Tool }

/// <summary>One program cost (product.md §6 "ROI": people time × rate, budgets, tools). All amounts in one currency.</summary>
public abstract record CostEntry(string Description)
{
    public abstract CostKind Kind { get; }
    /// <summary>The cost in money.</summary>
    public abstract decimal Amount { get; }
}

/// <summary>People time: hours × hourly rate.</summary>
public sealed record PeopleTimeCost(string Description, decimal Hours, decimal HourlyRate) : CostEntry(Description)
{
    public override CostKind Kind => CostKind.PeopleTime;
    public override decimal Amount => Hours * HourlyRate;
}

/// <summary>Money budgeted or spent on the program (events, co-marketing, incentives…).</summary>
public sealed record BudgetCost(string Description, decimal Cost) : CostEntry(Description)
{
    public override CostKind Kind => CostKind.Budget;
    public override decimal Amount => Cost;
}

/// <summary>Tools and licences used for the program.</summary>
public sealed record ToolCost(string Description, decimal Cost) : CostEntry(Description)
{
    public override CostKind Kind => CostKind.Tool;
    public override decimal Amount => Cost;
}

/// <summary>Intangible value (brand trust, knowledge, market access): an estimate in money and a confidence in percent (0–100).</summary>
public sealed record IntangibleValue(string Description, decimal Estimate, decimal ConfidencePercent)
{
    /// <summary>Estimate × confidence.</summary>
    public decimal Expected => Estimate * ConfidencePercent / 100m;
}

/// <summary>
/// An ROI result. <see cref="Ratio"/> and <see cref="Percent"/> are null, with <see cref="UndefinedReason"/>, when
/// costs total 0. Intangibles are reported beside, never inside, the ROI.
/// </summary>
public sealed record RoiResult(
    decimal InfluencedRevenue, decimal TotalCosts, decimal PeopleTimeCosts, decimal BudgetCosts, decimal ToolCosts,
    decimal NetReturn, decimal? Ratio, decimal? Percent, string? UndefinedReason,
    decimal IntangibleEstimateTotal, decimal ExpectedIntangibleValue);

/// <summary>
/// Partnership ROI (product.md §6 "ROI"): (partner-influenced revenue − program costs) / program costs; 0.5 = 50%.
/// <para>
/// Intangible value is summed apart as "expected intangible value" = Σ estimate × confidence and never added to the
/// ROI: the product keeps it apart from hard revenue, and mixing guesses into the ROI would make the one hard number
/// unfalsifiable. Zero costs leave the ROI undefined (null with a reason) rather than infinite or 0: both would be
/// shown as if they were measurements.
/// </para>
/// </summary>
public static class Roi
{
    public const decimal ConfidenceMax = 100m;
    public const int DescriptionMax = 200;
    /// <summary>A sane upper bound on amounts; far below decimal overflow even when multiplied.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public const string ZeroCostsReason = "ROI is undefined: program costs total 0. Record people time, budgets or tools.";

    /// <summary>
    /// Revenue ≥ 0 ("influencedRevenue"); per cost "costs[i].description" required, hours / hourlyRate / cost ≥ 0;
    /// per intangible "intangibles[i].description" required, estimate ≥ 0, confidencePercent 0–100.
    /// </summary>
    public static FieldErrors Validate(decimal influencedRevenue, IReadOnlyList<CostEntry>? costs, IReadOnlyList<IntangibleValue>? intangibles = null)
    {
        var errors = new FieldErrors();
        CheckAmount(errors, "influencedRevenue", influencedRevenue);
        if (costs is null) errors.Add("costs", "are required (an empty list means no costs recorded).");
        else
            for (var i = 0; i < costs.Count; i++)
            {
                var prefix = $"costs[{i}]";
                switch (costs[i])
                {
                    case null:
                        errors.Add(prefix, "is required.");
                        continue;
                    case PeopleTimeCost p:
                        CheckAmount(errors, prefix + ".hours", p.Hours);
                        CheckAmount(errors, prefix + ".hourlyRate", p.HourlyRate);
                        break;
                    case BudgetCost b:
                        CheckAmount(errors, prefix + ".cost", b.Cost);
                        break;
                    case ToolCost t:
                        CheckAmount(errors, prefix + ".cost", t.Cost);
                        break;
                    default:
                        errors.Add(prefix + ".kind", "must be people time, budget or tool.");
                        break;
                }
                errors.Required(prefix + ".description", costs[i].Description, DescriptionMax);
            }
        for (var i = 0; i < (intangibles?.Count ?? 0); i++)
        {
            var prefix = $"intangibles[{i}]";
            var item = intangibles![i];
            if (item is null)
            {
                errors.Add(prefix, "is required.");
                continue;
            }
            errors.Required(prefix + ".description", item.Description, DescriptionMax);
            CheckAmount(errors, prefix + ".estimate", item.Estimate);
            if (item.ConfidencePercent < 0 || item.ConfidencePercent > ConfidenceMax)
                errors.Add(prefix + ".confidencePercent", $"must be from 0 to 100 percent (got {TemplateRules.Format(item.ConfidencePercent)}).");
        }
        return errors;
    }

    static void CheckAmount(FieldErrors errors, string field, decimal value)
    {
        if (value < 0) errors.Add(field, $"must not be negative (got {TemplateRules.Format(value)}).");
        else if (value > MaxAmount) errors.Add(field, $"must be at most {TemplateRules.Format(MaxAmount)} (got {TemplateRules.Format(value)}).");
    }

    /// <summary>Computes exactly (round only for display). Throws <see cref="ArgumentException"/> on input <see cref="Validate"/> refuses.</summary>
    public static RoiResult Compute(decimal influencedRevenue, IReadOnlyList<CostEntry> costs, IReadOnlyList<IntangibleValue>? intangibles = null)
    {
        var errors = Validate(influencedRevenue, costs, intangibles);
        if (!errors.IsEmpty) throw new ArgumentException($"The ROI input is not valid: {errors}");
        intangibles ??= [];

        decimal Sum(CostKind kind) => costs.Where(c => c.Kind == kind).Sum(c => c.Amount);
        var people = Sum(CostKind.PeopleTime);
        var budget = Sum(CostKind.Budget);
        var tools = Sum(CostKind.Tool);
        var total = people + budget + tools;
        var net = influencedRevenue - total;
        decimal? ratio = total == 0 ? null : net / total;
        return new RoiResult(influencedRevenue, total, people, budget, tools, net,
            ratio, total == 0 ? null : 100m * net / total, total == 0 ? ZeroCostsReason : null,
            intangibles.Sum(i => i.Estimate), intangibles.Sum(i => i.Expected));
    }
}
