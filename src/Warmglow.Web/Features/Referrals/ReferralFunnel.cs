using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Referrals;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Referrals;

/// <summary>Which registrations the funnel counts: a partnership, a partner, a kind, and the quarter they were submitted in ("2026-Q4").</summary>
public sealed record FunnelQuery(int? PartnershipId = null, int? PartnerId = null, RegistrationKind? Kind = null, string? Quarter = null,
    int? Page = null, int? PageSize = null);

/// <summary>
/// One step of the funnel: how many registrations reached it, the rate from the step before on the main line (or, for
/// an end, its share of those registered), and the median whole days the step took (null when none is recorded).
/// </summary>
public sealed record FunnelStepDto(FunnelStep Step, string Name, int Count, decimal? ConversionFromPrevious, decimal? MedianDays);

/// <summary>One partner's funnel: counts per step and the partner's win rate.</summary>
public sealed record PartnerFunnelRow(int PartnerId, string PartnerName, int Registered, int Approved, int Qualified, int Opportunity,
    int Won, int Lost, int Rejected, int Expired, decimal? ApprovalRate, decimal? WinRate);

/// <summary>
/// The referrals funnel for a period (null: all time): the steps, approval and win rates, registrations still waiting for
/// review, and one row per partner (paged, the busiest first).
/// </summary>
public sealed record FunnelDto(string? Quarter, string PeriodName, int? PartnershipId, int? PartnerId, IReadOnlyList<FunnelStepDto> Steps,
    int AwaitingReview, decimal? ApprovalRate, decimal? WinRate, Paged<PartnerFunnelRow> Partners);

/// <summary>
/// The funnel of deal registration (issue 13): registered → approved → qualified → opportunity → won, with lost, rejected
/// and expired ends, by partner and by quarter of submission. Every figure is a GROUP BY in the database: step counts by
/// stage, per-partner counts (paged), and the day histograms the medians are read from. Partner users get their own
/// partner's funnel only (the DbContext scopes registrations to it).
/// </summary>
public sealed class ReferralFunnel(WarmglowDb db)
{
    /// <summary>The quarters offered in the period filter.</summary>
    public IReadOnlyList<Quarter> Quarters() => FunnelRules.Recent(db.UtcNow, 8);

    public async Task<FunnelDto> ForAsync(FunnelQuery query, CancellationToken ct = default)
    {
        Quarter? quarter = null;
        if (!string.IsNullOrWhiteSpace(query.Quarter))
            quarter = Quarter.TryParse(query.Quarter, out var parsed) ? parsed : throw ValidationFailed.For("quarter", "must be a quarter such as 2026-Q4.");
        if (query.Kind is { } kind && !Enum.IsDefined(kind)) throw ValidationFailed.For("kind", "must be a lead or a deal.");
        if (query.PartnershipId is { } pid && !await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) throw new NotFound($"Partnership {pid}");
        if (query.PartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, ct)) throw new NotFound($"Partner {partnerId}");

        var q = db.Registrations.AsNoTracking();
        if (query.PartnershipId is { } ps) q = q.Where(r => r.PartnershipId == ps);
        if (query.PartnerId is { } pa) q = q.Where(r => r.PartnerId == pa);
        if (query.Kind is { } k) q = q.Where(r => r.Kind == k);
        if (quarter is { } qt)
        {
            var (from, to) = FunnelRules.Bounds(qt);
            q = q.Where(r => r.SubmittedAt >= from && r.SubmittedAt < to);
        }

        // Counts by stage and by whether a lost or expired one had been qualified or an opportunity.
        var groups = await q.GroupBy(r => new { r.Stage, Qualified = r.QualifiedAt != null, Opportunity = r.OpportunityAt != null })
            .Select(g => new { g.Key.Stage, g.Key.Qualified, g.Key.Opportunity, Count = g.Count() }).ToListAsync(ct);
        int Reached(FunnelStep step) => groups.Where(g => FunnelRules.Reached(step, g.Stage, g.Qualified, g.Opportunity)).Sum(g => g.Count);

        // Day histograms (days, count) per stage now held, one GROUP BY per step column.
        var decision = await q.Where(r => r.DaysToDecision != null).GroupBy(r => new { r.Stage, Days = r.DaysToDecision!.Value })
            .Select(g => new { g.Key.Stage, g.Key.Days, Count = g.Count() }).ToListAsync(ct);
        var qualified = await q.Where(r => r.DaysToQualified != null).GroupBy(r => r.DaysToQualified!.Value)
            .Select(g => new { Days = g.Key, Count = g.Count() }).ToListAsync(ct);
        var opportunity = await q.Where(r => r.DaysToOpportunity != null).GroupBy(r => r.DaysToOpportunity!.Value)
            .Select(g => new { Days = g.Key, Count = g.Count() }).ToListAsync(ct);
        var close = await q.Where(r => r.DaysToClose != null).GroupBy(r => new { r.Stage, Days = r.DaysToClose!.Value })
            .Select(g => new { g.Key.Stage, g.Key.Days, Count = g.Count() }).ToListAsync(ct);

        decimal? Median(FunnelStep step) => step switch
        {
            FunnelStep.Approved => FunnelRules.Median(decision.Where(d => d.Stage != RegistrationStage.Rejected).Select(d => (d.Days, d.Count))),
            FunnelStep.Rejected => FunnelRules.Median(decision.Where(d => d.Stage == RegistrationStage.Rejected).Select(d => (d.Days, d.Count))),
            FunnelStep.Qualified => FunnelRules.Median(qualified.Select(d => (d.Days, d.Count))),
            FunnelStep.Opportunity => FunnelRules.Median(opportunity.Select(d => (d.Days, d.Count))),
            FunnelStep.Won => FunnelRules.Median(close.Where(d => d.Stage == RegistrationStage.Won).Select(d => (d.Days, d.Count))),
            FunnelStep.Lost => FunnelRules.Median(close.Where(d => d.Stage == RegistrationStage.Lost).Select(d => (d.Days, d.Count))),
            _ => null,
        };

        var registered = Reached(FunnelStep.Registered);
        var steps = new List<FunnelStepDto>();
        foreach (var step in FunnelRules.Steps)
        {
            var count = Reached(step);
            var index = FunnelRules.MainLine.ToList().IndexOf(step);
            decimal? rate = index switch
            {
                0 => null,
                > 0 => FunnelRules.Rate(count, Reached(FunnelRules.MainLine[index - 1])),
                _ => FunnelRules.Rate(count, registered),
            };
            steps.Add(new FunnelStepDto(step, FunnelRules.Describe(step), count, rate, Median(step)));
        }
        int Stage(RegistrationStage s) => groups.Where(g => g.Stage == s).Sum(g => g.Count);
        var approved = Reached(FunnelStep.Approved);

        var partners = await PartnersAsync(q, query.Page, query.PageSize, ct);
        return new FunnelDto(quarter?.ToString(), quarter is { } named ? FunnelRules.Describe(named) : "All time", query.PartnershipId, query.PartnerId, steps,
            Stage(RegistrationStage.Submitted) + Stage(RegistrationStage.UnderReview),
            FunnelRules.Rate(approved, approved + Stage(RegistrationStage.Rejected)),
            FunnelRules.WinRate(Stage(RegistrationStage.Won), Stage(RegistrationStage.Lost), Stage(RegistrationStage.Expired)), partners);
    }

    /// <summary>One row per partner with registrations in the selection, the most registrations first, one GROUP BY per page.</summary>
    async Task<Paged<PartnerFunnelRow>> PartnersAsync(IQueryable<Registration> q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await q.Select(r => r.PartnerId).Distinct().CountAsync(ct);
        var rows = await q.GroupBy(r => r.PartnerId).Select(g => new
            {
                PartnerId = g.Key,
                Registered = g.Count(),
                Approved = g.Count(r => r.Stage == RegistrationStage.Approved || r.Stage == RegistrationStage.Qualified || r.Stage == RegistrationStage.Opportunity
                    || r.Stage == RegistrationStage.Won || r.Stage == RegistrationStage.Lost || r.Stage == RegistrationStage.Expired),
                Qualified = g.Count(r => r.Stage == RegistrationStage.Qualified || r.Stage == RegistrationStage.Opportunity || r.Stage == RegistrationStage.Won
                    || r.QualifiedAt != null || r.OpportunityAt != null),
                Opportunity = g.Count(r => r.Stage == RegistrationStage.Opportunity || r.Stage == RegistrationStage.Won || r.OpportunityAt != null),
                Won = g.Count(r => r.Stage == RegistrationStage.Won),
                Lost = g.Count(r => r.Stage == RegistrationStage.Lost),
                Rejected = g.Count(r => r.Stage == RegistrationStage.Rejected),
                Expired = g.Count(r => r.Stage == RegistrationStage.Expired),
            })
            .OrderByDescending(x => x.Registered).ThenBy(x => x.PartnerId).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.PartnerId).ToList();
        var names = await db.Partners.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var items = rows.Select(r => new PartnerFunnelRow(r.PartnerId, names.GetValueOrDefault(r.PartnerId) ?? "A partner", r.Registered, r.Approved, r.Qualified,
            r.Opportunity, r.Won, r.Lost, r.Rejected, r.Expired, FunnelRules.Rate(r.Approved, r.Approved + r.Rejected),
            FunnelRules.WinRate(r.Won, r.Lost, r.Expired))).ToList();
        return new Paged<PartnerFunnelRow>(items, p, size, total);
    }
}
