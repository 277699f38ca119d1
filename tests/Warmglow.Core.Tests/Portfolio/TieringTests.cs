using Warmglow.Core.Portfolio;

namespace Warmglow.Core.Tests.Portfolio;

public class TieringTests
{
    static readonly TierSettings Rules = TierSettings.Default;

    static List<TierCandidate> Portfolio(int n, int age = 400) =>
        Enumerable.Range(1, n).Select(i => new TierCandidate(i, 100 - i, 0, age)).ToList();

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1, 1, 0, 0)]
    [InlineData(3, 1, 0, 2)]
    [InlineData(5, 1, 1, 3)]
    [InlineData(10, 1, 2, 7)]
    [InlineData(11, 2, 2, 7)]
    [InlineData(75, 8, 15, 52)]
    public void Counts_RoundTheCumulativeSharesUp(int n, int strategic, int growth, int transactional)
    {
        Assert.Equal((strategic, growth, transactional), Tiering.Counts(n, Rules));
        var r = Tiering.Assign(Portfolio(n), Rules);
        Assert.Equal((strategic, growth, transactional), (r.Strategic, r.Growth, r.Transactional));
    }

    [Fact]
    public void TopValuesAreStrategic_AndTheExplanationGivesTheCounts()
    {
        var r = Tiering.Assign(Portfolio(20), Rules);
        Assert.Equal([1, 2], r.Placements.Where(p => p.Tier == Tier.Strategic).Select(p => p.Id).Order());
        Assert.Equal([3, 4, 5, 6], r.Placements.Where(p => p.Tier == Tier.Growth).Select(p => p.Id).Order());
        Assert.Contains("20 partnerships old enough to rank", r.Explanation);
        Assert.Contains("strategic is the top 10% rounded up (2), growth the next 20% (4), transactional the rest (14)", r.Explanation);
    }

    [Fact]
    public void TiesAtABoundary_AreBrokenByTenureThenId_WhateverTheInputOrder()
    {
        // Ten partnerships, all scoring 50: one strategic slot. The longest-running wins; equal tenure → lower id.
        var list = Enumerable.Range(1, 10).Select(i => new TierCandidate(i, 50, 0, i == 7 ? 900 : 400)).ToList();
        var a = Tiering.Assign(list, Rules);
        var b = Tiering.Assign(Enumerable.Reverse(list).ToList(), Rules);
        Assert.Equal(7, a.Placements.Single(p => p.Tier == Tier.Strategic).Id);
        Assert.Equal([1, 2], a.Placements.Where(p => p.Tier == Tier.Growth).Select(p => p.Id).Order());
        Assert.Equal(a.Placements.OrderBy(p => p.Id).Select(p => p.Tier), b.Placements.OrderBy(p => p.Id).Select(p => p.Tier));
        Assert.True(a.TiesBroken > 0);
        Assert.Contains("broken by longer tenure", a.Explanation);
    }

    [Fact]
    public void TooYoungOrNotStarted_IsEmerging_AndNotRanked()
    {
        var r = Tiering.Assign([new(1, 90, 0, 30), new(2, 10, 0, null), new(3, 20, 0, 200)], Rules);
        Assert.Equal(Tier.Emerging, r.Placements.Single(p => p.Id == 1).Tier);
        Assert.Equal(Tier.Emerging, r.Placements.Single(p => p.Id == 2).Tier);
        Assert.Equal(Tier.Strategic, r.Placements.Single(p => p.Id == 3).Tier);
        Assert.Equal(1, r.Ranked);
        Assert.Contains("2 younger or not yet started are emerging", r.Explanation);
    }

    [Fact]
    public void NoMeasurableValue_IsNeverAboveTransactional()
    {
        var r = Tiering.Assign([new(1, null, 0, 400), new(2, 0, 0, 400), new(3, null, 0, 400)], Rules);
        Assert.All(r.Placements, p => Assert.Equal(Tier.Transactional, p.Tier));
        Assert.Contains("1 with no measurable value yet is transactional instead", r.Explanation);
    }

    [Fact]
    public void RevenueAndWeightedBases_RankByTheirValue()
    {
        var list = new List<TierCandidate> { new(1, 90, 1_000, 400), new(2, 40, 90_000, 400), new(3, 60, 10_000, 400) };
        Assert.Equal(2, Tiering.Assign(list, Rules with { Basis = ValueBasis.Revenue }).Placements.Single(p => p.Tier == Tier.Strategic).Id);
        Assert.Equal(1, Tiering.Assign(list, Rules with { Basis = ValueBasis.Composite }).Placements.Single(p => p.Tier == Tier.Strategic).Id);
        // Weighted 50/50: #2 = 0.5×40 + 0.5×100 = 70, #1 = 45 + 0.56 ≈ 45.56, #3 = 30 + 5.56.
        var weighted = Tiering.Assign(list, Rules with { Basis = ValueBasis.Weighted, CompositeWeightPercent = 50 });
        Assert.Equal(70m, weighted.Placements.Single(p => p.Id == 2).Value);
        Assert.Equal(Tier.Strategic, weighted.Placements.Single(p => p.Id == 2).Tier);
    }

    [Fact]
    public void PercentagesMustTotal100()
    {
        var e = Tiering.Validate(Rules with { TransactionalPercent = 60 });
        Assert.Contains("total 100 (they total 90)", e.ToString());
        Assert.True(Tiering.Validate(Rules).IsEmpty);
        Assert.False(Tiering.Validate(Rules with { StrategicPercent = -5, TransactionalPercent = 85 }).IsEmpty);
        Assert.False(Tiering.Validate(Rules with { MinimumAgeDays = -1 }).IsEmpty);
    }

    [Fact]
    public void ZeroTransactionalShare_LeavesNobodyOut()
    {
        var rules = Rules with { StrategicPercent = 50, GrowthPercent = 50, TransactionalPercent = 0 };
        Assert.Equal((2, 1, 0), Tiering.Counts(3, rules));
    }

    [Theory]
    [InlineData(Tier.Strategic, Tier.Growth, true)]
    [InlineData(Tier.Growth, Tier.Transactional, true)]
    [InlineData(Tier.Transactional, Tier.Strategic, false)]
    [InlineData(Tier.Emerging, Tier.Transactional, false)]
    [InlineData(Tier.Strategic, Tier.Emerging, true)]
    public void Downgrades(Tier from, Tier to, bool downgrade) => Assert.Equal(downgrade, Tiering.IsDowngrade(from, to));
}

public class ParetoTests
{
    [Fact]
    public void CoreIsTheSmallestSetReaching80Percent_AndTheTailIsCounted()
    {
        // The seeds: 42 partnerships, three make the value.
        var items = new List<ParetoItem> { new(1, 500), new(2, 300), new(3, 200) };
        items.AddRange(Enumerable.Range(4, 39).Select(i => new ParetoItem(i, 0)));
        var r = Pareto.Compute(items);
        Assert.Equal(2, r.CoreCount);   // 500 + 300 = 80%
        Assert.Equal(39, r.NothingMeasurable);
        Assert.Equal(100m, r.Rows[2].CumulativePercent);
        Assert.Contains("2 of 42 partnerships (4.8%) produce 80% of the value; 39 produce nothing measurable.", r.Explanation);
    }

    [Fact]
    public void EmptyAndAllZero_AreExplained()
    {
        Assert.Equal("No partnerships to compare yet.", Pareto.Compute([]).Explanation);
        var r = Pareto.Compute([new(1, 0), new(2, -5)]);
        Assert.Equal(0, r.CoreCount);
        Assert.Contains("None of the 2", r.Explanation);
    }

    [Fact]
    public void TiesAreOrderedById()
    {
        var r = Pareto.Compute([new(9, 100), new(3, 100), new(5, 100)]);
        Assert.Equal([3, 5, 9], r.Rows.Select(x => x.Id));
        Assert.Equal(3, r.CoreCount);  // 33%, 67%, then the third starts below 80%
    }
}
