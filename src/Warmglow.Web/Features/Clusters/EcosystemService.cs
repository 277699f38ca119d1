using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;

namespace Warmglow.Web.Features.Clusters;

/// <summary>One quarter of the ecosystem dashboard (label like "2026-Q3").</summary>
public sealed record EcosystemQuarter(string Quarter, int NewPartners, int NewPartnerships, int Ended, int Activity, int InitiativesDone,
    decimal Revenue, IReadOnlyList<AmountDto> RevenueOther);

/// <summary>A count in a diversity breakdown, with the filtered list it drills down to.</summary>
public sealed record EcosystemCount(string Label, int Count, string? Link);

/// <summary>
/// The ecosystem dashboard: growth (new partners and new partnerships per quarter), engagement (recorded activity),
/// value creation (revenue in the main currency and initiatives done), health (partnerships ended = churn, health bands)
/// and diversity by industry, region and partnership type. Every figure is aggregated in the database.
/// </summary>
public sealed record EcosystemDto(IReadOnlyList<EcosystemQuarter> Quarters, string? Currency, int Partners, int LivePartnerships, int Clusters, int Links,
    IReadOnlyList<EcosystemCount> Industries, IReadOnlyList<EcosystemCount> Regions, IReadOnlyList<EcosystemCount> Types, HealthTotals? Health);

/// <summary>Reads the ecosystem figures; partners and partnerships (the shared foundation) directly, the rest through signals.</summary>
public sealed class EcosystemService(WarmglowDb db, IEnumerable<IActivitySource> activity, IEnumerable<IInfluencedRevenueSource> revenue,
    IEnumerable<IInitiativeCountSource> initiatives, IEnumerable<IHealthSummarySource> health)
{
    public const int QuarterCount = 8;

    static readonly PartnershipStage[] Closed = [PartnershipStage.Ended, PartnershipStage.Rejected];

    public async Task<EcosystemDto> GetAsync(CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var quarters = Quarter.Of(now).Trailing(QuarterCount);
        var from = quarters[0].Start;
        var fromAt = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var months = new Dictionary<Quarter, int[]>(); // per quarter: partners, partnerships, ended, activity, initiatives
        foreach (var q in quarters) months[q] = new int[5];
        void Add(int year, int month, int slot, int count)
        {
            var q = Quarter.Of(new DateOnly(year, month, 1));
            if (months.TryGetValue(q, out var b)) b[slot] += count;
        }

        // Growth: a partner counts in the quarter of its first partnership's start (or when it was added, with none).
        var started = await db.Partners.AsNoTracking()
            .Select(p => new { First = p.Memberships.Where(m => m.Partnership!.StartDate != null).Min(m => m.Partnership!.StartDate), p.CreatedAt })
            .Where(x => x.First != null && x.First >= from)
            .GroupBy(x => new { x.First!.Value.Year, x.First.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in started) Add(r.Year, r.Month, 0, r.Count);
        var added = await db.Partners.AsNoTracking()
            .Where(p => !p.Memberships.Any(m => m.Partnership!.StartDate != null) && p.CreatedAt >= fromAt)
            .GroupBy(p => new { p.CreatedAt.Year, p.CreatedAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in added) Add(r.Year, r.Month, 0, r.Count);

        // New partnerships: by their start date, or when they were recorded without one.
        var withStart = await db.Partnerships.AsNoTracking().Where(p => p.StartDate != null && p.StartDate >= from)
            .GroupBy(p => new { p.StartDate!.Value.Year, p.StartDate.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in withStart) Add(r.Year, r.Month, 1, r.Count);
        var noStart = await db.Partnerships.AsNoTracking().Where(p => p.StartDate == null && p.CreatedAt >= fromAt)
            .GroupBy(p => new { p.CreatedAt.Year, p.CreatedAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in noStart) Add(r.Year, r.Month, 1, r.Count);

        // Churn: moves to Ended.
        var ended = await db.StageTransitions.AsNoTracking().Where(t => t.ToStage == PartnershipStage.Ended && t.At >= fromAt)
            .GroupBy(t => new { t.At.Year, t.At.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in ended) Add(r.Year, r.Month, 2, r.Count);

        // Engagement: every recorded activity the modules feed the engagement index, one grouped query per kind.
        foreach (var source in activity)
        {
            var rows = await source.Query(db).Where(a => a.At >= fromAt)
                .GroupBy(a => new { a.At.Year, a.At.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
            foreach (var r in rows) Add(r.Year, r.Month, 3, r.Count);
        }

        foreach (var source in initiatives)
            foreach (var r in await source.DonePerMonthAsync(fromAt, ct)) Add(r.Year, r.Month, 4, r.Count);

        // Value: revenue per month and currency; the main currency is the one with the most revenue in the period.
        var money = new List<(Quarter Q, string Currency, decimal Amount)>();
        foreach (var source in revenue)
        {
            var rows = await source.Query(db).Where(r => r.Date >= from)
                .GroupBy(r => new { r.Date.Year, r.Date.Month, r.Currency })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Currency, Amount = g.Sum(r => r.Amount) }).ToListAsync(ct);
            money.AddRange(rows.Select(r => (Quarter.Of(new DateOnly(r.Year, r.Month, 1)), r.Currency, r.Amount)));
        }
        var currency = money.GroupBy(m => m.Currency).OrderByDescending(g => g.Sum(m => m.Amount)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();

        var rowsOut = quarters.Select(q =>
        {
            var b = months[q];
            var inQ = money.Where(m => m.Q == q).ToList();
            var other = inQ.Where(m => m.Currency != currency).GroupBy(m => m.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new AmountDto(g.Key, g.Sum(m => m.Amount), string.Create(CultureInfo.InvariantCulture, $"{g.Sum(m => m.Amount):N2} {g.Key}"))).ToList();
            return new EcosystemQuarter(q.Label, b[0], b[1], b[2], b[3], b[4], inQ.Where(m => m.Currency == currency).Sum(m => m.Amount), other);
        }).ToList();

        // Diversity: partners by industry and region, live partnerships by type.
        var industries = await db.Partners.AsNoTracking().GroupBy(p => p.Industry).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var regions = await db.Partners.AsNoTracking().GroupBy(p => p.Region).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var types = await db.Partnerships.AsNoTracking().Where(p => !Closed.Contains(p.Stage)).GroupBy(p => p.Type)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        static string Q(string s) => Uri.EscapeDataString(s);
        var partners = industries.Sum(i => i.Count);
        var summary = health.FirstOrDefault() is { } h ? await h.TotalsAsync(ct) : null;

        return new EcosystemDto(rowsOut, currency, partners, types.Sum(t => t.Count), await db.PartnerClusters.CountAsync(ct), await db.PartnerLinks.CountAsync(ct),
            industries.OrderByDescending(i => i.Count).ThenBy(i => i.Key ?? "\uffff", StringComparer.Ordinal)
                .Select(i => new EcosystemCount(i.Key ?? "Not recorded", i.Count, i.Key is null ? null : $"/Partners?industry={Q(i.Key)}")).ToList(),
            regions.OrderByDescending(i => i.Count).ThenBy(i => i.Key ?? "\uffff", StringComparer.Ordinal)
                .Select(i => new EcosystemCount(i.Key ?? "Not recorded", i.Count, i.Key is null ? null : $"/Partners?region={Q(i.Key)}")).ToList(),
            types.OrderByDescending(t => t.Count).ThenBy(t => t.Key)
                .Select(t => new EcosystemCount(PartnershipTypes.Get(t.Key).Name, t.Count, $"/Partnerships?type={t.Key}")).ToList(),
            summary);
    }
}
