using Warmglow.Core.Strategy;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Strategy;

/// <summary>
/// A dated self-assessment on the seven dimensions of product.md §1. Snapshots are never edited: a new assessment is a
/// new row, so the history of how we saw ourselves stays intact and any two can be compared.
/// </summary>
public class SelfAssessmentSnapshot : IWorkspaceOwned, IAudited
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public DateTime TakenAt { get; set; }
    public string? TakenByUserId { get; set; }
    public required string TakenByName { get; set; }
    public int ResourcesScore { get; set; }
    public string? ResourcesNotes { get; set; }
    public int ExpertiseScore { get; set; }
    public string? ExpertiseNotes { get; set; }
    public int MarketPositionScore { get; set; }
    public string? MarketPositionNotes { get; set; }
    public int BrandValuesScore { get; set; }
    public string? BrandValuesNotes { get; set; }
    public int OperationalCapacityScore { get; set; }
    public string? OperationalCapacityNotes { get; set; }
    public int RiskToleranceScore { get; set; }
    public string? RiskToleranceNotes { get; set; }
    public int StrategicObjectivesScore { get; set; }
    public string? StrategicObjectivesNotes { get; set; }

    public SelfAssessmentScores ToScores() => new(
        new(ResourcesScore, ResourcesNotes), new(ExpertiseScore, ExpertiseNotes), new(MarketPositionScore, MarketPositionNotes),
        new(BrandValuesScore, BrandValuesNotes), new(OperationalCapacityScore, OperationalCapacityNotes),
        new(RiskToleranceScore, RiskToleranceNotes), new(StrategicObjectivesScore, StrategicObjectivesNotes));

    public void SetScores(SelfAssessmentScores s)
    {
        (ResourcesScore, ResourcesNotes) = (s.Resources!.Score, Clean(s.Resources.Notes));
        (ExpertiseScore, ExpertiseNotes) = (s.Expertise!.Score, Clean(s.Expertise.Notes));
        (MarketPositionScore, MarketPositionNotes) = (s.MarketPosition!.Score, Clean(s.MarketPosition.Notes));
        (BrandValuesScore, BrandValuesNotes) = (s.BrandValues!.Score, Clean(s.BrandValues.Notes));
        (OperationalCapacityScore, OperationalCapacityNotes) = (s.OperationalCapacity!.Score, Clean(s.OperationalCapacity.Notes));
        (RiskToleranceScore, RiskToleranceNotes) = (s.RiskTolerance!.Score, Clean(s.RiskTolerance.Notes));
        (StrategicObjectivesScore, StrategicObjectivesNotes) = (s.StrategicObjectives!.Score, Clean(s.StrategicObjectives.Notes));
    }

    static string? Clean(string? v) => Warmglow.Core.Validation.FieldRules.Clean(v);
}

/// <summary>The workspace's partnership strategy: what we need, what we can give, who can help us, and a partnership SWOT. One per workspace.</summary>
public class StrategyStatement : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public string? WhatWeNeed { get; set; }
    public string? WhatWeCanGive { get; set; }
    public string? WhoCanHelp { get; set; }
    public List<string> Strengths { get; set; } = [];
    public List<string> Weaknesses { get; set; } = [];
    public List<string> Opportunities { get; set; } = [];
    public List<string> Threats { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum GoalKind { Quantitative, Qualitative }

/// <summary>A SMART goal. Progress is not typed in: it comes from the metrics module once that exists.</summary>
public class StrategicGoal : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Metric { get; set; }
    public string? Description { get; set; }
    public GoalKind Kind { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public DateOnly Deadline { get; set; }
    public string? OwnerId { get; set; }
    public AppUser? Owner { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The profile of an ideal partner.</summary>
public class PartnerPersona : IWorkspaceOwned, IVersioned, IAudited, ITimestamped
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Values { get; set; }
    public string? MarketPosition { get; set; }
    public string? OperationalStyle { get; set; }
    public string? Size { get; set; }
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public string? Notes { get; set; }
    /// <summary>The scorecard candidates matching this persona are scored on by default.</summary>
    public int? ScorecardId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
