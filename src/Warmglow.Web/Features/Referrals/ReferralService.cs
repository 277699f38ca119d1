using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Csv;
using Warmglow.Core.Matching;
using Warmglow.Core.Referrals;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Referrals;

/// <summary>Who is asking: a partner user (their own partner's registrations only) or staff, who write only as managers.</summary>
public sealed record ReferralCaller(bool IsPartner, bool CanManage)
{
    public RegistrationActor Actor => IsPartner ? RegistrationActor.Partner : RegistrationActor.Staff;

    public static ReferralCaller From(ClaimsPrincipal user) =>
        new(user.IsInRole(Roles.Partner), user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager));
}

public sealed record RegisterInput(int? PartnershipId, int? PartnerId, RegistrationKind? Kind, string? CompanyName, string? Website,
    string? Country, string? ContactName, string? ContactEmail, string? ContactTitle, decimal? Amount, string? Currency,
    DateOnly? ExpectedCloseOn, string? Interests, string? Notes, string? InternalNotes)
{
    public RegistrationFields Fields => new(CompanyName, Website, Country, ContactName, ContactEmail, ContactTitle, Amount, Currency,
        ExpectedCloseOn, Interests, Notes);
}

/// <summary>A stage move; partners may also change their deal's amount with it.</summary>
public sealed record MoveInput(RegistrationStage? Stage, decimal? Amount, int? Version);

/// <summary>A review decision: approve (protected), approve as influence only, reject or reject as duplicate; a reason for rejections and conflicts.</summary>
public sealed record DecideInput(ReviewOutcome? Outcome, string? Reason, int? Version);

public sealed record ExtendInput(string? Reason, int? Version);

public sealed record VersionInput(int? Version);

/// <summary>Which agreement's ledger records an approved win.</summary>
public sealed record PostRevenueInput(int? AgreementId);

public sealed record InternalNotesInput(string? InternalNotes, int? Version);

public sealed record CreditInput(int PartnerId, CreditKind? Kind, decimal? SharePercent);

public sealed record CreditsInput(IReadOnlyList<CreditInput>? Credits, int? Version);

public sealed record SettingsInput(int? ProtectionDays, int? ReviewSlaBusinessDays, int? Version);

public sealed record SettingsDto(int? ProtectionDays, int ReviewSlaBusinessDays, int Version);

public sealed record RegistrationQuery(int? PartnershipId = null, RegistrationStage? Stage = null, RegistrationKind? Kind = null,
    bool AwaitingReview = false, string? Search = null, int? Page = null, int? PageSize = null);

public sealed record RegistrationRow(int Id, int PartnershipId, string PartnershipName, int PartnerId, string PartnerName, RegistrationKind Kind,
    string KindName, RegistrationStage Stage, string StageName, string CompanyName, string? Domain, decimal? Amount, string? Currency,
    DateOnly? ExpectedCloseOn, DateTime SubmittedAt, DateTime? ProtectedUntil, bool ConflictOpen, bool WinApproved);

public sealed record CreditDto(int PartnerId, string PartnerName, CreditKind Kind, string KindName, decimal SharePercent);

/// <summary>
/// One registration. For partner users: <see cref="InternalNotes"/> is null and a conflict shows only as
/// <see cref="ConflictOpen"/> ("already registered, under review"), never whose or what.
/// </summary>
public sealed record RegistrationDto(int Id, int PartnershipId, string PartnershipName, int PartnerId, string PartnerName,
    RegistrationKind Kind, string KindName, RegistrationStage Stage, string StageName, string CompanyName, string Website, string? Domain,
    string? Country, string? ContactName, string? ContactEmail, string? ContactTitle, decimal? Amount, string? Currency, DateOnly? ExpectedCloseOn,
    string? Interests, string? Notes, string? InternalNotes, DateTime SubmittedAt, string SubmittedBy, DateTime? DecidedAt, string? DecidedBy,
    string? RejectionReason, bool InfluenceOnly, DateTime? ProtectedUntil, bool ProtectionExtended, string? ProtectionExtensionReason,
    bool ConflictOpen, string? ConflictNotice, DateTime? WinApprovedAt, bool WinAwaitingApproval, DateOnly ReviewDueOn,
    IReadOnlyList<RegistrationStage> Moves, IReadOnlyList<CreditDto> Credits, int Version, int? RevenueEventId = null, int? RevenueAgreementId = null);

/// <summary>The other side of a conflict, side by side with the registration under review (staff only).</summary>
/// <summary>
/// The other side of a conflict, side by side with the registration under review (staff only): another registration
/// (<see cref="OtherId"/>), or one of our own CRM accounts (<see cref="OurAccount"/> says which list; no partner, stage or id).
/// </summary>
public sealed record ConflictDto(int Id, int? OtherId, string? OtherPartnerName, string? OtherPartnershipName, string? OtherCompanyName,
    string? OtherDomain, string? OtherCountry, string? OtherStageName, DateTime? OtherSubmittedAt, DateTime? OtherProtectedUntil,
    string Strength, bool Hard, bool SamePartner, string Explanation, ReviewOutcome? Decision, string? DecisionName, string? Reason,
    DateTime? DecidedAt, string? DecidedBy, string? OurAccount = null, decimal? NameScore = null);

/// <summary>Deal registration: registering, conflict detection and decisions, stage moves, protection, credit, settings and export.</summary>
public sealed class ReferralService(WarmglowDb db, TaskService tasks, INotifier notifier, UserDirectory directory, OurAccountsService ours,
    Signals.IRevenuePosting revenue)
{
    public const string ReviewTaskSource = "referral-review";
    const int CandidateLimit = 25;

    // --- settings ------------------------------------------------------------------------------------

    public async Task<SettingsDto> SettingsAsync(CancellationToken ct = default)
    {
        var s = await db.ReferralSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        return s is null ? new(RegistrationRules.DefaultProtectionDays, RegistrationRules.DefaultReviewSlaBusinessDays, 0)
            : new(s.ProtectionDays, s.ReviewSlaBusinessDays, s.Version);
    }

    /// <summary>Saves the protection window (30/60/90/120 days, or none) and the review SLA (1–20 business days); version 0 the first time.</summary>
    public async Task<SettingsDto> SaveSettingsAsync(SettingsInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (input.ProtectionDays is { } d && !RegistrationRules.ProtectionChoices.Contains(d))
            errors.Add("protectionDays", "must be 30, 60, 90 or 120 days, or empty for no protection.");
        if (input.ReviewSlaBusinessDays is not (>= 1 and <= 20)) errors.Add("reviewSlaBusinessDays", "is required: 1 to 20 business days.");
        ValidationFailed.ThrowIfAny(errors);
        var version = PartnersApi.RequireVersion(input.Version);
        var s = await db.ReferralSettings.FirstOrDefaultAsync(ct);
        if (s is null)
        {
            if (version != 0) throw new Conflict("These settings were removed. Reload the page and save again.");
            s = new ReferralSettings();
            db.ReferralSettings.Add(s);
        }
        else PartnerService.ExpectVersion(db, s, version);
        s.ProtectionDays = input.ProtectionDays;
        s.ReviewSlaBusinessDays = input.ReviewSlaBusinessDays!.Value;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw new Conflict("Someone saved these settings at the same time. Reload the page and save again."); }
        return await SettingsAsync(ct);
    }

    // --- reading -------------------------------------------------------------------------------------

    public Task<Paged<RegistrationRow>> ListAsync(RegistrationQuery q, CancellationToken ct = default)
    {
        var query = Filter(db.Registrations.AsNoTracking(), q);
        return query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Select(r => new RegistrationRow(r.Id, r.PartnershipId, r.Partnership!.Name, r.PartnerId, r.Partner!.Name, r.Kind,
                r.Kind == RegistrationKind.Lead ? "Lead" : "Deal", r.Stage, "", r.CompanyName, r.Domain, r.Amount, r.Currency, r.ExpectedCloseOn,
                r.SubmittedAt, r.ProtectedUntil, r.ConflictOpen, r.WinApprovedAt != null))
            .ToPageAsync(q.Page, q.PageSize, ct)
            .ContinueWith(t => t.Result with { Items = t.Result.Items.Select(i => i with { StageName = RegistrationRules.Describe(i.Stage) }).ToList() }, ct);
    }

    static IQueryable<Registration> Filter(IQueryable<Registration> query, RegistrationQuery q)
    {
        if (q.PartnershipId is { } pid) query = query.Where(r => r.PartnershipId == pid);
        if (q.Stage is { } s) query = query.Where(r => r.Stage == s);
        if (q.Kind is { } k) query = query.Where(r => r.Kind == k);
        if (q.AwaitingReview) query = query.Where(r => r.Stage == RegistrationStage.Submitted || r.Stage == RegistrationStage.UnderReview);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLowerInvariant();
            query = query.Where(r => r.CompanyName.ToLower().Contains(term) || (r.Domain != null && r.Domain.Contains(term)));
        }
        return query;
    }

    async Task<Registration> FindAsync(int id, CancellationToken ct) =>
        await db.Registrations.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFound("Registration");

    public async Task<RegistrationDto> GetAsync(int id, ReferralCaller caller, CancellationToken ct = default)
    {
        var r = await db.Registrations.AsNoTracking().Include(r => r.Partnership).Include(r => r.Partner).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFound("Registration");
        var credits = caller.IsPartner ? [] : await db.RegistrationCredits.AsNoTracking().Where(c => c.RegistrationId == id)
            .OrderByDescending(c => c.SharePercent).Select(c => new { c.PartnerId, c.Partner!.Name, c.Kind, c.SharePercent }).ToListAsync(ct);
        var settings = await SettingsAsync(ct);
        return new RegistrationDto(r.Id, r.PartnershipId, r.Partnership!.Name, r.PartnerId, r.Partner!.Name, r.Kind, RegistrationRules.Describe(r.Kind),
            r.Stage, RegistrationRules.Describe(r.Stage), r.CompanyName, r.Website, r.Domain, r.Country, r.ContactName, r.ContactEmail, r.ContactTitle,
            r.Amount, r.Currency, r.ExpectedCloseOn, r.Interests, r.Notes, caller.IsPartner ? null : r.InternalNotes, r.SubmittedAt,
            caller.IsPartner && !r.SubmittedByPartner ? "Our team" : r.SubmittedByName, r.DecidedAt, caller.IsPartner ? null : r.DecidedByName,
            r.RejectionReason, r.InfluenceOnly, r.ProtectedUntil, r.ProtectionExtendedAt is not null, caller.IsPartner ? null : r.ProtectionExtensionReason,
            r.ConflictOpen, r.ConflictOpen ? "This company is already registered; our team is reviewing the registrations and will decide." : null,
            r.WinApprovedAt, r.Stage == RegistrationStage.Won && r.WinApprovedAt is null,
            RegistrationRules.ReviewDue(r.SubmittedAt, settings.ReviewSlaBusinessDays),
            caller.IsPartner || caller.CanManage ? RegistrationRules.Moves(r.Kind, r.Stage, caller.Actor) : [],
            credits.Select(c => new CreditDto(c.PartnerId, c.Name, c.Kind, RegistrationRules.Describe(c.Kind), c.SharePercent)).ToList(),
            r.Version, caller.IsPartner ? null : r.RevenueEventId, caller.IsPartner ? null : r.RevenueAgreementId);
    }

    // --- registering ---------------------------------------------------------------------------------

    /// <summary>
    /// Registers a lead or deal for a partnership: a partner user for their own partner, a manager for a member partner
    /// (the lead partner when none is named). Conflicts are looked for right after the row is committed, so two
    /// registrations of one company arriving at the same moment each find the other.
    /// </summary>
    public async Task<RegistrationDto> RegisterAsync(RegisterInput input, ReferralCaller caller, CancellationToken ct = default)
    {
        if (!caller.IsPartner && !caller.CanManage) throw new Forbidden("Only managers (or the partner's own people) register leads and deals.");
        var errors = RegistrationRules.Validate(input.Fields, DateOnly.FromDateTime(db.UtcNow));
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) { errors.Add("kind", "is required: lead (a referral we work) or deal (one the partner works with us)."); kind = default; }
        if (!caller.IsPartner) errors.Optional("internalNotes", input.InternalNotes, 4000);
        int partnerId = 0;
        if (input.PartnershipId is not { } partnershipId) errors.Add("partnershipId", "is required: the partnership the registration belongs to.");
        else
        {
            // Partner users see only their own partnerships, so someone else's is "not one of yours" (and nothing about it is told).
            var members = await db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == partnershipId)
                .Select(m => new { m.PartnerId, m.IsLead }).ToListAsync(ct);
            var visible = await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct);
            if (!visible || members.Count == 0) errors.Add("partnershipId", caller.IsPartner ? "is not one of your partnerships." : "is not a partnership of this workspace.");
            else if (caller.IsPartner)
            {
                partnerId = db.Tenant.PartnerId!.Value;
                if (!members.Any(m => m.PartnerId == partnerId)) errors.Add("partnershipId", "is not one of your partnerships.");
            }
            else if (input.PartnerId is { } named)
            {
                if (!members.Any(m => m.PartnerId == named)) errors.Add("partnerId", "is not a member of this partnership.");
                partnerId = named;
            }
            else partnerId = members.OrderByDescending(m => m.IsLead).First().PartnerId;
        }
        ValidationFailed.ThrowIfAny(errors);

        var f = input.Fields;
        var r = new Registration
        {
            PartnershipId = input.PartnershipId!.Value, PartnerId = partnerId, Kind = kind, Stage = RegistrationStage.Submitted,
            CompanyName = f.CompanyName!.Trim(), Website = f.Website!.Trim(), Country = FieldRules.Clean(f.Country),
            ContactName = FieldRules.Clean(f.ContactName), ContactEmail = FieldRules.Clean(f.ContactEmail), ContactTitle = FieldRules.Clean(f.ContactTitle),
            Amount = f.Amount, Currency = f.Amount is null ? FieldRules.Clean(f.Currency)?.ToUpperInvariant() : f.Currency!.Trim().ToUpperInvariant(),
            ExpectedCloseOn = f.ExpectedCloseOn, Interests = FieldRules.Clean(f.Interests), Notes = FieldRules.Clean(f.Notes),
            InternalNotes = caller.IsPartner ? null : FieldRules.Clean(input.InternalNotes),
            SubmittedAt = db.UtcNow, SubmittedById = db.Tenant.UserId, SubmittedByName = db.Tenant.UserName, SubmittedByPartner = caller.IsPartner,
            NameKey = "", Version = 1,
        };
        r.SetKeys();
        if (r.Domain is not null) r.SetKeys(await ours.GroupOfAsync(r.Domain, ct));
        db.Registrations.Add(r);
        await db.SaveChangesAsync(ct);
        await using (var uow = await db.BeginOrJoinTransactionAsync(ct))
        {
            await DetectConflictsAsync(r, ct);
            var partner = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.Name).FirstAsync(ct);
            await notifier.NotifyPartnershipAsync(new Notice("referral.submitted",
                $"{partner} registered {r.CompanyName} ({RegistrationRules.Describe(kind).ToLowerInvariant()}){(r.ConflictOpen ? "; it matches another registration" : "")}: review it.",
                $"referral.submitted:{r.Id}") { Link = $"/Referrals/Details/{r.Id}", PartnershipId = r.PartnershipId, Data = new { registrationId = r.Id } },
                NoticeAudience.Manager, ct);
            await uow.CommitAsync(ct);
        }
        return await GetAsync(r.Id, caller, ct);
    }

    /// <summary>
    /// Finds the registrations <paramref name="r"/> matches, in one SQL query on the indexed keys (the same domain or alias
    /// group, the same name key in the same country, or the same name block in the same country for the fuzzy score), then
    /// lets Core's matcher judge and explain each of the few candidates; and our own CRM accounts (customers, open
    /// opportunities) on the same keys, a domain match with one being hard. Withdrawn outcomes (rejected, lost, expired) are
    /// not candidates; a won one is (the company is a customer already).
    /// </summary>
    internal async Task DetectConflictsAsync(Registration r, CancellationToken ct)
    {
        var domain = r.Domain;
        var group = r.DomainGroup;
        var name = r.NameKey;
        var block = r.NameBlock;
        var block2 = r.SecondNameBlock;
        var country = r.CountryKey;
        var now = db.UtcNow;
        var candidates = await db.Registrations.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
            .Where(o => o.Id != r.Id && o.Stage != RegistrationStage.Rejected && o.Stage != RegistrationStage.Lost && o.Stage != RegistrationStage.Expired)
            .Where(o => (domain != null && (o.Domain == domain || o.DomainGroup == group))
                || (country != null && o.CountryKey == country && ((name != "" && o.NameKey == name) || (block != "" && o.NameBlock == block) || (block2 != "" && o.SecondNameBlock == block2))))
            .OrderByDescending(o => domain != null && (o.Domain == domain || o.DomainGroup == group)).ThenByDescending(o => o.Id).Take(CandidateLimit)
            .Select(o => new { o.Id, o.PartnerId, o.Stage, o.ProtectedUntil, o.Domain, o.DomainGroup, o.NameKey, o.CountryKey })
            .ToListAsync(ct);
        var probe = r.Key;
        var found = candidates.Select(c => (c, Result: AccountMatcher.MatchForConflicts(probe, new AccountKey(c.Domain, c.NameKey, c.CountryKey) { Group = c.DomainGroup })))
            .Where(m => m.Result.IsMatch).OrderByDescending(m => m.Result.Strength).ToList();
        var accounts = await db.CrmAccounts.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
            .Where(a => (domain != null && (a.Domain == domain || a.DomainGroup == group)) || (name != "" && country != null && a.NameKey == name && a.CountryKey == country))
            .OrderBy(a => a.Kind).ThenBy(a => a.Id).Take(CandidateLimit)
            .Select(a => new { a.Kind, a.Name, a.Domain, a.DomainGroup, a.NameKey, a.CountryKey })
            .ToListAsync(ct);
        var ourMatches = accounts.Select(a => (a, Result: AccountMatcher.Match(probe, new AccountKey(a.Domain, a.NameKey, a.CountryKey) { Group = a.DomainGroup })))
            .Where(m => m.Result.IsMatch).DistinctBy(m => (m.a.Kind, m.a.Domain ?? m.a.NameKey)).Take(5).ToList();
        if (found.Count == 0 && ourMatches.Count == 0) return;
        static string Cap(string s) => s.Length > 500 ? s[..500] : s;
        foreach (var (c, result) in found)
        {
            var same = c.PartnerId == r.PartnerId;
            var explanation = same ? $"{result.Explanation} Registered earlier by the same partner." : result.Explanation;
            db.RegistrationConflicts.Add(new RegistrationConflict
            {
                RegistrationId = r.Id, OtherRegistrationId = c.Id, Strength = result.Strength, SamePartner = same,
                Hard = RegistrationRules.IsHard(result.Strength, same, c.Stage, c.ProtectedUntil, now),
                NameScore = result.NameScore is { } score ? (decimal)score : null,
                Explanation = Cap(explanation), FoundAt = now,
            });
        }
        foreach (var (a, result) in ourMatches)
        {
            var which = a.Kind == CrmAccountKind.Customer ? "An existing customer of ours" : "An open opportunity of ours";
            db.RegistrationConflicts.Add(new RegistrationConflict
            {
                RegistrationId = r.Id, OurAccountKind = a.Kind, OurAccountName = a.Name, OurAccountDomain = a.Domain, Strength = result.Strength,
                Hard = result.Strength == MatchStrength.Domain,
                Explanation = Cap($"{which} in the CRM: {a.Name ?? a.Domain}. {result.Explanation}"), FoundAt = now,
            });
        }
        var row = await db.Registrations.FirstAsync(x => x.Id == r.Id, ct);
        row.ConflictOpen = true;
        row.Stage = RegistrationStage.UnderReview;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ConflictDto>> ConflictsAsync(int id, CancellationToken ct = default)
    {
        if (!await db.Registrations.AnyAsync(r => r.Id == id, ct)) throw new NotFound("Registration");
        var rows = await db.RegistrationConflicts.AsNoTracking().Where(c => c.RegistrationId == id).OrderByDescending(c => c.Hard).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.OtherRegistrationId, Partner = c.OtherRegistration!.Partner!.Name, Partnership = c.OtherRegistration.Partnership!.Name,
                CompanyName = (string?)c.OtherRegistration.CompanyName, Domain = c.OtherRegistration.Domain, Country = c.OtherRegistration.Country,
                Stage = (RegistrationStage?)c.OtherRegistration.Stage, SubmittedAt = (DateTime?)c.OtherRegistration.SubmittedAt, ProtectedUntil = c.OtherRegistration.ProtectedUntil,
                c.OurAccountKind, c.OurAccountName, c.OurAccountDomain, c.NameScore,
                c.Strength, c.Hard, c.SamePartner, c.Explanation, c.Decision, c.Reason, c.DecidedAt, c.DecidedByName,
            }).ToListAsync(ct);
        return rows.Select(c => c.OtherRegistrationId is null
            ? new ConflictDto(c.Id, null, null, null, c.OurAccountName, c.OurAccountDomain, null, null, null, null,
                c.Strength == MatchStrength.Domain ? "Same web domain as our account" : "Same name and country as our account", c.Hard, false, c.Explanation,
                c.Decision, c.Decision is { } d1 ? RegistrationRules.Describe(d1) : null, c.Reason, c.DecidedAt, c.DecidedByName,
                c.OurAccountKind is { } k ? OurAccountsService.Describe(k) : null)
            : new ConflictDto(c.Id, c.OtherRegistrationId, c.Partner, c.Partnership, c.CompanyName, c.Domain, c.Country,
                c.Stage is { } st ? RegistrationRules.Describe(st) : null, c.SubmittedAt, c.ProtectedUntil,
                c.NameScore is { } ns ? $"Similar name (name score {ns.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})"
                    : c.Strength == MatchStrength.Domain ? (c.Explanation.Contains(" is an alias of ", StringComparison.Ordinal) ? "Alias domain" : "Same web domain") : "Same name and country",
                c.Hard, c.SamePartner, c.Explanation,
                c.Decision, c.Decision is { } d ? RegistrationRules.Describe(d) : null, c.Reason, c.DecidedAt, c.DecidedByName, null, c.NameScore)).ToList();
    }

    // --- review --------------------------------------------------------------------------------------

    /// <summary>
    /// Decides a registration. Approve protects it for the workspace's window, unless another partner already holds
    /// live protection on the same domain (then: influence only or reject as duplicate). Every open conflict records
    /// the decision and its reason. The review task, if one was opened, is closed.
    /// </summary>
    public async Task<RegistrationDto> DecideAsync(int id, DecideInput input, ReferralCaller caller, CancellationToken ct = default)
    {
        if (!caller.CanManage) throw new Forbidden("Only managers decide registrations.");
        var r = await FindAsync(id, ct);
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
            throw ValidationFailed.For("outcome", "is required: approve, influence only, reject or reject as duplicate.");
        var version = PartnersApi.RequireVersion(input.Version);
        if (input.Reason is { Length: > 2000 }) throw ValidationFailed.For("reason", "must be at most 2000 characters.");
        var conflicts = await db.RegistrationConflicts.Where(c => c.RegistrationId == id && c.Decision == null).ToListAsync(ct);
        if (RegistrationRules.RefuseDecision(r.Stage, outcome, conflicts.Count > 0, input.Reason) is { } refusal)
        {
            if (refusal.StartsWith("A reason", StringComparison.Ordinal)) throw ValidationFailed.For("reason", refusal[2..]);
            throw new Conflict(refusal);
        }
        PartnerService.ExpectVersion(db, r, version);
        var now = db.UtcNow;
        var settings = await SettingsAsync(ct);
        if (outcome == ReviewOutcome.Approve && r.Domain is { } domain)
        {
            var group = r.DomainGroup ?? domain;
            var holder = await db.Registrations.IgnoreQueryFilters([WarmglowDb.Filters.Partner]).AsNoTracking()
                .Where(o => o.Id != r.Id && o.PartnerId != r.PartnerId && (o.Domain == domain || o.DomainGroup == group) && o.ProtectedUntil > now
                    && (o.Stage == RegistrationStage.Approved || o.Stage == RegistrationStage.Qualified || o.Stage == RegistrationStage.Opportunity))
                .Select(o => new { o.Partner!.Name, o.Domain, o.ProtectedUntil }).FirstOrDefaultAsync(ct);
            if (holder is not null)
                throw new Conflict($"{holder.Name} holds protection on {holder.Domain}{(holder.Domain == domain ? "" : $" (an alias of {domain})")} until {holder.ProtectedUntil:yyyy-MM-dd}; approve this one as influence only or reject it as a duplicate.");
        }
        var reason = input.Reason?.Trim();
        r.DecidedAt = now;
        r.DaysToDecision = FunnelRules.WholeDays(r.SubmittedAt, now);
        r.DecidedByName = db.Tenant.UserName;
        switch (outcome)
        {
            case ReviewOutcome.Approve or ReviewOutcome.InfluenceOnly:
                r.Stage = RegistrationStage.Approved;
                r.InfluenceOnly = outcome == ReviewOutcome.InfluenceOnly;
                r.ProtectedUntil = r.InfluenceOnly ? null : RegistrationRules.ProtectedUntil(now, settings.ProtectionDays);
                db.RegistrationCredits.Add(new RegistrationCredit
                {
                    RegistrationId = r.Id, PartnerId = r.PartnerId, SharePercent = 100,
                    Kind = r.InfluenceOnly ? CreditKind.Influenced : CreditKind.Sourced,
                });
                break;
            default:
                r.Stage = RegistrationStage.Rejected;
                r.RejectionReason = outcome == ReviewOutcome.RejectAsDuplicate ? $"Already registered: {reason}" : reason;
                r.ClosedAt = now;
                break;
        }
        foreach (var c in conflicts)
        {
            c.Decision = outcome;
            c.Reason = reason;
            c.DecidedAt = now;
            c.DecidedByName = db.Tenant.UserName;
        }
        r.ConflictOpen = false;
        await using (var uow = await db.BeginOrJoinTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            var key = ReviewTaskKey(id);
            await db.Tasks.Where(t => t.SourceKey == key && t.Status == WorkTaskStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, WorkTaskStatus.Done).SetProperty(t => t.DoneAt, now), ct);
            var verdict = outcome switch
            {
                ReviewOutcome.Approve => r.ProtectedUntil is { } pu ? $"was approved and is protected for you until {pu:yyyy-MM-dd}" : "was approved",
                ReviewOutcome.InfluenceOnly => "was approved as influence only",
                _ => "was not approved",
            };
            await NotifyRegistrantAsync(r, new Notice("referral.decided", $"Your registration of {r.CompanyName} {verdict}.", $"referral.decided:{r.Id}")
                { Link = $"/Portal/Referrals/Details/{r.Id}", PartnershipId = r.PartnershipId, Data = new { registrationId = r.Id, stage = r.Stage.ToString() } }, ct);
            await uow.CommitAsync(ct);
        }
        return await GetAsync(id, caller, ct);
    }

    /// <summary>Tells the registering partner's own users (never another member partner's) about their registration.</summary>
    async Task NotifyRegistrantAsync(Registration r, Notice notice, CancellationToken ct)
    {
        var users = await directory.Memberships().Where(m => m.PartnerId == r.PartnerId).Select(m => m.UserId).ToListAsync(ct);
        await notifier.NotifyAsync(notice, users, ct);
    }

    public static string ReviewTaskKey(int id) => $"{ReviewTaskSource}:{id}";

    /// <summary>Moves a registration along its stages; partners move only their approved deals (and may change the amount with it).</summary>
    public async Task<RegistrationDto> MoveAsync(int id, MoveInput input, ReferralCaller caller, CancellationToken ct = default)
    {
        if (!caller.IsPartner && !caller.CanManage) throw new Forbidden("Only managers (or the partner's own people, for their deals) move registrations.");
        var r = await FindAsync(id, ct);
        if (input.Stage is not { } to || !Enum.IsDefined(to)) throw ValidationFailed.For("stage", "is required.");
        if (input.Amount is { } a && a <= 0) throw ValidationFailed.For("amount", "must be greater than 0.");
        if (input.Amount is not null && r.Currency is null) throw ValidationFailed.For("amount", "needs a currency; ask us to add one to the registration.");
        var version = PartnersApi.RequireVersion(input.Version);
        if (caller.IsPartner && r.Kind == RegistrationKind.Lead) throw new Forbidden(RegistrationRules.RefuseMove(r.Kind, r.Stage, to, caller.Actor)!);
        if (to != r.Stage && RegistrationRules.RefuseMove(r.Kind, r.Stage, to, caller.Actor) is { } refusal) throw new Conflict(refusal);
        if (to == r.Stage && input.Amount is null) throw new Conflict($"The registration is already {RegistrationRules.Describe(to).ToLowerInvariant()}.");
        if (to == r.Stage && !RegistrationRules.Live.Contains(r.Stage)) throw new Conflict("The amount can only change while the registration is being worked.");
        PartnerService.ExpectVersion(db, r, version);
        if (to != r.Stage) RecordStep(r, to, db.UtcNow);
        r.Stage = to;
        if (input.Amount is { } amount) r.Amount = amount;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, caller, ct);
    }

    /// <summary>Stamps the step a move takes and how many days it took from the step before (the funnel's medians).</summary>
    static void RecordStep(Registration r, RegistrationStage to, DateTime now)
    {
        var since = r.OpportunityAt ?? r.QualifiedAt ?? r.DecidedAt ?? r.SubmittedAt;
        switch (to)
        {
            case RegistrationStage.Qualified:
                r.QualifiedAt = now;
                r.DaysToQualified = FunnelRules.WholeDays(r.DecidedAt ?? r.SubmittedAt, now);
                break;
            case RegistrationStage.Opportunity:
                r.OpportunityAt = now;
                r.DaysToOpportunity = FunnelRules.WholeDays(r.QualifiedAt ?? r.DecidedAt ?? r.SubmittedAt, now);
                break;
            case RegistrationStage.Won or RegistrationStage.Lost:
                r.ClosedAt = now;
                r.DaysToClose = FunnelRules.WholeDays(since, now);
                break;
        }
    }

    /// <summary>
    /// Approves a won registration: only then does it count for revenue and rewards. When the partnership has a signed or
    /// active agreement with revenue terms in the deal's currency, the win is posted to its ledger at once (one sale event,
    /// idempotency key <see cref="RevenueKey"/>); otherwise, or when the ledger refuses it (e.g. a date outside the term),
    /// the page offers the post (<see cref="PostRevenueAsync"/>).
    /// </summary>
    public async Task<RegistrationDto> ApproveWinAsync(int id, VersionInput input, ReferralCaller caller, CancellationToken ct = default)
    {
        if (!caller.CanManage) throw new Forbidden("Only managers approve won deals.");
        var r = await FindAsync(id, ct);
        var version = PartnersApi.RequireVersion(input.Version);
        if (r.Stage != RegistrationStage.Won) throw new Conflict("Only a won registration can have its win approved.");
        if (r.WinApprovedAt is not null) throw new Conflict("This win is already approved.");
        PartnerService.ExpectVersion(db, r, version);
        r.WinApprovedAt = db.UtcNow;
        r.WinApprovedByName = db.Tenant.UserName;
        await db.SaveChangesAsync(ct);
        if (r.Amount is > 0 && r.Currency is { } currency
            && (await revenue.TargetsAsync(r.PartnershipId, ct)).FirstOrDefault(t => t.HasTerms && t.Currency == currency) is { } target)
        {
            try { await PostWinAsync(r, target.AgreementId, ct); }
            catch (ValidationFailed) { db.ChangeTracker.Clear(); } // offered on the page, with the ledger's reason when posted by hand
            catch (Conflict) { db.ChangeTracker.Clear(); }
        }
        return await GetAsync(id, caller, ct);
    }

    /// <summary>The idempotency key of a registration's won revenue: posting it twice records one event.</summary>
    public static string RevenueKey(int id) => $"referral-win:{id}";

    /// <summary>The agreements an approved win may be posted to (staff), the ones with revenue terms first.</summary>
    public async Task<IReadOnlyList<Signals.RevenueTarget>> RevenueTargetsAsync(int id, CancellationToken ct = default)
    {
        var r = await db.Registrations.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.PartnershipId }).FirstOrDefaultAsync(ct) ?? throw new NotFound("Registration");
        return await revenue.TargetsAsync(r.PartnershipId, ct);
    }

    /// <summary>
    /// Posts an approved win to an agreement's ledger as one sale event (the deal's amount and currency, on its close date),
    /// keyed by the registration: a second post, or a post after the automatic one, records nothing new.
    /// </summary>
    public async Task<RegistrationDto> PostRevenueAsync(int id, PostRevenueInput input, ReferralCaller caller, CancellationToken ct = default)
    {
        if (!caller.CanManage) throw new Forbidden("Only managers post won deals to the revenue ledger.");
        var r = await FindAsync(id, ct);
        if (input.AgreementId is not { } agreementId) throw ValidationFailed.For("agreementId", "is required: the agreement whose ledger records the revenue.");
        if (r.WinApprovedAt is null) throw new Conflict("Only an approved win can be posted to the revenue ledger.");
        if (r.Amount is not > 0 || r.Currency is null) throw ValidationFailed.For("amount", "is needed with a currency to post the win; add them to the registration first.");
        await PostWinAsync(r, agreementId, ct);
        return await GetAsync(id, caller, ct);
    }

    async Task PostWinAsync(Registration r, int agreementId, CancellationToken ct)
    {
        var on = DateOnly.FromDateTime(r.ClosedAt ?? r.WinApprovedAt ?? db.UtcNow);
        var source = $"Deal registration: {r.CompanyName}";
        var posted = await revenue.PostSaleAsync(r.PartnershipId, agreementId, RevenueKey(r.Id), r.Amount!.Value, r.Currency!, on,
            source.Length > 200 ? source[..200] : source, ct);
        if (r.RevenueEventId == posted.EventId) return;
        r.RevenueEventId = posted.EventId;
        r.RevenueAgreementId = posted.AgreementId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Extends protection once, with a reason, by the workspace's window from today's end date.</summary>
    public async Task<RegistrationDto> ExtendAsync(int id, ExtendInput input, ReferralCaller caller, CancellationToken ct = default)
    {
        if (!caller.CanManage) throw new Forbidden("Only managers extend protection.");
        var r = await FindAsync(id, ct);
        var version = PartnersApi.RequireVersion(input.Version);
        if (string.IsNullOrWhiteSpace(input.Reason)) throw ValidationFailed.For("reason", "is required to extend protection.");
        if (input.Reason.Length > 2000) throw ValidationFailed.For("reason", "must be at most 2000 characters.");
        var now = db.UtcNow;
        if (RegistrationRules.RefuseExtension(r.Stage, r.ProtectedUntil, r.ProtectionExtendedAt is not null, input.Reason, now) is { } refusal) throw new Conflict(refusal);
        var days = (await SettingsAsync(ct)).ProtectionDays ?? RegistrationRules.DefaultProtectionDays;
        PartnerService.ExpectVersion(db, r, version);
        r.ProtectedUntil = r.ProtectedUntil!.Value.AddDays(days);
        r.ProtectionExtendedAt = now;
        r.ProtectionExtensionReason = input.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, caller, ct);
    }

    public async Task<RegistrationDto> SaveInternalNotesAsync(int id, InternalNotesInput input, ReferralCaller caller, CancellationToken ct = default)
    {
        if (!caller.CanManage) throw new Forbidden("Only managers write internal notes.");
        var r = await FindAsync(id, ct);
        if (input.InternalNotes is { Length: > 4000 }) throw ValidationFailed.For("internalNotes", "must be at most 4000 characters.");
        PartnerService.ExpectVersion(db, r, PartnersApi.RequireVersion(input.Version));
        r.InternalNotes = FieldRules.Clean(input.InternalNotes);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, caller, ct);
    }

    /// <summary>Replaces the credit shares: partners of the partnership, sourced or influenced, adding up to 100%.</summary>
    public async Task<RegistrationDto> SetCreditsAsync(int id, CreditsInput input, ReferralCaller caller, CancellationToken ct = default)
    {
        if (!caller.CanManage) throw new Forbidden("Only managers set credit.");
        var r = await FindAsync(id, ct);
        var version = PartnersApi.RequireVersion(input.Version);
        var shares = (input.Credits ?? []).Select(c => new CreditShare(c.PartnerId, c.Kind ?? (CreditKind)(-1), c.SharePercent ?? 0)).ToList();
        var errors = RegistrationRules.ValidateCredits(shares);
        var members = await db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == r.PartnershipId).Select(m => m.PartnerId).ToListAsync(ct);
        if (shares.Any(s => !members.Contains(s.PartnerId))) errors.Add("credits", "name only partners of this partnership.");
        ValidationFailed.ThrowIfAny(errors);
        PartnerService.ExpectVersion(db, r, version);
        await using var uow = await db.BeginOrJoinTransactionAsync(ct);
        await db.RegistrationCredits.Where(c => c.RegistrationId == id).ExecuteDeleteAsync(ct);
        db.RegistrationCredits.AddRange(shares.Select(s => new RegistrationCredit { RegistrationId = id, PartnerId = s.PartnerId, Kind = s.Kind, SharePercent = s.SharePercent }));
        r.UpdatedAt = db.UtcNow;
        db.Entry(r).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        await uow.CommitAsync(ct);
        return await GetAsync(id, caller, ct);
    }

    /// <summary>The partners who may get credit on a registration: the members of its partnership.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CreditPartnersAsync(int id, CancellationToken ct = default)
    {
        var r = await db.Registrations.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.PartnershipId }).FirstOrDefaultAsync(ct) ?? throw new NotFound("Registration");
        return (await db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == r.PartnershipId).OrderByDescending(m => m.IsLead).ThenBy(m => m.Partner!.Name)
            .Select(m => new { m.PartnerId, m.Partner!.Name }).ToListAsync(ct)).Select(m => (m.PartnerId, m.Name)).ToList();
    }

    // --- scheduled work ------------------------------------------------------------------------------

    public sealed record PassResult(int Expired, int ReviewTasksOpened);

    /// <summary>
    /// One idempotent pass: registrations whose protection ended are marked expired (protection cleared), and each one
    /// waiting for review past the SLA gets one review task for the partnership manager.
    /// </summary>
    public async Task<PassResult> RunPassAsync(CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var expired = await db.Registrations
            .Where(r => r.ProtectedUntil != null && r.ProtectedUntil <= now
                && (r.Stage == RegistrationStage.Approved || r.Stage == RegistrationStage.Qualified || r.Stage == RegistrationStage.Opportunity))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stage, RegistrationStage.Expired).SetProperty(r => r.ClosedAt, now)
                .SetProperty(r => r.Version, r => r.Version + 1).SetProperty(r => r.UpdatedAt, now), ct);
        var sla = (await SettingsAsync(ct)).ReviewSlaBusinessDays;
        var today = DateOnly.FromDateTime(now);
        // Only registrations at least SLA calendar days old can be past the SLA (business days are never fewer).
        var oldest = now.AddDays(-sla);
        var waiting = await db.Registrations.AsNoTracking()
            .Where(r => (r.Stage == RegistrationStage.Submitted || r.Stage == RegistrationStage.UnderReview) && r.SubmittedAt <= oldest)
            .Select(r => new { r.Id, r.PartnershipId, r.CompanyName, r.SubmittedAt, r.Partnership!.ManagerId, Partner = r.Partner!.Name })
            .Take(500).ToListAsync(ct);
        var opened = 0;
        foreach (var w in waiting)
        {
            var due = RegistrationRules.ReviewDue(w.SubmittedAt, sla);
            if (due >= today) continue;
            var (_, isNew) = await tasks.OpenOnceAsync(new WorkTask
            {
                PartnershipId = w.PartnershipId, Title = $"Review the registration of {w.CompanyName}",
                Details = $"{w.Partner} registered it on {w.SubmittedAt:yyyy-MM-dd}; the review was due {due:yyyy-MM-dd} ({sla} business days).",
                AssigneeId = w.ManagerId, DueOn = due, Source = ReviewTaskSource, SourceKey = ReviewTaskKey(w.Id), Link = $"/Referrals/Details/{w.Id}",
            }, ct);
            if (isNew) opened++;
        }
        // Expiry notices, once per registration and end date (an extension gives a new one).
        var soon = now.AddDays(RegistrationRules.ExpiryNoticeDays);
        var expiring = await db.Registrations.AsNoTracking()
            .Where(r => r.ProtectedUntil != null && r.ProtectedUntil > now && r.ProtectedUntil <= soon
                && (r.Stage == RegistrationStage.Approved || r.Stage == RegistrationStage.Qualified || r.Stage == RegistrationStage.Opportunity))
            .OrderBy(r => r.ProtectedUntil).Take(500).ToListAsync(ct);
        foreach (var r in expiring)
        {
            var occasion = $"referral.expiring:{r.Id}:{r.ProtectedUntil:yyyyMMdd}";
            var title = $"Protection of {r.CompanyName} ends on {r.ProtectedUntil:yyyy-MM-dd}.";
            await NotifyRegistrantAsync(r, new Notice("referral.expiring", title, occasion)
                { Link = $"/Portal/Referrals/Details/{r.Id}", PartnershipId = r.PartnershipId, Data = new { registrationId = r.Id } }, ct);
            await notifier.NotifyPartnershipAsync(new Notice("referral.expiring", title, occasion)
                { Link = $"/Referrals/Details/{r.Id}", PartnershipId = r.PartnershipId, Data = new { registrationId = r.Id } }, NoticeAudience.Manager, ct);
        }
        return new(expired, opened);
    }

    // --- export --------------------------------------------------------------------------------------

    public static readonly string[] CsvColumns =
        ["id", "partnership", "partner", "kind", "stage", "company", "website", "domain", "country", "contact", "contact_email", "amount", "currency",
         "expected_close", "submitted_at", "protected_until", "influence_only", "win_approved"];

    /// <summary>The registrations matching <paramref name="q"/> as CSV (formulas neutralized), newest first, up to 50,000 rows.</summary>
    public async Task<string> ExportCsvAsync(RegistrationQuery q, CancellationToken ct = default)
    {
        var sb = new StringBuilder();
        Csv.WriteRecord(sb, CsvColumns);
        var rows = Filter(db.Registrations.AsNoTracking(), q).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(50_000)
            .Select(r => new { r.Id, Partnership = r.Partnership!.Name, Partner = r.Partner!.Name, r.Kind, r.Stage, r.CompanyName, r.Website, r.Domain,
                r.Country, r.ContactName, r.ContactEmail, r.Amount, r.Currency, r.ExpectedCloseOn, r.SubmittedAt, r.ProtectedUntil, r.InfluenceOnly, r.WinApprovedAt })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
            Csv.WriteRecord(sb, [r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Partnership, r.Partner, RegistrationRules.Describe(r.Kind),
                RegistrationRules.Describe(r.Stage), r.CompanyName, r.Website, r.Domain, r.Country, r.ContactName, r.ContactEmail,
                r.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Currency, r.ExpectedCloseOn?.ToString("yyyy-MM-dd"),
                r.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"), r.ProtectedUntil?.ToString("yyyy-MM-dd"), r.InfluenceOnly ? "yes" : "no",
                r.WinApprovedAt is null ? "no" : "yes"]);
        return sb.ToString();
    }
}
