using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Agreements;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Agreements;

/// <summary>Create: PartnershipId plus the terms. New version: the terms plus Reason and BaseVersion (the version number you read).</summary>
public sealed record AgreementInput(int? PartnershipId, string? Title, AgreementType? Type, bool? Flexible, DateOnly? StartDate,
    DateOnly? EndDate, string? Currency, List<string>? OwnerIds, AgreementClauses? Clauses, string? Reason = null, int? BaseVersion = null, bool? ReasonShared = null);

public sealed record AgreementQuery(string? Search, AgreementStatus? Status, AgreementType? Type, int? PartnershipId, int? Page, int? PageSize);

public sealed record AgreementSummary(int Id, int PartnershipId, string PartnershipName, string Title, AgreementType Type, bool Flexible,
    AgreementStatus Status, DateOnly StartDate, DateOnly? EndDate, string Currency, int CurrentVersion, DateTime UpdatedAt);

public sealed record UserRef(string Id, string Name);

public sealed record AgreementDto(int Id, int PartnershipId, string PartnershipName, string Title, AgreementType Type, bool Flexible,
    AgreementStatus Status, DateOnly StartDate, DateOnly? EndDate, string Currency, IReadOnlyList<UserRef> Owners,
    int CurrentVersion, int Version, AgreementClauses Clauses, IReadOnlyList<AgreementStatus> AllowedMoves,
    bool CurrentVersionApproved, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<string>? SigningNeeds = null);

/// <summary>A version; <see cref="Reason"/> is null for partner users unless it was shared (<see cref="ReasonShared"/>).</summary>
public sealed record VersionSummary(int Number, string? Reason, string AuthorName, DateTime CreatedAt, bool ReasonShared = false);

public sealed record VersionDto(int AgreementId, int Number, string? Reason, string AuthorName, DateTime CreatedAt, AgreementTerms Terms,
    IReadOnlyList<TermsDiff.FlatClause> Rendered, bool ReasonShared = false);

public sealed record CompareDto(int AgreementId, VersionSummary From, VersionSummary To, IReadOnlyList<ClauseDiff> Clauses)
{
    public int ChangedClauses => Clauses.Count(c => c.Changed);
}

public sealed record ApprovalDto(int Id, int VersionNumber, string UserName, DateTime At, string? Note);

public sealed record AgreementMoveInput(AgreementStatus? To, string? Reason);

public sealed record AgreementTransitionDto(int Id, AgreementStatus From, AgreementStatus To, string Reason, string By, DateTime At);

public sealed record ApproveInput(string? Note);

public sealed record ReviewHeldInput(DateOnly? HeldOn, ReviewOutcome? Outcome, string? Notes, int? Version);

public sealed record ReviewDto(int Id, int AgreementId, string AgreementTitle, int PartnershipId, DateOnly DueOn, ReviewState State,
    DateOnly? HeldOn, string? HeldByName, ReviewOutcome? Outcome, string? Notes, bool Overdue, int Version);

/// <summary>Result of scheduling reviews: how many review rows and owner tasks were added now.</summary>
public sealed record ReviewGeneration(int ReviewsAdded, int ReviewsCancelled, int TasksOpened);

/// <summary>Agreements, their versions, approvals, lifecycle and reviews: the one place they change.</summary>
public sealed class AgreementService(WarmglowDb db, TaskService tasks, Users.UserDirectory people, IEnumerable<Signals.IAgreementCreationRule> creationRules)
{
    public const string ReviewSource = "agreement-review";

    DateOnly Today => DateOnly.FromDateTime(db.UtcNow);

    public async Task<Paged<AgreementSummary>> ListAsync(AgreementQuery q, CancellationToken ct = default)
    {
        await db.RequirePartnershipAsync(q.PartnershipId, ct);
        var query = db.Agreements.AsNoTracking();
        if (FieldRules.Clean(q.Search) is { } search)
        {
            var s = search.ToLower();
            query = query.Where(a => a.Title.ToLower().Contains(s) || a.Partnership!.Name.ToLower().Contains(s));
        }
        if (q.Status is { } status) query = query.Where(a => a.Status == status);
        if (q.Type is { } type) query = query.Where(a => a.Type == type);
        if (q.PartnershipId is { } pid) query = query.Where(a => a.PartnershipId == pid);
        return await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Select(a => new AgreementSummary(a.Id, a.PartnershipId, a.Partnership!.Name, a.Title, a.Type, a.Flexible, a.Status,
                a.StartDate, a.EndDate, a.Currency, a.CurrentVersion, a.UpdatedAt))
            .ToPageAsync(q.Page, q.PageSize, ct);
    }

    public async Task<AgreementDto> GetAsync(int id, CancellationToken ct = default)
    {
        var row = await db.Agreements.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { Agreement = a, PartnershipName = a.Partnership!.Name, Stage = a.Partnership.Stage }).FirstOrDefaultAsync(ct)
            ?? throw new NotFound($"Agreement {id}");
        var a = row.Agreement;
        var terms = await db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && v.Number == a.CurrentVersion)
            .Select(v => v.Terms).FirstOrDefaultAsync(ct) ?? new AgreementTerms();
        // Partner users cannot read approvals (filtered): for them this is simply false.
        var approved = await db.AgreementApprovals.AnyAsync(p => p.AgreementId == id && p.VersionNumber == a.CurrentVersion, ct);
        var names = await NamesAsync(a.OwnerIds, ct);
        return new AgreementDto(a.Id, a.PartnershipId, row.PartnershipName, a.Title, a.Type, a.Flexible, a.Status, a.StartDate, a.EndDate,
            a.Currency, a.OwnerIds.Select(o => new UserRef(o, names.GetValueOrDefault(o, "(former user)"))).ToList(),
            a.CurrentVersion, a.Version, terms.Clauses, AgreementLifecycle.AllowedMoves(a.Status), approved, a.CreatedAt, a.UpdatedAt,
            AgreementLifecycle.AllowedMoves(a.Status).Contains(AgreementStatus.Signed)
                ? AgreementLifecycle.SigningNeeds(row.Stage, approved, a.CurrentVersion) : []);
    }

    /// <summary>Display names of staff users of this workspace, by id.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        return await people.NamesAsync(ids, ct);
    }

    /// <summary>Validates header and clauses, and that owners and review owners are staff of this workspace.</summary>
    async Task<AgreementTerms> ValidateAsync(AgreementInput input, FieldErrors errors, CancellationToken ct)
    {
        var owners = (input.OwnerIds ?? []).Select(FieldRules.Clean).OfType<string>().Distinct().ToList();
        var clauses = (input.Clauses ?? new AgreementClauses()).Normalize();
        var e = AgreementTerms.Validate(input.Title, input.Type, input.StartDate, input.EndDate, input.Currency, owners, clauses);
        foreach (var (field, messages) in e.ToDictionary()) foreach (var m in messages) errors.Add(field, m);
        var wanted = owners.Concat(clauses.Review.OwnerIds).Distinct().ToList();
        if (wanted.Count > 0)
        {
            var staff = await people.StaffAmongAsync(wanted, ct);
            for (var i = 0; i < owners.Count; i++)
                if (!staff.Contains(owners[i])) errors.Add($"ownerIds[{i}]", "is not a staff member of this workspace.");
            for (var i = 0; i < clauses.Review.OwnerIds.Count; i++)
                if (!staff.Contains(clauses.Review.OwnerIds[i])) errors.Add($"clauses.review.ownerIds[{i}]", "is not a staff member of this workspace.");
        }
        return new AgreementTerms
        {
            Title = input.Title?.Trim() ?? "", Type = input.Type ?? default, Flexible = input.Flexible ?? false,
            StartDate = input.StartDate ?? default, EndDate = input.EndDate,
            Currency = Core.Revenue.Currency.Find(input.Currency)?.Code ?? "", OwnerIds = owners, Clauses = clauses,
        };
    }

    static void ApplyHeader(Agreement a, AgreementTerms t)
    {
        a.Title = t.Title;
        a.Type = t.Type;
        a.Flexible = t.Flexible;
        a.StartDate = t.StartDate;
        a.EndDate = t.EndDate;
        a.Currency = t.Currency;
        a.OwnerIds = [.. t.OwnerIds];
    }

    public async Task<Agreement> CreateAsync(AgreementInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (input.PartnershipId is not { } pid) errors.Add("partnershipId", "is required.");
        else if (!await db.Partnerships.AnyAsync(p => p.Id == pid, ct)) errors.Add("partnershipId", $"partnership {pid} was not found.");
        else foreach (var rule in creationRules)
            if (await rule.RefusesAsync(pid, ct) is { } refused) errors.Add("partnershipId", refused);
        errors.Optional("reason", input.Reason, 1000);
        var terms = await ValidateAsync(input, errors, ct);
        ValidationFailed.ThrowIfAny(errors);
        var agreement = new Agreement { PartnershipId = input.PartnershipId!.Value, Title = terms.Title, Currency = terms.Currency, CurrentVersion = 1 };
        ApplyHeader(agreement, terms);
        db.Agreements.Add(agreement);
        db.AgreementVersions.Add(new AgreementVersion
        {
            Agreement = agreement, Number = 1, Reason = FieldRules.Clean(input.Reason) ?? "First draft.", ReasonShared = input.ReasonShared ?? false,
            AuthorId = db.Tenant.UserId, AuthorName = db.Tenant.UserName, CreatedAt = db.UtcNow, Terms = terms,
        });
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    /// <summary>
    /// Changes the terms by adding version n + 1. <see cref="AgreementInput.BaseVersion"/> must be the current version
    /// number (409 otherwise: someone else changed the terms since). A new version needs a new approval before signing.
    /// </summary>
    public async Task<AgreementVersion> ReviseAsync(int id, AgreementInput input, CancellationToken ct = default)
    {
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound($"Agreement {id}");
        var errors = new FieldErrors().Required("reason", input.Reason, 1000);
        if (input.BaseVersion is null) errors.Add("baseVersion", "is required: the version number your change is based on.");
        var terms = await ValidateAsync(input, errors, ct);
        ValidationFailed.ThrowIfAny(errors);
        if (AgreementLifecycle.IsFinal(agreement.Status))
            throw new Conflict($"The agreement is {AgreementLifecycle.Display(agreement.Status).ToLowerInvariant()}; its terms can no longer change.");
        // A fixed agreement in force changes only at review; a flexible one may be amended during the term.
        if (!agreement.Flexible && agreement.Status is AgreementStatus.Signed or AgreementStatus.Active)
            throw new Conflict("This is a fixed agreement in force: its terms change only while it is under review. Move it to 'Under review' first.");
        if (input.BaseVersion != agreement.CurrentVersion)
            throw new Conflict($"Version {agreement.CurrentVersion} was saved after the version {input.BaseVersion} you edited. Open the latest version, then apply your change again.");
        var previous = await db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && v.Number == agreement.CurrentVersion)
            .Select(v => v.Terms).FirstAsync(ct);
        var version = new AgreementVersion
        {
            AgreementId = id, Number = agreement.CurrentVersion + 1, Reason = input.Reason!.Trim(), ReasonShared = input.ReasonShared ?? false,
            AuthorId = db.Tenant.UserId, AuthorName = db.Tenant.UserName, CreatedAt = db.UtcNow, Terms = terms,
        };
        ApplyHeader(agreement, terms);
        agreement.CurrentVersion = version.Number;
        db.AgreementVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new Conflict("Someone else saved a new version at the same time. Open the latest version, then apply your change again.");
        }
        var scheduleChanged = previous.StartDate != terms.StartDate || previous.EndDate != terms.EndDate
            || previous.Clauses.Review.Cadence != terms.Clauses.Review.Cadence
            || !previous.Clauses.Review.OwnerIds.SequenceEqual(terms.Clauses.Review.OwnerIds);
        if (scheduleChanged && AgreementLifecycle.IsInForce(agreement.Status)) await GenerateReviewsAsync(id, ct);
        return version;
    }

    public async Task<IReadOnlyList<VersionSummary>> VersionsAsync(int id, CancellationToken ct = default)
    {
        await RequireAsync(id, ct);
        var versions = await db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == id).OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Reason, v.AuthorName, v.CreatedAt, v.ReasonShared)).ToListAsync(ct);
        return versions.Select(Visible).ToList();
    }

    public async Task<VersionDto> VersionAsync(int id, int? number, CancellationToken ct = default)
    {
        if (number is null) throw ValidationFailed.For("number", "is required: the version number to show.");
        await RequireAsync(id, ct);
        var v = await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.AgreementId == id && v.Number == number, ct)
            ?? throw new NotFound($"Version {number} of agreement {id}");
        var names = await NamesAsync(v.Terms.OwnerIds.Concat(v.Terms.Clauses.Review.OwnerIds), ct);
        return new(id, v.Number, PartnerView && !v.ReasonShared ? null : v.Reason, v.AuthorName, v.CreatedAt, v.Terms,
            TermsDiff.Flatten(v.Terms, u => names.GetValueOrDefault(u, u)), v.ReasonShared);
    }

    public async Task<CompareDto> CompareAsync(int id, int? from, int? to, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (from is null) errors.Add("from", "is required: the earlier version number.");
        if (to is null) errors.Add("to", "is required: the later version number.");
        ValidationFailed.ThrowIfAny(errors);
        await RequireAsync(id, ct);
        var rows = await db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && (v.Number == from || v.Number == to)).ToListAsync(ct);
        var a = rows.FirstOrDefault(v => v.Number == from) ?? throw new NotFound($"Version {from} of agreement {id}");
        var b = rows.FirstOrDefault(v => v.Number == to) ?? throw new NotFound($"Version {to} of agreement {id}");
        var names = await NamesAsync(rows.SelectMany(r => r.Terms.OwnerIds.Concat(r.Terms.Clauses.Review.OwnerIds)), ct);
        return new(id, Summary(a), Summary(b), TermsDiff.Compare(a.Terms, b.Terms, u => names.GetValueOrDefault(u, u)));
    }

    VersionSummary Summary(AgreementVersion v) => Visible(new(v.Number, v.Reason, v.AuthorName, v.CreatedAt, v.ReasonShared));

    /// <summary>Partner users read a version's reason only when it was shared with them.</summary>
    bool PartnerView => db.Tenant.PartnerId is not null;
    VersionSummary Visible(VersionSummary v) => PartnerView && !v.ReasonShared ? v with { Reason = null } : v;

    async Task RequireAsync(int id, CancellationToken ct)
    {
        if (!await db.Agreements.AnyAsync(a => a.Id == id, ct)) throw new NotFound($"Agreement {id}");
    }

    public async Task<IReadOnlyList<ApprovalDto>> ApprovalsAsync(int id, CancellationToken ct = default)
    {
        await RequireAsync(id, ct);
        return await db.AgreementApprovals.AsNoTracking().Where(a => a.AgreementId == id).OrderByDescending(a => a.At)
            .Select(a => new ApprovalDto(a.Id, a.VersionNumber, a.UserName, a.At, a.Note)).ToListAsync(ct);
    }

    /// <summary>The caller (an approver) approves the current version.</summary>
    public async Task<ApprovalDto> ApproveAsync(int id, ApproveInput input, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(new FieldErrors().Optional("note", input.Note, 1000));
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound($"Agreement {id}");
        if (AgreementLifecycle.IsFinal(agreement.Status)) throw new Conflict("A closed agreement cannot be approved.");
        if (await db.AgreementApprovals.AnyAsync(a => a.AgreementId == id && a.VersionNumber == agreement.CurrentVersion && a.UserId == db.Tenant.UserId, ct))
            throw new Conflict($"You already approved version {agreement.CurrentVersion}.");
        var approval = new AgreementApproval
        {
            AgreementId = id, VersionNumber = agreement.CurrentVersion, UserId = db.Tenant.UserId, UserName = db.Tenant.UserName,
            At = db.UtcNow, Note = FieldRules.Clean(input.Note),
        };
        db.AgreementApprovals.Add(approval);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new Conflict($"You already approved version {agreement.CurrentVersion}.");
        }
        return new(approval.Id, approval.VersionNumber, approval.UserName, approval.At, approval.Note);
    }

    public async Task<IReadOnlyList<AgreementTransitionDto>> TransitionsAsync(int id, CancellationToken ct = default)
    {
        await RequireAsync(id, ct);
        return await db.AgreementTransitions.AsNoTracking().Where(t => t.AgreementId == id).OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Select(t => new AgreementTransitionDto(t.Id, t.FromStatus, t.ToStatus, t.Reason, t.ByUserName, t.At)).ToListAsync(ct);
    }

    /// <summary>Moves the status; signing needs an approval of the current version. Signing or activating schedules reviews.</summary>
    public async Task<AgreementTransitionDto> MoveAsync(int id, AgreementMoveInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Required("reason", input.Reason, 1000);
        if (input.To is null) errors.Add("to", $"Choose the status to move to: {string.Join(", ", Enum.GetValues<AgreementStatus>().Select(AgreementLifecycle.Display))}.");
        ValidationFailed.ThrowIfAny(errors);
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound($"Agreement {id}");
        var check = AgreementLifecycle.Check(agreement.Status, input.To!.Value);
        if (!check.IsAllowed) throw ValidationFailed.For("to", check.Error!);
        if (input.To == AgreementStatus.Signed)
        {
            var stage = await db.Partnerships.Where(p => p.Id == agreement.PartnershipId).Select(p => p.Stage).FirstAsync(ct);
            var approved = await db.AgreementApprovals.AnyAsync(a => a.AgreementId == id && a.VersionNumber == agreement.CurrentVersion, ct);
            var needs = AgreementLifecycle.SigningNeeds(stage, approved, agreement.CurrentVersion);
            if (needs.Count > 0) throw ValidationFailed.For("to", "Signing needs: " + string.Join(" ", needs));
        }
        var t = new AgreementTransition
        {
            AgreementId = id, FromStatus = agreement.Status, ToStatus = input.To.Value, Reason = input.Reason!.Trim(),
            ByUserId = db.Tenant.UserId, ByUserName = db.Tenant.UserName, At = db.UtcNow,
        };
        agreement.Status = input.To.Value;
        db.AgreementTransitions.Add(t);
        await db.SaveChangesAsync(ct);
        // Reviews follow whether the agreement is in force: scheduled on signing, cancelled (future ones) when it ends.
        await GenerateReviewsAsync(id, ct);
        return new(t.Id, t.FromStatus, t.ToStatus, t.Reason, t.ByUserName, t.At);
    }

    /// <summary>
    /// Brings the review rows in line with the current review clause and opens one task per review and owner (once:
    /// source key "agreement-review:{reviewId}:{userId}"). Reviews are due every cadence period from the start date,
    /// from today on, up to the end date (open-ended: the next four). Future scheduled reviews that no longer fit are
    /// cancelled and their open tasks closed. Safe to call any number of times.
    /// </summary>
    public async Task<ReviewGeneration> GenerateReviewsAsync(int id, CancellationToken ct = default) =>
        await GenerateReviewsAsync(id, Today, ct);

    internal async Task<ReviewGeneration> GenerateReviewsAsync(int id, DateOnly from, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound($"Agreement {id}");
        var terms = await db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && v.Number == agreement.CurrentVersion)
            .Select(v => v.Terms).FirstOrDefaultAsync(ct)
            ?? throw new Conflict("This agreement has no recorded version yet, so there is no review clause to schedule reviews from. Save the agreement first.");
        var review = terms.Clauses.Review;
        var wanted = review.Cadence is { } cadence && AgreementLifecycle.IsInForce(agreement.Status)
            ? ReviewSchedule.DueDates(agreement.StartDate, agreement.EndDate, cadence, from).ToHashSet()
            : [];
        var existing = await db.AgreementReviews.Where(r => r.AgreementId == id).ToListAsync(ct);
        int added = 0, cancelled = 0;
        foreach (var r in existing)
        {
            if (r.State == ReviewState.Scheduled && r.DueOn >= from && !wanted.Contains(r.DueOn)) { r.State = ReviewState.Cancelled; cancelled++; }
            else if (r.State == ReviewState.Cancelled && wanted.Contains(r.DueOn)) { r.State = ReviewState.Scheduled; added++; }
        }
        foreach (var due in wanted.Where(d => existing.All(r => r.DueOn != d)).Order())
        {
            db.AgreementReviews.Add(new AgreementReview { AgreementId = id, PartnershipId = agreement.PartnershipId, DueOn = due });
            added++;
        }
        await db.SaveChangesAsync(ct);
        var cancelledIds = existing.Where(r => r.State == ReviewState.Cancelled).Select(r => r.Id).ToList();
        if (cancelledIds.Count > 0) await CloseTasksAsync(agreement.PartnershipId, cancelledIds, ct);

        // One query for the tasks that already exist, then open only the missing ones.
        var scheduled = await db.AgreementReviews.AsNoTracking().Where(r => r.AgreementId == id && r.State == ReviewState.Scheduled)
            .Select(r => new { r.Id, r.DueOn }).ToListAsync(ct);
        var prefix = $"{ReviewSource}:";
        var keys = scheduled.SelectMany(r => review.OwnerIds.Select(u => (Review: r, User: u, Key: $"{prefix}{r.Id}:{u}"))).ToList();
        var ids = scheduled.Select(r => r.Id).ToList();
        var allKeys = keys.Select(k => k.Key).ToList();
        var have = allKeys.Count == 0 ? [] : (await db.Tasks.AsNoTracking().Where(t => allKeys.Contains(t.SourceKey)).Select(t => t.SourceKey).ToListAsync(ct)).ToHashSet();
        var opened = 0;
        foreach (var k in keys.Where(k => !have.Contains(k.Key)))
        {
            var (_, isNew) = await tasks.OpenOnceAsync(new WorkTask
            {
                PartnershipId = agreement.PartnershipId, Title = $"Hold the review of '{agreement.Title}'",
                Details = $"Review due {k.Review.DueOn:yyyy-MM-dd}. Metrics: {(review.Metrics.Count == 0 ? "see the agreement" : string.Join("; ", review.Metrics))}.",
                AssigneeId = k.User, DueOn = k.Review.DueOn, Source = ReviewSource, SourceKey = k.Key,
                Link = $"/Agreements/Details/{id}#reviews",
            }, ct);
            if (isNew) opened++;
        }
        return new(added, cancelled, opened);
    }

    /// <summary>Marks done the open tasks of these reviews (all of one partnership), in one query whatever their number.</summary>
    async Task CloseTasksAsync(int partnershipId, IReadOnlyList<int> reviewIds, CancellationToken ct)
    {
        var now = db.UtcNow;
        var prefixes = reviewIds.Select(id => $"{ReviewSource}:{id}:").ToList();
        var open = await db.Tasks.Where(t => t.PartnershipId == partnershipId && t.Source == ReviewSource && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        foreach (var t in open.Where(t => prefixes.Any(p => t.SourceKey.StartsWith(p, StringComparison.Ordinal))))
        {
            t.Status = WorkTaskStatus.Done;
            t.DoneAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    static IQueryable<ReviewDto> Project(IQueryable<AgreementReview> q, DateOnly today) =>
        q.Select(r => new ReviewDto(r.Id, r.AgreementId, r.Agreement!.Title, r.PartnershipId, r.DueOn, r.State, r.HeldOn, r.HeldByName,
            r.Outcome, r.Notes, r.State == ReviewState.Scheduled && r.DueOn < today, r.Version));

    public async Task<IReadOnlyList<ReviewDto>> ReviewsAsync(int id, CancellationToken ct = default)
    {
        await RequireAsync(id, ct);
        return await Project(db.AgreementReviews.AsNoTracking().Where(r => r.AgreementId == id && r.State != ReviewState.Cancelled)
            .OrderBy(r => r.DueOn), Today).ToListAsync(ct);
    }

    /// <summary>Scheduled reviews past their due date, oldest first, across the workspace.</summary>
    public Task<Paged<ReviewDto>> OverdueAsync(int? page, int? pageSize, CancellationToken ct = default)
    {
        var today = Today;
        return Project(db.AgreementReviews.AsNoTracking().Where(r => r.State == ReviewState.Scheduled && r.DueOn < today)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id), today).ToPageAsync(page, pageSize, ct);
    }

    /// <summary>Records a review as held; completes the owners' tasks for it.</summary>
    public async Task<ReviewDto> RecordHeldAsync(int id, int reviewId, ReviewHeldInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors().Optional("notes", input.Notes, 4000);
        if (input.Outcome is null) errors.Add("outcome", $"is required; one of: {string.Join(", ", Enum.GetNames<ReviewOutcome>())}.");
        if (input.HeldOn is { } h && h > Today) errors.Add("heldOn", "must not be in the future.");
        if (input.Version is null) errors.Add("version", "is required: send the version you read, so that concurrent edits are detected.");
        ValidationFailed.ThrowIfAny(errors);
        var review = await db.AgreementReviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.AgreementId == id, ct)
            ?? throw new NotFound($"Review {reviewId} of agreement {id}");
        if (review.State != ReviewState.Scheduled) throw new Conflict($"This review is already {review.State.ToString().ToLowerInvariant()}.");
        Partners.PartnerService.ExpectVersion(db, review, input.Version!.Value);
        review.State = ReviewState.Held;
        review.HeldOn = input.HeldOn ?? Today;
        review.HeldAt = db.UtcNow;
        review.HeldByName = db.Tenant.UserName;
        review.Outcome = input.Outcome;
        review.Notes = FieldRules.Clean(input.Notes);
        await db.SaveChangesAsync(ct);
        await CloseTasksAsync(review.PartnershipId, [review.Id], ct);
        return await Project(db.AgreementReviews.AsNoTracking().Where(r => r.Id == review.Id), Today).FirstAsync(ct);
    }
}
