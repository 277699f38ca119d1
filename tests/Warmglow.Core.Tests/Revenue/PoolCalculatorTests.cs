using Warmglow.Core.Revenue;
using static Warmglow.Core.Tests.Revenue.R;

namespace Warmglow.Core.Tests.Revenue;

public class PoolCalculatorTests
{
    // Three organizations: A and B pay 10% of referred revenue in, C 20%; the pool is paid out 50 / 30 / 20.
    static readonly PoolTerms Three = new("P1", "EUR", D(2024, 1, 1), null, [new("A", 10m, 50m), new("B", 10m, 30m), new("C", 20m, 20m)]);

    static RevenueEvent Ref(string key, decimal amount, DateOnly date, string member) => Ev(key, amount, date, agreement: "P1", member: member);

    [Fact]
    public void ThreeMembers_ContributeByRevenue_AndArePaidByWeight()
    {
        var events = new[]
        {
            Ref("a1", 6_000m, D(2024, 1, 3), "A"),
            Ref("a2", 4_000m, D(2024, 1, 4), "a"),
            Ref("b1", 5_000m, D(2024, 1, 5), "B"),
            Ref("c1", 2_500.55m, D(2024, 1, 6), "C"),
            Ref("next-period", 1_000m, D(2024, 2, 1), "C"),
        };
        var s = PoolCalculator.Distribute(Three, events, new Period(D(2024, 1, 1), D(2024, 1, 31)));

        // Contributions 1,000 + 500 + 500.11 = pool 2,000.11. Payout quotas 1,000.055 / 600.033 / 400.022:
        // floors 1,000.05 / 600.03 / 400.02 leave one cent, which goes to A (remainder 0.5 of a cent).
        Assert.Equal(2_000.11m, s.Pool);
        Assert.Equal(4, s.Lines.Count);
        var a = s.Of("A");
        var b = s.Of("B");
        var c = s.Of("C");
        Assert.Equal((10_000m, 1_000m, 1_000.06m, 0.06m), (a.ReferredRevenue, a.Contribution, a.Payout, a.Net));
        Assert.Equal((5_000m, 500m, 600.03m, 100.03m), (b.ReferredRevenue, b.Contribution, b.Payout, b.Net));
        Assert.Equal((2_500.55m, 500.11m, 400.02m, -100.09m), (c.ReferredRevenue, c.Contribution, c.Payout, c.Net));
        Assert.Equal(0m, s.Members.Sum(m => m.Net));
        Assert.Equal("A", s.Lines[1].MemberId);
    }

    [Fact]
    public void Contributions_AreRoundedOncePerMember_HalfAwayFromZero()
    {
        var terms = Three with { Members = [new("A", 2.5m, 1m), new("B", 0m, 1m)] };
        // 2.5% of 100.10 = 2.5025 → 2.50; then 2.50 split 1 : 1.
        var s = PoolCalculator.Distribute(terms, [Ref("a", 100.10m, D(2024, 1, 1), "A")], Year2024);
        Assert.Equal(2.50m, s.Of("A").Contribution);
        Assert.Equal(1.25m, s.Of("A").Payout);
        Assert.Equal(1.25m, s.Of("B").Net);
    }

    [Fact]
    public void Refunds_ReduceTheContribution_AndANegativePoolIsClawedBackByWeight()
    {
        var events = new[] { Ref("a1", 1_000m, D(2024, 1, 3), "A"), Ref("a2", -1_500m, D(2024, 1, 4), "A") };
        var s = PoolCalculator.Distribute(Three, events, Year2024);
        Assert.Equal(-500m, s.Of("A").ReferredRevenue);
        Assert.Equal(-50m, s.Of("A").Contribution);
        Assert.Equal(-50m, s.Pool);
        Assert.Equal(new[] { -25m, -15m, -10m }, s.Members.Select(m => m.Payout).ToArray());
        Assert.Equal(0m, s.Members.Sum(m => m.Net));
    }

    [Fact]
    public void Validate_TermsAndEvents()
    {
        var errors = new PoolTerms("", "ABC", D(2024, 1, 1), null, [new("A", -1m, 0m), new("a", 101m, 0m)]).Validate().ToDictionary();
        Assert.True(errors.ContainsKey("poolId"));
        Assert.True(errors.ContainsKey("currency"));
        Assert.Equal(["must not be negative (got -1%)."], errors["members[0].contributionPercent"]);
        Assert.Equal(["must be at most 100 (got 101%)."], errors["members[1].contributionPercent"]);
        Assert.Equal(["'a' appears more than once; list each party once."], errors["members[1].memberId"]);
        Assert.Equal(["must not all have weight 0: the pool is paid out in proportion to the weights."], errors["members"]);

        var eventErrors = PoolCalculator.ValidateEvents(Three, [Ref("x", 1m, D(2024, 1, 1), "Z"), Ev("y", 1m, D(2024, 1, 1), agreement: "P1")]).ToDictionary();
        Assert.Equal(["'Z' is not a member of pool 'P1'."], eventErrors["events[0].memberId"]);
        Assert.Equal(["is required: the member that referred the revenue."], eventErrors["events[1].memberId"]);
        Assert.Throws<ArgumentException>(() => PoolCalculator.Distribute(Three, [Ref("x", 1m, D(2024, 1, 1), "Z")], Year2024));
    }
}
