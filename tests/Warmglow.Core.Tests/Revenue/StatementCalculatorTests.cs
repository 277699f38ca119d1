using Warmglow.Core.Revenue;
using static Warmglow.Core.Tests.Revenue.R;

namespace Warmglow.Core.Tests.Revenue;

public class StatementCalculatorTests
{
    [Fact]
    public void FixedSplit_StatementHasALinePerEventInDateThenKeyOrder_AndTotals()
    {
        var events = new[]
        {
            Ev("k3", 50m, D(2024, 2, 1)),
            Ev("k2", 100.01m, D(2024, 1, 15)),
            Ev("k1", 10m, D(2024, 1, 15)),
            Ev("outside", 999m, D(2024, 4, 1)),
        };
        var s = StatementCalculator.Calculate(Terms(SixtyForty), events, new Period(D(2024, 1, 1), D(2024, 3, 31)));

        Assert.Equal(["k1", "k2", "k3"], s.Lines.Select(l => l.Key));
        Assert.Equal(60.01m, s.Lines[1].ShareOf("content"));
        Assert.Equal(40.00m, s.Lines[1].ShareOf("platform"));
        Assert.Equal(6m + 60.01m + 30m, s.TotalOf("content"));
        Assert.Equal(4m + 40m + 20m, s.TotalOf("platform"));
        Assert.Equal(160.01m, s.Total);
        Assert.Equal("EUR", s.Currency.Code);
        Assert.Equal(["content", "platform"], s.Totals.Select(t => t.PartyId));
    }

    [Fact]
    public void Refunds_ClawBackProportionally()
    {
        var events = new[] { Ev("sale", 100.01m, D(2024, 1, 10)), Ev("refund", -100.01m, D(2024, 1, 20)), Ev("partial", -50m, D(2024, 1, 21)) };
        var s = StatementCalculator.Calculate(Terms(SixtyForty), events, Year2024);
        Assert.Equal(-60.01m, s.Lines[1].ShareOf("content"));
        Assert.Equal(-40.00m, s.Lines[1].ShareOf("platform"));
        Assert.Equal(-30m, s.TotalOf("content"));
        Assert.Equal(-20m, s.TotalOf("platform"));
        Assert.Equal(-50m, s.Total);
    }

    [Fact]
    public void CapabilityBased_300To200()
    {
        var terms = Terms(new CapabilitySplit([new("manufacturer", 300m), new("content", 200m)]));
        var s = StatementCalculator.Calculate(terms, [Ev("e1", 2_500m, D(2024, 3, 1)), Ev("e2", 0.05m, D(2024, 3, 2))], Year2024);
        // 5 cents: quotas 3 and 2 exactly.
        Assert.Equal(1_500.03m, s.TotalOf("manufacturer"));
        Assert.Equal(1_000.02m, s.TotalOf("content"));
    }

    [Fact]
    public void Phased_PeriodAcrossTheYearBoundary_UsesEachSidesRate()
    {
        // Start 1 March 2024: year 1 ends 28 February 2025, year 2 starts 1 March 2025.
        var terms = Terms(new PhasedSplit([
            Phase.ForYear(1, P("brand", 70), P("partner", 30)),
            Phase.ForYear(2, P("brand", 50), P("partner", 50)),
            Phase.ForYear(3, P("brand", 30), P("partner", 70)),
        ]), start: D(2024, 3, 1), end: D(2027, 2, 28));
        var events = new[]
        {
            Ev("y1", 1_000m, D(2025, 2, 15)),
            Ev("y1-last-day", 100.01m, D(2025, 2, 28)),
            Ev("y2-first-day", 1_000m, D(2025, 3, 1)),
            Ev("y2-cent", 0.01m, D(2025, 3, 2)),
            Ev("y3", 1_000m, D(2026, 3, 1)),
        };
        var s = StatementCalculator.Calculate(terms, events, new Period(D(2025, 1, 1), D(2025, 6, 30)));

        Assert.Equal(4, s.Lines.Count);
        Assert.Equal(700m, s.Lines[0].ShareOf("brand"));
        Assert.Equal(300m, s.Lines[0].ShareOf("partner"));
        Assert.Equal(70.01m, s.Lines[1].ShareOf("brand"));
        Assert.Equal(30.00m, s.Lines[1].ShareOf("partner"));
        Assert.Equal(500m, s.Lines[2].ShareOf("brand"));
        Assert.Equal(500m, s.Lines[2].ShareOf("partner"));
        // 50/50 of one cent is a tie: the party listed first gets it.
        Assert.Equal(0.01m, s.Lines[3].ShareOf("brand"));
        Assert.Equal(0m, s.Lines[3].ShareOf("partner"));
        Assert.Equal(1_270.02m, s.TotalOf("brand"));
        Assert.Equal(830.00m, s.TotalOf("partner"));

        var year3 = StatementCalculator.Calculate(terms, events, new Period(D(2026, 3, 1), D(2026, 3, 31)));
        Assert.Equal(300m, year3.TotalOf("brand"));
        Assert.Equal(700m, year3.TotalOf("partner"));
    }

    [Fact]
    public void Phased_AnEventInNoPhaseIsRefused()
    {
        var terms = Terms(new PhasedSplit([Phase.ForYear(1, P("a", 100))]));
        var errors = StatementCalculator.ValidateEvents(terms, [Ev("late", 10m, D(2025, 1, 1))]).ToDictionary();
        Assert.Equal(["falls in no phase of the agreement (2024-01-01 to 2024-12-31); add a phase that covers 2025-01-01."], errors["events[0].date"]);
        Assert.Throws<ArgumentException>(() => StatementCalculator.Calculate(terms, [Ev("late", 10m, D(2025, 1, 1))], Year2024));
    }

    static readonly AgreementTerms Tiered = Terms(new TieredSplit("partner", "owner", [new(0m, 10m), new(10_000m, 15m)]));

    [Fact]
    public void Tiered_ThresholdCrossedMidPeriodByOneEvent_AndVolumeResetsEachPeriod()
    {
        var events = new[]
        {
            Ev("jan-1", 8_000m, D(2024, 1, 5)),
            Ev("jan-2", 4_000m, D(2024, 1, 10)),  // 8,000 → 12,000: 2,000 at 10% + 2,000 at 15%
            Ev("jan-3", 1_000m, D(2024, 1, 20)),  // all above: 15%
            Ev("feb-1", 1_000m, D(2024, 2, 1)),   // new period: back to 10%
        };
        var jan = StatementCalculator.Calculate(Tiered, events, new Period(D(2024, 1, 1), D(2024, 1, 31)));
        Assert.Equal(new[] { 800m, 500m, 150m }, jan.Lines.Select(l => l.ShareOf("partner")).ToArray());
        Assert.Equal(new[] { 0m, 8_000m, 12_000m }, jan.Lines.Select(l => l.CumulativeBefore).ToArray());
        Assert.Equal(1_450m, jan.TotalOf("partner"));
        Assert.Equal(11_550m, jan.TotalOf("owner"));
        Assert.Equal(13_000m, jan.Total);

        var feb = StatementCalculator.Calculate(Tiered, events, new Period(D(2024, 2, 1), D(2024, 2, 29)));
        Assert.Equal(100m, feb.TotalOf("partner"));
    }

    [Fact]
    public void Tiered_RefundLowersTheVolumeAndClawsBackAtTheRatesItRemoves()
    {
        var events = new[] { Ev("s1", 13_000m, D(2024, 1, 5)), Ev("r1", -4_000m, D(2024, 1, 6)), Ev("s2", 1_000m, D(2024, 1, 7)) };
        var s = StatementCalculator.Calculate(Tiered, events, new Period(D(2024, 1, 1), D(2024, 1, 31)));
        // 13,000 → 1,000 + 450 = 1,450; refund to 9,000 → −550; 9,000 → 10,000 at 10% → 100.
        Assert.Equal(new[] { 1_450m, -550m, 100m }, s.Lines.Select(l => l.ShareOf("partner")).ToArray());
        Assert.Equal(1_000m, s.TotalOf("partner"));
        Assert.Equal(9_000m, s.TotalOf("owner"));
    }

    [Fact]
    public void Jpy_HasNoMinorUnits()
    {
        var terms = Terms(SixtyForty, currency: "JPY");
        var s = StatementCalculator.Calculate(terms, [Ev("y1", 1_001m, D(2024, 1, 5), "JPY"), Ev("y2", -1_001m, D(2024, 1, 6), "jpy")], Year2024);
        Assert.Equal(601m, s.Lines[0].ShareOf("content"));
        Assert.Equal(400m, s.Lines[0].ShareOf("platform"));
        Assert.Equal(-601m, s.Lines[1].ShareOf("content"));
        Assert.Equal(0m, s.Total);

        var errors = StatementCalculator.ValidateEvents(terms, [Ev("y3", 12.5m, D(2024, 1, 5), "JPY")]).ToDictionary();
        Assert.Equal(["must be a whole number: JPY has no minor units (got 12.5)."], errors["events[0].amount"]);
    }

    [Fact]
    public void EmptyPeriod_GivesZeroTotalsForEveryParty()
    {
        var s = StatementCalculator.Calculate(Terms(SixtyForty), [], Year2024);
        Assert.Empty(s.Lines);
        Assert.Equal(new[] { 0m, 0m }, s.Totals.Select(t => t.Amount).ToArray());
        Assert.Equal(0m, s.Total);
    }

    [Fact]
    public void ValidateTerms_RefusesUnknownCurrencyAndBackwardTerm()
    {
        var errors = Terms(SixtyForty, currency: "XYZ", start: D(2024, 6, 1), end: D(2024, 5, 31)).Validate().ToDictionary();
        Assert.Equal(["'XYZ' is not a supported currency; use one of EUR, USD, GBP, CHF, JPY, AUD, CAD, SEK, NOK, DKK, BRL, MXN, INR, SGD, NZD."], errors["currency"]);
        Assert.Equal(["must not be before start (2024-06-01)."], errors["end"]);

        errors = Terms(new FixedSplit([P("a", -10), P("b", 100)])).Validate().ToDictionary();
        Assert.Equal(["must not be negative (got -10%)."], errors["model.shares[0].percent"]);
        Assert.Throws<ArgumentException>(() => StatementCalculator.Calculate(Terms(new FixedSplit([P("a", 50)])), [], Year2024));
    }

    [Fact]
    public void ValidateEvents_ReportsEveryProblemByField()
    {
        var terms = Terms(SixtyForty, start: D(2024, 1, 1), end: D(2024, 12, 31));
        var events = new[]
        {
            Ev("ok", 10m, D(2024, 1, 1)),
            Ev("usd", 10m, D(2024, 1, 2), currency: "USD"),
            Ev("xyz", 10m, D(2024, 1, 3), currency: "XYZ"),
            Ev("early", 10m, D(2023, 12, 31)),
            Ev("late", 10m, D(2025, 1, 1)),
            Ev("cents", 10.005m, D(2024, 1, 4)),
            Ev("zero", 0m, D(2024, 1, 5)),
            Ev("ok", 10m, D(2024, 1, 6)),
            Ev("other", 10m, D(2024, 1, 7), agreement: "A2"),
            new RevenueEvent(" ", 10m, "EUR", D(2024, 1, 8), "", "A1"),
        };
        var errors = StatementCalculator.ValidateEvents(terms, events).ToDictionary();
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("events[0]"));
        Assert.Equal(["must be EUR, the agreement's currency (got USD); convert the amount before recording it."], errors["events[1].currency"]);
        Assert.Equal(["'XYZ' is not a supported currency; use one of EUR, USD, GBP, CHF, JPY, AUD, CAD, SEK, NOK, DKK, BRL, MXN, INR, SGD, NZD."], errors["events[2].currency"]);
        Assert.Equal(["must be within the agreement's term, 2024-01-01 to 2024-12-31 (got 2023-12-31)."], errors["events[3].date"]);
        Assert.Equal(["must be within the agreement's term, 2024-01-01 to 2024-12-31 (got 2025-01-01)."], errors["events[4].date"]);
        Assert.Equal(["must have at most 2 decimals in EUR (got 10.005)."], errors["events[5].amount"]);
        Assert.Equal(["must not be 0; a refund is a negative amount."], errors["events[6].amount"]);
        Assert.Equal(["'ok' is already used by events[0]; each event is recorded once."], errors["events[7].key"]);
        Assert.Equal(["must be 'A1' (got 'A2'): the event is attributed to another agreement."], errors["events[8].agreementId"]);
        Assert.Equal(["is required."], errors["events[9].key"]);
        Assert.Equal(["is required."], errors["events[9].source"]);

        var open = StatementCalculator.ValidateEvents(Terms(SixtyForty, start: D(2024, 1, 1)), [Ev("e", 1m, D(2023, 1, 1))]).ToDictionary();
        Assert.Equal(["must be within the agreement's term, 2024-01-01 to open-ended (got 2023-01-01)."], open["events[0].date"]);
        Assert.Throws<ArgumentException>(() => StatementCalculator.Calculate(terms, events, Year2024));
    }

    [Fact]
    public void Period_ToBeforeFromIsRefused()
    {
        var period = new Period(D(2024, 2, 1), D(2024, 1, 31));
        Assert.Equal(["must not be before period.from (2024-02-01)."], period.Validate().ToDictionary()["period.to"]);
        Assert.Throws<ArgumentException>(() => StatementCalculator.Calculate(Terms(SixtyForty), [], period));
    }
}
