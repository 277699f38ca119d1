using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Agreements;
using Warmglow.Core.Revenue;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;

namespace Warmglow.Web.Features.Revenue;

/// <summary>
/// Demo revenue (runs after the agreements module's contributor, Order 100): for each signed, active or under-review
/// agreement without terms, attaches terms (the models in turn), a few events a week from its start to the load
/// date (now and then a refund), and issues one statement per closed quarter. Without such agreements: nothing.
/// </summary>
sealed class RevenueDemo(WarmglowDb db, RevenueAgreements revenueAgreements, StatementService statements) : IDemoContributor
{
    public int Order => 200;

    static readonly string[] Sources = ["web shop", "app store", "partner referral", "studio front desk", "enterprise invoice", "marketplace"];

    public async Task AddAsync(DemoContext context, CancellationToken ct)
    {
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Signed || a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderReview)
            .Where(a => !db.RevenueTerms.Any(t => t.AgreementId == a.Id))
            .OrderBy(a => a.Id).ToListAsync(ct);
        if (agreements.Count == 0) return;
        var today = DateOnly.FromDateTime(context.Now);
        var rng = new Random(20260401);
        var n = 0;
        foreach (var agreement in agreements)
        {
            var parties = await revenueAgreements.PartiesAsync(agreement, ct);
            var partners = parties.Where(p => p.Id != Parties.Org).Select(p => p.Id).ToList();
            if (partners.Count == 0) continue;
            var (kind, model) = Terms(n++, partners, agreement);
            db.RevenueTerms.Add(new RevenueTerms
            {
                AgreementId = agreement.Id, Kind = kind, HoldingDays = n % 3 == 0 ? 30 : 0,
                Model = System.Text.Json.JsonSerializer.Serialize(model, RevenueTermsService.ModelJson),
            });

            var last = agreement.EndDate is { } end && end < today ? end : today;
            var pool = kind == ShareModelKind.Pool;
            var scale = Currency.Find(agreement.Currency)?.MinorUnits == 0 ? 100m : 1m;
            var i = 0;
            for (var day = agreement.StartDate; day <= last; day = day.AddDays(rng.Next(2, 7)))
            {
                var amount = Math.Round((decimal)(rng.NextDouble() * 900 + 40) * scale, scale == 1m ? 2 : 0);
                var refund = rng.Next(0, 25) == 0;
                db.RevenueEvents.Add(new RevenueEntry
                {
                    AgreementId = agreement.Id, Key = $"demo-{agreement.Id}-{++i:D4}", Kind = refund ? RevenueKind.Refund : RevenueKind.Sale,
                    Amount = refund ? -Math.Round(amount / 3, scale == 1m ? 2 : 0) : amount, Currency = agreement.Currency, Date = day,
                    Source = Sources[rng.Next(Sources.Length)], MemberId = pool ? partners[rng.Next(partners.Count)] : null,
                    Channel = rng.Next(0, 3) == 0 ? "csv" : "api", RecordedAt = context.Now, RecordedBy = "demo loader",
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            for (var q = Dates.QuarterOf(agreement.StartDate); q.To < today && q.From <= last; q = Dates.QuarterOf(q.To.AddDays(1)))
                await statements.IssueAsync(agreement.Id, new PeriodInput(q.From, q.To), ct);
            db.ChangeTracker.Clear();
        }
        await PayOlderStatementsAsync(today, ct);
    }

    /// <summary>
    /// As if issued along the way: each statement dated five days after its quarter, and every one payable more than
    /// a week ago paid a week after it fell due, with a transfer reference. Each agreement's newest stays payable or upcoming.
    /// </summary>
    async Task PayOlderStatementsAsync(DateOnly today, CancellationToken ct)
    {
        var issued = await db.RevenueStatements.Where(s => !db.StatementPayments.Any(p => p.StatementId == s.Id)).ToListAsync(ct);
        var newest = issued.GroupBy(s => s.AgreementId).ToDictionary(g => g.Key, g => g.Max(s => s.From));
        foreach (var s in issued)
        {
            var issuedOn = s.To.AddDays(5) < today ? s.To.AddDays(5) : today;
            await db.RevenueStatements.Where(x => x.Id == s.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.IssuedAt, issuedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)), ct);
            var due = s.PayableOn > issuedOn ? s.PayableOn : issuedOn;
            if (due.AddDays(7) >= today || newest[s.AgreementId] == s.From) continue;
            db.StatementPayments.Add(new StatementPayment
            {
                StatementId = s.Id, PartnershipId = s.PartnershipId, PaidOn = due.AddDays(7), Reference = $"SEPA-{due.AddDays(7):yyyyMMdd}-{s.Id:D4}",
                RecordedBy = "demo loader", RecordedAt = due.AddDays(7).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    static (ShareModelKind, ModelInput) Terms(int n, List<string> partners, Agreements.Agreement a)
    {
        var p = partners[0];
        if (partners.Count >= 3 && n % 5 == 4)
            return (ShareModelKind.Pool, new ModelInput(Members: partners.Select((m, i) => new PoolMemberInput(m, 8m, 1m + i)).ToList()));
        return (n % 4) switch
        {
            0 => (ShareModelKind.FixedSplit, new ModelInput(Shares: [new(p, 60m), new(Parties.Org, 40m)])),
            1 => (ShareModelKind.PhasedSplit, new ModelInput(Phases: Enumerable.Range(1, 10).Select(y => new PhaseInput(y, null, null,
                [new(p, y == 1 ? 70m : y == 2 ? 50m : 30m), new(Parties.Org, y == 1 ? 30m : y == 2 ? 50m : 70m)])).ToList())),
            2 => (ShareModelKind.TieredSplit, new ModelInput(PartnerId: p, OwnerId: Parties.Org, Tiers: [new(0m, 10m), new(5000m, 15m), new(15000m, 20m)])),
            _ => (ShareModelKind.CapabilitySplit, new ModelInput(Contributions: [new(p, 300m), new(Parties.Org, 200m)])),
        };
    }
}
