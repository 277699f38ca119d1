using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Health;

public sealed record RecomputeResult(string Period, int Partnerships, int Snapshots, int CheckInsNeeded, int CheckInsOpened,
    int HighPerformers, int WithRedFlags, DateTime FinishedAt, long Milliseconds);
public sealed record RecomputeStatus(bool Running, DateTime? StartedAt, RecomputeResult? Last, string? Error);

public sealed record EngagementRow(int PartnershipId, string Partnership, string? Manager, string Period, decimal Index, EngagementBand Band,
    IReadOnlyList<EngagementComponentScore> Components);
public sealed record EngagementPage(string Formula, IReadOnlyList<EngagementComponent> Components, string Period, IReadOnlyList<string> Periods,
    Paged<EngagementRow> Rows, DateTime? ComputedAt);
public sealed record EngagementHistory(int PartnershipId, string Formula, IReadOnlyList<EngagementPoint> Periods);
public sealed record EngagementPoint(string Period, DateOnly PeriodStart, decimal Index, EngagementBand Band, IReadOnlyList<EngagementComponentScore> Components);

public sealed record AlertRow(int PartnershipId, string Partnership, string? Manager, string Period, decimal? Engagement, EngagementBand? Band,
    decimal? HealthScore, decimal? Nps, IReadOnlyList<RedFlag> RedFlags);

/// <summary>Keeps one recompute at a time per workspace in this process and remembers the last result.</summary>
public sealed class HealthJobState
{
    readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();
    readonly ConcurrentDictionary<int, RecomputeStatus> _status = new();
    public SemaphoreSlim LockFor(int workspaceId) => _locks.GetOrAdd(workspaceId, _ => new SemaphoreSlim(1, 1));
    public RecomputeStatus StatusOf(int workspaceId) => _status.GetValueOrDefault(workspaceId) ?? new RecomputeStatus(false, null, null, null);
    public void Set(int workspaceId, RecomputeStatus status) => _status[workspaceId] = status;
}

/// <summary>
/// The recompute: engagement per partnership per quarter, alerts (check-in tasks, high performers, red flags).
/// <see cref="RecomputeAsync"/> is the only writer of the snapshot tables; <see cref="HealthReadModel"/> reads them.
/// </summary>
public sealed class HealthService(WarmglowDb db, IEnumerable<IActivitySource> activity, IEnumerable<IOverdueReviewSource> overdue,
    TaskService tasks, HealthJobState state, Notifications.INotifier notifier, IEnumerable<ISponsorshipSource>? sponsorship = null,
    IEnumerable<IOverdueActionItemSource>? actionItems = null)
{
    public const int PeriodsKept = 8;
    public const string CheckInSource = "check-in";

    /// <summary>Stages in which a partnership is live and expected to be engaged; only these get alerts.</summary>
    public static readonly IReadOnlyList<PartnershipStage> LiveStages =
        [PartnershipStage.Onboarding, PartnershipStage.Active, PartnershipStage.Scaling, PartnershipStage.UnderReview];

    public static string CheckInKey(int partnershipId, string period) => $"check-in:{partnershipId}:{period}";

    /// <summary>The engagement formula in force (see <see cref="HealthFormula.For"/>).</summary>
    public EngagementFormula Formula => HealthFormula.For(activity);

    public Quarter CurrentQuarter => Quarter.Of(db.UtcNow);
    /// <summary>Alerts act on the last completed quarter: the current one is still filling up.</summary>
    public Quarter AlertQuarter => HealthFormula.AlertQuarter(CurrentQuarter);

    public RecomputeStatus Status() => state.StatusOf(db.Tenant.RequireWorkspace());

    // --- recompute ------------------------------------------------------------------------------------

    public async Task<RecomputeResult> RecomputeAsync(CancellationToken ct = default)
    {
        var ws = db.Tenant.RequireWorkspace();
        var gate = state.LockFor(ws);
        await gate.WaitAsync(ct);
        var started = db.UtcNow;
        state.Set(ws, state.StatusOf(ws) with { Running = true, StartedAt = started, Error = null });
        try
        {
            var result = await RunAsync(ct);
            state.Set(ws, new RecomputeStatus(false, started, result, null));
            return result;
        }
        catch (Exception e)
        {
            state.Set(ws, state.StatusOf(ws) with { Running = false, Error = e.Message });
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    async Task<RecomputeResult> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var now = db.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var current = CurrentQuarter;
        var alertQuarter = AlertQuarter;
        var periods = current.Trailing(PeriodsKept);
        var from = periods[0].Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = current.End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var formula = Formula;

        var partnerships = await db.Partnerships.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Stage, p.ManagerId, p.SponsorId, p.StartDate, p.CreatedAt })
            .ToListAsync(ct);

        // Activity counts per partnership and month, grouped in the database: one query per activity kind.
        var counts = new Dictionary<(int PartnershipId, Quarter Quarter), Dictionary<ActivityKind, decimal>>();
        var firstActivity = new Dictionary<int, Quarter>();
        foreach (var source in activity.Where(a => formula.Components.Any(c => c.Kind == a.Kind)))
        {
            var rows = await source.Query(db).Where(a => a.At >= from && a.At < to)
                .GroupBy(a => new { a.PartnershipId, a.At.Year, a.At.Month })
                .Select(g => new { g.Key.PartnershipId, g.Key.Year, g.Key.Month, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                var q = Quarter.Of(new DateOnly(r.Year, r.Month, 1));
                var bucket = counts.TryGetValue((r.PartnershipId, q), out var b) ? b : counts[(r.PartnershipId, q)] = [];
                bucket[source.Kind] = bucket.GetValueOrDefault(source.Kind) + r.Count;
                if (!firstActivity.TryGetValue(r.PartnershipId, out var f) || q.CompareTo(f) < 0) firstActivity[r.PartnershipId] = q;
            }
        }

        // One snapshot per partnership per quarter from the quarter it started (or first showed activity) on.
        var snapshots = new List<EngagementSnapshot>();
        foreach (var p in partnerships)
        {
            var begin = Quarter.Of(p.StartDate is { } s && s < DateOnly.FromDateTime(p.CreatedAt) ? s : DateOnly.FromDateTime(p.CreatedAt));
            if (firstActivity.TryGetValue(p.Id, out var f) && f.CompareTo(begin) < 0) begin = f;
            foreach (var q in periods.Where(q => q.CompareTo(begin) >= 0))
            {
                var r = EngagementIndex.Compute(formula, counts.GetValueOrDefault((p.Id, q)) ?? []);
                snapshots.Add(new EngagementSnapshot
                {
                    PartnershipId = p.Id, Period = q.Label, PeriodStart = q.Start, Index = r.Index, Band = r.Band,
                    Components = r.Components.ToList(), ComputedAt = now,
                });
            }
        }
        var engagementByPartnership = snapshots.ToLookup(s => s.PartnershipId);

        // Survey dimensions and NPS per partnership and quarter (grouped in the database, shown only from 3 respondents).
        var survey = await SurveyStatistics.ForPartnerships(db, db.Partnerships.Select(p => p.Id), ct);
        var surveyBy = survey.ToLookup(s => s.PartnershipId);

        var overdueCounts = new Dictionary<int, int>();
        foreach (var source in overdue)
            foreach (var r in await source.Overdue(db, today).GroupBy(o => o.PartnershipId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                overdueCounts[r.Key] = overdueCounts.GetValueOrDefault(r.Key) + r.Count;

        // Sponsorship gaps other modules see (governance: a sponsor who left or was deactivated, no partner-side manager).
        var gaps = new List<SponsorshipGap>();
        foreach (var source in sponsorship ?? []) gaps.AddRange(await source.GapsAsync(db, now, ct));
        var gapsBy = gaps.ToLookup(g => g.PartnershipId);
        // Partnerships with many overdue action items (the tasks module counts them in SQL).
        var lateItems = new List<OverdueActionItems>();
        foreach (var source in actionItems ?? []) lateItems.AddRange(await source.ManyOverdueAsync(db, today, ct));
        var lateBy = lateItems.ToLookup(l => l.PartnershipId);

        var health = new List<HealthSnapshot>();
        foreach (var p in partnerships.Where(p => LiveStages.Contains(p.Stage)))
        {
            var completed = engagementByPartnership[p.Id].Where(s => s.PeriodStart <= alertQuarter.Start).OrderBy(s => s.PeriodStart).ToList();
            var latest = completed.LastOrDefault(s => s.PeriodStart == alertQuarter.Start);
            var surveys = surveyBy[p.Id].Where(s => s.PeriodStart <= current.Start).OrderBy(s => s.PeriodStart).ToList();
            var dimensionSeries = surveys.SelectMany(s => s.Dimensions.Keys).Distinct()
                .ToDictionary(d => d, d => (IReadOnlyList<decimal>)surveys.Where(s => s.Dimensions.ContainsKey(d)).Select(s => HealthSurveys.ToPercent(s.Dimensions[d])).ToList());
            var flags = Alerts.RedFlags(new RedFlagInputs(completed.Select(s => s.Index).ToList(), dimensionSeries,
                p.SponsorId is not null, overdueCounts.GetValueOrDefault(p.Id)))
                .Concat(gapsBy[p.Id].Select(g => new RedFlag(RedFlagKind.MissingSponsor, null, g.Reason)))
                .Concat(lateBy[p.Id].Select(l => new RedFlag(RedFlagKind.OverdueActionItems, null, l.Reason))).ToList();
            var lastSurvey = surveys.LastOrDefault(s => s.Dimensions.Count > 0);
            health.Add(new HealthSnapshot
            {
                PartnershipId = p.Id, Period = alertQuarter.Label, Engagement = latest?.Index, Band = latest?.Band,
                HealthScore = lastSurvey is null ? null : lastSurvey.Dimensions.Values.Average(HealthSurveys.ToPercent),
                Nps = surveys.LastOrDefault(s => s.Nps is not null)?.Nps,
                RedFlags = flags.ToList(), RedFlagCount = flags.Count, ComputedAt = now,
            });
        }

        // Replace the snapshots in one transaction: readers see the old set or the new one, never half.
        // (Inside a caller's transaction — the demo loader — it joins that one.)
        await using (var tx = await db.BeginOrJoinTransactionAsync(ct))
        {
            await db.EngagementSnapshots.ExecuteDeleteAsync(ct);
            await db.HealthSnapshots.ExecuteDeleteAsync(ct);
            db.EngagementSnapshots.AddRange(snapshots);
            db.HealthSnapshots.AddRange(health);
            await db.SaveChangesAsync(ct);
            // Each red flag reaches the partnership's manager once per quarter (the occasion key), however often this runs.
            var flagged = partnerships.ToDictionary(p => p.Id);
            foreach (var h in health)
                foreach (var flag in h.RedFlags)
                    await notifier.NotifyPartnershipAsync(new Notifications.Notice("health.red_flag",
                        $"Red flag on {flagged[h.PartnershipId].Name}: {flag.Reason}",
                        $"redflag:{h.PartnershipId}:{h.Period}:{flag.Kind}:{flag.Subject}")
                    {
                        Link = $"/Partnerships/{h.PartnershipId}", PartnershipId = h.PartnershipId,
                        Data = new { partnershipId = h.PartnershipId, period = h.Period, kind = flag.Kind.ToString(), subject = flag.Subject },
                    }, Notifications.NoticeAudience.Manager, ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();

        // Check-ins: at most one per partnership and quarter, whatever how often this runs (Alerts.CheckInNeeded asks
        // first; the unique source key refuses a racing duplicate).
        var prefix = "check-in:";
        var existing = (await db.Tasks.AsNoTracking().Where(t => t.Source == CheckInSource && t.SourceKey.StartsWith(prefix))
                .Select(t => t.SourceKey).ToListAsync(ct))
            .Select(k => k.Split(':')).Where(k => k.Length == 3 && int.TryParse(k[1], out _))
            .Select(k => new CheckInKey(int.Parse(k[1]), k[2])).ToList();
        var names = partnerships.ToDictionary(p => p.Id);
        var needed = health.Where(h => h.Engagement is not null && h.Band == EngagementBand.NeedsCheckIn).ToList();
        var toOpen = needed.Where(h => Alerts.CheckInNeeded(h.PartnershipId, h.Period, h.Engagement, existing)).Select(h =>
        {
            var p = names[h.PartnershipId];
            return new WorkTask
            {
                PartnershipId = p.Id, AssigneeId = p.ManagerId, DueOn = today.AddDays(14), Source = CheckInSource,
                SourceKey = CheckInKey(p.Id, h.Period), Link = $"/Partnerships/{p.Id}",
                Title = $"Check in with {p.Name}: engagement {Math.Round(h.Engagement!.Value, 0)} in {h.Period}",
                Details = $"The engagement index of {p.Name} was {Math.Round(h.Engagement.Value, 1)} in {h.Period}, below {EngagementIndex.NeedsCheckInBelow}. See /Health/Engagement for what it is made of.",
            };
        }).ToList();
        var opened = 0;
        if (toOpen.Count > 0)
        {
            // Fast path: all new keys in one save. If another run got there first, the unique index refuses the batch
            // and each task goes through OpenOnceAsync, which reads the winner's row instead.
            var batch = db.Database.CurrentTransaction is null;
            if (batch)
            {
                db.Tasks.AddRange(toOpen);
                try
                {
                    await db.SaveChangesAsync(ct);
                    opened = toOpen.Count;
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
                {
                    db.ChangeTracker.Clear();
                    batch = false;
                }
            }
            if (!batch)
                foreach (var t in toOpen)
                {
                    var (_, isNew) = await tasks.OpenOnceAsync(new WorkTask
                    {
                        PartnershipId = t.PartnershipId, AssigneeId = t.AssigneeId, DueOn = t.DueOn, Source = t.Source, SourceKey = t.SourceKey,
                        Link = t.Link, Title = t.Title, Details = t.Details,
                    }, ct);
                    if (isNew) opened++;
                    db.ChangeTracker.Clear();
                }
            db.ChangeTracker.Clear();
        }
        return new RecomputeResult(alertQuarter.Label, partnerships.Count, snapshots.Count, needed.Count, opened,
            health.Count(h => h.Band == EngagementBand.HighPerformer), health.Count(h => h.RedFlagCount > 0), now, clock.ElapsedMilliseconds);
    }
}
