using Warmglow.Core.Revenue;
using static Warmglow.Core.Tests.Revenue.R;

namespace Warmglow.Core.Tests.Revenue;

public class ShareModelTests
{
    static readonly ShareContext Eur = new(D(2024, 1, 1), 2);

    static decimal[] Amounts(IReadOnlyList<PartyAmount> shares) => shares.Select(s => s.Amount).ToArray();

    [Fact]
    public void FixedSplit_SplitsByPercentage()
    {
        var shares = SixtyForty.Split(100.01m, D(2024, 5, 1), Eur);
        Assert.Equal(["content", "platform"], shares.Select(s => s.PartyId));
        Assert.Equal(new[] { 60.01m, 40.00m }, Amounts(shares));
    }

    [Fact]
    public void CapabilitySplit_Cost300Versus200_Is60To40()
    {
        var model = new CapabilitySplit([new("manufacturer", 300m), new("content", 200m)]);
        Assert.Equal(new[] { 600m, 400m }, Amounts(model.Split(1000m, D(2024, 5, 1), Eur)));
        Assert.Equal(new[] { 60.01m, 40.00m }, Amounts(model.Split(100.01m, D(2024, 5, 1), Eur)));
        // The weights are used directly: 1 : 2 is exactly a third, not a rounded 33.33%.
        var thirds = new CapabilitySplit([new("a", 1m), new("b", 2m)]);
        Assert.Equal(new[] { 33.33m, 66.67m }, Amounts(thirds.Split(100m, D(2024, 5, 1), Eur)));
    }

    [Fact]
    public void Phase_AgreementYearsRunFromTheStartDate()
    {
        var start = D(2024, 3, 15);
        Assert.Equal(new Period(D(2024, 3, 15), D(2025, 3, 14)), Phase.ForYear(1, P("a", 100)).Resolve(start));
        Assert.Equal(new Period(D(2025, 3, 15), D(2026, 3, 14)), Phase.ForYear(2, P("a", 100)).Resolve(start));
        // A leap-day start: anniversaries fall on 28 February, and consecutive years still touch without overlapping.
        var leap = D(2024, 2, 29);
        Assert.Equal(new Period(D(2024, 2, 29), D(2025, 2, 27)), Phase.ForYear(1, P("a", 100)).Resolve(leap));
        Assert.Equal(new Period(D(2025, 2, 28), D(2026, 2, 27)), Phase.ForYear(2, P("a", 100)).Resolve(leap));
        Assert.True(new PhasedSplit([Phase.ForYear(1, P("a", 100)), Phase.ForYear(2, P("a", 100))]).Validate(leap).IsEmpty);
    }

    [Fact]
    public void PhasedSplit_UsesThePhaseOfTheEventDate_AndUnionsTheParties()
    {
        var model = new PhasedSplit([
            Phase.Between(D(2024, 1, 1), D(2024, 6, 30), P("a", 100)),
            Phase.Between(D(2024, 7, 1), D(2024, 12, 31), P("a", 50), P("b", 50)),
        ]);
        Assert.Equal(["a", "b"], model.Parties);
        Assert.Equal(new[] { 100m, 0m }, Amounts(model.Split(100m, D(2024, 6, 30), Eur)));
        Assert.Equal(new[] { 50m, 50m }, Amounts(model.Split(100m, D(2024, 7, 1), Eur)));
        Assert.Throws<ArgumentException>(() => model.Split(100m, D(2025, 1, 1), Eur));
    }

    static readonly TieredSplit TenThenFifteen = new("partner", "owner", [new(0m, 10m), new(10_000m, 15m)]);

    [Fact]
    public void Tiered_CrossingTheThreshold_SplitsTheEventAtIt()
    {
        // Cumulative 8,000 before, event 4,000: 2,000 below 10,000 at 10% (200) + 2,000 above at 15% (300).
        Assert.Equal(500m, TenThenFifteen.PartnerShareExact(8_000m, 4_000m));
        var shares = TenThenFifteen.Split(4_000m, D(2024, 5, 1), Eur with { CumulativeBefore = 8_000m });
        Assert.Equal(new[] { 500m, 3_500m }, Amounts(shares));
    }

    [Fact]
    public void Tiered_EntirelyBelowOrAboveTheThreshold_UsesOneRate()
    {
        Assert.Equal(800m, TenThenFifteen.PartnerShareExact(0m, 8_000m));
        Assert.Equal(150m, TenThenFifteen.PartnerShareExact(12_000m, 1_000m));
        // Exactly up to the threshold is all at the lower rate.
        Assert.Equal(1_000m, TenThenFifteen.PartnerShareExact(0m, 10_000m));
    }

    [Fact]
    public void Tiered_RoundsTheLineOnce_AfterTheSplitAtTheThreshold()
    {
        // 10,000 at 10% = 1,000 and 0.05 at 15% = 0.0075 → partner 1,000.0075, owner 9,000.0425:
        // floors 1,000.00 / 9,000.04 leave one cent, which goes to the larger remainder (0.75 of a cent vs 0.25).
        var shares = TenThenFifteen.Split(10_000.05m, D(2024, 5, 1), Eur);
        Assert.Equal(new[] { 1_000.01m, 9_000.04m }, Amounts(shares));
    }

    [Fact]
    public void Tiered_RefundTakesBackAtTheRatesOfTheVolumeItRemoves()
    {
        // From 13,000 down to 9,000: 3,000 at 15% (450) and 1,000 at 10% (100).
        Assert.Equal(-550m, TenThenFifteen.PartnerShareExact(13_000m, -4_000m));
        Assert.Equal(new[] { -550m, -3_450m }, Amounts(TenThenFifteen.Split(-4_000m, D(2024, 5, 1), Eur with { CumulativeBefore = 13_000m })));
        // More refunds than sales so far: the first tier's rate.
        Assert.Equal(-10m, TenThenFifteen.PartnerShareExact(0m, -100m));
    }

    [Fact]
    public void Validate_FixedSplit_NegativeAndNot100()
    {
        var errors = new FixedSplit([P("a", 110), P("b", -10)]).Validate(D(2024, 1, 1)).ToDictionary();
        Assert.Contains("must be at most 100 (got 110%).", errors["shares[0].percent"]);
        Assert.Contains("must not be negative (got -10%).", errors["shares[1].percent"]);

        errors = new FixedSplit([P("a", 60), P("b", 30)]).Validate(D(2024, 1, 1)).ToDictionary();
        Assert.Equal(["must add up to 100% (got 90%)."], errors["shares"]);

        errors = new FixedSplit([P("a", 50.005m), P("b", 50)]).Validate(D(2024, 1, 1)).ToDictionary();
        Assert.Equal(["must add up to 100% (got 100.005%)."], errors["shares"]);

        errors = new FixedSplit([P("a", 50), P(" A ", 50)]).Validate(D(2024, 1, 1)).ToDictionary();
        Assert.Equal(["'A' appears more than once; list each party once."], errors["shares[1].partyId"]);

        errors = new FixedSplit([P("", 100)]).Validate(D(2024, 1, 1)).ToDictionary();
        Assert.Equal(["is required."], errors["shares[0].partyId"]);

        Assert.True(new FixedSplit([]).Validate(D(2024, 1, 1)).ToDictionary().ContainsKey("shares"));
        Assert.True(SixtyForty.Validate(D(2024, 1, 1)).IsEmpty);
    }

    [Fact]
    public void Validate_CapabilitySplit()
    {
        var errors = new CapabilitySplit([new("a", -1m), new("b", 2m)]).Validate(D(2024, 1, 1)).ToDictionary();
        Assert.Equal(["must not be negative (got -1)."], errors["contributions[0].amount"]);
        errors = new CapabilitySplit([new("a", 0m), new("b", 0m)]).Validate(D(2024, 1, 1)).ToDictionary();
        Assert.Equal(["must not all be 0: the split is in proportion to them."], errors["contributions"]);
    }

    [Fact]
    public void Validate_PhasedSplit_RefusesOverlaps()
    {
        var start = D(2024, 1, 1);
        var errors = new PhasedSplit([
            Phase.ForYear(1, P("a", 70), P("b", 30)),
            Phase.Between(D(2024, 12, 31), D(2025, 6, 30), P("a", 50), P("b", 50)),
        ]).Validate(start).ToDictionary();
        Assert.Equal(["overlaps phases[0]: 2024-12-31 to 2025-06-30 and 2024-01-01 to 2024-12-31 share days; phases must not overlap."], errors["phases[1]"]);

        errors = new PhasedSplit([Phase.ForYear(2, P("a", 100)), Phase.ForYear(2, P("a", 100))]).Validate(start).ToDictionary();
        Assert.True(errors.ContainsKey("phases[1]"));
    }

    [Fact]
    public void Validate_PhasedSplit_EachPhaseIsAValidSplitWithAYearOrARange()
    {
        var start = D(2024, 1, 1);
        var errors = new PhasedSplit([
            Phase.ForYear(0, P("a", 100)),
            new Phase([P("a", 100)], Year: 2, From: D(2025, 1, 1), To: D(2025, 12, 31)),
            new Phase([P("a", 100)], From: D(2026, 1, 1)),
            Phase.Between(D(2027, 12, 31), D(2027, 1, 1), P("a", 100)),
            Phase.ForYear(5, P("a", 60), P("b", 30)),
        ]).Validate(start).ToDictionary();
        Assert.Equal(["must be from 1 to 100 (got 0)."], errors["phases[0].year"]);
        Assert.Equal(["must give either an agreement year or from and to, not both."], errors["phases[1]"]);
        Assert.Equal(["must give an agreement year, or both from and to."], errors["phases[2]"]);
        Assert.Equal(["must not be before from (2027-12-31)."], errors["phases[3].to"]);
        Assert.Equal(["must add up to 100% (got 90%)."], errors["phases[4].shares"]);
        Assert.True(new PhasedSplit([]).Validate(start).ToDictionary().ContainsKey("phases"));
    }

    [Fact]
    public void Validate_TieredSplit()
    {
        var start = D(2024, 1, 1);
        var errors = new TieredSplit("p", "P", [new(100m, 10m), new(50m, 120m), new(60m, -1m)]).Validate(start).ToDictionary();
        Assert.Equal(["'P' appears more than once; list each party once."], errors["ownerId"]);
        Assert.Equal(["must be 0 so that every volume has a rate (got 100)."], errors["tiers[0].from"]);
        Assert.Equal(["must be above the previous tier's 100 (got 50)."], errors["tiers[1].from"]);
        Assert.Equal(["must be at most 100 (got 120%)."], errors["tiers[1].percent"]);
        Assert.Equal(["must not be negative (got -1%)."], errors["tiers[2].percent"]);
        Assert.True(TenThenFifteen.Validate(start).IsEmpty);
    }
}
