using System.Globalization;
using Warmglow.Core.Matching;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Referrals;

/// <summary>A lead is a referral we work; a deal is an opportunity the partner works with us (co-sell).</summary>
public enum RegistrationKind { Lead, Deal }

/// <summary>
/// Deal registration stages: submitted → under review → approved (protected) → qualified → opportunity → won / lost;
/// or rejected (with a reason) or expired (the protection window ran out).
/// </summary>
public enum RegistrationStage { Submitted, UnderReview, Approved, Qualified, Opportunity, Won, Lost, Rejected, Expired }

/// <summary>Who asks for a change: our staff (managers) or a partner user of the registering partner.</summary>
public enum RegistrationActor { Staff, Partner }

/// <summary>The review decision on a registration (and on each of its conflicts).</summary>
public enum ReviewOutcome
{
    /// <summary>Approve for this partner: protected for the workspace's window.</summary>
    Approve,
    /// <summary>Approve as influence only: no protection, credit counts as partner-influenced.</summary>
    InfluenceOnly,
    /// <summary>Reject (a reason is required).</summary>
    Reject,
    /// <summary>Reject as a duplicate of a registration it conflicts with.</summary>
    RejectAsDuplicate,
}

/// <summary>Partner-sourced (the partner originated it) or partner-influenced (the partner helped an opportunity that existed).</summary>
public enum CreditKind { Sourced, Influenced }

public sealed record CreditShare(int PartnerId, CreditKind Kind, decimal SharePercent);

/// <summary>The registration's fields as typed (portal, API, staff form, CSV).</summary>
public sealed record RegistrationFields(string? CompanyName, string? Website, string? Country, string? ContactName, string? ContactEmail,
    string? ContactTitle, decimal? Amount, string? Currency, DateOnly? ExpectedCloseOn, string? Interests, string? Notes);

/// <summary>The rules of deal registration: input, the stage machine, protection windows, the review SLA and credit shares.</summary>
public static class RegistrationRules
{
    /// <summary>Protection windows a workspace may choose (days); null means approval gives no protection.</summary>
    public static readonly IReadOnlyList<int?> ProtectionChoices = [30, 60, 90, 120, null];
    public const int DefaultProtectionDays = 90;
    public const int DefaultReviewSlaBusinessDays = 2;
    /// <summary>How long before the end of protection the registrant is told it is about to expire.</summary>
    public const int ExpiryNoticeDays = 14;

    public static readonly IReadOnlyList<RegistrationStage> Open =
        [RegistrationStage.Submitted, RegistrationStage.UnderReview, RegistrationStage.Approved, RegistrationStage.Qualified, RegistrationStage.Opportunity];

    /// <summary>Stages in which an approved registration holds (or held) protection and is still being worked.</summary>
    public static readonly IReadOnlyList<RegistrationStage> Live = [RegistrationStage.Approved, RegistrationStage.Qualified, RegistrationStage.Opportunity];

    public static readonly IReadOnlyList<RegistrationStage> AwaitingReview = [RegistrationStage.Submitted, RegistrationStage.UnderReview];

    public static string Describe(RegistrationStage s) => s switch
    {
        RegistrationStage.Submitted => "Submitted",
        RegistrationStage.UnderReview => "Under review",
        RegistrationStage.Approved => "Approved",
        RegistrationStage.Qualified => "Qualified",
        RegistrationStage.Opportunity => "Opportunity",
        RegistrationStage.Won => "Won",
        RegistrationStage.Lost => "Lost",
        RegistrationStage.Rejected => "Rejected",
        RegistrationStage.Expired => "Expired",
        _ => s.ToString(),
    };

    public static string Describe(RegistrationKind k) => k == RegistrationKind.Lead ? "Lead" : "Deal";

    public static string Describe(ReviewOutcome d) => d switch
    {
        ReviewOutcome.Approve => "Approve for this partner",
        ReviewOutcome.InfluenceOnly => "Approve as influence only",
        ReviewOutcome.Reject => "Reject",
        ReviewOutcome.RejectAsDuplicate => "Reject as duplicate",
        _ => d.ToString(),
    };

    /// <summary>Why a review decision is refused; null when allowed. Rejections and every decision on a conflict need a reason.</summary>
    public static string? RefuseDecision(RegistrationStage stage, ReviewOutcome outcome, bool hasConflicts, string? reason)
    {
        if (!AwaitingReview.Contains(stage)) return $"This registration is {Describe(stage).ToLowerInvariant()}; only a submitted or under-review registration can be decided.";
        if (outcome == ReviewOutcome.RejectAsDuplicate && !hasConflicts) return "Nothing was found that this registration duplicates; reject it with a reason instead.";
        if (string.IsNullOrWhiteSpace(reason) && (outcome is ReviewOutcome.Reject or ReviewOutcome.RejectAsDuplicate || hasConflicts))
            return hasConflicts ? "A reason is required: every decision on a conflict is recorded with its reason." : "A reason is required to reject a registration.";
        return null;
    }

    public static string Describe(CreditKind k) => k == CreditKind.Sourced ? "Partner-sourced" : "Partner-influenced";

    /// <summary>Checks a registration's fields; field names are the API's. <paramref name="today"/> is the caller's UTC date.</summary>
    public static FieldErrors Validate(RegistrationFields f, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.Required("companyName", f.CompanyName, 200);
        errors.Optional("website", f.Website, 300);
        if (string.IsNullOrWhiteSpace(f.Website)) errors.Add("website", "is required: the company's web site or domain, e.g. acme.com.");
        else if (f.Website.Contains('@', StringComparison.Ordinal))
            errors.Add("website", "must be the company's web site or domain (e.g. acme.com), not an e-mail address; put the e-mail under the contact.");
        else if (Domains.Registrable(f.Website) is null)
            errors.Add("website", "is not a web domain we can read (e.g. acme.com or https://www.acme.com).");
        else if (Domains.IsFreeMail(Domains.Registrable(f.Website)) || Domains.IsGeneric(Domains.Registrable(f.Website)))
            errors.Add("website", "is a free-mail or generic domain, not the company's own; give the company's web site.");
        errors.Optional("country", f.Country, 100);
        errors.Optional("contactName", f.ContactName, 200);
        errors.Email("contactEmail", f.ContactEmail);
        errors.Optional("contactTitle", f.ContactTitle, 200);
        if (f.Amount is { } a && a <= 0) errors.Add("amount", $"must be greater than 0 (got {a.ToString(CultureInfo.InvariantCulture)}).");
        if (f.Amount is { } big && big > 1_000_000_000_000m) errors.Add("amount", "is too large.");
        if (f.Amount is not null && string.IsNullOrWhiteSpace(f.Currency)) errors.Add("currency", "is required with an amount: a three-letter code such as EUR or USD.");
        else if (!string.IsNullOrWhiteSpace(f.Currency) && !IsCurrency(f.Currency)) errors.Add("currency", "must be a three-letter code such as EUR or USD.");
        if (f.ExpectedCloseOn is { } close && close < today) errors.Add("expectedCloseOn", $"cannot be in the past (today is {today:yyyy-MM-dd}).");
        errors.Optional("interests", f.Interests, 500);
        errors.Optional("notes", f.Notes, 4000);
        return errors;
    }

    static bool IsCurrency(string c) => c.Trim().Length == 3 && c.Trim().All(char.IsAsciiLetter);

    /// <summary>
    /// The stages <paramref name="actor"/> may move a registration to by hand from <paramref name="from"/>. Review
    /// decisions (approve, reject) are not moves: they go through the decision. Partners move only their deals, and
    /// only once approved; leads are worked by us. Expiry is the scheduled job's.
    /// </summary>
    public static IReadOnlyList<RegistrationStage> Moves(RegistrationKind kind, RegistrationStage from, RegistrationActor actor)
    {
        if (actor == RegistrationActor.Partner && kind == RegistrationKind.Lead) return [];
        return from switch
        {
            RegistrationStage.Submitted when actor == RegistrationActor.Staff => [RegistrationStage.UnderReview],
            RegistrationStage.Approved => [RegistrationStage.Qualified, RegistrationStage.Lost],
            RegistrationStage.Qualified => [RegistrationStage.Opportunity, RegistrationStage.Lost],
            RegistrationStage.Opportunity => [RegistrationStage.Won, RegistrationStage.Lost],
            _ => [],
        };
    }

    /// <summary>Why a move is refused, in words; null when it is allowed.</summary>
    public static string? RefuseMove(RegistrationKind kind, RegistrationStage from, RegistrationStage to, RegistrationActor actor)
    {
        if (Moves(kind, from, actor).Contains(to)) return null;
        if (actor == RegistrationActor.Partner && kind == RegistrationKind.Lead)
            return "A lead is worked by us: its stage changes on our side. Register it as a deal to work it together.";
        if (to is RegistrationStage.Approved or RegistrationStage.Rejected)
            return "Approval and rejection are review decisions: decide the registration instead.";
        if (to == RegistrationStage.Expired) return "A registration expires when its protection window ends; it cannot be moved there by hand.";
        var allowed = Moves(kind, from, actor);
        return allowed.Count == 0
            ? $"A registration that is {Describe(from).ToLowerInvariant()} cannot move any further{(actor == RegistrationActor.Partner ? " from your side" : "")}."
            : $"From {Describe(from).ToLowerInvariant()} it can move to {string.Join(" or ", allowed.Select(s => Describe(s).ToLowerInvariant()))}.";
    }

    /// <summary>The end of protection for an approval at <paramref name="approvedAt"/>; null when the workspace gives none.</summary>
    public static DateTime? ProtectedUntil(DateTime approvedAt, int? protectionDays) =>
        protectionDays is { } d and > 0 ? approvedAt.AddDays(d) : null;

    /// <summary>Protection is extended once, with a reason, while it still runs; refused otherwise (null when allowed).</summary>
    public static string? RefuseExtension(RegistrationStage stage, DateTime? protectedUntil, bool alreadyExtended, string? reason, DateTime now)
    {
        if (alreadyExtended) return "Protection was already extended once; it cannot be extended again.";
        if (!Live.Contains(stage) || protectedUntil is null || protectedUntil <= now) return "Only a registration whose protection still runs can be extended.";
        if (string.IsNullOrWhiteSpace(reason)) return "A reason is required to extend protection.";
        return null;
    }

    /// <summary>Whether protection has ended at <paramref name="now"/> for a live registration (the expiry job's rule).</summary>
    public static bool HasExpired(RegistrationStage stage, DateTime? protectedUntil, DateTime now) =>
        Live.Contains(stage) && protectedUntil is { } until && until <= now;

    /// <summary>The day a registration submitted at <paramref name="submittedAt"/> is due for review: so many business days later (Saturday and Sunday skipped).</summary>
    public static DateOnly ReviewDue(DateTime submittedAt, int businessDays)
    {
        var day = DateOnly.FromDateTime(submittedAt);
        for (var added = 0; added < businessDays;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }
        return day;
    }

    /// <summary>Credit shares on a deal: each partner once, each share above 0, together exactly 100%.</summary>
    public static FieldErrors ValidateCredits(IReadOnlyList<CreditShare>? credits)
    {
        var errors = new FieldErrors();
        if (credits is null || credits.Count == 0)
        {
            errors.Add("credits", "are required: at least one partner with a share.");
            return errors;
        }
        if (credits.Select(c => c.PartnerId).Distinct().Count() != credits.Count) errors.Add("credits", "name each partner once.");
        if (credits.Any(c => c.SharePercent <= 0 || c.SharePercent > 100)) errors.Add("credits", "each share must be above 0% and at most 100%.");
        if (credits.Any(c => !Enum.IsDefined(c.Kind))) errors.Add("credits", "each credit is partner-sourced or partner-influenced.");
        var total = credits.Sum(c => c.SharePercent);
        if (errors.IsEmpty && total != 100) errors.Add("credits", $"shares must add up to 100% (they add up to {total.ToString("0.##", CultureInfo.InvariantCulture)}%).");
        return errors;
    }

    /// <summary>Won revenue split by credit: the sourced and the influenced part of <paramref name="amount"/>.</summary>
    public static (decimal Sourced, decimal Influenced) SplitRevenue(decimal amount, IEnumerable<CreditShare> credits)
    {
        decimal sourced = 0, influenced = 0;
        foreach (var c in credits)
        {
            var part = Math.Round(amount * c.SharePercent / 100m, 2, MidpointRounding.AwayFromZero);
            if (c.Kind == CreditKind.Sourced) sourced += part; else influenced += part;
        }
        return (sourced, influenced);
    }

    /// <summary>
    /// Whether a match is a hard conflict: the same domain as a registration by another partner that holds live protection
    /// (or is still waiting for review, or was won: a customer already). Name matches and the partner's own earlier registrations are soft flags.
    /// </summary>
    public static bool IsHard(MatchStrength strength, bool samePartner, RegistrationStage otherStage, DateTime? otherProtectedUntil, DateTime now) =>
        strength == MatchStrength.Domain && !samePartner
        && (AwaitingReview.Contains(otherStage) || otherStage == RegistrationStage.Won
            || Live.Contains(otherStage) && otherProtectedUntil is { } u && u > now);
}
