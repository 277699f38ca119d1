using Warmglow.Core.Revenue;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Funds;

/// <summary>Where a fund request or a claim stands. Both share the statuses; <see cref="FundLifecycle"/> says which moves each allows.</summary>
public enum FundStatus { Draft, Submitted, NeedsInfo, Approved, Rejected, Paid, Cancelled, Expired }

/// <summary>What a fund's budget is for.</summary>
public enum FundKind { MarketDevelopment, PilotBudget }

/// <summary>What a request's activity is (the fund dashboard's "spend by activity kind").</summary>
public enum FundActivity { Webinar, Event, Content, Campaign, Training, Pilot, Integration, Other }

/// <summary>The state machines of fund requests and claims: which moves are allowed from where.</summary>
public static class FundLifecycle
{
    static readonly Dictionary<FundStatus, FundStatus[]> RequestMoves = new()
    {
        [FundStatus.Draft] = [FundStatus.Submitted, FundStatus.Cancelled],
        [FundStatus.Submitted] = [FundStatus.NeedsInfo, FundStatus.Approved, FundStatus.Rejected, FundStatus.Cancelled, FundStatus.Expired],
        [FundStatus.NeedsInfo] = [FundStatus.Submitted, FundStatus.Rejected, FundStatus.Cancelled, FundStatus.Expired],
        // An approved request is paid when its claim is paid; unclaimed by the claim deadline it expires.
        [FundStatus.Approved] = [FundStatus.Paid, FundStatus.Cancelled, FundStatus.Expired],
    };

    static readonly Dictionary<FundStatus, FundStatus[]> ClaimMoves = new()
    {
        [FundStatus.Draft] = [FundStatus.Submitted, FundStatus.Cancelled, FundStatus.Expired],
        [FundStatus.Submitted] = [FundStatus.NeedsInfo, FundStatus.Approved, FundStatus.Rejected, FundStatus.Cancelled],
        [FundStatus.NeedsInfo] = [FundStatus.Submitted, FundStatus.Rejected, FundStatus.Cancelled, FundStatus.Expired],
        [FundStatus.Approved] = [FundStatus.Paid],
    };

    public static IReadOnlyList<FundStatus> NextForRequest(FundStatus from) => RequestMoves.TryGetValue(from, out var to) ? to : [];
    public static IReadOnlyList<FundStatus> NextForClaim(FundStatus from) => ClaimMoves.TryGetValue(from, out var to) ? to : [];

    public static bool CanMoveRequest(FundStatus from, FundStatus to) => NextForRequest(from).Contains(to);
    public static bool CanMoveClaim(FundStatus from, FundStatus to) => NextForClaim(from).Contains(to);

    /// <summary>Final: nothing moves any more (rejected, paid, cancelled, expired).</summary>
    public static bool IsFinal(FundStatus s) => s is FundStatus.Rejected or FundStatus.Paid or FundStatus.Cancelled or FundStatus.Expired;

    /// <summary>A request that counts as pending in the balance: submitted or waiting for more information.</summary>
    public static bool IsPending(FundStatus s) => s is FundStatus.Submitted or FundStatus.NeedsInfo;

    /// <summary>Why a move is refused, in words, or null when it is allowed.</summary>
    public static string? RequestRefusal(FundStatus from, FundStatus to) => CanMoveRequest(from, to) ? null : Refusal("request", from, NextForRequest(from));

    public static string? ClaimRefusal(FundStatus from, FundStatus to) => CanMoveClaim(from, to) ? null : Refusal("claim", from, NextForClaim(from));

    static string Refusal(string what, FundStatus from, IReadOnlyList<FundStatus> next) => next.Count == 0
        ? $"This {what} is {Describe(from).ToLowerInvariant()}; it cannot change any more."
        : $"A {what} that is {Describe(from).ToLowerInvariant()} can only become {string.Join(" or ", next.Select(n => Describe(n).ToLowerInvariant()))}.";

    public static string Describe(FundStatus s) => s switch
    {
        FundStatus.NeedsInfo => "Needs more information",
        _ => Text.Labels.Of(s),
    };
}

/// <summary>
/// A balance in exact decimal: available = allocated − (paid + approved-not-paid + pending requests + expired).
/// Cancelled, rejected and expired requests give their amount back (they leave pending or reserved); an expired
/// allocation's unused part is counted in <see cref="Expired"/> so it cannot be spent any more.
/// </summary>
public readonly record struct Balance(decimal Allocated, decimal Pending, decimal Reserved, decimal Paid, decimal Expired)
{
    public decimal Available => Allocated - (Paid + Reserved + Pending + Expired);

    public static Balance Of(decimal allocated, IEnumerable<(FundStatus Status, decimal Amount, decimal? PaidAmount)> requests, decimal expired = 0)
    {
        decimal pending = 0, reserved = 0, paid = 0;
        foreach (var (status, amount, paidAmount) in requests)
        {
            if (FundLifecycle.IsPending(status)) pending += amount;
            else if (status == FundStatus.Approved) reserved += amount;
            else if (status == FundStatus.Paid) paid += paidAmount ?? amount;
        }
        return new(allocated, pending, reserved, paid, expired);
    }

    /// <summary>Whether <paramref name="amount"/> more can be taken without going below zero.</summary>
    public bool Fits(decimal amount) => amount <= Available;
}

/// <summary>Input rules for fund money, dates and approvals.</summary>
public static class FundRules
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Largest proof file a claim accepts.</summary>
    public const int MaxProofBytes = 5 * 1024 * 1024;

    /// <summary>The proof files a claim accepts, by extension, with their media type.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProofTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".csv"] = "text/csv", [".txt"] = "text/plain",
    };

    /// <summary>A required amount: more than zero, no more decimals than the currency has, not absurdly large.</summary>
    public static void CheckAmount(FieldErrors errors, string field, decimal? amount, Currency? currency)
    {
        if (amount is not { } a) errors.Add(field, "is required.");
        else if (a <= 0) errors.Add(field, "must be more than zero.");
        else if (a > MaxAmount) errors.Add(field, "is too large.");
        else if (currency is not null && !Money.FitsMinorUnits(a, currency.MinorUnits))
            errors.Add(field, currency.MinorUnits == 0 ? $"cannot have decimals in {currency.Code}." : $"can have at most {currency.MinorUnits} decimals in {currency.Code}.");
    }

    /// <summary>A claim's actual spend may be lower than the approved request (the rest returns to the fund), never higher.</summary>
    public static void CheckClaim(FieldErrors errors, string field, decimal? spent, decimal approved, Currency? currency)
    {
        CheckAmount(errors, field, spent, currency);
        if (spent is { } s && s > approved)
            errors.Add(field, $"cannot be more than the approved {Money.Format(approved, currency?.MinorUnits ?? 2)}{(currency is null ? "" : " " + currency.Code)}.");
    }

    /// <summary>A fund's period: it starts, ends on or after its start, and takes claims until a deadline on or after its end.</summary>
    public static void CheckPeriod(FieldErrors errors, DateOnly? start, DateOnly? end, DateOnly? claimDeadline)
    {
        if (start is null) errors.Add("startsOn", "is required.");
        if (end is null) errors.Add("endsOn", "is required.");
        if (claimDeadline is null) errors.Add("claimDeadline", "is required.");
        if (start is { } s && end is { } e && e < s) errors.Add("endsOn", "cannot be before the start.");
        if (end is { } e2 && claimDeadline is { } d && d < e2) errors.Add("claimDeadline", "cannot be before the fund's end.");
    }

    /// <summary>A request's planned activity lies within the fund's period, and the request is made before the fund ends.</summary>
    public static void CheckRequestDates(FieldErrors errors, DateOnly today, DateOnly? plannedStart, DateOnly? plannedEnd, DateOnly fundStart, DateOnly fundEnd)
    {
        if (today > fundEnd) errors.Add("fundId", $"ended on {fundEnd:yyyy-MM-dd}; it takes no new requests.");
        if (plannedStart is null) errors.Add("plannedStart", "is required.");
        if (plannedEnd is null) errors.Add("plannedEnd", "is required.");
        if (plannedStart is { } s && plannedEnd is { } e && e < s) errors.Add("plannedEnd", "cannot be before the planned start.");
        if (plannedStart is { } s2 && s2 < fundStart) errors.Add("plannedStart", $"is before the fund starts ({fundStart:yyyy-MM-dd}).");
        if (plannedEnd is { } e2 && e2 > fundEnd) errors.Add("plannedEnd", $"is after the fund ends ({fundEnd:yyyy-MM-dd}).");
    }

    /// <summary>Vendor and partner shares of co-investment are percentages adding up to 100.</summary>
    public static void CheckShares(FieldErrors errors, decimal? vendorShare, decimal? partnerShare)
    {
        if (vendorShare is null) errors.Add("vendorShare", "is required: the percentage we contribute.");
        else if (vendorShare is < 0 or > 100) errors.Add("vendorShare", "must be between 0 and 100.");
        if (partnerShare is null) errors.Add("partnerShare", "is required: the percentage the partner contributes.");
        else if (partnerShare is < 0 or > 100) errors.Add("partnerShare", "must be between 0 and 100.");
        if (vendorShare is >= 0 and <= 100 && partnerShare is >= 0 and <= 100 && vendorShare + partnerShare != 100)
            errors.Add("partnerShare", "and our share must add up to 100%.");
    }

    /// <summary>
    /// The most one person may approve on a fund, by their roles: admins without limit; executives up to the fund's
    /// executive limit (none set: without limit); managers up to the manager limit (none set: managers do not
    /// approve). Null means no limit; 0 means they cannot approve.
    /// </summary>
    public static decimal? ApprovalLimit(IEnumerable<string> roles, decimal? managerLimit, decimal? executiveLimit)
    {
        var set = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (set.Contains("admin")) return null;
        decimal? best = 0;
        if (set.Contains("manager")) best = managerLimit ?? 0;
        if (set.Contains("executive")) best = executiveLimit is null ? null : Math.Max(best ?? 0, executiveLimit.Value);
        return best;
    }

    /// <summary>Why an approval of <paramref name="amount"/> is refused by the approver's limit, or null.</summary>
    public static string? LimitRefusal(decimal amount, decimal? limit, Currency currency) => limit switch
    {
        null => null,
        0 => "Your role cannot approve requests of this fund.",
        { } l when amount > l => $"This is above your approval limit of {Money.Format(l, currency.MinorUnits)} {currency.Code}; an approver with a higher limit must decide.",
        _ => null,
    };

    /// <summary>A proof file: a name with an allowed extension, a size within the limit, and content that matches its type.</summary>
    public static string? ProofRefusal(string? fileName, long size, ReadOnlySpan<byte> head)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return "needs a file name.";
        var ext = Path.GetExtension(fileName.Trim());
        if (!ProofTypes.ContainsKey(ext)) return $"must be one of: {string.Join(", ", ProofTypes.Keys.Where(k => k != ".jpeg").Select(k => k.TrimStart('.').ToUpperInvariant()))}.";
        if (size <= 0) return "is empty.";
        if (size > MaxProofBytes) return $"is larger than {MaxProofBytes / 1024 / 1024} MB.";
        var ok = ext.ToLowerInvariant() switch
        {
            ".pdf" => head.StartsWith("%PDF"u8),
            ".png" => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
            ".jpg" or ".jpeg" => head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
            _ => head.IndexOf((byte)0) < 0, // text: no NUL bytes
        };
        return ok ? null : $"does not look like a {ext.TrimStart('.').ToUpperInvariant()} file.";
    }

    /// <summary>The name kept for a proof file: its last path segment only, without control or path characters, at most 200 characters.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (name.Length > 200) name = name[^200..];
        return name.Length == 0 || name.StartsWith('.') ? "proof" + name : name;
    }
}
