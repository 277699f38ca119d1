using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Funds;
using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Funds;

public sealed record FundInput(string? Name, FundKind? Kind, string? Description, int? PartnershipId, string? Currency, decimal? Amount,
    DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? ClaimDeadline, decimal? VendorShare, decimal? PartnerShare,
    decimal? ManagerApprovalLimit, decimal? ExecutiveApprovalLimit);

public sealed record AllocationInput(int? PartnershipId, decimal? Amount);

public sealed record RequestInput(int? PartnershipId, FundActivity? Activity, string? Title, int? InitiativeId, decimal? Amount,
    DateOnly? PlannedStart, DateOnly? PlannedEnd, string? ExpectedOutcome, bool? Submit);

/// <summary>A reviewer's decision on a request or a claim: approve, reject, or ask for more information, with a reason.</summary>
public enum FundDecision { Approve, Reject, AskForInfo }

public sealed record DecisionInput(FundDecision? Decision, string? Reason, int? Version);

public sealed record CancelInput(string? Reason, int? Version);

public sealed record ClaimInput(decimal? Spent, string? Note, string? IdempotencyKey, bool? Submit);

public sealed record PaymentInput(DateOnly? PaidOn, string? Reference, string? IdempotencyKey, int? Version);

public sealed record BalanceDto(decimal Allocated, decimal Pending, decimal Reserved, decimal Paid, decimal Expired, decimal Available);

public sealed record FundSummary(int Id, string Name, FundKind Kind, string KindName, int? PartnershipId, string? PartnershipName, string Currency,
    decimal Amount, decimal Allocated, decimal Unallocated, DateOnly StartsOn, DateOnly EndsOn, DateOnly ClaimDeadline, decimal VendorShare,
    decimal PartnerShare, int Version);

public sealed record AllocationDto(int Id, int FundId, int PartnershipId, string PartnershipName, BalanceDto Balance, bool ExpiredUnused, int Version);

public sealed record ActivitySpend(FundActivity Activity, string Name, decimal Requested, decimal Paid);

public sealed record FundDto(FundSummary Summary, string? Description, decimal? ManagerApprovalLimit, decimal? ExecutiveApprovalLimit,
    BalanceDto Totals, Paged<AllocationDto> Allocations, IReadOnlyList<ActivitySpend> SpendByActivity, decimal? MyApprovalLimit);

public sealed record ProofDto(int Id, string FileName, string ContentType, int Size, DateTime UploadedAt, string? UploadedByName);

public sealed record ClaimDto(int Id, int RequestId, decimal Spent, string? Note, FundStatus Status, string StatusName, string? ReviewNote,
    string? ReviewedByName, DateOnly? PaidOn, string? PaymentReference, string? SubmittedByName, IReadOnlyList<ProofDto> Proofs, int Version);

public sealed record RequestSummary(int Id, int FundId, string FundName, int PartnershipId, string PartnershipName, FundActivity Activity, string ActivityName,
    string Title, string Currency, decimal Amount, decimal? PaidAmount, FundStatus Status, string StatusName, DateOnly PlannedStart, DateOnly PlannedEnd,
    string? RequestedByName, int Version);

public sealed record RequestDto(RequestSummary Summary, int? InitiativeId, string? InitiativeTitle, string? ExpectedOutcome, string? DecisionReason,
    string? DecidedByName, DateTime? DecidedAt, IReadOnlyList<ClaimDto> Claims, BalanceDto AllocationBalance, DateOnly ClaimDeadline);

public sealed record ProofFile(string FileName, string ContentType, byte[] Content);

public sealed record ExpiryResult(int AllocationsExpired, int RequestsExpired, int ClaimsExpired, int Reminders);

/// <summary>
/// Co-investment funds: the one place their data changes. Each money move changes the allocation's counters and the
/// request's or claim's status in one save; the allocation (and the fund, for allocating) is version-checked, so of
/// two writers racing on one balance only one commits and the other gets a 409 — nothing goes below zero. Every row is
/// audited by the context's SaveChanges.
/// </summary>
public sealed class FundService(WarmglowDb db, INotifier notifier, IHttpContextAccessor http)
{
    /// <summary>How many days before a claim deadline the partnership hears that an approved request has no claim yet.</summary>
    public const int ReminderDays = 14;

    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);
    ClaimsPrincipal? User => http.HttpContext?.User;
    IReadOnlyList<string> MyRoles => User?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() ?? [];
    bool IsPartner => db.Tenant.PartnerId is not null;
    bool CanManage => MyRoles.Any(r => r is Roles.Admin or Roles.Manager);

    static BalanceDto Dto(Balance b) => new(b.Allocated, b.Pending, b.Reserved, b.Paid, b.Expired, b.Available);
    static Currency CurrencyOf(string code) => Currency.Find(code) ?? new Currency(code, 2);

    // --- reading --------------------------------------------------------------------------------------

    static readonly System.Linq.Expressions.Expression<Func<Fund, FundSummary>> SummaryOf = f => new FundSummary(f.Id, f.Name, f.Kind, "", f.PartnershipId,
        f.Partnership == null ? null : f.Partnership.Name, f.Currency, f.Amount, f.Allocated, f.Amount - f.Allocated, f.StartsOn, f.EndsOn, f.ClaimDeadline,
        f.VendorShare, f.PartnerShare, f.Version);

    static FundSummary Named(FundSummary s) => s with { KindName = Core.Text.Labels.Of(s.Kind) };

    /// <summary>Funds, the latest-ending first, paged in the database (partner users: those allocated to their partnerships).</summary>
    public async Task<Paged<FundSummary>> ListAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var p = await db.Funds.AsNoTracking().OrderByDescending(f => f.EndsOn).ThenByDescending(f => f.Id).Select(SummaryOf).ToPageAsync(page, pageSize, ct);
        return p with { Items = p.Items.Select(Named).ToList() };
    }

    public async Task<FundDto> GetAsync(int id, int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var f = await db.Funds.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            Summary = new FundSummary(x.Id, x.Name, x.Kind, "", x.PartnershipId, x.Partnership == null ? null : x.Partnership.Name, x.Currency, x.Amount,
                x.Allocated, x.Amount - x.Allocated, x.StartsOn, x.EndsOn, x.ClaimDeadline, x.VendorShare, x.PartnerShare, x.Version),
            x.Description, x.ManagerApprovalLimit, x.ExecutiveApprovalLimit,
        }).FirstOrDefaultAsync(ct) ?? throw new NotFound("Fund");
        var allocations = db.FundAllocations.AsNoTracking().Where(a => a.FundId == id);
        var page1 = await allocations.OrderBy(a => a.Partnership!.Name).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.FundId, a.PartnershipId, Name = a.Partnership!.Name, a.Amount, a.Pending, a.Reserved, a.Paid, a.Expired, a.ExpiredAt, a.Version })
            .ToPageAsync(page, pageSize, ct);
        // Totals over what the reader can see (a partner user: their own allocations), summed in the database.
        var totals = await allocations.GroupBy(a => 1).Select(g => new
        {
            Amount = g.Sum(a => a.Amount), Pending = g.Sum(a => a.Pending), Reserved = g.Sum(a => a.Reserved), Paid = g.Sum(a => a.Paid), Expired = g.Sum(a => a.Expired),
        }).FirstOrDefaultAsync(ct);
        var spend = await db.FundRequests.AsNoTracking().Where(r => r.FundId == id && r.Status != FundStatus.Draft && r.Status != FundStatus.Cancelled
                && r.Status != FundStatus.Rejected)
            .GroupBy(r => r.Activity).Select(g => new { Activity = g.Key, Requested = g.Sum(r => r.Amount), Paid = g.Sum(r => r.PaidAmount ?? 0) })
            .ToListAsync(ct);
        var items = page1.Items.Select(a => new AllocationDto(a.Id, a.FundId, a.PartnershipId, a.Name,
            Dto(new Balance(a.Amount, a.Pending, a.Reserved, a.Paid, a.Expired)), a.ExpiredAt != null, a.Version)).ToList();
        var t = totals is null ? new Balance(0, 0, 0, 0, 0) : new Balance(totals.Amount, totals.Pending, totals.Reserved, totals.Paid, totals.Expired);
        return new FundDto(Named(f.Summary), f.Description, f.ManagerApprovalLimit, f.ExecutiveApprovalLimit, Dto(t),
            new Paged<AllocationDto>(items, page1.Page, page1.PageSize, page1.Total),
            spend.OrderByDescending(s => s.Requested).Select(s => new ActivitySpend(s.Activity, Core.Text.Labels.Of(s.Activity), s.Requested, s.Paid)).ToList(),
            IsPartner ? 0 : FundRules.ApprovalLimit(MyRoles, f.ManagerApprovalLimit, f.ExecutiveApprovalLimit));
    }

    /// <summary>A partnership's allocations across funds, with their balances (the partnership page and the portal).</summary>
    public async Task<IReadOnlyList<(FundSummary Fund, AllocationDto Allocation)>> ForPartnershipAsync(int partnershipId, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct)) throw new NotFound($"Partnership {partnershipId}");
        var rows = await db.FundAllocations.AsNoTracking().Where(a => a.PartnershipId == partnershipId).OrderByDescending(a => a.Fund!.EndsOn).Take(50)
            .Select(a => new
            {
                Fund = new FundSummary(a.Fund!.Id, a.Fund.Name, a.Fund.Kind, "", a.Fund.PartnershipId, null, a.Fund.Currency, a.Fund.Amount, a.Fund.Allocated,
                    a.Fund.Amount - a.Fund.Allocated, a.Fund.StartsOn, a.Fund.EndsOn, a.Fund.ClaimDeadline, a.Fund.VendorShare, a.Fund.PartnerShare, a.Fund.Version),
                a.Id, a.FundId, a.PartnershipId, Name = a.Partnership!.Name, a.Amount, a.Pending, a.Reserved, a.Paid, a.Expired, a.ExpiredAt, a.Version,
            }).ToListAsync(ct);
        return rows.Select(a => (Named(a.Fund), new AllocationDto(a.Id, a.FundId, a.PartnershipId, a.Name,
            Dto(new Balance(a.Amount, a.Pending, a.Reserved, a.Paid, a.Expired)), a.ExpiredAt != null, a.Version))).ToList();
    }

    /// <summary>Requests, most recently changed first, filtered by fund, partnership and status; paged in the database.</summary>
    public async Task<Paged<RequestSummary>> RequestsAsync(int? fundId, int? partnershipId, FundStatus? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (status is { } s && !Enum.IsDefined(s)) throw ValidationFailed.For("status", "is not a status.");
        var q = db.FundRequests.AsNoTracking();
        if (fundId is { } f) q = q.Where(r => r.FundId == f);
        if (partnershipId is { } p) q = q.Where(r => r.PartnershipId == p);
        if (status is { } st) q = q.Where(r => r.Status == st);
        var result = await q.OrderByDescending(r => r.StatusChangedAt).ThenByDescending(r => r.Id)
            .Select(r => new RequestSummary(r.Id, r.FundId, r.Fund!.Name, r.PartnershipId, r.Partnership!.Name, r.Activity, "", r.Title, r.Fund.Currency,
                r.Amount, r.PaidAmount, r.Status, "", r.PlannedStart, r.PlannedEnd, r.RequestedByName, r.Version))
            .ToPageAsync(page, pageSize, ct);
        return result with { Items = result.Items.Select(Named).ToList() };
    }

    static RequestSummary Named(RequestSummary r) => r with { ActivityName = Core.Text.Labels.Of(r.Activity), StatusName = FundLifecycle.Describe(r.Status) };

    public async Task<RequestDto> GetRequestAsync(int id, CancellationToken ct = default)
    {
        var r = await db.FundRequests.AsNoTracking().Include(x => x.Fund).Include(x => x.Partnership).Include(x => x.Initiative).Include(x => x.Allocation)
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Fund request");
        var claims = await db.FundClaims.AsNoTracking().Where(c => c.RequestId == id).OrderByDescending(c => c.Id).Include(c => c.Proofs)
            .AsSplitQuery().ToListAsync(ct);
        var summary = Named(new RequestSummary(r.Id, r.FundId, r.Fund!.Name, r.PartnershipId, r.Partnership!.Name, r.Activity, "", r.Title, r.Fund.Currency,
            r.Amount, r.PaidAmount, r.Status, "", r.PlannedStart, r.PlannedEnd, r.RequestedByName, r.Version));
        return new RequestDto(summary, r.InitiativeId, r.Initiative?.Title, r.ExpectedOutcome, r.DecisionReason, r.DecidedByName, r.DecidedAt,
            claims.Select(ClaimOf).ToList(), Dto(r.Allocation!.Balance), r.Fund.ClaimDeadline);
    }

    static ClaimDto ClaimOf(FundClaim c) => new(c.Id, c.RequestId, c.Spent, c.Note, c.Status, FundLifecycle.Describe(c.Status), c.ReviewNote, c.ReviewedByName,
        c.PaidOn, c.PaymentReference, c.SubmittedByName,
        c.Proofs.OrderBy(p => p.Id).Select(p => new ProofDto(p.Id, p.FileName, p.ContentType, p.Size, p.UploadedAt, p.UploadedByName)).ToList(), c.Version);

    public async Task<ClaimDto> GetClaimAsync(int id, CancellationToken ct = default)
    {
        var c = await db.FundClaims.AsNoTracking().Include(x => x.Proofs).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Claim");
        return ClaimOf(c);
    }

    public async Task<ProofFile> GetProofAsync(int claimId, int proofId, CancellationToken ct = default)
    {
        var p = await db.FundProofs.AsNoTracking().Where(x => x.Id == proofId && x.ClaimId == claimId)
            .Select(x => new ProofFile(x.FileName, x.ContentType, x.Content)).FirstOrDefaultAsync(ct);
        return p ?? throw new NotFound("Proof file");
    }

    // --- funds and allocations (staff with the manage policy) ----------------------------------------

    async Task<Currency?> CheckFundAsync(FieldErrors errors, FundInput input, CancellationToken ct)
    {
        errors.Required("name", input.Name, 200);
        errors.Optional("description", input.Description, 2000);
        if (input.Kind is not { } k || !Enum.IsDefined(k)) errors.Add("kind", "is required: market development funds or a pilot budget.");
        if (input.PartnershipId is { } pid && !await db.Partnerships.AnyAsync(p => p.Id == pid, ct))
            errors.Add("partnershipId", "is not a partnership of this workspace.");
        var currency = Currency.Find(input.Currency);
        if (currency is null) errors.Add("currency", string.IsNullOrWhiteSpace(input.Currency) ? "is required: an ISO 4217 code such as EUR."
            : $"is not a supported currency; use one of {string.Join(", ", Currency.Known.Select(c => c.Code))}.");
        FundRules.CheckAmount(errors, "amount", input.Amount, currency);
        FundRules.CheckPeriod(errors, input.StartsOn, input.EndsOn, input.ClaimDeadline);
        FundRules.CheckShares(errors, input.VendorShare, input.PartnerShare);
        if (input.ManagerApprovalLimit is not null) FundRules.CheckAmount(errors, "managerApprovalLimit", input.ManagerApprovalLimit, currency);
        if (input.ExecutiveApprovalLimit is not null) FundRules.CheckAmount(errors, "executiveApprovalLimit", input.ExecutiveApprovalLimit, currency);
        return currency;
    }

    public async Task<FundDto> CreateFundAsync(FundInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var currency = await CheckFundAsync(errors, input, ct);
        ValidationFailed.ThrowIfAny(errors);
        var f = new Fund
        {
            Name = input.Name!.Trim(), Kind = input.Kind!.Value, Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            PartnershipId = input.PartnershipId, Currency = currency!.Code, Amount = input.Amount!.Value, StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn!.Value, ClaimDeadline = input.ClaimDeadline!.Value, VendorShare = input.VendorShare!.Value,
            PartnerShare = input.PartnerShare!.Value, ManagerApprovalLimit = input.ManagerApprovalLimit, ExecutiveApprovalLimit = input.ExecutiveApprovalLimit,
        };
        db.Funds.Add(f);
        await db.SaveChangesAsync(ct);
        return await GetAsync(f.Id, ct: ct);
    }

    /// <summary>
    /// Allocates part of a fund to a partnership (or tops up its allocation). The fund's allocated total and the
    /// allocation change in one save, the fund row version-checked: two allocations racing for the last of a fund
    /// cannot both win.
    /// </summary>
    public async Task<AllocationDto> AllocateAsync(int fundId, AllocationInput input, CancellationToken ct = default)
    {
        var f = await db.Funds.FirstOrDefaultAsync(x => x.Id == fundId, ct) ?? throw new NotFound("Fund");
        var errors = new FieldErrors();
        var currency = CurrencyOf(f.Currency);
        FundRules.CheckAmount(errors, "amount", input.Amount, currency);
        if (input.PartnershipId is not { } pid) errors.Add("partnershipId", "is required.");
        else if (!await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) errors.Add("partnershipId", "is not a partnership of this workspace.");
        else if (f.PartnershipId is { } only && only != pid) errors.Add("partnershipId", "is not the partnership this fund is for.");
        if (input.Amount is { } a && a > 0 && a > f.Amount - f.Allocated)
            errors.Add("amount", $"is more than the fund has left to allocate ({Money.Display(f.Amount - f.Allocated, currency.MinorUnits)} {currency.Code}).");
        if (Today > f.EndsOn) errors.Add("amount", "cannot be allocated: the fund has ended.");
        ValidationFailed.ThrowIfAny(errors);
        var allocation = await db.FundAllocations.FirstOrDefaultAsync(x => x.FundId == fundId && x.PartnershipId == input.PartnershipId, ct);
        if (allocation is null)
        {
            allocation = new FundAllocation { FundId = fundId, PartnershipId = input.PartnershipId!.Value };
            db.FundAllocations.Add(allocation);
        }
        allocation.Amount += input.Amount!.Value;
        f.Allocated += input.Amount!.Value;
        db.Entry(f).State = EntityState.Modified; // the fund's version moves even if only the allocation looked changed
        await SaveGuardedAsync("This fund's allocations changed while you were working; reload it and try again.", ct);
        return (await ForPartnershipAsync(allocation.PartnershipId, ct)).First(x => x.Allocation.Id == allocation.Id).Allocation;
    }

    /// <summary>Saves a money move; a concurrent writer that committed first turns this one into a 409 with nothing written.</summary>
    async Task SaveGuardedAsync(string message, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new Conflict(message); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw new Conflict(message); }
    }

    // --- requests ------------------------------------------------------------------------------------

    void RequireRequester()
    {
        if (!IsPartner && !CanManage) throw new Forbidden("Requests come from the partnership's managers or the partner's portal users.");
    }

    public async Task<RequestDto> CreateRequestAsync(int fundId, RequestInput input, CancellationToken ct = default)
    {
        RequireRequester();
        var f = await db.Funds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == fundId, ct) ?? throw new NotFound("Fund");
        var errors = new FieldErrors();
        var currency = CurrencyOf(f.Currency);
        errors.Required("title", input.Title, 200);
        errors.Optional("expectedOutcome", input.ExpectedOutcome, 2000);
        if (input.Activity is not { } act || !Enum.IsDefined(act))
            errors.Add("activity", $"is required: one of {string.Join(", ", Enum.GetValues<FundActivity>().Select(v => Core.Text.Labels.Of(v).ToLowerInvariant()))}.");
        FundRules.CheckAmount(errors, "amount", input.Amount, currency);
        FundRules.CheckRequestDates(errors, Today, input.PlannedStart, input.PlannedEnd, f.StartsOn, f.EndsOn);
        FundAllocation? allocation = null;
        if (input.PartnershipId is not { } pid) errors.Add("partnershipId", "is required.");
        else
        {
            // A partner user's filter hides other partnerships' allocations: acting on one is "not found".
            if (!await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) throw new NotFound($"Partnership {pid}");
            allocation = await db.FundAllocations.FirstOrDefaultAsync(a => a.FundId == fundId && a.PartnershipId == pid, ct);
            if (allocation is null) errors.Add("partnershipId", "has no allocation in this fund; allocate part of the fund to it first.");
        }
        if (input.InitiativeId is { } iid && !await db.Initiatives.AnyAsync(i => i.Id == iid && i.PartnershipId == input.PartnershipId, ct))
            errors.Add("initiativeId", "is not an initiative of this partnership.");
        var submit = input.Submit ?? true;
        if (submit && allocation is not null && input.Amount is { } amt && amt > 0 && !allocation.Balance.Fits(amt))
            errors.Add("amount", $"is more than this allocation has available ({Money.Display(allocation.Balance.Available, currency.MinorUnits)} {currency.Code}).");
        ValidationFailed.ThrowIfAny(errors);
        var r = new FundRequest
        {
            FundId = fundId, AllocationId = allocation!.Id, PartnershipId = allocation.PartnershipId, InitiativeId = input.InitiativeId,
            Activity = input.Activity!.Value, Title = input.Title!.Trim(), Amount = input.Amount!.Value, PlannedStart = input.PlannedStart!.Value,
            PlannedEnd = input.PlannedEnd!.Value, ExpectedOutcome = string.IsNullOrWhiteSpace(input.ExpectedOutcome) ? null : input.ExpectedOutcome.Trim(),
            Status = submit ? FundStatus.Submitted : FundStatus.Draft, ByPartner = IsPartner, RequestedByName = db.Tenant.UserName, StatusChangedAt = db.UtcNow,
        };
        if (submit) allocation.Pending += r.Amount;
        db.FundRequests.Add(r);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await SaveGuardedAsync("This allocation's balance changed while you were working; reload it and try again.", ct);
        if (submit) await NotifyReviewersAsync(r, ct);
        await tx.CommitAsync(ct);
        return await GetRequestAsync(r.Id, ct);
    }

    Task NotifyReviewersAsync(FundRequest r, CancellationToken ct) => notifier.NotifyPartnershipAsync(
        new Notice("fund.request.submitted", Trim($"A fund request waits for a decision: {r.Title}"), $"fundrequest:{r.Id}:submitted:{r.Version}")
            { Link = $"/Funds/Requests/{r.Id}", PartnershipId = r.PartnershipId, Data = new { requestId = r.Id } }, NoticeAudience.Manager, ct);

    Task NotifyPartnerAsync(FundRequest r, string kind, string title, CancellationToken ct) => notifier.NotifyPartnershipAsync(
        new Notice(kind, Trim(title), $"fundrequest:{r.Id}:{kind}:{r.Version}")
            { Link = $"/Portal/Funds/Requests/{r.Id}", PartnershipId = r.PartnershipId, Data = new { requestId = r.Id } }, NoticeAudience.PartnerUsers, ct);

    static string Trim(string s) => s.Length > 300 ? s[..300] : s;

    async Task<(FundRequest Request, FundAllocation Allocation, Fund Fund)> LoadRequestAsync(int id, CancellationToken ct)
    {
        var r = await db.FundRequests.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Fund request");
        var a = await db.FundAllocations.FirstAsync(x => x.Id == r.AllocationId, ct);
        var f = await db.Funds.AsNoTracking().FirstAsync(x => x.Id == r.FundId, ct);
        return (r, a, f);
    }

    static void Move(FundRequest r, FundStatus to, DateTime now)
    {
        if (FundLifecycle.RequestRefusal(r.Status, to) is { } refusal) throw new Conflict(refusal);
        r.Status = to;
        r.StatusChangedAt = now;
    }

    /// <summary>Submits a draft (or answers a request for more information): it becomes pending and counts against the balance.</summary>
    public async Task<RequestDto> SubmitRequestAsync(int id, int? version, CancellationToken ct = default)
    {
        RequireRequester();
        var (r, a, f) = await LoadRequestAsync(id, ct);
        var v = PartnersApi.RequireVersion(version);
        PartnerService.ExpectVersion(db, r, v);
        var wasDraft = r.Status == FundStatus.Draft;
        Move(r, FundStatus.Submitted, db.UtcNow);
        if (Today > f.EndsOn) throw new Conflict($"The fund ended on {f.EndsOn:yyyy-MM-dd}; it takes no new requests.");
        if (wasDraft)
        {
            if (!a.Balance.Fits(r.Amount))
                throw ValidationFailed.For("amount", $"is more than this allocation has available ({Money.Display(a.Balance.Available, CurrencyOf(f.Currency).MinorUnits)} {f.Currency}).");
            a.Pending += r.Amount;
        }
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await SaveGuardedAsync("This allocation's balance changed while you were working; reload it and try again.", ct);
        await NotifyReviewersAsync(r, ct);
        await tx.CommitAsync(ct);
        return await GetRequestAsync(id, ct);
    }

    /// <summary>An approver decides: approve (within their role's limit; it moves from pending to reserved), reject (it returns), or ask for more information.</summary>
    public async Task<RequestDto> DecideRequestAsync(int id, DecisionInput input, CancellationToken ct = default)
    {
        if (IsPartner) throw new Forbidden("Requests are decided by the workspace's approvers.");
        var (r, a, f) = await LoadRequestAsync(id, ct);
        var errors = new FieldErrors();
        if (input.Decision is not { } decision || !Enum.IsDefined(decision)) errors.Add("decision", "is required: approve, reject or ask for more information.");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "is required: say why, so the requester knows.");
        else errors.Optional("reason", input.Reason, 2000);
        var version = PartnersApi.RequireVersion(input.Version);
        ValidationFailed.ThrowIfAny(errors);
        var to = input.Decision switch { FundDecision.Approve => FundStatus.Approved, FundDecision.Reject => FundStatus.Rejected, _ => FundStatus.NeedsInfo };
        if (to == FundStatus.Approved)
        {
            var limit = FundRules.ApprovalLimit(MyRoles, f.ManagerApprovalLimit, f.ExecutiveApprovalLimit);
            if (FundRules.LimitRefusal(r.Amount, limit, CurrencyOf(f.Currency)) is { } refusal) throw new Forbidden(refusal);
        }
        else if (!CanManage && FundRules.ApprovalLimit(MyRoles, f.ManagerApprovalLimit, f.ExecutiveApprovalLimit) == 0)
            throw new Forbidden("Your role cannot decide requests of this fund.");
        PartnerService.ExpectVersion(db, r, version);
        var from = r.Status;
        Move(r, to, db.UtcNow);
        if (to == FundStatus.Approved) { a.Pending -= r.Amount; a.Reserved += r.Amount; }
        else if (to == FundStatus.Rejected && FundLifecycle.IsPending(from)) a.Pending -= r.Amount;
        db.Entry(a).State = EntityState.Modified;
        r.DecisionReason = input.Reason!.Trim();
        r.DecidedByName = db.Tenant.UserName;
        r.DecidedAt = db.UtcNow;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await SaveGuardedAsync("This request or its allocation changed while you were deciding; reload it and try again.", ct);
        await NotifyPartnerAsync(r, to switch { FundStatus.Approved => "fund.request.approved", FundStatus.Rejected => "fund.request.rejected", _ => "fund.request.needsinfo" },
            to switch
            {
                FundStatus.Approved => $"Your fund request \"{r.Title}\" was approved.",
                FundStatus.Rejected => $"Your fund request \"{r.Title}\" was rejected: {r.DecisionReason}",
                _ => $"Your fund request \"{r.Title}\" needs more information: {r.DecisionReason}",
            }, ct);
        await tx.CommitAsync(ct);
        return await GetRequestAsync(id, ct);
    }

    /// <summary>Withdraws a request before it is paid; its pending or reserved amount returns to the allocation.</summary>
    public async Task<RequestDto> CancelRequestAsync(int id, CancelInput input, CancellationToken ct = default)
    {
        RequireRequester();
        var (r, a, _) = await LoadRequestAsync(id, ct);
        var version = PartnersApi.RequireVersion(input.Version);
        if (input.Reason is { Length: > 2000 }) throw ValidationFailed.For("reason", "must be at most 2000 characters.");
        PartnerService.ExpectVersion(db, r, version);
        var from = r.Status;
        if (from == FundStatus.Approved && await db.FundClaims.AnyAsync(c => c.RequestId == id && (c.Status == FundStatus.Submitted || c.Status == FundStatus.NeedsInfo || c.Status == FundStatus.Approved), ct))
            throw new Conflict("A claim on this request is being reviewed or paid; it cannot be cancelled now.");
        Move(r, FundStatus.Cancelled, db.UtcNow);
        Return(a, r, from);
        if (!string.IsNullOrWhiteSpace(input.Reason)) r.DecisionReason = input.Reason.Trim();
        await SaveGuardedAsync("This request or its allocation changed meanwhile; reload it and try again.", ct);
        return await GetRequestAsync(id, ct);
    }

    static void Return(FundAllocation a, FundRequest r, FundStatus from)
    {
        if (FundLifecycle.IsPending(from)) a.Pending -= r.Amount;
        else if (from == FundStatus.Approved) a.Reserved -= r.Amount;
    }

    // --- claims --------------------------------------------------------------------------------------

    static readonly FundStatus[] OpenClaim = [FundStatus.Draft, FundStatus.Submitted, FundStatus.NeedsInfo, FundStatus.Approved];

    /// <summary>Claims the spend of an approved request (at most its amount). The same idempotency key again returns the first claim and writes nothing.</summary>
    public async Task<(ClaimDto Claim, bool Created)> CreateClaimAsync(int requestId, ClaimInput input, CancellationToken ct = default)
    {
        RequireRequester();
        var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? null : input.IdempotencyKey.Trim();
        if (key is { Length: > 200 }) throw ValidationFailed.For("idempotencyKey", "must be at most 200 characters.");
        var (r, _, f) = await LoadRequestAsync(requestId, ct);
        if (key is not null && await ExistingClaimAsync(requestId, key, ct) is { } existing) return (existing, false);
        if (r.Status != FundStatus.Approved)
            throw new Conflict($"Only an approved request can be claimed; this one is {FundLifecycle.Describe(r.Status).ToLowerInvariant()}.");
        if (Today > f.ClaimDeadline) throw new Conflict($"The claim deadline was {f.ClaimDeadline:yyyy-MM-dd}; this request can no longer be claimed.");
        if (await db.FundClaims.AnyAsync(c => c.RequestId == requestId && OpenClaim.Contains(c.Status), ct))
            throw new Conflict("This request already has an open claim; add proof to it or wait for its review.");
        var errors = new FieldErrors();
        FundRules.CheckClaim(errors, "spent", input.Spent, r.Amount, CurrencyOf(f.Currency));
        errors.Optional("note", input.Note, 2000);
        ValidationFailed.ThrowIfAny(errors);
        var submit = input.Submit ?? false;
        var c = new FundClaim
        {
            RequestId = requestId, Spent = input.Spent!.Value, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), IdempotencyKey = key,
            Status = submit ? FundStatus.Submitted : FundStatus.Draft, SubmittedByName = db.Tenant.UserName, StatusChangedAt = db.UtcNow,
        };
        db.FundClaims.Add(c);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && key is not null)
        {
            // A concurrent call with the same key won: answer with its claim.
            db.ChangeTracker.Clear();
            return (await ExistingClaimAsync(requestId, key, ct) ?? throw new Conflict("This idempotency key was used for another request's claim."), false);
        }
        return (await GetClaimAsync(c.Id, ct), true);
    }

    async Task<ClaimDto?> ExistingClaimAsync(int requestId, string key, CancellationToken ct)
    {
        var c = await db.FundClaims.AsNoTracking().Include(x => x.Proofs).FirstOrDefaultAsync(x => x.IdempotencyKey == key, ct);
        if (c is null) return null;
        if (c.RequestId != requestId) throw new Conflict("This idempotency key was used for another request's claim.");
        return ClaimOf(c);
    }

    async Task<(FundClaim Claim, FundRequest Request, FundAllocation Allocation, Fund Fund)> LoadClaimAsync(int id, CancellationToken ct)
    {
        var c = await db.FundClaims.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Claim");
        var (r, a, f) = await LoadRequestAsync(c.RequestId, ct);
        return (c, r, a, f);
    }

    /// <summary>Adds a proof file (stored in the database, under our own safe name) to a claim that is not decided yet.</summary>
    public async Task<ProofDto> AddProofAsync(int claimId, string? fileName, Stream content, long length, CancellationToken ct = default)
    {
        RequireRequester();
        var (c, _, _, _) = await LoadClaimAsync(claimId, ct);
        if (c.Status is not (FundStatus.Draft or FundStatus.Submitted or FundStatus.NeedsInfo))
            throw new Conflict($"This claim is {FundLifecycle.Describe(c.Status).ToLowerInvariant()}; its proof is final.");
        if (length > FundRules.MaxProofBytes) throw ValidationFailed.For("file", FundRules.ProofRefusal(fileName, length, [])!);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > FundRules.MaxProofBytes) throw ValidationFailed.For("file", FundRules.ProofRefusal(fileName, buffer.Length, [])!);
        var bytes = buffer.ToArray();
        if (FundRules.ProofRefusal(fileName, bytes.Length, bytes.AsSpan(0, Math.Min(bytes.Length, 512))) is { } refusal) throw ValidationFailed.For("file", refusal);
        var ext = Path.GetExtension(fileName!.Trim());
        var p = new FundProof
        {
            ClaimId = claimId, FileName = FundRules.SafeFileName(fileName), ContentType = FundRules.ProofTypes[ext], Size = bytes.Length, Content = bytes,
            UploadedAt = db.UtcNow, UploadedByName = db.Tenant.UserName,
        };
        db.FundProofs.Add(p);
        await db.SaveChangesAsync(ct);
        return new ProofDto(p.Id, p.FileName, p.ContentType, p.Size, p.UploadedAt, p.UploadedByName);
    }

    /// <summary>Submits a claim (a draft, or one that needed more information) for review; it needs at least one proof file.</summary>
    public async Task<ClaimDto> SubmitClaimAsync(int id, int? version, CancellationToken ct = default)
    {
        RequireRequester();
        var (c, r, _, f) = await LoadClaimAsync(id, ct);
        var v = PartnersApi.RequireVersion(version);
        if (FundLifecycle.ClaimRefusal(c.Status, FundStatus.Submitted) is { } refusal) throw new Conflict(refusal);
        if (Today > f.ClaimDeadline) throw new Conflict($"The claim deadline was {f.ClaimDeadline:yyyy-MM-dd}.");
        if (!await db.FundProofs.AnyAsync(p => p.ClaimId == id, ct)) throw ValidationFailed.For("file", "is required: add at least one proof of execution (an invoice, a screenshot, an attendee list).");
        PartnerService.ExpectVersion(db, c, v);
        c.Status = FundStatus.Submitted;
        c.StatusChangedAt = db.UtcNow;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await SaveGuardedAsync("This claim changed meanwhile; reload it and try again.", ct);
        await notifier.NotifyPartnershipAsync(new Notice("fund.claim.submitted", Trim($"A claim waits for review: {r.Title}"), $"fundclaim:{c.Id}:submitted:{c.Version}")
            { Link = $"/Funds/Requests/{r.Id}", PartnershipId = r.PartnershipId, Data = new { claimId = c.Id, requestId = r.Id } }, NoticeAudience.Manager, ct);
        await tx.CommitAsync(ct);
        return await GetClaimAsync(id, ct);
    }

    /// <summary>Reviews a submitted claim: approve it for payment, reject it (the request stays approved and can be claimed again), or ask for more.</summary>
    public async Task<ClaimDto> ReviewClaimAsync(int id, DecisionInput input, CancellationToken ct = default)
    {
        if (IsPartner || !(CanManage || MyRoles.Contains(Roles.Executive))) throw new Forbidden("Claims are reviewed by the workspace's managers and approvers.");
        var (c, r, _, _) = await LoadClaimAsync(id, ct);
        var errors = new FieldErrors();
        if (input.Decision is not { } decision || !Enum.IsDefined(decision)) errors.Add("decision", "is required: approve, reject or ask for more information.");
        if (input.Decision is not FundDecision.Approve && string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "is required: say what is missing or wrong.");
        errors.Optional("reason", input.Reason, 2000);
        var version = PartnersApi.RequireVersion(input.Version);
        ValidationFailed.ThrowIfAny(errors);
        var to = input.Decision switch { FundDecision.Approve => FundStatus.Approved, FundDecision.Reject => FundStatus.Rejected, _ => FundStatus.NeedsInfo };
        if (FundLifecycle.ClaimRefusal(c.Status, to) is { } refusal || c.Status == FundStatus.Draft) throw new Conflict(FundLifecycle.ClaimRefusal(c.Status, to) ?? "This claim is a draft; it is reviewed once submitted.");
        PartnerService.ExpectVersion(db, c, version);
        c.Status = to;
        c.StatusChangedAt = db.UtcNow;
        c.ReviewNote = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        c.ReviewedByName = db.Tenant.UserName;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await SaveGuardedAsync("This claim changed meanwhile; reload it and try again.", ct);
        await NotifyPartnerAsync(r, "fund.claim." + to.ToString().ToLowerInvariant(), to switch
        {
            FundStatus.Approved => $"Your claim for \"{r.Title}\" was approved for payment.",
            FundStatus.Rejected => $"Your claim for \"{r.Title}\" was rejected: {c.ReviewNote}",
            _ => $"Your claim for \"{r.Title}\" needs more: {c.ReviewNote}",
        }, ct);
        await tx.CommitAsync(ct);
        return await GetClaimAsync(id, ct);
    }

    /// <summary>
    /// Records the payment of an approved claim: the request's reservation becomes paid (the actual spend) and the rest
    /// returns to the allocation. The same idempotency key again changes nothing; another key on a paid claim is a 409.
    /// </summary>
    public async Task<ClaimDto> PayClaimAsync(int id, PaymentInput input, CancellationToken ct = default)
    {
        if (IsPartner || !CanManage) throw new Forbidden("Payments are recorded by the workspace's managers.");
        var (c, r, a, f) = await LoadClaimAsync(id, ct);
        var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? null : input.IdempotencyKey.Trim();
        var errors = new FieldErrors();
        if (key is null) errors.Add("idempotencyKey", "is required: a key of this payment, so that sending it twice pays once.");
        else errors.Optional("idempotencyKey", key, 200);
        if (c.Status == FundStatus.Paid)
        {
            ValidationFailed.ThrowIfAny(errors);
            if (c.PaymentKey == key) return await GetClaimAsync(id, ct);
            throw new Conflict($"This claim was already paid on {c.PaidOn:yyyy-MM-dd} (reference {c.PaymentReference}).");
        }
        if (input.PaidOn is null) errors.Add("paidOn", "is required.");
        else if (input.PaidOn > Today) errors.Add("paidOn", "cannot be in the future.");
        errors.Required("reference", input.Reference, 200);
        var version = PartnersApi.RequireVersion(input.Version);
        ValidationFailed.ThrowIfAny(errors);
        if (FundLifecycle.ClaimRefusal(c.Status, FundStatus.Paid) is { } refusal) throw new Conflict(refusal);
        PartnerService.ExpectVersion(db, c, version);
        c.Status = FundStatus.Paid;
        c.StatusChangedAt = db.UtcNow;
        c.PaidOn = input.PaidOn;
        c.PaymentReference = input.Reference!.Trim();
        c.PaymentKey = key;
        Move(r, FundStatus.Paid, db.UtcNow);
        r.PaidAmount = c.Spent;
        a.Reserved -= r.Amount;
        a.Paid += c.Spent;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await SaveGuardedAsync("This claim or its allocation changed meanwhile; reload it and try again.", ct);
        await NotifyPartnerAsync(r, "fund.claim.paid", $"Your claim for \"{r.Title}\" was paid: {Money.Display(c.Spent, CurrencyOf(f.Currency).MinorUnits)} {f.Currency} (reference {c.PaymentReference}).", ct);
        await tx.CommitAsync(ct);
        return await GetClaimAsync(id, ct);
    }

    // --- expiry and reminders (the funds job) --------------------------------------------------------

    /// <summary>
    /// One idempotent pass: after a fund's end its pending requests expire and each allocation's unused part expires
    /// (once); after the claim deadline approved requests without a claim under review or approved expire (their
    /// reservation expires with them) and so do draft claims and claims waiting for information. Within
    /// <see cref="ReminderDays"/> of a deadline, partnerships with unclaimed approved requests get one reminder each.
    /// </summary>
    public async Task<ExpiryResult> RunExpiryAsync(CancellationToken ct = default)
    {
        var today = Today;
        int allocations = 0, requests = 0, claims = 0, reminders = 0;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);

        // Pending requests of ended funds.
        var endedPending = await db.FundRequests.Where(r => (r.Status == FundStatus.Submitted || r.Status == FundStatus.NeedsInfo) && r.Fund!.EndsOn < today)
            .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        foreach (var r in endedPending) await ExpireRequestAsync(r, ct);
        requests += endedPending.Count;

        // Approved requests past the claim deadline, with no claim in review or approved.
        var unclaimed = await db.FundRequests.Where(r => r.Status == FundStatus.Approved && r.Fund!.ClaimDeadline < today
                && !r.Claims.Any(c => c.Status == FundStatus.Submitted || c.Status == FundStatus.Approved))
            .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        foreach (var r in unclaimed) await ExpireRequestAsync(r, ct);
        requests += unclaimed.Count;

        var staleClaims = await db.FundClaims.Where(c => (c.Status == FundStatus.Draft || c.Status == FundStatus.NeedsInfo) && c.Request!.Fund!.ClaimDeadline < today)
            .OrderBy(c => c.Id).Take(500).ToListAsync(ct);
        foreach (var c in staleClaims) { c.Status = FundStatus.Expired; c.StatusChangedAt = db.UtcNow; }
        claims += staleClaims.Count;
        await db.SaveChangesAsync(ct);

        // The unused part of each allocation of an ended fund, once.
        var ended = await db.FundAllocations.Where(a => a.ExpiredAt == null && a.Fund!.EndsOn < today).OrderBy(a => a.Id).Take(500).ToListAsync(ct);
        foreach (var a in ended)
        {
            var unused = a.Balance.Available;
            if (unused > 0) a.Expired += unused;
            a.ExpiredAt = db.UtcNow;
        }
        allocations += ended.Count;
        await db.SaveChangesAsync(ct);

        // Reminders: approved, unclaimed, the deadline within the reminder window (one notice per request and deadline).
        var horizon = today.AddDays(ReminderDays);
        var due = await db.FundRequests.AsNoTracking().Where(r => r.Status == FundStatus.Approved && r.Fund!.ClaimDeadline >= today && r.Fund.ClaimDeadline <= horizon
                && !r.Claims.Any(c => c.Status == FundStatus.Submitted || c.Status == FundStatus.Approved || c.Status == FundStatus.Paid))
            .OrderBy(r => r.Id).Take(500).Select(r => new { r.Id, r.Title, r.PartnershipId, r.Fund!.ClaimDeadline }).ToListAsync(ct);
        foreach (var r in due)
        {
            await notifier.NotifyPartnershipAsync(new Notice("fund.claim.reminder", Trim($"Claim \"{r.Title}\" by {r.ClaimDeadline:yyyy-MM-dd}, or the approved amount expires."),
                    $"fundrequest:{r.Id}:reminder:{r.ClaimDeadline:yyyy-MM-dd}")
                { Link = $"/Portal/Funds/Requests/{r.Id}", PartnershipId = r.PartnershipId, Data = new { requestId = r.Id } }, NoticeAudience.ManagerAndPartnerUsers, ct);
            reminders++;
        }
        await tx.CommitAsync(ct);
        return new ExpiryResult(allocations, requests, claims, reminders);
    }

    async Task ExpireRequestAsync(FundRequest r, CancellationToken ct)
    {
        var a = await db.FundAllocations.FirstAsync(x => x.Id == r.AllocationId, ct);
        var from = r.Status;
        Move(r, FundStatus.Expired, db.UtcNow);
        Return(a, r, from);
    }
}
