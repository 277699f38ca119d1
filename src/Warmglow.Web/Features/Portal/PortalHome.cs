using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Governance;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Portal;

/// <summary>Per currency: what is payable to the partner so far (statements whose payable date has come) and what is still to come.</summary>
public sealed record EarningsTotal(string Currency, decimal Payable, decimal Upcoming, DateOnly? NextPayableOn, int Statements, decimal Paid = 0);
public sealed record PortalMeeting(int Id, int PartnershipId, string Partnership, string Title, DateTime StartsAt, DateTime StartsLocal, string TimeZone);
/// <summary>One partnership's joint goals: both sides' objectives and success metrics from the charter, and how many points still differ.</summary>
public sealed record JointGoals(int PartnershipId, string Partnership, IReadOnlyList<string> OurObjectives, IReadOnlyList<string> YourObjectives,
    IReadOnlyList<string> SuccessMetrics, int Misalignments);
public sealed record PortalHomeDto(IReadOnlyList<PartnerNextAction> NextActions, IReadOnlyList<EarningsTotal> Earnings,
    IReadOnlyList<JointGoals> Goals, IReadOnlyList<PortalMeeting> Meetings);

/// <summary>
/// The partner user's home: next actions from every <see cref="IPartnerNextActionSource"/>, earnings, joint goals and
/// upcoming meetings. Everything is read through the owning modules' services under the partner user's query filters.
/// </summary>
public sealed class PortalHomeService(IEnumerable<IPartnerNextActionSource> sources, PartnershipService partnerships, StatementService statements,
    CharterService charters, MeetingService meetings, Tenant tenant, TimeProvider clock)
{
    int Partner => tenant.PartnerId ?? throw new Forbidden("The portal home is for partner users.");

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PortalHomeDto> HomeAsync(CancellationToken ct = default) =>
        new(await NextActionsAsync(ct), await EarningsAsync(ct), await GoalsAsync(ct), await MeetingsAsync(ct));

    /// <summary>Every source's actions, soonest due first (undated after dated), then by title.</summary>
    public async Task<IReadOnlyList<PartnerNextAction>> NextActionsAsync(CancellationToken ct = default)
    {
        _ = Partner;
        var all = new List<PartnerNextAction>();
        foreach (var source in sources) all.AddRange(await source.NextActionsAsync(ct));
        return all.OrderBy(a => a.Due ?? DateOnly.MaxValue).ThenBy(a => a.Title, StringComparer.CurrentCulture).ToList();
    }

    public async Task<IReadOnlyList<EarningsTotal>> EarningsAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(Now);
        var earnings = await statements.EarningsAsync(Partner, today, ct);
        return earnings.GroupBy(e => e.Currency).OrderBy(g => g.Key)
            .Select(g => new EarningsTotal(g.Key, g.Where(e => e.Payable).Sum(e => e.Share), g.Where(e => e.PaidOn is null && !e.Payable).Sum(e => e.Share),
                g.Where(e => e.PaidOn is null && !e.Payable).Select(e => (DateOnly?)e.PayableOn).Min(), g.Count(), g.Where(e => e.PaidOn is not null).Sum(e => e.Share)))
            .ToList();
    }

    async Task<IReadOnlyList<PartnershipSummary>> MineAsync(CancellationToken ct)
    {
        _ = Partner;
        return (await partnerships.ListAsync(new PartnershipQuery(PageSize: 20), ct)).Items;
    }

    public async Task<IReadOnlyList<JointGoals>> GoalsAsync(CancellationToken ct = default)
    {
        var list = new List<JointGoals>();
        foreach (var p in await MineAsync(ct))
        {
            var c = await charters.GetAsync(p.Id, ct);
            static List<string> Objectives(Core.Agreements.CharterSide s) =>
                new[] { s.PrimaryObjective, s.SecondaryObjective, s.TertiaryObjective }.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!).ToList();
            var metrics = c.Ours.SuccessMetrics.Concat(c.Theirs.SuccessMetrics).Where(m => !string.IsNullOrWhiteSpace(m))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            list.Add(new(p.Id, p.Name, Objectives(c.Ours), Objectives(c.Theirs), metrics, c.Misalignments.Count));
        }
        return list;
    }

    /// <summary>Scheduled meetings from now on, soonest first (at most 10).</summary>
    public async Task<IReadOnlyList<PortalMeeting>> MeetingsAsync(CancellationToken ct = default)
    {
        var now = Now;
        var list = new List<PortalMeeting>();
        foreach (var p in await MineAsync(ct))
            list.AddRange((await meetings.ListAsync(p.Id, ct)).Where(m => m.Status == MeetingStatus.Scheduled && m.EndsAt >= now)
                .Select(m => new PortalMeeting(m.Id, p.Id, p.Name, m.Title, m.StartsAt, m.StartsLocal, m.TimeZone)));
        return list.OrderBy(m => m.StartsAt).Take(10).ToList();
    }
}
