using Warmglow.Core.Clusters;
using Warmglow.Core.Partnerships;

namespace Warmglow.Core.Tests.Clusters;

public class ClusterRulesTests
{
    static ClusterMemberFacts M(string name, string? part = null, string? industry = null, string? region = null, PartnershipType? type = null,
        CustomerSegment? segment = CustomerSegment.MidMarket, BusinessModel? model = BusinessModel.Services) =>
        new(name, part, industry, region, type, segment, model);

    static readonly ClusterProfile MidMarketEurope = new(CustomerSegment.MidMarket, "Europe");

    [Fact]
    public void TheSeedsAnalyticsCluster_Integration_Visualization_Consulting_HasNoWarnings()
    {
        var members = new[]
        {
            M("Pipeflow", "Data integration", "Data integration", "Europe", PartnershipType.TechnologyIntegration, model: BusinessModel.Subscription),
            M("Chartwise", "Visualization", "Business intelligence", "Europe", PartnershipType.TechnologyIntegration, model: BusinessModel.Subscription),
            M("Insight Partners", "Consulting and rollout", "Consulting", "Europe", PartnershipType.CoSellingReferral, model: BusinessModel.Services),
        };
        Assert.Empty(ClusterRules.Check(MidMarketEurope, members));
    }

    [Fact]
    public void Complementary_FlagsTheSamePart_ThenTheSameIndustry_OncePerPair()
    {
        var w = ClusterRules.Complementary([M("A", "Dashboards", "BI"), M("B", "dashboards ", "BI"), M("C", "Hosting", "bi")]);
        Assert.Equal(3, w.Count);
        Assert.Equal("A and B bring the same part (Dashboards): check that their offerings complement each other rather than compete.", w[0].Message);
        Assert.Equal("A and C are both in BI: check that their offerings complement each other rather than compete.", w[1].Message);
        Assert.All(w, x => Assert.Equal(ClusterCharacteristic.Complementary, x.Characteristic));
    }

    [Fact]
    public void Complementary_FallsBackToTheType_OnlyWhenAnIndustryIsUnknown()
    {
        Assert.Empty(ClusterRules.Complementary([M("A", industry: "BI", type: PartnershipType.Reseller), M("B", industry: "Consulting", type: PartnershipType.Reseller)]));
        var w = Assert.Single(ClusterRules.Complementary([M("A", type: PartnershipType.Reseller), M("B", industry: "Consulting", type: PartnershipType.Reseller)]));
        Assert.StartsWith("A and B are both reseller partners", w.Message);
        Assert.Empty(ClusterRules.Complementary([M("A"), M("B")]));
    }

    [Fact]
    public void AlignedCustomers_AgainstTheTarget_AndTheRegion()
    {
        var w = ClusterRules.AlignedCustomers(MidMarketEurope, [M("A", region: "Europe"), M("B", segment: CustomerSegment.Enterprise, region: "North America")]);
        Assert.Equal(2, w.Count);
        Assert.Equal("B serves enterprise customers, not the cluster's target (mid-market): check that the combined solution fits both.", w[0].Message);
        Assert.Equal("B works in North America, outside the cluster's target region (Europe): check that it can serve those customers.", w[1].Message);
    }

    [Fact]
    public void AlignedCustomers_WithoutATarget_MembersShouldServeTheSameSegment_UnknownIsSaid()
    {
        var w = ClusterRules.AlignedCustomers(new(null, null), [M("A"), M("B", segment: CustomerSegment.Enterprise), M("C", segment: null)]);
        Assert.Equal(2, w.Count);
        Assert.Equal("Members serve different customers (mid-market: A; enterprise: B): agree on one target customer profile.", w[0].Message);
        Assert.Equal("The customers C serves are not recorded: their fit with the target cannot be checked yet.", w[1].Message);
        Assert.Empty(ClusterRules.AlignedCustomers(new(null, null), [M("A"), M("B")]));
    }

    [Fact]
    public void CompatibleModels_TwoMargins_SubscriptionsWithLicences_FeeWithMargin_Unknown()
    {
        Assert.Equal("A and B all take a resale margin: agree who resells the combined solution, so the customer does not pay two margins.",
            Assert.Single(ClusterRules.CompatibleModels([M("A", model: BusinessModel.Resale), M("B", model: BusinessModel.Resale)])).Message);
        Assert.Equal("A sells subscriptions and B one-off licences: agree how the combined solution is priced and billed.",
            Assert.Single(ClusterRules.CompatibleModels([M("A", model: BusinessModel.Subscription), M("B", model: BusinessModel.Licence)])).Message);
        Assert.Equal("A takes a transaction fee and B a resale margin on the same sale: agree how the margin is shared.",
            Assert.Single(ClusterRules.CompatibleModels([M("A", model: BusinessModel.TransactionFee), M("B", model: BusinessModel.Resale)])).Message);
        Assert.Equal("The business model of B is not recorded: compatibility cannot be checked yet.",
            Assert.Single(ClusterRules.CompatibleModels([M("A"), M("B", model: null)])).Message);
        Assert.Empty(ClusterRules.CompatibleModels([M("A", model: BusinessModel.Subscription), M("B", model: BusinessModel.Services), M("C", model: BusinessModel.Free)]));
    }

    [Fact]
    public void Members_AtLeastTwoDistinct_NoneTwice()
    {
        Assert.Equal([("members", "need at least two partners: a cluster is a combined solution of complementary partners.")],
            ClusterRules.ValidateMembers([(1, "Integration")]));
        Assert.Equal([("members", "need at least two partners: a cluster is a combined solution of complementary partners.")], ClusterRules.ValidateMembers([]));
        Assert.Equal([("members[1].partnerId", "is already a member of this cluster: each partner is listed once.")], ClusterRules.ValidateMembers([(1, null), (1, null), (2, null)]));
        Assert.Equal([("members[0].partnerId", "is required: pick a partner.")], ClusterRules.ValidateMembers([(null, "x"), (2, null), (3, null)]));
        Assert.Empty(ClusterRules.ValidateMembers([(1, "a"), (2, "b")]));
        Assert.Contains(("members", "must be at most 30 partners."), ClusterRules.ValidateMembers(Enumerable.Range(1, 31).Select(i => ((int?)i, (string?)null)).ToList()));
    }

    [Fact]
    public void Links_TwoDifferentPartners_AndAKnownKind()
    {
        Assert.Empty(ClusterRules.ValidateLink(1, 2, PartnerLinkKind.Resells));
        Assert.Equal([("toPartnerId", "must be another partner: a partner cannot be linked to itself.")], ClusterRules.ValidateLink(1, 1, PartnerLinkKind.Resells));
        Assert.Equal(3, ClusterRules.ValidateLink(null, null, null).Count);
        Assert.Equal([("kind", "is not a kind of link: integrates with, resells or co-delivers with.")], ClusterRules.ValidateLink(1, 2, (PartnerLinkKind)9));
    }

    [Fact]
    public void Join_ReadsLikeASentence() =>
        Assert.Equal(("", "A", "A and B", "A, B and C"), (ClusterRules.Join([]), ClusterRules.Join(["A"]), ClusterRules.Join(["A", "B"]), ClusterRules.Join(["A", "B", "C"])));
}
