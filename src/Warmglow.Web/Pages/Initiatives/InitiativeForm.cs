using Warmglow.Core.Initiatives;
using Warmglow.Web.Features.Initiatives;

namespace Warmglow.Web.Pages.Initiatives;

/// <summary>The fields of the create and edit forms (bound under "Input").</summary>
public sealed class InitiativeForm
{
    public int? PartnershipId { get; set; }
    public InitiativeKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? Goal { get; set; }
    public bool? Shared { get; set; }
    public string? OurOwnerId { get; set; }
    public string? PartnerOwnerName { get; set; }
    public string? Currency { get; set; } = "EUR";
    public decimal? OurBudget { get; set; }
    public decimal? PartnerBudget { get; set; }
    public decimal? Spent { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public Dictionary<string, string?> Fields { get; set; } = [];
    public int? Version { get; set; }

    public InitiativeInput ToInput() => new(PartnershipId, Kind, Title, Goal, Shared, OurOwnerId, PartnerOwnerName, Currency, OurBudget, PartnerBudget,
        Spent, StartsOn, EndsOn, Fields, Version);

    public static InitiativeForm From(InitiativeDto d) => new()
    {
        PartnershipId = d.Summary.PartnershipId, Kind = d.Summary.Kind, Title = d.Summary.Title, Goal = d.Goal, Shared = d.Summary.Shared,
        OurOwnerId = d.OurOwnerId, PartnerOwnerName = d.Summary.PartnerOwnerName, Currency = d.Summary.Currency, OurBudget = d.Summary.OurBudget,
        PartnerBudget = d.Summary.PartnerBudget, Spent = d.Summary.Spent, StartsOn = d.StartsOn, EndsOn = d.EndsOn,
        Fields = d.Fields.ToDictionary(f => f.Key, f => f.Value), Version = d.Summary.Version,
    };
}

/// <summary>What the form partial needs besides the values.</summary>
public sealed record InitiativeFormView(InitiativeForm Input, KindSpec Spec, IReadOnlyList<(string Id, string Name)> Staff,
    Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary State, bool ProposedByPartner);
