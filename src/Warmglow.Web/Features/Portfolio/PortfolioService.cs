using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Csv;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Currency = Warmglow.Core.Revenue.Currency;
using Tier = Warmglow.Core.Portfolio.Tier;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Portfolio;

public sealed record PortfolioSettingsInput(int? StrategicPercent, int? GrowthPercent, int? TransactionalPercent, ValueBasis? Basis,
    int? CompositeWeightPercent, int? MinimumAgeDays, int? DowngradeGraceDays, int? Version);
public sealed record PortfolioSettingsDto(int StrategicPercent, int GrowthPercent, int TransactionalPercent, ValueBasis Basis, string BasisLabel,
    int CompositeWeightPercent, int MinimumAgeDays, int DowngradeGraceDays, DateTime? LastRecomputedAt, int Version);

/// <summary>Filter, sort and page of the portfolio. Sort is a column name, "-" first for descending (e.g. "-ttm").</summary>
public sealed record PortfolioQuery(string? Search = null, PartnershipStage? Stage = null, Tier? Tier = null, string? ManagerId = null,
    bool? Flagged = null, bool? LiveOnly = null, string? Sort = null, int? Page = null, int? PageSize = null);

public sealed record PortfolioRow(int PartnershipId, string Name, PartnershipStage Stage, Tier? Tier, bool Overridden, decimal? Composite,
    decimal? HealthScore, decimal? Engagement, decimal RevenuePeriod, decimal RevenueTtm, decimal? RoiPercent, IReadOnlyList<string> RedFlags,
    string? ManagerId, string? Manager);

public sealed record PortfolioPage(Paged<PortfolioRow> Rows, string Sort, string Currency, string? Period, DateTime? ComputedAt);

public sealed record RecomputeResult(int Partnerships, int Live, int Proposed, int Withdrawn, int Assigned, string Explanation, long Milliseconds);

public sealed record ProposalDto(int Id, int PartnershipId, string Partnership, Tier? FromTier, Tier ToTier, bool Downgrade, string Why,
    DateTime ProposedAt, DateOnly ApprovableOn, ProposalStatus Status, string? DecidedBy, DateTime? DecidedAt, string? Note, int Version);
public sealed record DecideInput(string? Note, int? Version);

public sealed record OverrideInput(Tier? Tier, string? Reason, DateOnly? Until, int? Version);
public sealed record TierDto(int PartnershipId, Tier? Tier, DateTime? Since, string? OverrideReason, DateOnly? OverrideUntil, string? OverrideBy,
    ServiceLevel? ServiceLevel, ProposalDto? Pending, int Version);
public sealed record TierChangeDto(Tier? FromTier, Tier? ToTier, string Reason, string By, DateTime At);

public sealed record TierSummaryDto(PortfolioSettingsDto Settings, int Strategic, int Growth, int Transactional, int Emerging, int Pending,
    string Explanation, IReadOnlyList<ServiceLevel> ServiceLevels);

public sealed record ParetoRowDto(int PartnershipId, string Name, Tier? Tier, int Rank, decimal Value, decimal SharePercent, decimal CumulativePercent, bool InCore);
public sealed record ParetoDto(string Basis, string Currency, decimal Total, int Count, int CoreCount, decimal CoreSharePercent, int NothingMeasurable,
    string Explanation, IReadOnlyList<ParetoRowDto> Rows, DateTime? ComputedAt);

public sealed record ViewInput(string? Name, string? Query);
public sealed record ViewDto(int Id, string Name, string Query);

/// <summary>
/// The portfolio: figures per partnership (recomputed from other modules' signals), tiers with proposals awaiting a
/// manager, overrides, history, the Pareto view and saved views. The one place portfolio data changes.
/// </summary>
public sealed class PortfolioService(WarmglowDb db, IEnumerable<IPortfolioMeasureSource> measures, IEnumerable<IInfluencedRevenueSource> revenue,
    IEnumerable<IHealthSummarySource> health, IEnumerable<IOverdueReviewSource> overdue)
{
    public static readonly IReadOnlyList<PartnershipStage> LiveStages =
        [PartnershipStage.Onboarding, PartnershipStage.Active, PartnershipStage.Scaling, PartnershipStage.UnderReview];

    public const string NoDedicatedManager = "Strategic without a dedicated manager";
    public const string ReviewOverdue = "Strategic and overdue on its executive review";

    static readonly ConcurrentDictionary<int, SemaphoreSlim> Runs = new();

    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

    // --- settings -------------------------------------------------------------------------------------

    async Task<PortfolioSettings> SettingsRowAsync(CancellationToken ct)
    {
        var row = await db.PortfolioSettings.FirstOrDefaultAsync(ct);
        if (row is not null) return row;
        var d = TierSettings.Default;
        return new PortfolioSettings
        {
            StrategicPercent = d.StrategicPercent, GrowthPercent = d.GrowthPercent, TransactionalPercent = d.TransactionalPercent, Basis = d.Basis,
            CompositeWeightPercent = d.CompositeWeightPercent, MinimumAgeDays = d.MinimumAgeDays, DowngradeGraceDays = d.DowngradeGraceDays,
        };
    }

    static PortfolioSettingsDto ToDto(PortfolioSettings s) => new(s.StrategicPercent, s.GrowthPercent, s.TransactionalPercent, s.Basis, Tiering.Display(s.Basis),
        s.CompositeWeightPercent, s.MinimumAgeDays, s.DowngradeGraceDays, s.LastRecomputedAt, s.Version);

    public async Task<PortfolioSettingsDto> SettingsAsync(CancellationToken ct = default) => ToDto(await SettingsRowAsync(ct));

    public async Task<PortfolioSettingsDto> SaveSettingsAsync(PortfolioSettingsInput input, CancellationToken ct = default)
    {
        var row = await SettingsRowAsync(ct);
        var errors = new FieldErrors();
        if (input.StrategicPercent is null) errors.Add("strategicPercent", "is required.");
        if (input.GrowthPercent is null) errors.Add("growthPercent", "is required.");
        if (input.TransactionalPercent is null) errors.Add("transactionalPercent", "is required.");
        if (input.Basis is null) errors.Add("basis", "is required: Composite, Revenue or Weighted.");
        if (input.Version is null) errors.Add("version", "is required (0 the first time).");
        ValidationFailed.ThrowIfAny(errors);
        var rules = new TierSettings(input.StrategicPercent!.Value, input.GrowthPercent!.Value, input.TransactionalPercent!.Value, input.Basis!.Value,
            input.CompositeWeightPercent ?? row.CompositeWeightPercent, input.MinimumAgeDays ?? row.MinimumAgeDays, input.DowngradeGraceDays ?? row.DowngradeGraceDays);
        ValidationFailed.ThrowIfAny(Tiering.Validate(rules));
        if (input.Version != row.Version) throw new Conflict("The tier settings were changed by someone else; reload and try again.");
        row.StrategicPercent = rules.StrategicPercent; row.GrowthPercent = rules.GrowthPercent; row.TransactionalPercent = rules.TransactionalPercent;
        row.Basis = rules.Basis; row.CompositeWeightPercent = rules.CompositeWeightPercent; row.MinimumAgeDays = rules.MinimumAgeDays;
        row.DowngradeGraceDays = rules.DowngradeGraceDays;
        if (row.Id == 0) db.PortfolioSettings.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict("The tier settings were changed by someone else; reload and try again."); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw new Conflict("The tier settings were just created by someone else; reload and try again."); }
        return ToDto(row);
    }

    // --- recompute ------------------------------------------------------------------------------------

    /// <summary>
    /// Recomputes every partnership's figures and tiers. One run at a time per workspace (a second caller waits), and
    /// idempotent: a proposal already pending for the same tier is kept, one no longer supported is withdrawn.
    /// First tiering and leaving the live portfolio change the tier directly; every other change is proposed.
    /// </summary>
    public async Task<RecomputeResult> RecomputeAsync(CancellationToken ct = default)
    {
        var gate = Runs.GetOrAdd(db.Tenant.RequireWorkspace(), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try { return await RecomputeCoreAsync(ct); }
        finally { gate.Release(); }
    }

    async Task<RecomputeResult> RecomputeCoreAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var now = db.UtcNow;
        var today = Today;
        var settings = await SettingsRowAsync(ct);
        var rules = settings.ToRules();
        var measure = measures.FirstOrDefault();
        var code = measure is null ? "EUR" : await measure.ReportingCurrencyAsync(ct);
        var currency = Currency.Find(code) ?? new Currency(code, 2);
        var period = Quarter.Of(today).Previous;
        var ttmStart = today.AddMonths(-12).AddDays(1);

        var partnerships = await db.Partnerships.AsNoTracking()
            .Select(p => new { p.Id, p.Stage, p.StartDate, p.CreatedAt, p.ManagerId }).ToListAsync(ct);
        var composites = measure is null ? new Dictionary<int, double?>() :
            await measure.Composites(db).ToDictionaryAsync(c => c.PartnershipId, c => c.Composite, ct);
        var costs = measure is null ? new Dictionary<int, decimal>() :
            (await measure.Costs(db).Where(c => c.Currency == currency.Code).GroupBy(c => c.PartnershipId)
                .Select(g => new { g.Key, Sum = g.Sum(c => c.Amount) }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Sum);
        var allTime = new Dictionary<int, decimal>();
        var inPeriod = new Dictionary<int, decimal>();
        var ttm = new Dictionary<int, decimal>();
        foreach (var source in revenue)
        {
            var own = source.Query(db).Where(r => r.Currency == currency.Code);
            await SumInto(allTime, own, ct);
            await SumInto(inPeriod, own.Where(r => r.Date >= period.Start && r.Date <= period.End), ct);
            await SumInto(ttm, own.Where(r => r.Date >= ttmStart && r.Date <= today), ct);
        }
        var healthSource = health.FirstOrDefault();
        var summaries = healthSource is null || partnerships.Count == 0 ? new Dictionary<int, HealthSummary>()
            : await healthSource.SummariesAsync(partnerships.Select(p => p.Id).ToList(), ct);
        var overdueIds = new HashSet<int>();
        foreach (var source in overdue)
            overdueIds.UnionWith(await source.Overdue(db, today).Select(o => o.PartnershipId).Distinct().ToListAsync(ct));

        var live = partnerships.Where(p => LiveStages.Contains(p.Stage)).ToList();
        var managerLoad = live.Where(p => p.ManagerId != null).GroupBy(p => p.ManagerId!).ToDictionary(g => g.Key, g => g.Count());
        var result = Tiering.Assign(live.Select(p =>
        {
            var started = p.StartDate ?? DateOnly.FromDateTime(p.CreatedAt);
            int? age = started > today ? null : today.DayNumber - started.DayNumber;
            return new TierCandidate(p.Id, composites.GetValueOrDefault(p.Id) is { } c ? (decimal)c : null, ttm.GetValueOrDefault(p.Id), age);
        }).ToList(), rules);
        var placements = result.Placements.ToDictionary(x => x.Id);

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var tiers = await db.PartnershipTiers.ToDictionaryAsync(t => t.PartnershipId, ct);
        var pending = (await db.TierProposals.Where(t => t.Status == ProposalStatus.Pending).ToListAsync(ct)).GroupBy(t => t.PartnershipId).ToDictionary(g => g.Key, g => g.ToList());
        var figures = await db.PortfolioFigures.ToDictionaryAsync(f => f.PartnershipId, ct);
        int proposed = 0, withdrawn = 0, assigned = 0;
        var by = db.Tenant.UserName;

        void Withdraw(int id, string note)
        {
            foreach (var p in pending.GetValueOrDefault(id) ?? [])
            {
                p.Status = ProposalStatus.Withdrawn; p.DecidedAt = now; p.DecidedByName = "Recompute"; p.Note = note;
                withdrawn++;
            }
            pending.Remove(id);
        }

        foreach (var p in partnerships)
        {
            var tier = tiers.GetValueOrDefault(p.Id);
            var placement = placements.GetValueOrDefault(p.Id);
            if (placement is null)
            {
                // Not live (any more): no tier, nothing to propose.
                Withdraw(p.Id, "The partnership left the live portfolio.");
                if (tier is not null)
                {
                    db.TierChanges.Add(new TierChange { PartnershipId = p.Id, FromTier = tier.Tier, ToTier = null, Reason = "Left the live portfolio.", ByName = by, At = now });
                    db.PartnershipTiers.Remove(tier);
                    tiers.Remove(p.Id);
                }
            }
            else if (tier is null)
            {
                tier = new PartnershipTier { PartnershipId = p.Id, Tier = placement.Tier, TierRank = Tiering.Rank(placement.Tier), Since = now };
                db.PartnershipTiers.Add(tier);
                tiers[p.Id] = tier;
                db.TierChanges.Add(new TierChange { PartnershipId = p.Id, FromTier = null, ToTier = placement.Tier, Reason = $"First tiering. {placement.Why}", ByName = by, At = now });
                assigned++;
            }
            else if (tier.OverrideUntil is { } until && until >= today)
                Withdraw(p.Id, $"A manual override holds the tier until {until:yyyy-MM-dd}.");
            else
            {
                if (tier.OverrideUntil is not null)
                {
                    db.TierChanges.Add(new TierChange { PartnershipId = p.Id, FromTier = tier.Tier, ToTier = tier.Tier, Reason = $"The override ({tier.OverrideReason}) expired.", ByName = by, At = now });
                    tier.OverrideUntil = null; tier.OverrideReason = null; tier.OverrideByName = null;
                }
                if (placement.Tier == tier.Tier)
                    Withdraw(p.Id, "The partnership's value supports its current tier again.");
                else if (pending.GetValueOrDefault(p.Id) is { } open && open.Any(x => x.ToTier == placement.Tier))
                {
                    // Idempotent: the same proposal stays (its grace period keeps running); refresh why.
                    foreach (var x in open.Where(x => x.ToTier == placement.Tier)) x.Why = placement.Why;
                }
                else
                {
                    Withdraw(p.Id, $"Replaced by a proposal for {placement.Tier}.");
                    var down = Tiering.IsDowngrade(tier.Tier, placement.Tier);
                    var proposal = new TierProposal
                    {
                        PartnershipId = p.Id, FromTier = tier.Tier, ToTier = placement.Tier, Downgrade = down, Why = placement.Why, ProposedAt = now,
                        ApprovableOn = down ? today.AddDays(rules.DowngradeGraceDays) : today, Status = ProposalStatus.Pending,
                    };
                    db.TierProposals.Add(proposal);
                    pending[p.Id] = [proposal];
                    proposed++;
                }
            }

            var h = summaries.GetValueOrDefault(p.Id);
            var flags = h?.RedFlags.ToList() ?? [];
            if (tier?.Tier == Tier.Strategic)
            {
                if (p.ManagerId is null || managerLoad.GetValueOrDefault(p.ManagerId) > Tiering.DedicatedManagerMaxPartnerships) flags.Add(NoDedicatedManager);
                if (overdueIds.Contains(p.Id)) flags.Add(ReviewOverdue);
            }
            var cost = costs.GetValueOrDefault(p.Id);
            var roi = cost > 0 ? (double?)Math.Round((double)((Math.Max(0, allTime.GetValueOrDefault(p.Id)) - cost) / cost * 100), 1) : null;
            if (!figures.TryGetValue(p.Id, out var f))
            {
                f = new PortfolioFigure { PartnershipId = p.Id, Currency = currency.Code, Period = period.Label };
                db.PortfolioFigures.Add(f);
            }
            f.Currency = currency.Code; f.MinorUnits = currency.MinorUnits; f.Period = period.Label;
            f.Composite = composites.GetValueOrDefault(p.Id);
            f.HealthScore = h?.HealthScore is { } hs ? (double)hs : null;
            f.Engagement = h?.Engagement is { } en ? (double)en : null;
            f.RevenuePeriodMinor = ToMinor(inPeriod.GetValueOrDefault(p.Id), currency);
            f.RevenueTtmMinor = ToMinor(ttm.GetValueOrDefault(p.Id), currency);
            f.CostsMinor = ToMinor(cost, currency);
            f.RoiPercent = roi;
            if (!f.RedFlags.SequenceEqual(flags)) f.RedFlags = flags;
            f.RedFlagCount = flags.Count;
            f.Value = placement?.Value is { } v ? (double)v : null;
            f.Rank = placement?.Rank;
            f.ComputedAt = now;
        }
        settings.LastRecomputedAt = now;
        if (settings.Id == 0) db.PortfolioSettings.Add(settings);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RecomputeResult(partnerships.Count, live.Count, proposed, withdrawn, assigned, result.Explanation, clock.ElapsedMilliseconds);
    }

    static async Task SumInto(Dictionary<int, decimal> into, IQueryable<InfluencedRevenue> rows, CancellationToken ct)
    {
        var sums = rows.GroupBy(r => r.PartnershipId).Select(g => new { g.Key, Sum = g.Sum(r => r.Amount) });
        var list = sums is IAsyncEnumerable<object> ? await sums.ToListAsync(ct) : sums.ToList();
        foreach (var s in list) into[s.Key] = into.GetValueOrDefault(s.Key) + s.Sum;
    }

    static long ToMinor(decimal amount, Currency c) => (long)Math.Round(amount * Pow10(c.MinorUnits), MidpointRounding.AwayFromZero);
    static decimal Pow10(int n) { decimal r = 1; for (var i = 0; i < n; i++) r *= 10; return r; }
    static decimal FromMinor(long minor, int units) => minor / Pow10(units);

    // --- the portfolio view ---------------------------------------------------------------------------

    public static readonly IReadOnlyList<string> SortColumns = ["name", "stage", "tier", "composite", "health", "engagement", "period", "ttm", "roi", "flags", "manager"];

    sealed class Flat
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public PartnershipStage Stage { get; init; }
        public string? ManagerId { get; init; }
        public string? Manager { get; init; }
        public Tier? Tier { get; init; }
        public int? TierRank { get; init; }
        public bool Overridden { get; init; }
        public double? Composite { get; init; }
        public double? Health { get; init; }
        public double? Engagement { get; init; }
        public long? Period { get; init; }
        public long? Ttm { get; init; }
        public double? Roi { get; init; }
        public int? Flags { get; init; }
        public List<string>? RedFlags { get; init; }
        public int? MinorUnits { get; init; }
    }

    IQueryable<Flat> Query(PortfolioQuery q, out string sort)
    {
        var rows = from p in db.Partnerships
                   join f in db.PortfolioFigures on p.Id equals f.PartnershipId into fs
                   from f in fs.DefaultIfEmpty()
                   join t in db.PartnershipTiers on p.Id equals t.PartnershipId into ts
                   from t in ts.DefaultIfEmpty()
                   select new Flat
                   {
                       Id = p.Id, Name = p.Name, Stage = p.Stage, ManagerId = p.ManagerId, Manager = p.Manager != null ? p.Manager.DisplayName : null,
                       Tier = t == null ? null : t.Tier, TierRank = t == null ? null : t.TierRank, Overridden = t != null && t.OverrideReason != null,
                       Composite = f == null ? null : f.Composite, Health = f == null ? null : f.HealthScore, Engagement = f == null ? null : f.Engagement,
                       Period = f == null ? null : f.RevenuePeriodMinor, Ttm = f == null ? null : f.RevenueTtmMinor, Roi = f == null ? null : f.RoiPercent,
                       Flags = f == null ? null : f.RedFlagCount, RedFlags = f == null ? null : f.RedFlags, MinorUnits = f == null ? null : f.MinorUnits,
                   };
        if (FieldRules.Clean(q.Search) is { } search)
        {
            var lower = search.ToLowerInvariant();
            rows = rows.Where(r => r.Name.ToLower().Contains(lower));
        }
        if (q.Stage is { } stage) rows = rows.Where(r => r.Stage == stage);
        if (q.LiveOnly == true) rows = rows.Where(r => LiveStages.Contains(r.Stage));
        if (q.Tier is { } tier) rows = rows.Where(r => r.Tier == tier);
        if (FieldRules.Clean(q.ManagerId) is { } manager) rows = rows.Where(r => manager == "none" ? r.ManagerId == null : r.ManagerId == manager);
        if (q.Flagged == true) rows = rows.Where(r => r.Flags > 0);
        if (q.Flagged == false) rows = rows.Where(r => r.Flags == null || r.Flags == 0);

        var key = (q.Sort ?? "name").Trim().ToLowerInvariant();
        var desc = key.StartsWith('-');
        var column = desc ? key[1..] : key;
        if (!SortColumns.Contains(column)) throw ValidationFailed.For("sort", $"must be one of {string.Join(", ", SortColumns)}, optionally with '-' first for descending.");
        sort = key;
        // Empty values last in both directions; ties by name, then id, so pages never overlap.
        rows = column switch
        {
            "name" => desc ? rows.OrderByDescending(r => r.Name) : rows.OrderBy(r => r.Name),
            "stage" => desc ? rows.OrderByDescending(r => r.Stage) : rows.OrderBy(r => r.Stage),
            "tier" => desc ? rows.OrderBy(r => r.TierRank == null).ThenByDescending(r => r.TierRank) : rows.OrderBy(r => r.TierRank == null).ThenBy(r => r.TierRank),
            "composite" => desc ? rows.OrderBy(r => r.Composite == null).ThenByDescending(r => r.Composite) : rows.OrderBy(r => r.Composite == null).ThenBy(r => r.Composite),
            "health" => desc ? rows.OrderBy(r => r.Health == null).ThenByDescending(r => r.Health) : rows.OrderBy(r => r.Health == null).ThenBy(r => r.Health),
            "engagement" => desc ? rows.OrderBy(r => r.Engagement == null).ThenByDescending(r => r.Engagement) : rows.OrderBy(r => r.Engagement == null).ThenBy(r => r.Engagement),
            "period" => desc ? rows.OrderBy(r => r.Period == null).ThenByDescending(r => r.Period) : rows.OrderBy(r => r.Period == null).ThenBy(r => r.Period),
            "ttm" => desc ? rows.OrderBy(r => r.Ttm == null).ThenByDescending(r => r.Ttm) : rows.OrderBy(r => r.Ttm == null).ThenBy(r => r.Ttm),
            "roi" => desc ? rows.OrderBy(r => r.Roi == null).ThenByDescending(r => r.Roi) : rows.OrderBy(r => r.Roi == null).ThenBy(r => r.Roi),
            "flags" => desc ? rows.OrderBy(r => r.Flags == null).ThenByDescending(r => r.Flags) : rows.OrderBy(r => r.Flags == null).ThenBy(r => r.Flags),
            _ => desc ? rows.OrderBy(r => r.Manager == null).ThenByDescending(r => r.Manager) : rows.OrderBy(r => r.Manager == null).ThenBy(r => r.Manager),
        };
        return ((IOrderedQueryable<Flat>)rows).ThenBy(r => r.Name).ThenBy(r => r.Id);
    }

    static PortfolioRow ToRow(Flat r) => new(r.Id, r.Name, r.Stage, r.Tier, r.Overridden, r.Composite is { } c ? Math.Round((decimal)c, 1) : null,
        r.Health is { } h ? Math.Round((decimal)h, 1) : null, r.Engagement is { } e ? Math.Round((decimal)e, 1) : null,
        FromMinor(r.Period ?? 0, r.MinorUnits ?? 2), FromMinor(r.Ttm ?? 0, r.MinorUnits ?? 2), r.Roi is { } roi ? (decimal)roi : null,
        r.RedFlags ?? [], r.ManagerId, r.Manager);

    public async Task<PortfolioPage> ListAsync(PortfolioQuery q, CancellationToken ct = default)
    {
        var page = await Query(q, out var sort).ToPageAsync(q.Page, q.PageSize, ct);
        var settings = await db.PortfolioSettings.AsNoTracking().Select(s => new { s.LastRecomputedAt }).FirstOrDefaultAsync(ct);
        var meta = await db.PortfolioFigures.AsNoTracking().Select(f => new { f.Currency, f.Period }).FirstOrDefaultAsync(ct);
        var currency = meta?.Currency ?? (measures.FirstOrDefault() is { } m ? await m.ReportingCurrencyAsync(ct) : "EUR");
        return new PortfolioPage(new Paged<PortfolioRow>(page.Items.Select(ToRow).ToList(), page.Page, page.PageSize, page.Total), sort, currency,
            meta?.Period, settings?.LastRecomputedAt);
    }

    public const int CsvMaxRows = 50_000;

    /// <summary>The filtered, sorted portfolio as CSV (every page; cells that could run as formulas are neutralized).</summary>
    public async Task<string> CsvAsync(PortfolioQuery q, CancellationToken ct = default)
    {
        var rows = await Query(q, out _).Take(CsvMaxRows).ToListAsync(ct);
        var meta = await db.PortfolioFigures.AsNoTracking().Select(f => new { f.Currency, f.Period }).FirstOrDefaultAsync(ct);
        var sb = new StringBuilder();
        string N(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        Csv.WriteRecord(sb, ["Partnership", "Stage", "Tier", "Composite score", "Health score", "Engagement", $"Revenue {meta?.Period ?? "last quarter"} ({meta?.Currency})",
            $"Revenue trailing 12 months ({meta?.Currency})", "ROI %", "Red flags", "Manager"]);
        foreach (var r in rows.Select(ToRow))
            Csv.WriteRecord(sb, [Csv.Neutralize(r.Name), StageNames.Display(r.Stage), r.Tier?.ToString() ?? "", N(r.Composite), N(r.HealthScore), N(r.Engagement),
                N(r.RevenuePeriod), N(r.RevenueTtm), N(r.RoiPercent), Csv.Neutralize(string.Join("; ", r.RedFlags)), Csv.Neutralize(r.Manager ?? "")]);
        return sb.ToString();
    }

    // --- tiers ----------------------------------------------------------------------------------------

    public async Task<TierSummaryDto> TierSummaryAsync(CancellationToken ct = default)
    {
        var settings = await SettingsRowAsync(ct);
        var counts = await db.PartnershipTiers.GroupBy(t => t.Tier).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var pending = await db.TierProposals.CountAsync(t => t.Status == ProposalStatus.Pending, ct);
        int Of(Tier t) => counts.FirstOrDefault(c => c.Key == t)?.Count ?? 0;
        var ranked = Of(Tier.Strategic) + Of(Tier.Growth) + Of(Tier.Transactional);
        var explanation = Tiering.Explain(new TierResult([], ranked, Of(Tier.Strategic), Of(Tier.Growth), Of(Tier.Transactional), Of(Tier.Emerging), 0, ""), settings.ToRules());
        return new TierSummaryDto(ToDto(settings), Of(Tier.Strategic), Of(Tier.Growth), Of(Tier.Transactional), Of(Tier.Emerging), pending,
            explanation, Tiering.ServiceLevels);
    }

    static ProposalDto ToDto(TierProposal p, string name) => new(p.Id, p.PartnershipId, name, p.FromTier, p.ToTier, p.Downgrade, p.Why, p.ProposedAt,
        p.ApprovableOn, p.Status, p.DecidedByName, p.DecidedAt, p.Note, p.Version);

    public Task<Paged<ProposalDto>> ProposalsAsync(ProposalStatus? status, int? page, int? size, CancellationToken ct = default) =>
        db.TierProposals.AsNoTracking().Where(p => p.Status == (status ?? ProposalStatus.Pending))
            .OrderBy(p => p.ApprovableOn).ThenBy(p => p.Partnership!.Name).ThenBy(p => p.Id)
            .Select(p => new ProposalDto(p.Id, p.PartnershipId, p.Partnership!.Name, p.FromTier, p.ToTier, p.Downgrade, p.Why, p.ProposedAt,
                p.ApprovableOn, p.Status, p.DecidedByName, p.DecidedAt, p.Note, p.Version))
            .ToPageAsync(page, size, ct);

    async Task<TierProposal> PendingAsync(int id, int? version, CancellationToken ct)
    {
        var p = await db.TierProposals.Include(x => x.Partnership).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound($"Tier proposal {id}");
        if (p.Status != ProposalStatus.Pending) throw new Conflict($"This proposal is already {p.Status.ToString().ToLowerInvariant()}.");
        if (version is { } v && v != p.Version) throw new Conflict("The proposal changed since you read it; reload and try again.");
        return p;
    }

    public async Task<ProposalDto> ApproveAsync(int id, DecideInput input, CancellationToken ct = default)
    {
        var p = await PendingAsync(id, input.Version, ct);
        if (Today < p.ApprovableOn)
            throw ValidationFailed.For("approvableOn", $"A downgrade waits its grace period: it can be approved from {p.ApprovableOn:d MMM yyyy}, and is withdrawn if the partnership recovers first.");
        var tier = await db.PartnershipTiers.FirstOrDefaultAsync(t => t.PartnershipId == p.PartnershipId, ct)
            ?? throw new Conflict("The partnership has no tier any more (it left the live portfolio); recompute to refresh the proposals.");
        var now = db.UtcNow;
        db.TierChanges.Add(new TierChange { PartnershipId = p.PartnershipId, FromTier = tier.Tier, ToTier = p.ToTier,
            Reason = $"Proposal approved. {p.Why}{(FieldRules.Clean(input.Note) is { } n ? $" Note: {n}" : "")}", ByName = db.Tenant.UserName, At = now });
        tier.Tier = p.ToTier; tier.TierRank = Tiering.Rank(p.ToTier); tier.Since = now;
        p.Status = ProposalStatus.Approved; p.DecidedAt = now; p.DecidedByName = db.Tenant.UserName; p.Note = Note(input.Note);
        await SaveAsync(ct);
        return ToDto(p, p.Partnership!.Name);
    }

    public async Task<ProposalDto> RejectAsync(int id, DecideInput input, CancellationToken ct = default)
    {
        var p = await PendingAsync(id, input.Version, ct);
        p.Status = ProposalStatus.Rejected; p.DecidedAt = db.UtcNow; p.DecidedByName = db.Tenant.UserName; p.Note = Note(input.Note);
        await SaveAsync(ct);
        return ToDto(p, p.Partnership!.Name);
    }

    static string? Note(string? note)
    {
        var n = FieldRules.Clean(note);
        if (n is { Length: > 500 }) throw ValidationFailed.For("note", "must be at most 500 characters.");
        return n;
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict("Someone else changed this at the same time; reload and try again."); }
    }

    public async Task<TierDto> TierAsync(int partnershipId, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var t = await db.PartnershipTiers.AsNoTracking().FirstOrDefaultAsync(x => x.PartnershipId == partnershipId, ct);
        var pending = await db.TierProposals.AsNoTracking().Where(x => x.PartnershipId == partnershipId && x.Status == ProposalStatus.Pending)
            .Select(p => new ProposalDto(p.Id, p.PartnershipId, p.Partnership!.Name, p.FromTier, p.ToTier, p.Downgrade, p.Why, p.ProposedAt,
                p.ApprovableOn, p.Status, p.DecidedByName, p.DecidedAt, p.Note, p.Version)).FirstOrDefaultAsync(ct);
        return new TierDto(partnershipId, t?.Tier, t?.Since, t?.OverrideReason, t?.OverrideUntil, t?.OverrideByName,
            t is null ? null : Tiering.LevelOf(t.Tier), pending, t?.Version ?? 0);
    }

    /// <summary>A manual tier: needs a reason and an expiry after today; pending proposals are withdrawn while it holds.</summary>
    public async Task<TierDto> OverrideAsync(int partnershipId, OverrideInput input, CancellationToken ct = default)
    {
        var stage = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => (PartnershipStage?)p.Stage).FirstOrDefaultAsync(ct)
            ?? throw new NotFound($"Partnership {partnershipId}");
        var errors = new FieldErrors();
        if (input.Tier is null) errors.Add("tier", "is required: Strategic, Growth, Transactional or Emerging.");
        var reason = FieldRules.Clean(input.Reason);
        if (reason is null) errors.Add("reason", "is required: say why this partnership is tiered by hand.");
        else if (reason.Length > 500) errors.Add("reason", "must be at most 500 characters.");
        if (input.Until is null) errors.Add("until", "is required: an override expires, after which the computation applies again.");
        else if (input.Until <= Today) errors.Add("until", "must be after today.");
        else if (input.Until > Today.AddYears(2)) errors.Add("until", "must be within two years.");
        if (!LiveStages.Contains(stage)) errors.Add("tier", "Only live partnerships (onboarding, active, scaling, under review) have a tier.");
        ValidationFailed.ThrowIfAny(errors);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var now = db.UtcNow;
        var tier = await db.PartnershipTiers.FirstOrDefaultAsync(t => t.PartnershipId == partnershipId, ct);
        if (tier is not null && input.Version is { } v && v != tier.Version) throw new Conflict("The tier changed since you read it; reload and try again.");
        if (tier is null)
        {
            tier = new PartnershipTier { PartnershipId = partnershipId, Since = now };
            db.PartnershipTiers.Add(tier);
        }
        db.TierChanges.Add(new TierChange { PartnershipId = partnershipId, FromTier = tier.Id == 0 ? null : tier.Tier, ToTier = input.Tier,
            Reason = $"Override until {input.Until:yyyy-MM-dd}: {reason}", ByName = db.Tenant.UserName, At = now });
        if (tier.Tier != input.Tier || tier.Id == 0) tier.Since = now;
        tier.Tier = input.Tier!.Value; tier.TierRank = Tiering.Rank(tier.Tier);
        tier.OverrideReason = reason; tier.OverrideUntil = input.Until; tier.OverrideByName = db.Tenant.UserName;
        foreach (var p in await db.TierProposals.Where(x => x.PartnershipId == partnershipId && x.Status == ProposalStatus.Pending).ToListAsync(ct))
        {
            p.Status = ProposalStatus.Withdrawn; p.DecidedAt = now; p.DecidedByName = db.Tenant.UserName; p.Note = "Withdrawn by a manual override.";
        }
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return await TierAsync(partnershipId, ct);
    }

    public async Task<IReadOnlyList<TierChangeDto>> HistoryAsync(int partnershipId, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        return await db.TierChanges.AsNoTracking().Where(c => c.PartnershipId == partnershipId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(100)
            .Select(c => new TierChangeDto(c.FromTier, c.ToTier, c.Reason, c.ByName, c.At)).ToListAsync(ct);
    }

    // --- Pareto ---------------------------------------------------------------------------------------

    public const int ParetoRowsShown = 200;

    /// <summary>Live partnerships by trailing-12-month revenue ("revenue") or by the tiering value ("value").</summary>
    public async Task<ParetoDto> ParetoAsync(string? basis, CancellationToken ct = default)
    {
        var b = (basis ?? "revenue").Trim().ToLowerInvariant();
        if (b is not ("revenue" or "value")) throw ValidationFailed.For("basis", "must be revenue or value.");
        var rows = await (from f in db.PortfolioFigures
                          where LiveStages.Contains(f.Partnership!.Stage)
                          join t in db.PartnershipTiers on f.PartnershipId equals t.PartnershipId into ts
                          from t in ts.DefaultIfEmpty()
                          select new { f.PartnershipId, f.Partnership!.Name, f.RevenueTtmMinor, f.MinorUnits, f.Value, f.Currency, f.ComputedAt, Tier = t == null ? (Tier?)null : t.Tier })
            .AsNoTracking().ToListAsync(ct);
        var result = Pareto.Compute(rows.Select(r => new ParetoItem(r.PartnershipId, b == "revenue" ? FromMinor(r.RevenueTtmMinor, r.MinorUnits) : (decimal)(r.Value ?? 0))));
        var byId = rows.ToDictionary(r => r.PartnershipId);
        return new ParetoDto(b, rows.FirstOrDefault()?.Currency ?? "", result.Total, result.Count, result.CoreCount, result.CoreSharePercent, result.NothingMeasurable,
            result.Explanation, result.Rows.Take(ParetoRowsShown).Select(r => new ParetoRowDto(r.Id, byId[r.Id].Name, byId[r.Id].Tier, r.Rank, r.Value, r.SharePercent, r.CumulativePercent, r.InCore)).ToList(),
            rows.Count == 0 ? null : rows.Max(r => r.ComputedAt));
    }

    // --- saved views ----------------------------------------------------------------------------------

    string Me => db.Tenant.UserId ?? throw new Forbidden("Saved views belong to a signed-in user.");

    public Task<List<ViewDto>> ViewsAsync(CancellationToken ct = default) =>
        db.SavedPortfolioViews.AsNoTracking().Where(v => v.UserId == Me).OrderBy(v => v.Name).Select(v => new ViewDto(v.Id, v.Name, v.Query)).ToListAsync(ct);

    /// <summary>Saves (or replaces, by name) a view: the query string of the portfolio page, keeping only known filters.</summary>
    public async Task<ViewDto> SaveViewAsync(ViewInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("name", input.Name, 80);
        var query = NormalizeQuery(input.Query, errors);
        ValidationFailed.ThrowIfAny(errors);
        var name = input.Name!.Trim();
        var me = Me;
        var view = await db.SavedPortfolioViews.FirstOrDefaultAsync(v => v.UserId == me && v.Name == name, ct);
        if (view is null) db.SavedPortfolioViews.Add(view = new SavedPortfolioView { UserId = me, Name = name, Query = query, CreatedAt = db.UtcNow });
        else view.Query = query;
        if (await db.SavedPortfolioViews.CountAsync(v => v.UserId == me, ct) >= 50 && view.Id == 0) throw ValidationFailed.For("name", "You have 50 saved views; delete one first.");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw new Conflict($"A view named '{name}' was just saved; reload and try again."); }
        return new ViewDto(view.Id, view.Name, view.Query);
    }

    public async Task DeleteViewAsync(int id, CancellationToken ct = default)
    {
        var me = Me;
        var view = await db.SavedPortfolioViews.FirstOrDefaultAsync(v => v.Id == id && v.UserId == me, ct) ?? throw new NotFound($"Saved view {id}");
        db.SavedPortfolioViews.Remove(view);
        await db.SaveChangesAsync(ct);
    }

    static readonly string[] QueryKeys = ["search", "stage", "tier", "managerId", "flagged", "liveOnly", "sort", "pageSize"];

    /// <summary>Keeps only the portfolio's own filters, each validated, so a saved view always opens.</summary>
    public static string NormalizeQuery(string? raw, FieldErrors errors)
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery((raw ?? "").TrimStart('?'));
        var kept = new List<string>();
        foreach (var key in QueryKeys)
        {
            var match = parsed.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
            var value = match.Value.ToString();
            if (string.IsNullOrWhiteSpace(value)) continue;
            value = value.Trim();
            var ok = key switch
            {
                "stage" => Enum.TryParse<PartnershipStage>(value, true, out _) && !int.TryParse(value, out _),
                "tier" => Enum.TryParse<Tier>(value, true, out _) && !int.TryParse(value, out _),
                "flagged" or "liveOnly" => bool.TryParse(value, out _),
                "sort" => SortColumns.Contains(value.TrimStart('-').ToLowerInvariant()),
                "pageSize" => int.TryParse(value, out var n) && n is >= 1 and <= Paging.MaxSize,
                "search" => value.Length <= 200,
                _ => value.Length <= 100,
            };
            if (!ok) { errors.Add("query", $"'{key}' has a value the portfolio does not understand ('{value}')."); continue; }
            kept.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        return string.Join('&', kept);
    }
}
