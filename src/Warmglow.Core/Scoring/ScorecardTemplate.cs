namespace Warmglow.Core.Scoring;

/// <summary>
/// A scorecard template (product.md §2 "Scorecards"): criteria grouped into dimensions, each criterion with a
/// relative weight and a 1–5 or 1–10 scale. Every workspace starts with <see cref="BuiltInTemplates.All"/>;
/// admins edit their own. Check with <see cref="TemplateRules.Validate"/>.
/// </summary>
/// <param name="Key">Stable identifier, lowercase with hyphens (e.g. "vetting-1-10").</param>
public sealed record ScorecardTemplate(string Key, string Name, string Description, IReadOnlyList<Dimension> Dimensions)
{
    /// <summary>Every criterion, dimension by dimension, in template order.</summary>
    public IReadOnlyList<Criterion> AllCriteria() => [.. (Dimensions ?? []).Where(d => d is not null).SelectMany(d => d.Criteria ?? [])];
}

/// <summary>A group of criteria; its score is the weighted mean of its criteria.</summary>
public sealed record Dimension(string Name, IReadOnlyList<Criterion> Criteria);

/// <summary>One scored question of a template.</summary>
/// <param name="Key">Unique within the template; lowercase with hyphens, used in field names such as "scores.financial-stability".</param>
/// <param name="Weight">Relative weight, &gt; 0; see <see cref="TemplateRules"/> for how weights are normalized.</param>
/// <param name="ScaleMax">The criterion is scored 1..ScaleMax; ScaleMax is 5 or 10.</param>
public sealed record Criterion(string Key, string Name, decimal Weight, int ScaleMax);

/// <summary>A criterion's or dimension's share of the total weight.</summary>
/// <param name="Key">The criterion key, or the dimension name.</param>
/// <param name="Share">Exact fraction of the total weight, 0..1; use this in calculations.</param>
/// <param name="Percent">Share in % rounded for display so that the shares of one template add up to exactly 100.</param>
public sealed record WeightShare(string Key, decimal Share, decimal Percent);
