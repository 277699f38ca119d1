using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Matching;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Referrals;

/// <summary>
/// A lead or deal a partner (or one of our managers for them) registered under a partnership. <see cref="Domain"/> and
/// <see cref="NameKey"/> are the matching keys (Core.Matching), stored and indexed so conflicts are found in SQL.
/// <see cref="Notes"/> come from the registrant and are shared with the registering partner; <see cref="InternalNotes"/>
/// are ours and never reach a partner user.
/// </summary>
public class Registration : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    /// <summary>The registering partner (a member of the partnership).</summary>
    public int PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public RegistrationKind Kind { get; set; }
    public RegistrationStage Stage { get; set; }
    public required string CompanyName { get; set; }
    public required string Website { get; set; }
    public string? Country { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactTitle { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public DateOnly? ExpectedCloseOn { get; set; }
    public string? Interests { get; set; }
    public string? Notes { get; set; }
    public string? InternalNotes { get; set; }
    public string? Domain { get; set; }
    /// <summary>The alias group key of <see cref="Domain"/> (<see cref="CompanyAliases.GroupKey"/>): the domain itself when in no group.</summary>
    public string? DomainGroup { get; set; }
    public required string NameKey { get; set; }
    /// <summary>The fuzzy-name block (<see cref="NameSimilarity.BlockKey"/>): names are compared fuzzily only within one block and country.</summary>
    public string NameBlock { get; set; } = "";
    /// <summary>The second fuzzy-name block (<see cref="NameSimilarity.SecondBlockKey"/>), so a typo in the first word still meets its twin.</summary>
    public string SecondNameBlock { get; set; } = "";
    public string? CountryKey { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public required string SubmittedByName { get; set; }
    public bool SubmittedByPartner { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    /// <summary>Why it was rejected (shared with the registrant: they need to know why).</summary>
    public string? RejectionReason { get; set; }
    /// <summary>Approved as influence only: no protection, credit as partner-influenced.</summary>
    public bool InfluenceOnly { get; set; }
    public DateTime? ProtectedUntil { get; set; }
    public DateTime? ProtectionExtendedAt { get; set; }
    public string? ProtectionExtensionReason { get; set; }
    /// <summary>Whether conflicts were found and still wait for the reviewer's decision (the registrant sees only "under review").</summary>
    public bool ConflictOpen { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>When it was moved to qualified and to opportunity (null when it never was): the funnel counts a lost deal at the last step it reached.</summary>
    public DateTime? QualifiedAt { get; set; }
    public DateTime? OpportunityAt { get; set; }
    /// <summary>
    /// Whole days each step took (<see cref="FunnelRules.WholeDays"/>), stored when the step is taken so the funnel's
    /// medians are GROUP BYs on a column: submitted → decided, decided → qualified, qualified → opportunity, last step → won or lost.
    /// </summary>
    public int? DaysToDecision { get; set; }
    public int? DaysToQualified { get; set; }
    public int? DaysToOpportunity { get; set; }
    public int? DaysToClose { get; set; }
    /// <summary>A won deal counts for revenue and rewards only once we approve the win.</summary>
    public DateTime? WinApprovedAt { get; set; }
    public string? WinApprovedByName { get; set; }
    /// <summary>The revenue event the approved win was posted as (idempotency key <c>referral-win:{Id}</c>), and its agreement.</summary>
    public int? RevenueEventId { get; set; }
    public int? RevenueAgreementId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"{RegistrationRules.Describe(Kind)}: {CompanyName}";

    /// <summary>The matching keys, with the alias group of the domain from <paramref name="groupOfDomain"/> (domain → key).</summary>
    public void SetKeys(IReadOnlyDictionary<string, string>? groupOfDomain = null)
    {
        var key = AccountKey.From(CompanyName, Website, Country);
        Domain = key.Domain;
        DomainGroup = CompanyAliases.GroupKey(key.Domain, groupOfDomain ?? new Dictionary<string, string>());
        NameKey = key.NameKey.Length > 200 ? key.NameKey[..200] : key.NameKey;
        NameBlock = NameSimilarity.BlockKey(NameKey);
        SecondNameBlock = NameSimilarity.SecondBlockKey(NameKey);
        CountryKey = key.Country;
    }

    public AccountKey Key => new(Domain, NameKey, CountryKey) { Group = DomainGroup };
}

/// <summary>
/// A match found when a registration came in: the other registration, how strong the match is and why (in words), and
/// the reviewer's decision with its reason. Staff only: partners never learn another partner's data from a conflict.
/// </summary>
public class RegistrationConflict : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    /// <summary>The other registration, or null when the match is one of our own CRM accounts (<see cref="OurAccountKind"/>).</summary>
    public int? OtherRegistrationId { get; set; }
    public Registration? OtherRegistration { get; set; }
    /// <summary>For a match with one of our CRM accounts: which list, and the account as it was when found (a re-import keeps the record).</summary>
    public CrmAccountKind? OurAccountKind { get; set; }
    public string? OurAccountName { get; set; }
    public string? OurAccountDomain { get; set; }
    /// <summary>The fuzzy name score of a similar-name flag (0.90–1.00), null otherwise.</summary>
    public decimal? NameScore { get; set; }
    public MatchStrength Strength { get; set; }
    public bool Hard { get; set; }
    public bool SamePartner { get; set; }
    public required string Explanation { get; set; }
    public DateTime FoundAt { get; set; }
    public ReviewOutcome? Decision { get; set; }
    public string? Reason { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }

    public string? AuditSummary => OtherRegistrationId is { } other ? $"Conflict {RegistrationId} ↔ {other}" : $"Conflict {RegistrationId} ↔ our account {OurAccountName ?? OurAccountDomain}";
}

/// <summary>Credit on a registration: which partner, sourced or influenced, and its share. Staff only.</summary>
public class RegistrationCredit : IWorkspaceOwned, IAudited, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public int PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public CreditKind Kind { get; set; }
    public decimal SharePercent { get; set; }

    public string? AuditSummary => $"Credit {SharePercent}% {Kind}";
}

/// <summary>The workspace's deal registration settings: the protection window and the review SLA.</summary>
public class ReferralSettings : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    /// <summary>Days of protection an approval gives (30/60/90/120), or null for none.</summary>
    public int? ProtectionDays { get; set; } = RegistrationRules.DefaultProtectionDays;
    public int ReviewSlaBusinessDays { get; set; } = RegistrationRules.DefaultReviewSlaBusinessDays;
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => "Deal registration settings";
}

sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(r => r.CompanyName).HasMaxLength(200);
        b.Property(r => r.Website).HasMaxLength(300);
        b.Property(r => r.Country).HasMaxLength(100);
        b.Property(r => r.ContactName).HasMaxLength(200);
        b.Property(r => r.ContactEmail).HasMaxLength(254);
        b.Property(r => r.ContactTitle).HasMaxLength(200);
        b.Property(r => r.Amount).HasPrecision(18, 2);
        b.Property(r => r.Currency).HasMaxLength(3);
        b.Property(r => r.Interests).HasMaxLength(500);
        b.Property(r => r.Notes).HasMaxLength(4000);
        b.Property(r => r.InternalNotes).HasMaxLength(4000);
        b.Property(r => r.Domain).HasMaxLength(253);
        b.Property(r => r.DomainGroup).HasMaxLength(253);
        b.Property(r => r.NameKey).HasMaxLength(200);
        b.Property(r => r.NameBlock).HasMaxLength(NameSimilarity.MaxBlockLength);
        b.Property(r => r.SecondNameBlock).HasMaxLength(NameSimilarity.SecondBlockLength);
        b.Property(r => r.CountryKey).HasMaxLength(2);
        b.Property(r => r.SubmittedById).HasMaxLength(450);
        b.Property(r => r.SubmittedByName).HasMaxLength(256);
        b.Property(r => r.DecidedByName).HasMaxLength(256);
        b.Property(r => r.RejectionReason).HasMaxLength(2000);
        b.Property(r => r.ProtectionExtensionReason).HasMaxLength(2000);
        b.Property(r => r.WinApprovedByName).HasMaxLength(256);
        b.HasOne(r => r.Partnership).WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Partner).WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        // The conflict check joins on these keys within the workspace.
        b.HasIndex(r => new { r.WorkspaceId, r.Domain });
        b.HasIndex(r => new { r.WorkspaceId, r.NameKey, r.CountryKey });
        b.HasIndex(r => new { r.WorkspaceId, r.DomainGroup });
        b.HasIndex(r => new { r.WorkspaceId, r.CountryKey, r.NameBlock });
        b.HasIndex(r => new { r.WorkspaceId, r.CountryKey, r.SecondNameBlock });
        // The funnel groups by partner within a period of submission.
        b.HasIndex(r => new { r.WorkspaceId, r.SubmittedAt, r.PartnerId });
        b.HasIndex(r => new { r.WorkspaceId, r.Stage, r.SubmittedAt });
        b.HasIndex(r => new { r.PartnershipId, r.SubmittedAt });
        b.HasIndex(r => new { r.PartnerId, r.Stage });
    }
}

sealed class RegistrationConflictConfiguration : IEntityTypeConfiguration<RegistrationConflict>
{
    public void Configure(EntityTypeBuilder<RegistrationConflict> b)
    {
        b.Property(c => c.Explanation).HasMaxLength(500);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.Property(c => c.DecidedByName).HasMaxLength(256);
        b.Property(c => c.OurAccountName).HasMaxLength(200);
        b.Property(c => c.OurAccountDomain).HasMaxLength(253);
        b.Property(c => c.NameScore).HasPrecision(3, 2);
        b.HasOne(c => c.Registration).WithMany().HasForeignKey(c => c.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.OtherRegistration).WithMany().HasForeignKey(c => c.OtherRegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.RegistrationId, c.OtherRegistrationId }).IsUnique();
        b.HasIndex(c => c.OtherRegistrationId);
    }
}

sealed class RegistrationCreditConfiguration : IEntityTypeConfiguration<RegistrationCredit>
{
    public void Configure(EntityTypeBuilder<RegistrationCredit> b)
    {
        b.Property(c => c.SharePercent).HasPrecision(5, 2);
        b.HasOne(c => c.Registration).WithMany().HasForeignKey(c => c.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Partner).WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.RegistrationId, c.PartnerId }).IsUnique();
    }
}

sealed class ReferralSettingsConfiguration : IEntityTypeConfiguration<ReferralSettings>
{
    public void Configure(EntityTypeBuilder<ReferralSettings> b) => b.HasIndex(s => s.WorkspaceId).IsUnique();
}
