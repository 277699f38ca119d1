using Warmglow.Core.Revenue;
using static Warmglow.Core.Tests.Revenue.R;

namespace Warmglow.Core.Tests.Revenue;

/// <summary>Invariants over a few hundred random agreements and events; fixed seeds keep every run identical.</summary>
public class RevenuePropertyTests
{
    const int Cases = 300;
    static readonly DateOnly Start = D(2024, 1, 1);

    static string[] PartyIds(int n) => Enumerable.Range(0, n).Select(i => $"p{i}").ToArray();

    /// <summary>Whole-cent percentages that add up to exactly 100.</summary>
    static PartyPercent[] RandomPercents(Random rng, string[] parties)
    {
        var cuts = Enumerable.Range(0, parties.Length - 1).Select(_ => rng.Next(0, 10_001)).Append(0).Append(10_000).Order().ToArray();
        return parties.Select((p, i) => new PartyPercent(p, (cuts[i + 1] - cuts[i]) / 100m)).ToArray();
    }

    static ShareModel RandomModel(Random rng, bool allowTiered)
    {
        var parties = PartyIds(rng.Next(1, 6));
        switch (rng.Next(allowTiered ? 4 : 3))
        {
            case 0:
                return new FixedSplit(RandomPercents(rng, parties));
            case 1:
                // Costs with odd decimals so that quotas are rarely whole cents; one party may contribute nothing.
                var contributions = parties.Select(p => new PartyContribution(p, rng.Next(0, 100_000) / 7m)).ToArray();
                if (contributions.All(c => c.Amount == 0)) contributions[0] = contributions[0] with { Amount = 1m };
                return new CapabilitySplit(contributions);
            case 2:
                return new PhasedSplit([
                    Phase.ForYear(1, RandomPercents(rng, parties)),
                    Phase.ForYear(2, RandomPercents(rng, parties)),
                    Phase.ForYear(3, RandomPercents(rng, parties)),
                ]);
            default:
                var from = 0m;
                var tiers = new List<Tier>();
                for (var i = 0; i < rng.Next(1, 5); i++)
                {
                    tiers.Add(new Tier(from, rng.Next(0, 10_001) / 100m));
                    from += rng.Next(1, 2_000_000) / 100m;
                }
                return new TieredSplit("partner", "owner", tiers);
        }
    }

    static List<RevenueEvent> RandomEvents(Random rng, int minorUnits, string prefix = "e")
    {
        var scale = minorUnits == 0 ? 1m : 100m;
        var events = new List<RevenueEvent>();
        for (var i = 0; i < rng.Next(0, 40); i++)
        {
            var amount = rng.Next(-200_000, 2_000_000) / scale;
            if (amount == 0) amount = 1m;
            events.Add(Ev($"{prefix}{rng.Next(1_000_000)}-{i}", amount, Start.AddDays(rng.Next(0, 3 * 365)), minorUnits == 0 ? "JPY" : "EUR"));
        }
        return events;
    }

    [Fact]
    public void LargestRemainder_SumsExactly_StaysWithinAMinorUnitOfTheQuota_AndIsSignSymmetric()
    {
        var rng = new Random(4217);
        for (var n = 0; n < Cases * 3; n++)
        {
            var minorUnits = rng.Next(3) == 0 ? 0 : 2;
            var unit = minorUnits == 0 ? 1m : 0.01m;
            var total = rng.Next(-10_000_000, 10_000_000) * unit;
            var weights = Enumerable.Range(0, rng.Next(1, 8)).Select(_ => rng.Next(0, 4) == 0 ? 0m : rng.Next(1, 1_000_000) / 1_000m).ToArray();
            if (weights.All(w => w == 0)) weights[0] = 1m;
            var parts = Allocation.LargestRemainder(total, weights, minorUnits);

            Assert.Equal(total, parts.Sum());
            var weightSum = weights.Sum();
            for (var i = 0; i < parts.Count; i++)
            {
                Assert.True(Math.Abs(parts[i] - total * weights[i] / weightSum) < unit, $"part {i} of {total} strays from its quota");
                Assert.Equal(parts[i], Money.RoundToMinor(parts[i], minorUnits));
                if (weights[i] == 0) Assert.Equal(0m, parts[i]);
            }
            Assert.Equal(parts.Select(p => -p), Allocation.LargestRemainder(-total, weights, minorUnits));
        }
    }

    [Fact]
    public void EveryLineSumsToItsAmount_AndTotalsSumToThePeriodsRevenue()
    {
        var rng = new Random(20240101);
        for (var n = 0; n < Cases; n++)
        {
            var jpy = rng.Next(5) == 0;
            var terms = Terms(RandomModel(rng, allowTiered: true), jpy ? "JPY" : "EUR", Start, Start.AddYears(3).AddDays(-1));
            Assert.True(terms.Validate().IsEmpty, terms.Validate().ToString());
            var events = RandomEvents(rng, jpy ? 0 : 2);
            var from = Start.AddDays(rng.Next(0, 3 * 365));
            var period = new Period(from, from.AddDays(rng.Next(0, 400)));

            var s = StatementCalculator.Calculate(terms, events, period);

            var inPeriod = events.Where(e => period.Contains(e.Date)).ToList();
            Assert.Equal(inPeriod.Count, s.Lines.Count);
            foreach (var line in s.Lines)
            {
                Assert.Equal(line.Amount, line.Shares.Sum(x => x.Amount));
                Assert.All(line.Shares, x => Assert.True(Money.FitsMinorUnits(x.Amount, jpy ? 0 : 2)));
                // A share never has the opposite sign of the event: a refund never pays anyone.
                Assert.All(line.Shares, x => Assert.True(x.Amount * line.Amount >= 0));
            }
            Assert.Equal(inPeriod.Sum(e => e.Amount), s.Total);
            Assert.Equal(s.Total, s.Totals.Sum(t => t.Amount));
            foreach (var total in s.Totals)
                Assert.Equal(total.Amount, s.Lines.Sum(l => l.ShareOf(total.PartyId)));
            // Deterministic: the same events in another order give the same statement.
            var shuffled = events.OrderBy(_ => rng.Next()).ToList();
            var again = StatementCalculator.Calculate(terms, shuffled, period);
            Assert.Equal(s.Lines.Select(l => (l.Key, string.Join(",", l.Shares))), again.Lines.Select(l => (l.Key, string.Join(",", l.Shares))));
        }
    }

    [Fact]
    public void ConsecutivePeriods_AddUpToOnePeriod_ForNonTieredModels()
    {
        var rng = new Random(777);
        for (var n = 0; n < Cases; n++)
        {
            var terms = Terms(RandomModel(rng, allowTiered: false), "EUR", Start, Start.AddYears(3).AddDays(-1));
            var events = RandomEvents(rng, 2);
            var whole = new Period(Start, Start.AddYears(3).AddDays(-1));
            var one = StatementCalculator.Calculate(terms, events, whole);

            // Cut the term into random consecutive periods.
            var parts = new List<Statement>();
            var from = whole.From;
            while (from <= whole.To)
            {
                var to = from.AddDays(rng.Next(0, 200));
                if (to > whole.To) to = whole.To;
                parts.Add(StatementCalculator.Calculate(terms, events, new Period(from, to)));
                from = to.AddDays(1);
            }

            Assert.Equal(one.Total, parts.Sum(p => p.Total));
            Assert.Equal(events.Sum(e => e.Amount), one.Total);
            foreach (var party in terms.Model.Parties)
                Assert.Equal(one.TotalOf(party), parts.Sum(p => p.TotalOf(party)));
        }
    }

    [Fact]
    public void Tiered_ASaleFollowedByItsRefundNetsToZeroForEveryParty()
    {
        var rng = new Random(99);
        for (var n = 0; n < Cases; n++)
        {
            var model = new TieredSplit("partner", "owner", [new(0m, rng.Next(0, 10_001) / 100m), new(rng.Next(1, 50_000), rng.Next(0, 10_001) / 100m)]);
            var context = new ShareContext(Start, 2, rng.Next(-100_000, 5_000_000) / 100m);
            var amount = rng.Next(1, 3_000_000) / 100m;
            var sale = model.Split(amount, Start, context);
            var refund = model.Split(-amount, Start, context with { CumulativeBefore = context.CumulativeBefore + amount });
            Assert.Equal(sale.Select(s => -s.Amount), refund.Select(r => r.Amount));
        }
    }

    [Fact]
    public void Pool_NetsAddUpToZero_AndPayoutsShareOutThePoolExactly()
    {
        var rng = new Random(3);
        for (var n = 0; n < Cases; n++)
        {
            var members = PartyIds(rng.Next(1, 7))
                .Select(id => new PoolMember(id, rng.Next(0, 10_001) / 100m, rng.Next(0, 4) == 0 ? 0m : rng.Next(1, 1_000)))
                .ToArray();
            if (members.All(m => m.Weight == 0)) members[0] = members[0] with { Weight = 1m };
            var terms = new PoolTerms("P1", "EUR", Start, null, members);
            var events = RandomEvents(rng, 2).Select(e => e with { AgreementId = "P1", MemberId = members[rng.Next(members.Length)].MemberId }).ToList();
            var from = Start.AddDays(rng.Next(0, 3 * 365));
            var period = new Period(from, from.AddDays(rng.Next(0, 400)));

            var s = PoolCalculator.Distribute(terms, events, period);

            Assert.Equal(s.Pool, s.Members.Sum(m => m.Contribution));
            Assert.Equal(s.Pool, s.Members.Sum(m => m.Payout));
            Assert.Equal(0m, s.Members.Sum(m => m.Net));
            Assert.Equal(events.Where(e => period.Contains(e.Date)).Sum(e => e.Amount), s.Members.Sum(m => m.ReferredRevenue));
            Assert.All(s.Members, m => Assert.True(Money.FitsMinorUnits(m.Contribution, 2) && Money.FitsMinorUnits(m.Payout, 2)));
        }
    }

    [Fact]
    public void ReplayingTheSameEvents_IsReplay_AndDoesNotChangeTotals()
    {
        var rng = new Random(201);
        for (var n = 0; n < Cases; n++)
        {
            var terms = Terms(RandomModel(rng, allowTiered: true), "EUR", Start, Start.AddYears(3).AddDays(-1));
            var store = new Dictionary<string, RevenueEvent>(StringComparer.Ordinal);
            foreach (var e in RandomEvents(rng, 2))
            {
                Assert.Equal(IdempotencyOutcome.New, Idempotency.Check(store, e));
                store.Add(e.Key, e);
            }
            var before = StatementCalculator.Calculate(terms, store.Values.ToList(), new Period(Start, Start.AddYears(3)));

            // Retries arrive in any order, some reformatted (100.00 → 100.000, "EUR" → "eur").
            foreach (var e in store.Values.OrderBy(_ => rng.Next()).ToList())
            {
                var retry = rng.Next(2) == 0 ? e : e with { Amount = e.Amount * 1.0m, Currency = e.Currency.ToLowerInvariant() };
                var outcome = Idempotency.Check(store, retry);
                Assert.Equal(IdempotencyOutcome.Replay, outcome);
                if (outcome == IdempotencyOutcome.New) store.Add(retry.Key, retry);

                var changed = e with { Amount = e.Amount + 0.01m };
                Assert.Equal(IdempotencyOutcome.Conflict, Idempotency.Check(store, changed));
            }
            var after = StatementCalculator.Calculate(terms, store.Values.ToList(), new Period(Start, Start.AddYears(3)));
            Assert.Equal(before.Total, after.Total);
            Assert.Equal(before.Totals, after.Totals);
        }
    }
}
