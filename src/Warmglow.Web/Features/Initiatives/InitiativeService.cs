using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Initiatives;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Initiatives;

public sealed record InitiativeQuery(InitiativeStatus? Status = null, int? PartnershipId = null, InitiativeKind? Kind = null,
    string? OwnerId = null, bool? AtRisk = null, int? Page = null, int? PageSize = null);

public sealed record InitiativeSummary(int Id, int PartnershipId, string PartnershipName, InitiativeKind Kind, string KindName, string FamilyName,
    string Title, InitiativeStatus Status, string StatusName, bool Shared, string? OurOwnerName, string? PartnerOwnerName,
    string Currency, decimal OurBudget, decimal PartnerBudget, decimal Spent, int Milestones, int MilestonesDone, DateOnly? NextDue,
    MilestoneState State, string StateName, int Version);

public sealed record KindFieldValue(string Key, string Label, FieldType Type, string? Value);

public sealed record MilestoneDto(int Id, string Title, DateOnly DueOn, OwnerSide OwnerSide, string? OwnerName, DateOnly? DoneOn,
    MilestoneState State, string StateName, int Version);

public sealed record OutcomeDto(int Id, OutcomeMetric Metric, string Name, decimal? Target, decimal Actual, decimal? ProgressPercent,
    OwnerSide OwnerSide, DateOnly? MeasuredOn, int Version);

public sealed record StatusMove(InitiativeStatus Status, string Name, string Verb, bool NeedsReason);

/// <param name="Revenue">Sum of the revenue outcomes (in <see cref="InitiativeSummary.Currency"/>).</param>
/// <param name="Roi">(revenue − total spend) / total spend as a ratio (0.25 = 25%); null when nothing was spent.</param>
/// <param name="FundsPaid">Paid out by co-investment funds for this initiative, in its currency; part of the total spend.</param>
/// <param name="FundsPaidElsewhere">Fund payments in other currencies: shown, not in ROI.</param>
public sealed record InitiativeDto(InitiativeSummary Summary, string? Goal, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<KindFieldValue> Fields, bool ProposedByPartner, string? ProposedByName, string? StatusReason, string? OurOwnerId,
    IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<OutcomeDto> Outcomes, decimal Revenue, decimal? Roi,
    IReadOnlyList<StatusMove> NextStatuses, decimal FundsPaid = 0, IReadOnlyList<Signals.FundPaid>? FundsPaidElsewhere = null)
{
    /// <summary>What the initiative cost: its recorded spend plus what funds paid for it (same currency).</summary>
    public decimal TotalSpent => Summary.Spent + FundsPaid;
}

/// <summary>Per currency: what a partnership's initiatives spent (recorded spend plus fund payments), the revenue they produced, and ROI.</summary>
public sealed record RoiRollup(string Currency, decimal Spent, decimal Revenue, decimal? Roi);

public sealed record PartnershipInitiatives(int PartnershipId, Paged<InitiativeSummary> Initiatives, IReadOnlyList<RoiRollup> Roi);

public sealed record InitiativeInput(int? PartnershipId, InitiativeKind? Kind, string? Title, string? Goal, bool? Shared, string? OurOwnerId,
    string? PartnerOwnerName, string? Currency, decimal? OurBudget, decimal? PartnerBudget, decimal? Spent, DateOnly? StartsOn, DateOnly? EndsOn,
    Dictionary<string, string?>? Fields, int? Version = null);

public sealed record ProposalInput(int? PartnershipId, InitiativeKind? Kind, string? Title, string? Goal, string? Currency,
    decimal? PartnerBudget, DateOnly? StartsOn, DateOnly? EndsOn, Dictionary<string, string?>? Fields);

public sealed record StatusChangeInput(InitiativeStatus? Status, string? Reason, int? Version);

public sealed record MilestoneInput(string? Title, DateOnly? DueOn, OwnerSide? OwnerSide, string? OwnerName, DateOnly? DoneOn, int? Version = null);

/// <summary>What a partner user may change on a milestone their side owns: whether (and when) it is done.</summary>
public sealed record MilestoneProgressInput(DateOnly? DoneOn, int? Version);

public sealed record OutcomeInput(OutcomeMetric? Metric, string? Label, decimal? Target, decimal? Actual, OwnerSide? OwnerSide, DateOnly? MeasuredOn, int? Version = null);

/// <summary>What a partner user may change on an outcome their side owns: the number reached and when it was measured.</summary>
public sealed record OutcomeProgressInput(decimal? Actual, DateOnly? MeasuredOn, int? Version);

/// <summary>
/// Joint initiatives: the one place their data changes. Staff with the manage policy create and run them; partner
/// users (the DbContext limits them to their partnerships' shared initiatives) propose, and update the milestones and
/// outcomes their side owns.
/// </summary>
public sealed class InitiativeService(WarmglowDb db, UserDirectory users, INotifier notifier, IEnumerable<Signals.IFundSpendSource> fundSpend)
{
    public const int ColumnSize = 10;

    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

    public static string Describe(OwnerSide s) => s == OwnerSide.Ours ? "Our side" : "Partner's side";

    public static IReadOnlyList<InitiativeStatus> BoardColumns { get; } =
        [InitiativeStatus.Proposed, InitiativeStatus.Idea, InitiativeStatus.Planned, InitiativeStatus.Running, InitiativeStatus.Done, InitiativeStatus.Stopped];

    // --- reading --------------------------------------------------------------------------------------

    IQueryable<Initiative> Filtered(InitiativeQuery q)
    {
        var query = db.Initiatives.AsNoTracking();
        if (q.Status is { } s) query = query.Where(i => i.Status == s);
        if (q.PartnershipId is { } p) query = query.Where(i => i.PartnershipId == p);
        if (q.Kind is { } k) query = query.Where(i => i.Kind == k);
        if (!string.IsNullOrEmpty(q.OwnerId)) query = query.Where(i => i.OurOwnerId == q.OwnerId);
        if (q.AtRisk == true)
        {
            // The same rule as Milestones.State: an open milestone due within the at-risk window (or already late).
            var horizon = Today.AddDays(Core.Initiatives.Milestones.AtRiskDays);
            query = query.Where(i => !(i.Status == InitiativeStatus.Done || i.Status == InitiativeStatus.Stopped || i.Status == InitiativeStatus.Declined)
                && i.Milestones.Any(m => m.DoneOn == null && m.DueOn <= horizon));
        }
        return query;
    }

    /// <summary>Initiatives matching the filters, most recently changed first, paged in the database.</summary>
    public async Task<Paged<InitiativeSummary>> ListAsync(InitiativeQuery q, CancellationToken ct = default)
    {
        if (q.Status is { } s && !Enum.IsDefined(s)) throw ValidationFailed.For("status", "is not a status.");
        if (q.Kind is { } k && !Enum.IsDefined(k)) throw ValidationFailed.For("kind", "is not a kind of initiative.");
        var page = await Filtered(q).OrderByDescending(i => i.StatusChangedAt).ThenByDescending(i => i.Id)
            .Select(i => new
            {
                i.Id, i.PartnershipId, PartnershipName = i.Partnership!.Name, i.Kind, i.Title, i.Status, i.Shared, i.OurOwnerName, i.PartnerOwnerName,
                i.Currency, i.OurBudget, i.PartnerBudget, i.Spent, i.Version,
            })
            .ToPageAsync(q.Page, q.PageSize, ct);
        var ids = page.Items.Select(i => i.Id).ToList();
        var milestones = (await db.InitiativeMilestones.AsNoTracking().Where(m => ids.Contains(m.InitiativeId))
            .Select(m => new { m.InitiativeId, m.DueOn, m.DoneOn }).ToListAsync(ct)).ToLookup(m => m.InitiativeId);
        var today = Today;
        var items = page.Items.Select(i =>
        {
            var ms = milestones[i.Id].ToList();
            var state = Core.Initiatives.Milestones.Overall(ms.Select(m => Core.Initiatives.Milestones.State(m.DueOn, m.DoneOn, today)));
            var spec = InitiativeKinds.Spec(i.Kind);
            return new InitiativeSummary(i.Id, i.PartnershipId, i.PartnershipName, i.Kind, spec.Name, InitiativeKinds.Describe(spec.Family), i.Title,
                i.Status, InitiativeLifecycle.Describe(i.Status), i.Shared, i.OurOwnerName, i.PartnerOwnerName, i.Currency, i.OurBudget, i.PartnerBudget,
                i.Spent, ms.Count, ms.Count(m => m.DoneOn != null), ms.Where(m => m.DoneOn == null).Select(m => (DateOnly?)m.DueOn).Min(),
                state, Core.Initiatives.Milestones.Describe(state), i.Version);
        }).ToList();
        return new Paged<InitiativeSummary>(items, page.Page, page.PageSize, page.Total);
    }

    /// <summary>The board: one column per status, each the first <see cref="ColumnSize"/> with its total.</summary>
    public async Task<IReadOnlyList<(InitiativeStatus Status, Paged<InitiativeSummary> Items)>> BoardAsync(InitiativeQuery q, CancellationToken ct = default)
    {
        var columns = new List<(InitiativeStatus, Paged<InitiativeSummary>)>();
        foreach (var s in BoardColumns)
            columns.Add((s, await ListAsync(q with { Status = s, Page = 1, PageSize = ColumnSize }, ct)));
        return columns;
    }

    public async Task<PartnershipInitiatives> ForPartnershipAsync(int partnershipId, int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var list = await ListAsync(new InitiativeQuery(PartnershipId: partnershipId, Page: page, PageSize: pageSize), ct);
        var recorded = await db.Initiatives.AsNoTracking().Where(i => i.PartnershipId == partnershipId && i.Status != InitiativeStatus.Declined)
            .GroupBy(i => i.Currency).Select(g => new { Currency = g.Key, Spent = g.Sum(i => i.Spent) }).ToListAsync(ct);
        var funds = await FundsPaidAsync(partnershipId, null, ct);
        if (funds.Count > 0)
        {
            // Only initiatives that had fund money paid can be declined ones to leave out: ask about those alone.
            var paidIds = funds.Select(f => f.InitiativeId).Distinct().ToList();
            var declined = await db.Initiatives.AsNoTracking().Where(i => paidIds.Contains(i.Id) && i.Status == InitiativeStatus.Declined)
                .Select(i => i.Id).ToListAsync(ct);
            if (declined.Count > 0) funds = funds.Where(f => !declined.Contains(f.InitiativeId)).ToList();
        }
        var spent = recorded.Concat(funds.Select(f => new { f.Currency, Spent = f.Paid })).ToList();
        var revenue = await db.InitiativeOutcomes.AsNoTracking()
            .Where(o => o.Metric == OutcomeMetric.Revenue && o.Initiative!.PartnershipId == partnershipId && o.Initiative.Status != InitiativeStatus.Declined)
            .GroupBy(o => o.Initiative!.Currency).Select(g => new { Currency = g.Key, Revenue = g.Sum(o => o.Actual) }).ToListAsync(ct);
        var roi = spent.Select(s => s.Currency).Union(revenue.Select(r => r.Currency)).Order(StringComparer.Ordinal).Select(c =>
        {
            var sp = spent.Where(s => s.Currency == c).Sum(s => s.Spent);
            var rev = revenue.Where(r => r.Currency == c).Sum(r => r.Revenue);
            return new RoiRollup(c, sp, rev, InitiativeRoi.Of(rev, sp));
        }).Where(r => r.Spent > 0 || r.Revenue > 0).ToList();
        return new(partnershipId, list, roi);
    }

    public async Task<InitiativeDto> GetAsync(int id, CancellationToken ct = default)
    {
        var i = await db.Initiatives.AsNoTracking().Include(x => x.Partnership).Include(x => x.Milestones).Include(x => x.Outcomes)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Initiative");
        return ToDto(i, await FundsPaidAsync(null, i.Id, ct));
    }

    async Task<IReadOnlyList<Signals.FundPaid>> FundsPaidAsync(int? partnershipId, int? initiativeId, CancellationToken ct)
    {
        var all = new List<Signals.FundPaid>();
        foreach (var source in fundSpend) all.AddRange(await source.PaidAsync(db, partnershipId, initiativeId, ct));
        return all;
    }

    InitiativeDto ToDto(Initiative i, IReadOnlyList<Signals.FundPaid> funds)
    {
        var today = Today;
        var milestones = i.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m =>
        {
            var state = Core.Initiatives.Milestones.State(m.DueOn, m.DoneOn, today);
            return new MilestoneDto(m.Id, m.Title, m.DueOn, m.OwnerSide, m.OwnerName, m.DoneOn, state, Core.Initiatives.Milestones.Describe(state), m.Version);
        }).ToList();
        var overall = Core.Initiatives.Milestones.Overall(milestones.Select(m => m.State));
        var spec = InitiativeKinds.Spec(i.Kind);
        var summary = new InitiativeSummary(i.Id, i.PartnershipId, i.Partnership?.Name ?? "", i.Kind, spec.Name, InitiativeKinds.Describe(spec.Family), i.Title,
            i.Status, InitiativeLifecycle.Describe(i.Status), i.Shared, i.OurOwnerName, i.PartnerOwnerName, i.Currency, i.OurBudget, i.PartnerBudget, i.Spent,
            milestones.Count, milestones.Count(m => m.DoneOn != null), milestones.Where(m => m.DoneOn == null).Select(m => (DateOnly?)m.DueOn).Min(),
            overall, Core.Initiatives.Milestones.Describe(overall), i.Version);
        var outcomes = i.Outcomes.OrderBy(o => o.Metric).ThenBy(o => o.Id).Select(o => new OutcomeDto(o.Id, o.Metric,
            o.Metric == OutcomeMetric.Custom ? o.Label ?? "Custom" : Outcomes.Describe(o.Metric), o.Target, o.Actual, Outcomes.Progress(o.Actual, o.Target),
            o.OwnerSide, o.MeasuredOn, o.Version)).ToList();
        var revenue = i.Outcomes.Where(o => o.Metric == OutcomeMetric.Revenue).Sum(o => o.Actual);
        var fundsPaid = funds.Where(f => f.Currency == i.Currency).Sum(f => f.Paid);
        var fields = spec.Fields.Select(f => new KindFieldValue(f.Key, f.Label, f.Type, i.Fields.Values.GetValueOrDefault(f.Key))).ToList();
        var moves = InitiativeLifecycle.Next(i.Status).Select(s => new StatusMove(s, InitiativeLifecycle.Describe(s),
            i.Status == InitiativeStatus.Proposed && s == InitiativeStatus.Idea ? "Accept" : InitiativeLifecycle.Verb(s), InitiativeLifecycle.NeedsReason(s))).ToList();
        return new(summary, i.Goal, i.StartsOn, i.EndsOn, fields, i.ProposedByPartner, i.ProposedByName, i.StatusReason, i.OurOwnerId,
            milestones, outcomes, revenue, InitiativeRoi.Of(revenue, i.Spent + fundsPaid), moves, fundsPaid,
            funds.Where(f => f.Currency != i.Currency).ToList());
    }

    // --- writing (staff) ------------------------------------------------------------------------------

    async Task<Currency?> CheckAsync(FieldErrors errors, InitiativeInput input, CancellationToken ct)
    {
        if (input.PartnershipId is not { } pid) errors.Add("partnershipId", "is required.");
        else if (!await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) errors.Add("partnershipId", "is not a partnership of this workspace.");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add("kind", $"is required: one of {string.Join(", ", InitiativeKinds.All.Select(k => k.Name.ToLowerInvariant()))}.");
        else InitiativeKinds.CheckFields(errors, kind, input.Fields);
        errors.Required("title", input.Title, 200);
        errors.Optional("goal", input.Goal, 2000);
        errors.Optional("partnerOwnerName", input.PartnerOwnerName, 256);
        if (input.Shared is null) errors.Add("shared", "is required: say whether the partner's portal users may see this initiative.");
        if (string.IsNullOrWhiteSpace(input.OurOwnerId)) errors.Add("ourOwnerId", "is required: one of our people owns every initiative.");
        else if (!await users.IsStaffAsync(input.OurOwnerId, ct)) errors.Add("ourOwnerId", "is not one of our people in this workspace.");
        var currency = InitiativeRoi.CheckCurrency(errors, "currency", input.Currency);
        InitiativeRoi.CheckAmount(errors, "ourBudget", input.OurBudget, currency);
        InitiativeRoi.CheckAmount(errors, "partnerBudget", input.PartnerBudget, currency);
        InitiativeRoi.CheckAmount(errors, "spent", input.Spent, currency);
        if (input.StartsOn is { } s && input.EndsOn is { } e && e < s) errors.Add("endsOn", "cannot be before the start.");
        return currency;
    }

    void Apply(Initiative i, InitiativeInput input, Currency currency, string ownerName)
    {
        i.PartnershipId = input.PartnershipId!.Value;
        i.Kind = input.Kind!.Value;
        i.Fields = new InitiativeFields { Values = InitiativeKinds.CheckFields(new FieldErrors(), i.Kind, input.Fields) };
        i.Title = input.Title!.Trim();
        i.Goal = string.IsNullOrWhiteSpace(input.Goal) ? null : input.Goal.Trim();
        i.Shared = input.Shared!.Value;
        i.OurOwnerId = input.OurOwnerId;
        i.OurOwnerName = ownerName;
        i.PartnerOwnerName = string.IsNullOrWhiteSpace(input.PartnerOwnerName) ? null : input.PartnerOwnerName.Trim();
        i.Currency = currency.Code;
        i.OurBudget = input.OurBudget ?? 0;
        i.PartnerBudget = input.PartnerBudget ?? 0;
        i.Spent = input.Spent ?? 0;
        i.StartsOn = input.StartsOn;
        i.EndsOn = input.EndsOn;
    }

    async Task<string> OwnerNameAsync(string id, CancellationToken ct) => (await users.NamesAsync([id], ct)).GetValueOrDefault(id) ?? "";

    /// <summary>Creates an initiative (status idea) on a partnership.</summary>
    public async Task<InitiativeDto> CreateAsync(InitiativeInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var currency = await CheckAsync(errors, input, ct);
        ValidationFailed.ThrowIfAny(errors);
        var i = new Initiative { Title = "", Currency = "", Status = InitiativeStatus.Idea, StatusChangedAt = db.UtcNow };
        Apply(i, input, currency!, await OwnerNameAsync(input.OurOwnerId!, ct));
        db.Initiatives.Add(i);
        await db.SaveChangesAsync(ct);
        return await GetAsync(i.Id, ct);
    }

    public async Task<InitiativeDto> UpdateAsync(int id, InitiativeInput input, CancellationToken ct = default)
    {
        var i = await db.Initiatives.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Initiative");
        var errors = new FieldErrors();
        var currency = await CheckAsync(errors, input with { PartnershipId = input.PartnershipId ?? i.PartnershipId }, ct);
        if (input.PartnershipId is { } p && p != i.PartnershipId) errors.Add("partnershipId", "cannot change: an initiative stays with its partnership.");
        if (i.Currency != currency?.Code && currency is not null && (i.Spent > 0 || await db.InitiativeOutcomes.AnyAsync(o => o.InitiativeId == id && o.Metric == OutcomeMetric.Revenue, ct)))
            errors.Add("currency", "cannot change once spend or revenue is recorded in it.");
        var version = PartnersApi.RequireVersion(input.Version);
        ValidationFailed.ThrowIfAny(errors);
        PartnerService.ExpectVersion(db, i, version);
        Apply(i, input with { PartnershipId = i.PartnershipId }, currency!, await OwnerNameAsync(input.OurOwnerId!, ct));
        if (i.ProposedByPartner) i.Shared = true; // the partner proposed it: it cannot be hidden from them
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Moves an initiative along its lifecycle; accepting a proposal is the move to idea, declining it needs a reason.</summary>
    public async Task<InitiativeDto> SetStatusAsync(int id, StatusChangeInput input, CancellationToken ct = default)
    {
        var i = await db.Initiatives.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Initiative");
        if (input.Status is not { } to || !Enum.IsDefined(to) || to == InitiativeStatus.Proposed)
            throw ValidationFailed.For("status", "is required: idea, planned, running, done, stopped or declined.");
        var version = PartnersApi.RequireVersion(input.Version);
        if (input.Reason is { Length: > 2000 }) throw ValidationFailed.For("reason", "must be at most 2000 characters.");
        if (InitiativeLifecycle.Refusal(i.Status, to, input.Reason) is { } refusal)
        {
            if (InitiativeLifecycle.CanMove(i.Status, to)) throw ValidationFailed.For("reason", refusal);
            throw new Conflict(refusal);
        }
        PartnerService.ExpectVersion(db, i, version);
        var from = i.Status;
        i.Status = to;
        i.StatusChangedAt = db.UtcNow;
        if (!string.IsNullOrWhiteSpace(input.Reason)) i.StatusReason = input.Reason.Trim();
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // The partner hears what became of their proposal, and of every shared initiative's status; internal ones stay quiet.
        if (i.Shared)
        {
            var title = from == InitiativeStatus.Proposed
                ? to == InitiativeStatus.Idea ? $"Your proposal \"{i.Title}\" was accepted." : $"Your proposal \"{i.Title}\" was declined: {i.StatusReason}"
                : $"\"{i.Title}\" is now {InitiativeLifecycle.Describe(to).ToLowerInvariant()}.";
            await notifier.NotifyPartnershipAsync(new Notice(from == InitiativeStatus.Proposed ? (to == InitiativeStatus.Idea ? "initiative.accepted" : "initiative.declined") : "initiative.status",
                title.Length > 300 ? title[..300] : title, $"initiative:{i.Id}:status:{i.Version}")
                { Link = $"/Portal/Initiatives/{i.Id}", PartnershipId = i.PartnershipId, Data = new { initiativeId = i.Id, status = to.ToString() } }, NoticeAudience.PartnerUsers, ct);
        }
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    // --- partner proposals ----------------------------------------------------------------------------

    /// <summary>A partner user proposes an initiative on one of their partnerships; our manager accepts or declines it.</summary>
    public async Task<InitiativeDto> ProposeAsync(ProposalInput input, CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is null) throw new Forbidden("Proposals come from partner users; our own people create initiatives directly.");
        var errors = new FieldErrors();
        if (input.PartnershipId is not { } pid) errors.Add("partnershipId", "is required.");
        else if (!await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) throw new NotFound($"Partnership {pid}");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add("kind", $"is required: one of {string.Join(", ", InitiativeKinds.All.Select(k => k.Name.ToLowerInvariant()))}.");
        else InitiativeKinds.CheckFields(errors, kind, input.Fields);
        errors.Required("title", input.Title, 200);
        errors.Optional("goal", input.Goal, 2000);
        var currency = InitiativeRoi.CheckCurrency(errors, "currency", input.Currency);
        InitiativeRoi.CheckAmount(errors, "partnerBudget", input.PartnerBudget, currency);
        if (input.StartsOn is { } s && input.EndsOn is { } e && e < s) errors.Add("endsOn", "cannot be before the start.");
        ValidationFailed.ThrowIfAny(errors);
        var manager = await db.Partnerships.AsNoTracking().Where(p => p.Id == input.PartnershipId).Select(p => p.ManagerId).FirstOrDefaultAsync(ct);
        var i = new Initiative
        {
            PartnershipId = input.PartnershipId!.Value, Kind = input.Kind!.Value, Title = input.Title!.Trim(),
            Goal = string.IsNullOrWhiteSpace(input.Goal) ? null : input.Goal.Trim(), Status = InitiativeStatus.Proposed, Shared = true,
            Currency = currency!.Code, PartnerBudget = input.PartnerBudget ?? 0, StartsOn = input.StartsOn, EndsOn = input.EndsOn,
            Fields = new InitiativeFields { Values = InitiativeKinds.CheckFields(new FieldErrors(), input.Kind!.Value, input.Fields) },
            ProposedByPartner = true, ProposedByName = db.Tenant.UserName, PartnerOwnerName = db.Tenant.UserName,
            OurOwnerId = manager, OurOwnerName = manager is null ? null : await OwnerNameAsync(manager, ct), StatusChangedAt = db.UtcNow,
        };
        db.Initiatives.Add(i);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await notifier.NotifyPartnershipAsync(new Notice("initiative.proposed", $"{db.Tenant.UserName} proposed an initiative: {i.Title}", $"initiative:{i.Id}:proposed")
            { Link = $"/Initiatives/{i.Id}", PartnershipId = i.PartnershipId, Data = new { initiativeId = i.Id } }, NoticeAudience.Manager, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(i.Id, ct);
    }

    // --- milestones and outcomes ----------------------------------------------------------------------

    async Task<Initiative> OpenInitiativeAsync(int id, CancellationToken ct)
    {
        var i = await db.Initiatives.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Initiative");
        if (InitiativeLifecycle.IsClosed(i.Status))
            throw new Conflict($"This initiative is {InitiativeLifecycle.Describe(i.Status).ToLowerInvariant()}; its milestones and outcomes are final.");
        return i;
    }

    void CheckMilestone(FieldErrors errors, MilestoneInput input)
    {
        errors.Required("title", input.Title, 200);
        errors.Optional("ownerName", input.OwnerName, 256);
        if (input.DueOn is null) errors.Add("dueOn", "is required.");
        if (input.OwnerSide is not { } side || !Enum.IsDefined(side)) errors.Add("ownerSide", "is required: our side or the partner's side.");
        CheckDone(errors, input.DoneOn);
    }

    void CheckDone(FieldErrors errors, DateOnly? doneOn)
    {
        if (doneOn is { } d && d > Today) errors.Add("doneOn", "cannot be in the future.");
    }

    void MarkDone(InitiativeMilestone m, DateOnly? doneOn)
    {
        if (doneOn is not null && m.DoneOn is null) m.DoneAt = db.UtcNow;
        if (doneOn is null) m.DoneAt = null;
        m.DoneOn = doneOn;
    }

    public async Task<MilestoneDto> AddMilestoneAsync(int initiativeId, MilestoneInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        CheckMilestone(errors, input);
        ValidationFailed.ThrowIfAny(errors);
        await OpenInitiativeAsync(initiativeId, ct);
        var m = new InitiativeMilestone { InitiativeId = initiativeId, Title = input.Title!.Trim(), DueOn = input.DueOn!.Value, OwnerSide = input.OwnerSide!.Value,
            OwnerName = string.IsNullOrWhiteSpace(input.OwnerName) ? null : input.OwnerName.Trim() };
        MarkDone(m, input.DoneOn);
        db.InitiativeMilestones.Add(m);
        await db.SaveChangesAsync(ct);
        return Milestone(m);
    }

    MilestoneDto Milestone(InitiativeMilestone m)
    {
        var state = Core.Initiatives.Milestones.State(m.DueOn, m.DoneOn, Today);
        return new(m.Id, m.Title, m.DueOn, m.OwnerSide, m.OwnerName, m.DoneOn, state, Core.Initiatives.Milestones.Describe(state), m.Version);
    }

    OutcomeDto Outcome(InitiativeOutcome o) => new(o.Id, o.Metric, o.Metric == OutcomeMetric.Custom ? o.Label ?? "Custom" : Outcomes.Describe(o.Metric),
        o.Target, o.Actual, Outcomes.Progress(o.Actual, o.Target), o.OwnerSide, o.MeasuredOn, o.Version);

    async Task<InitiativeMilestone> FindMilestoneAsync(int initiativeId, int milestoneId, CancellationToken ct) =>
        await db.InitiativeMilestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.InitiativeId == initiativeId, ct) ?? throw new NotFound("Milestone");

    public async Task<MilestoneDto> UpdateMilestoneAsync(int initiativeId, int milestoneId, MilestoneInput input, CancellationToken ct = default)
    {
        var m = await FindMilestoneAsync(initiativeId, milestoneId, ct);
        var errors = new FieldErrors();
        CheckMilestone(errors, input);
        var version = PartnersApi.RequireVersion(input.Version);
        ValidationFailed.ThrowIfAny(errors);
        await OpenInitiativeAsync(initiativeId, ct);
        PartnerService.ExpectVersion(db, m, version);
        m.Title = input.Title!.Trim();
        m.DueOn = input.DueOn!.Value;
        m.OwnerSide = input.OwnerSide!.Value;
        m.OwnerName = string.IsNullOrWhiteSpace(input.OwnerName) ? null : input.OwnerName.Trim();
        MarkDone(m, input.DoneOn);
        await db.SaveChangesAsync(ct);
        return Milestone(m);
    }

    public async Task RemoveMilestoneAsync(int initiativeId, int milestoneId, CancellationToken ct = default)
    {
        var m = await FindMilestoneAsync(initiativeId, milestoneId, ct);
        await OpenInitiativeAsync(initiativeId, ct);
        db.InitiativeMilestones.Remove(m);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A partner user marks a milestone their side owns done (or not done).</summary>
    public async Task<MilestoneDto> RecordMilestoneAsync(int initiativeId, int milestoneId, MilestoneProgressInput input, CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is null) throw new Forbidden("Only the partner's portal users record progress here; our people edit the milestone.");
        var m = await FindMilestoneAsync(initiativeId, milestoneId, ct);
        if (m.OwnerSide != OwnerSide.Partner) throw new Forbidden("This milestone is owned by our side; ask your partnership manager to update it.");
        var errors = new FieldErrors();
        CheckDone(errors, input.DoneOn);
        var version = PartnersApi.RequireVersion(input.Version);
        ValidationFailed.ThrowIfAny(errors);
        await OpenInitiativeAsync(initiativeId, ct);
        PartnerService.ExpectVersion(db, m, version);
        MarkDone(m, input.DoneOn);
        await db.SaveChangesAsync(ct);
        return Milestone(m);
    }

    async Task<Currency?> CheckOutcomeAsync(FieldErrors errors, int initiativeId, OutcomeInput input, CancellationToken ct)
    {
        if (input.Metric is not { } metric || !Enum.IsDefined(metric))
            errors.Add("metric", $"is required: one of {string.Join(", ", Enum.GetValues<OutcomeMetric>().Select(m => Outcomes.Describe(m).ToLowerInvariant()))}.");
        else if (metric == OutcomeMetric.Custom) errors.Required("label", input.Label, 100);
        else errors.Optional("label", input.Label, 100);
        if (input.OwnerSide is not { } side || !Enum.IsDefined(side)) errors.Add("ownerSide", "is required: our side or the partner's side.");
        var code = await db.Initiatives.Where(i => i.Id == initiativeId).Select(i => i.Currency).FirstOrDefaultAsync(ct) ?? throw new NotFound("Initiative");
        var currency = input.Metric == OutcomeMetric.Revenue ? Currency.Find(code) : null;
        CheckNumber(errors, "target", input.Target, currency);
        CheckNumber(errors, "actual", input.Actual, currency);
        if (input.MeasuredOn is { } d && d > Today) errors.Add("measuredOn", "cannot be in the future.");
        return currency;
    }

    static void CheckNumber(FieldErrors errors, string field, decimal? value, Currency? currency)
    {
        if (currency is not null) InitiativeRoi.CheckAmount(errors, field, value, currency);
        else if (value is < 0) errors.Add(field, "cannot be negative.");
        else if (value is > 1_000_000_000_000m) errors.Add(field, "is too large.");
    }

    public async Task<OutcomeDto> AddOutcomeAsync(int initiativeId, OutcomeInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        await CheckOutcomeAsync(errors, initiativeId, input, ct);
        ValidationFailed.ThrowIfAny(errors);
        await OpenInitiativeAsync(initiativeId, ct);
        var o = new InitiativeOutcome { InitiativeId = initiativeId };
        ApplyOutcome(o, input);
        db.InitiativeOutcomes.Add(o);
        await db.SaveChangesAsync(ct);
        return Outcome(o);
    }

    static void ApplyOutcome(InitiativeOutcome o, OutcomeInput input)
    {
        o.Metric = input.Metric!.Value;
        o.Label = string.IsNullOrWhiteSpace(input.Label) ? null : input.Label.Trim();
        o.Target = input.Target;
        o.Actual = input.Actual ?? 0;
        o.OwnerSide = input.OwnerSide!.Value;
        o.MeasuredOn = input.MeasuredOn;
    }

    async Task<InitiativeOutcome> FindOutcomeAsync(int initiativeId, int outcomeId, CancellationToken ct) =>
        await db.InitiativeOutcomes.FirstOrDefaultAsync(o => o.Id == outcomeId && o.InitiativeId == initiativeId, ct) ?? throw new NotFound("Outcome");

    public async Task<OutcomeDto> UpdateOutcomeAsync(int initiativeId, int outcomeId, OutcomeInput input, CancellationToken ct = default)
    {
        var o = await FindOutcomeAsync(initiativeId, outcomeId, ct);
        var errors = new FieldErrors();
        await CheckOutcomeAsync(errors, initiativeId, input, ct);
        var version = PartnersApi.RequireVersion(input.Version);
        ValidationFailed.ThrowIfAny(errors);
        await OpenInitiativeAsync(initiativeId, ct);
        PartnerService.ExpectVersion(db, o, version);
        ApplyOutcome(o, input);
        await db.SaveChangesAsync(ct);
        return Outcome(o);
    }

    /// <summary>A partner user records the number reached on an outcome their side owns.</summary>
    public async Task<OutcomeDto> RecordOutcomeAsync(int initiativeId, int outcomeId, OutcomeProgressInput input, CancellationToken ct = default)
    {
        if (db.Tenant.PartnerId is null) throw new Forbidden("Only the partner's portal users record progress here; our people edit the outcome.");
        var o = await FindOutcomeAsync(initiativeId, outcomeId, ct);
        if (o.OwnerSide != OwnerSide.Partner) throw new Forbidden("This outcome is measured by our side; ask your partnership manager to update it.");
        var errors = new FieldErrors();
        var code = await db.Initiatives.Where(i => i.Id == initiativeId).Select(i => i.Currency).FirstAsync(ct);
        if (input.Actual is null) errors.Add("actual", "is required.");
        CheckNumber(errors, "actual", input.Actual, o.Metric == OutcomeMetric.Revenue ? Currency.Find(code) : null);
        if (input.MeasuredOn is { } d && d > Today) errors.Add("measuredOn", "cannot be in the future.");
        var version = PartnersApi.RequireVersion(input.Version);
        ValidationFailed.ThrowIfAny(errors);
        await OpenInitiativeAsync(initiativeId, ct);
        PartnerService.ExpectVersion(db, o, version);
        o.Actual = input.Actual!.Value;
        o.MeasuredOn = input.MeasuredOn ?? Today;
        await db.SaveChangesAsync(ct);
        return Outcome(o);
    }
}
