using System.ComponentModel.DataAnnotations;
using Warmglow.Core.Partnerships;

namespace Warmglow.Core.Clusters;

/// <summary>The customers a partner (or a cluster's combined solution) is sold to.</summary>
public enum CustomerSegment
{
    [Display(Name = "Small businesses")] SmallBusiness,
    [Display(Name = "Mid-market")] MidMarket,
    [Display(Name = "Enterprise")] Enterprise,
    [Display(Name = "Public sector")] PublicSector,
}

/// <summary>How a member earns from its part of a combined solution.</summary>
public enum BusinessModel
{
    [Display(Name = "Subscription (recurring)")] Subscription,
    [Display(Name = "One-off licence")] Licence,
    [Display(Name = "Services (fees for work)")] Services,
    [Display(Name = "Resale margin")] Resale,
    [Display(Name = "Transaction or marketplace fee")] TransactionFee,
    [Display(Name = "Free or open source")] Free,
}

/// <summary>How one partner works with another.</summary>
public enum PartnerLinkKind
{
    [Display(Name = "Integrates with")] IntegratesWith,
    [Display(Name = "Resells")] Resells,
    [Display(Name = "Co-delivers with")] CoDelivers,
}

/// <summary>The three characteristics of a working cluster (the seeds): each warning names the one it is about.</summary>
public enum ClusterCharacteristic
{
    [Display(Name = "Complementary offerings")] Complementary,
    [Display(Name = "Aligned customer profiles")] AlignedCustomers,
    [Display(Name = "Compatible business models")] CompatibleModels,
}

/// <summary>What the checks know of one member: the partner's own fields and its part in the cluster.</summary>
public sealed record ClusterMemberFacts(string Name, string? Part, string? Industry, string? Region, PartnershipType? Type,
    CustomerSegment? Segment, BusinessModel? Model);

/// <summary>The cluster's target customer profile: a segment and a region (both optional).</summary>
public sealed record ClusterProfile(CustomerSegment? Segment, string? Region);

public sealed record ClusterWarning(ClusterCharacteristic Characteristic, string Message);

/// <summary>
/// The rules of partner clusters: at least two members, and the checks for the three characteristics of a cluster that
/// works — complementary (not competing) offerings, aligned customer profiles and compatible business models. The checks
/// are warnings for a person to weigh, never refusals. Pure functions, no I/O.
/// </summary>
public static class ClusterRules
{
    public const int MinMembers = 2;
    public const int MaxMembers = 30;

    /// <summary>The rules as the cluster page states them, per characteristic.</summary>
    public static readonly IReadOnlyList<(ClusterCharacteristic Characteristic, string Rule)> Explained =
    [
        (ClusterCharacteristic.Complementary, "Two members bringing the same part, in the same industry, or (when the industry is not recorded) in partnerships of the same type may compete rather than complement each other."),
        (ClusterCharacteristic.AlignedCustomers, "Each member's customers should match the cluster's target segment and region; without a target, members should serve the same segment."),
        (ClusterCharacteristic.CompatibleModels, "Two members taking a resale margin, subscriptions sold next to one-off licences, or a transaction fee next to a resale margin need an agreed way to price and bill the combined solution."),
    ];

    static string Key(string? s) => string.Join(' ', (s ?? "").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    static bool Same(string? a, string? b) => Key(a).Length > 0 && Key(a) == Key(b);
    static string Names(IEnumerable<ClusterMemberFacts> members) => Join(members.Select(m => m.Name).ToList());

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>Every warning, in the order of the characteristics.</summary>
    public static IReadOnlyList<ClusterWarning> Check(ClusterProfile profile, IReadOnlyList<ClusterMemberFacts> members) =>
        [.. Complementary(members), .. AlignedCustomers(profile, members), .. CompatibleModels(members)];

    /// <summary>
    /// Pairs that may compete: the same part in the solution; else the same industry; else (industry unknown on either
    /// side) partnerships of the same type. One warning per pair, the strongest reason first.
    /// </summary>
    public static IReadOnlyList<ClusterWarning> Complementary(IReadOnlyList<ClusterMemberFacts> members)
    {
        var list = new List<ClusterWarning>();
        for (var i = 0; i < members.Count; i++)
            for (var j = i + 1; j < members.Count; j++)
            {
                var (a, b) = (members[i], members[j]);
                string? why = Same(a.Part, b.Part) ? $"{a.Name} and {b.Name} bring the same part ({a.Part!.Trim()})"
                    : Same(a.Industry, b.Industry) ? $"{a.Name} and {b.Name} are both in {a.Industry!.Trim()}"
                    : (Key(a.Industry).Length == 0 || Key(b.Industry).Length == 0) && a.Type is { } t && t == b.Type
                        ? $"{a.Name} and {b.Name} are both {PartnershipTypes.Get(t).Name.ToLowerInvariant()} partners"
                    : null;
                if (why is not null)
                    list.Add(new(ClusterCharacteristic.Complementary, $"{why}: check that their offerings complement each other rather than compete."));
            }
        return list;
    }

    /// <summary>Members whose customers or region differ from the target (or from each other, without a target segment); members whose customers are not recorded.</summary>
    public static IReadOnlyList<ClusterWarning> AlignedCustomers(ClusterProfile profile, IReadOnlyList<ClusterMemberFacts> members)
    {
        var list = new List<ClusterWarning>();
        var known = members.Where(m => m.Segment is not null).ToList();
        if (profile.Segment is { } target)
        {
            foreach (var m in known.Where(m => m.Segment != target))
                list.Add(new(ClusterCharacteristic.AlignedCustomers,
                    $"{m.Name} serves {Text.Labels.Of(m.Segment!.Value).ToLowerInvariant()} customers, not the cluster's target ({Text.Labels.Of(target).ToLowerInvariant()}): check that the combined solution fits both."));
        }
        else if (known.Select(m => m.Segment).Distinct().Count() > 1)
        {
            var groups = known.GroupBy(m => m.Segment!.Value).OrderBy(g => g.Key)
                .Select(g => $"{Text.Labels.Of(g.Key).ToLowerInvariant()}: {Names(g)}").ToList();
            list.Add(new(ClusterCharacteristic.AlignedCustomers, $"Members serve different customers ({string.Join("; ", groups)}): agree on one target customer profile."));
        }
        if (Key(profile.Region).Length > 0)
            foreach (var m in members.Where(m => Key(m.Region).Length > 0 && !Same(m.Region, profile.Region)))
                list.Add(new(ClusterCharacteristic.AlignedCustomers,
                    $"{m.Name} works in {m.Region!.Trim()}, outside the cluster's target region ({profile.Region!.Trim()}): check that it can serve those customers."));
        var unknown = members.Where(m => m.Segment is null).ToList();
        if (unknown.Count > 0)
            list.Add(new(ClusterCharacteristic.AlignedCustomers,
                $"The customers {Names(unknown)} {(unknown.Count == 1 ? "serves are" : "serve are")} not recorded: their fit with the target cannot be checked yet."));
        return list;
    }

    /// <summary>Business models that need an agreed way to price and bill the combined solution; members whose model is not recorded.</summary>
    public static IReadOnlyList<ClusterWarning> CompatibleModels(IReadOnlyList<ClusterMemberFacts> members)
    {
        var list = new List<ClusterWarning>();
        List<ClusterMemberFacts> With(BusinessModel m) => members.Where(x => x.Model == m).ToList();
        var resale = With(BusinessModel.Resale);
        var subscription = With(BusinessModel.Subscription);
        var licence = With(BusinessModel.Licence);
        var fee = With(BusinessModel.TransactionFee);
        if (resale.Count > 1)
            list.Add(new(ClusterCharacteristic.CompatibleModels,
                $"{Names(resale)} all take a resale margin: agree who resells the combined solution, so the customer does not pay two margins."));
        if (subscription.Count > 0 && licence.Count > 0)
            list.Add(new(ClusterCharacteristic.CompatibleModels,
                $"{Names(subscription)} {(subscription.Count == 1 ? "sells" : "sell")} subscriptions and {Names(licence)} one-off licences: agree how the combined solution is priced and billed."));
        if (fee.Count > 0 && resale.Count > 0)
            list.Add(new(ClusterCharacteristic.CompatibleModels,
                $"{Names(fee)} {(fee.Count == 1 ? "takes" : "take")} a transaction fee and {Names(resale)} a resale margin on the same sale: agree how the margin is shared."));
        var unknown = members.Where(m => m.Model is null).ToList();
        if (unknown.Count > 0)
            list.Add(new(ClusterCharacteristic.CompatibleModels,
                $"The business model of {Names(unknown)} is not recorded: compatibility cannot be checked yet."));
        return list;
    }

    /// <summary>
    /// The member list's errors (field "members", or "members[i].partnerId"): at least two distinct partners, at most
    /// <see cref="MaxMembers"/>, no partner twice, parts at most 200 characters.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateMembers(IReadOnlyList<(int? PartnerId, string? Part)> members)
    {
        var errors = new List<(string, string)>();
        var seen = new HashSet<int>();
        for (var i = 0; i < members.Count; i++)
        {
            var (id, part) = members[i];
            if (id is null or <= 0) errors.Add(($"members[{i}].partnerId", "is required: pick a partner."));
            else if (!seen.Add(id.Value)) errors.Add(($"members[{i}].partnerId", "is already a member of this cluster: each partner is listed once."));
            if ((part?.Trim().Length ?? 0) > 200) errors.Add(($"members[{i}].part", "must be at most 200 characters."));
        }
        if (seen.Count < MinMembers && errors.Count == 0)
            errors.Add(("members", "need at least two partners: a cluster is a combined solution of complementary partners."));
        if (members.Count > MaxMembers) errors.Add(("members", $"must be at most {MaxMembers} partners."));
        return errors;
    }

    /// <summary>Errors of a partner-to-partner link: two different partners and a known kind.</summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateLink(int? fromPartnerId, int? toPartnerId, PartnerLinkKind? kind)
    {
        var errors = new List<(string, string)>();
        if (fromPartnerId is null or <= 0) errors.Add(("fromPartnerId", "is required: pick a partner."));
        if (toPartnerId is null or <= 0) errors.Add(("toPartnerId", "is required: pick a partner."));
        else if (fromPartnerId == toPartnerId) errors.Add(("toPartnerId", "must be another partner: a partner cannot be linked to itself."));
        if (kind is null) errors.Add(("kind", "is required: integrates with, resells or co-delivers with."));
        else if (!Enum.IsDefined(kind.Value)) errors.Add(("kind", "is not a kind of link: integrates with, resells or co-delivers with."));
        return errors;
    }
}
