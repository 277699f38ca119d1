namespace Warmglow.Core.Mapping;

/// <summary>Which side of a partnership a population belongs to.</summary>
public enum MappingSide { Ours, Partner }

/// <summary>What a population holds (custom for anything else).</summary>
public enum PopulationKind { Customers, OpenOpportunities, Prospects, Custom }

/// <summary>What one side lets the other see of its populations, Crossbeam's levels, from least to most.</summary>
public enum SharingLevel { Hidden = 0, Counts = 1, Overlap = 2, All = 3 }

/// <summary>One side's rule: for a pair of populations, for one of its populations against any, or (both 0) for the partnership.</summary>
public sealed record SharingRuleKey(MappingSide Owner, int OurPopulationId, int PartnerPopulationId, SharingLevel Level);

/// <summary>What the viewer may see of one cell of the overlap matrix.</summary>
public sealed record CellAccess(bool Count, bool OtherSideRecords)
{
    public static readonly CellAccess None = new(false, false);
}

/// <summary>
/// The sharing rules: each side decides what the other sees of its own records, and both sides' rules apply. A count
/// says something about both lists, so it shows only when neither side hides the pair; the other side's records (and
/// which of the viewer's own records overlap with them) only when the other side shares at least the overlap.
/// </summary>
public static class SharingRules
{
    public const SharingLevel Default = SharingLevel.Counts;

    /// <summary>
    /// The owner's level for a pair: the pair's own rule, else the rule for the owner's population against any, else the
    /// partnership-wide rule, else <see cref="Default"/>. A 0 id means "any" (a whole-population listing passes 0 for the other side).
    /// </summary>
    public static SharingLevel LevelFor(IEnumerable<SharingRuleKey> rules, MappingSide owner, int ourPopulationId, int partnerPopulationId)
    {
        var own = rules.Where(r => r.Owner == owner).ToList();
        var ownPop = owner == MappingSide.Ours ? ourPopulationId : partnerPopulationId;
        SharingRuleKey? Find(int ours, int partner) => own.FirstOrDefault(r => r.OurPopulationId == ours && r.PartnerPopulationId == partner);
        var pair = ourPopulationId != 0 && partnerPopulationId != 0 ? Find(ourPopulationId, partnerPopulationId) : null;
        var population = owner == MappingSide.Ours ? Find(ownPop, 0) : Find(0, ownPop);
        return (pair ?? population ?? Find(0, 0))?.Level ?? Default;
    }

    /// <summary>What <paramref name="viewer"/> may see of the cell (our population × the partner's).</summary>
    public static CellAccess Access(IEnumerable<SharingRuleKey> rules, MappingSide viewer, int ourPopulationId, int partnerPopulationId)
    {
        var list = rules as IReadOnlyCollection<SharingRuleKey> ?? rules.ToList();
        var ours = LevelFor(list, MappingSide.Ours, ourPopulationId, partnerPopulationId);
        var theirs = LevelFor(list, MappingSide.Partner, ourPopulationId, partnerPopulationId);
        if (ours == SharingLevel.Hidden || theirs == SharingLevel.Hidden) return CellAccess.None;
        var other = viewer == MappingSide.Ours ? theirs : ours;
        return new CellAccess(true, other >= SharingLevel.Overlap);
    }

    /// <summary>Whether <paramref name="viewer"/> may list every record of the other side's population (the owner shares all accounts).</summary>
    public static bool CanListPopulation(IEnumerable<SharingRuleKey> rules, MappingSide viewer, MappingSide owner, int populationId) =>
        viewer == owner || LevelFor(rules, owner, owner == MappingSide.Ours ? populationId : 0, owner == MappingSide.Partner ? populationId : 0) == SharingLevel.All;

    /// <summary>The level named in <paramref name="text"/> (its name or its words, any case), or null with the choices.</summary>
    public static SharingLevel? Parse(string? text) =>
        text?.Trim().ToLowerInvariant().Replace(" ", "").Replace("_", "") switch
        {
            "hidden" => SharingLevel.Hidden,
            "counts" or "countsonly" => SharingLevel.Counts,
            "overlap" or "overlappingaccounts" or "overlaps" => SharingLevel.Overlap,
            "all" or "allaccounts" => SharingLevel.All,
            _ => null,
        };

    public const string Choices = "hidden, counts (the default), overlap (the overlapping accounts) or all (every account)";

    public static string Describe(SharingLevel level) => level switch
    {
        SharingLevel.Hidden => "Hidden",
        SharingLevel.Counts => "Counts only",
        SharingLevel.Overlap => "Overlapping accounts",
        _ => "All accounts",
    };

    public static string Describe(PopulationKind kind) => kind switch
    {
        PopulationKind.Customers => "Customers",
        PopulationKind.OpenOpportunities => "Open opportunities",
        PopulationKind.Prospects => "Prospects",
        _ => "Custom",
    };
}
