using System.Text.Json;
using Warmglow.Core.Agreements;
using Warmglow.Core.Revenue;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Revenue;
using AgreementTerms = Warmglow.Core.Revenue.AgreementTerms;

namespace Warmglow.Web.Tests;

/// <summary>The statement loop in ComputedStatement gives exactly what Core's StatementCalculator gives, for every split model.</summary>
public sealed class RevenueComputeTests
{
    static readonly Agreement Agreement = new()
    {
        Id = 7, PartnershipId = 1, Title = "T", Type = AgreementType.Referral, Status = AgreementStatus.Active,
        StartDate = new DateOnly(2024, 7, 1), Currency = "EUR",
    };

    public static TheoryData<ShareModelKind, string> Models => new()
    {
        { ShareModelKind.FixedSplit, """{"shares":[{"partyId":"p1","percent":33.3},{"partyId":"org","percent":66.7}]}""" },
        { ShareModelKind.CapabilitySplit, """{"contributions":[{"partyId":"p1","amount":1},{"partyId":"org","amount":2}]}""" },
        { ShareModelKind.PhasedSplit, """{"phases":[{"year":1,"shares":[{"partyId":"p1","percent":70},{"partyId":"org","percent":30}]},{"year":2,"shares":[{"partyId":"p1","percent":50},{"partyId":"org","percent":50}]}]}""" },
        { ShareModelKind.TieredSplit, """{"partnerId":"p1","ownerId":"org","tiers":[{"from":0,"percent":10},{"from":20000,"percent":17.5}]}""" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void SameLinesAndTotalsAsCore(ShareModelKind kind, string json)
    {
        var rng = new Random((int)kind + 11);
        var entries = Enumerable.Range(0, 400).Select(i =>
        {
            var amount = Math.Round((decimal)rng.Next(1, 900_000) / 100m, 2);
            var refund = rng.Next(0, 6) == 0;
            return new RevenueEntry
            {
                Id = i + 1, AgreementId = 7, Key = $"k{rng.Next():x}-{i}", Kind = refund ? RevenueKind.Refund : RevenueKind.Sale,
                Amount = refund ? -amount : amount, Currency = "EUR", Date = new DateOnly(2025, 1, 1).AddDays(rng.Next(0, 365)),
                Source = "s", Channel = "api",
            };
        }).ToList();
        var terms = new RevenueTerms { AgreementId = 7, Kind = kind, Model = json };
        var period = new Period(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var ours = ComputedStatement.Compute(Agreement, terms, period, entries, [new PartyDto("org", "Us"), new PartyDto("p1", "Them")]);

        var model = RevenueTermsService.ToModel(kind, JsonSerializer.Deserialize<ModelInput>(json, RevenueTermsService.ModelJson)!);
        var core = StatementCalculator.Calculate(new AgreementTerms("7", "EUR", Agreement.StartDate, null, model),
            entries.Select(e => new RevenueEvent(e.Key, e.Amount, e.Currency, e.Date, e.Source, "7")).ToList(), period);

        Assert.Equal(core.Total, ours.Total);
        Assert.Equal(core.Lines.Select(l => l.Key), ours.Lines.Select(l => l.Event.Key));
        Assert.Equal(core.Lines.Select(l => string.Join("|", l.Shares.Select(s => s.Amount))), ours.Lines.Select(l => string.Join("|", l.Shares)));
        Assert.Equal(core.Totals.Select(t => t.Amount), ours.Parties.Select(p => p.Share));
        Assert.Equal(ours.Total, ours.Parties.Sum(p => p.Share));
    }
}
