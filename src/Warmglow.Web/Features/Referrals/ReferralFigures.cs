using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;

namespace Warmglow.Web.Features.Referrals;

public sealed record StageCount(RegistrationStage Stage, string StageName, int Count);

public sealed record PipelineMonth(string Month, string Currency, decimal Amount, int Registrations);

public sealed record WonRevenue(string Currency, decimal Sourced, decimal Influenced, int Deals, decimal AverageDeal);

/// <param name="ApprovalRate">Approved (incl. influence only) over decided, 0–1; null before any decision.</param>
/// <param name="WinRate">Won over closed (won + lost + expired), 0–1; null before any is closed.</param>
public sealed record FiguresDto(int? PartnershipId, int Leads, int Deals, IReadOnlyList<StageCount> Stages, decimal? ApprovalRate, decimal? WinRate,
    IReadOnlyList<PipelineMonth> Pipeline, IReadOnlyList<WonRevenue> Won, int AwaitingReview);

/// <summary>Deal registration figures for a partnership or the workspace (staff only). Won revenue counts approved wins only.</summary>
public sealed class ReferralFigures(WarmglowDb db)
{
    static readonly RegistrationStage[] Approved = [RegistrationStage.Approved, RegistrationStage.Qualified, RegistrationStage.Opportunity,
        RegistrationStage.Won, RegistrationStage.Lost, RegistrationStage.Expired];

    public async Task<FiguresDto> ForAsync(int? partnershipId, CancellationToken ct = default)
    {
        if (partnershipId is { } pid && !await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) throw new Infrastructure.NotFound($"Partnership {pid}");
        var q = db.Registrations.AsNoTracking().Where(r => partnershipId == null || r.PartnershipId == partnershipId);
        var groups = await q.GroupBy(r => new { r.Kind, r.Stage }).Select(g => new { g.Key.Kind, g.Key.Stage, Count = g.Count() }).ToListAsync(ct);
        var stages = Enum.GetValues<RegistrationStage>()
            .Select(s => new StageCount(s, RegistrationRules.Describe(s), groups.Where(g => g.Stage == s).Sum(g => g.Count))).ToList();
        int Count(params RegistrationStage[] s) => groups.Where(g => s.Contains(g.Stage)).Sum(g => g.Count);
        var approved = Count(Approved);
        var decided = approved + Count(RegistrationStage.Rejected);
        var won = Count(RegistrationStage.Won);
        var closed = won + Count(RegistrationStage.Lost, RegistrationStage.Expired);

        var open = await q.Where(r => RegistrationRules.Live.Contains(r.Stage) && r.Amount != null && r.Currency != null && r.ExpectedCloseOn != null)
            .Select(r => new { r.ExpectedCloseOn, r.Currency, r.Amount }).ToListAsync(ct);
        var pipeline = open.GroupBy(o => (Month: o.ExpectedCloseOn!.Value.ToString("yyyy-MM"), Currency: o.Currency!)).OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Currency)
            .Select(g => new PipelineMonth(g.Key.Month, g.Key.Currency, g.Sum(o => o.Amount!.Value), g.Count())).ToList();

        var wins = await q.Where(r => r.Stage == RegistrationStage.Won && r.WinApprovedAt != null && r.Amount != null && r.Currency != null)
            .Select(r => new { r.Id, r.Amount, r.Currency }).ToListAsync(ct);
        var ids = wins.Select(w => w.Id).ToList();
        var credits = (await db.RegistrationCredits.AsNoTracking().Where(c => ids.Contains(c.RegistrationId))
            .Select(c => new { c.RegistrationId, c.PartnerId, c.Kind, c.SharePercent }).ToListAsync(ct)).ToLookup(c => c.RegistrationId);
        var revenue = wins.GroupBy(w => w.Currency!).OrderBy(g => g.Key).Select(g =>
        {
            decimal sourced = 0, influenced = 0;
            foreach (var w in g)
            {
                var (s, i) = RegistrationRules.SplitRevenue(w.Amount!.Value, credits[w.Id].Select(c => new CreditShare(c.PartnerId, c.Kind, c.SharePercent)));
                sourced += s;
                influenced += i;
            }
            return new WonRevenue(g.Key, sourced, influenced, g.Count(), Math.Round(g.Average(w => w.Amount!.Value), 2));
        }).ToList();
        return new FiguresDto(partnershipId, groups.Where(g => g.Kind == RegistrationKind.Lead).Sum(g => g.Count),
            groups.Where(g => g.Kind == RegistrationKind.Deal).Sum(g => g.Count), stages,
            decided == 0 ? null : Math.Round((decimal)approved / decided, 3), closed == 0 ? null : Math.Round((decimal)won / closed, 3),
            pipeline, revenue, Count(RegistrationStage.Submitted, RegistrationStage.UnderReview));
    }
}
