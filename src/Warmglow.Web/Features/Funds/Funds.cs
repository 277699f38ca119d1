using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Funds;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Initiatives;
using Warmglow.Web.Features.Partnerships;

namespace Warmglow.Web.Features.Funds;

/// <summary>
/// A co-investment fund (market development funds, a pilot budget): program-wide (allocated to several partnerships)
/// or for one partnership, in one currency, over a period with a claim deadline, and the vendor's and partner's shares
/// of the co-investment. <see cref="Allocated"/> is the sum of its allocations, kept on this row so that allocating is
/// one version-checked update: two allocations racing cannot allocate more than <see cref="Amount"/>.
/// </summary>
public class Fund : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public FundKind Kind { get; set; }
    public string? Description { get; set; }
    /// <summary>Set when the fund is for one partnership only; null for a program-wide fund.</summary>
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string Currency { get; set; }
    public decimal Amount { get; set; }
    public decimal Allocated { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateOnly ClaimDeadline { get; set; }
    /// <summary>Percent of the co-investment we (the vendor) contribute; the partner contributes the rest.</summary>
    public decimal VendorShare { get; set; }
    public decimal PartnerShare { get; set; }
    /// <summary>The most a manager may approve on one request (null: managers do not approve).</summary>
    public decimal? ManagerApprovalLimit { get; set; }
    /// <summary>The most an executive may approve on one request (null: no limit).</summary>
    public decimal? ExecutiveApprovalLimit { get; set; }
    public List<FundAllocation> Allocations { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => Name;
}

/// <summary>
/// The part of a fund a partnership may spend, and its balance: allocated, pending (requests submitted or waiting for
/// information), reserved (approved, not yet paid), paid and expired. Every money move changes these counters and the
/// request's or claim's status in one version-checked save, so racing writers cannot take the balance below zero.
/// </summary>
public class FundAllocation : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int FundId { get; set; }
    public Fund? Fund { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public decimal Amount { get; set; }
    public decimal Pending { get; set; }
    public decimal Reserved { get; set; }
    public decimal Paid { get; set; }
    public decimal Expired { get; set; }
    /// <summary>When its unused part expired at the fund's end (the job does it once).</summary>
    public DateTime? ExpiredAt { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Balance Balance => new(Amount, Pending, Reserved, Paid, Expired);
    public string? AuditSummary => $"Allocation {Amount}";
}

/// <summary>A request to spend part of an allocation on an activity; an approved request reserves its amount until its claim is paid or it expires.</summary>
public class FundRequest : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int FundId { get; set; }
    public Fund? Fund { get; set; }
    public int AllocationId { get; set; }
    public FundAllocation? Allocation { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int? InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public FundActivity Activity { get; set; }
    public required string Title { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    public string? ExpectedOutcome { get; set; }
    public FundStatus Status { get; set; }
    public bool ByPartner { get; set; }
    public string? RequestedByName { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>What was paid out on its claim (at most <see cref="Amount"/>; the rest returned).</summary>
    public decimal? PaidAmount { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public List<FundClaim> Claims { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"{Title} ({FundLifecycle.Describe(Status).ToLowerInvariant()})";
}

/// <summary>A claim after the activity: the actual spend (at most the approved amount), proof files, review and payment.</summary>
public class FundClaim : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int RequestId { get; set; }
    public FundRequest? Request { get; set; }
    public decimal Spent { get; set; }
    public string? Note { get; set; }
    public FundStatus Status { get; set; }
    /// <summary>The client's key for creating this claim: the same key again returns this claim and writes nothing.</summary>
    public string? IdempotencyKey { get; set; }
    public string? ReviewNote { get; set; }
    public string? ReviewedByName { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? PaymentReference { get; set; }
    /// <summary>The key of the payment: paying again with it changes nothing.</summary>
    public string? PaymentKey { get; set; }
    public string? SubmittedByName { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public List<FundProof> Proofs { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"Claim {Spent} ({FundLifecycle.Describe(Status).ToLowerInvariant()})";
}

/// <summary>
/// A proof of execution (invoice, screenshot, attendee list) stored in the database; its name is ours, never a path
/// from the user. Not in the audit log (the log would hold the file's bytes); the claim's status changes are.
/// </summary>
public class FundProof : IWorkspaceOwned
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int ClaimId { get; set; }
    public FundClaim? Claim { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public int Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedByName { get; set; }
}

sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> b)
    {
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.Description).HasMaxLength(2000);
        b.Property(f => f.Currency).HasMaxLength(3);
        b.Property(f => f.Amount).HasPrecision(18, 4);
        b.Property(f => f.Allocated).HasPrecision(18, 4);
        b.Property(f => f.VendorShare).HasPrecision(7, 4);
        b.Property(f => f.PartnerShare).HasPrecision(7, 4);
        b.Property(f => f.ManagerApprovalLimit).HasPrecision(18, 4);
        b.Property(f => f.ExecutiveApprovalLimit).HasPrecision(18, 4);
        b.HasOne(f => f.Partnership).WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.WorkspaceId, f.EndsOn });
    }
}

sealed class FundAllocationConfiguration : IEntityTypeConfiguration<FundAllocation>
{
    public void Configure(EntityTypeBuilder<FundAllocation> b)
    {
        foreach (var p in new[] { nameof(FundAllocation.Amount), nameof(FundAllocation.Pending), nameof(FundAllocation.Reserved), nameof(FundAllocation.Paid), nameof(FundAllocation.Expired) })
            b.Property<decimal>(p).HasPrecision(18, 4);
        b.Ignore(a => a.Balance);
        b.HasOne(a => a.Fund).WithMany(f => f.Allocations).HasForeignKey(a => a.FundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Partnership).WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.FundId, a.PartnershipId }).IsUnique();
        b.HasIndex(a => a.PartnershipId);
    }
}

sealed class FundRequestConfiguration : IEntityTypeConfiguration<FundRequest>
{
    public void Configure(EntityTypeBuilder<FundRequest> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.ExpectedOutcome).HasMaxLength(2000);
        b.Property(r => r.RequestedByName).HasMaxLength(256);
        b.Property(r => r.DecisionReason).HasMaxLength(2000);
        b.Property(r => r.DecidedByName).HasMaxLength(256);
        b.Property(r => r.Amount).HasPrecision(18, 4);
        b.Property(r => r.PaidAmount).HasPrecision(18, 4);
        b.HasOne(r => r.Fund).WithMany().HasForeignKey(r => r.FundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Allocation).WithMany().HasForeignKey(r => r.AllocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Partnership).WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Initiative).WithMany().HasForeignKey(r => r.InitiativeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.FundId, r.Status, r.StatusChangedAt });
        b.HasIndex(r => new { r.PartnershipId, r.Status });
        b.HasIndex(r => r.AllocationId);
        b.HasIndex(r => r.InitiativeId);
    }
}

sealed class FundClaimConfiguration : IEntityTypeConfiguration<FundClaim>
{
    public void Configure(EntityTypeBuilder<FundClaim> b)
    {
        b.Property(c => c.Spent).HasPrecision(18, 4);
        b.Property(c => c.Note).HasMaxLength(2000);
        b.Property(c => c.ReviewNote).HasMaxLength(2000);
        b.Property(c => c.ReviewedByName).HasMaxLength(256);
        b.Property(c => c.SubmittedByName).HasMaxLength(256);
        b.Property(c => c.PaymentReference).HasMaxLength(200);
        b.Property(c => c.IdempotencyKey).HasMaxLength(200);
        b.Property(c => c.PaymentKey).HasMaxLength(200);
        b.HasOne(c => c.Request).WithMany(r => r.Claims).HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.RequestId, c.Status });
        b.HasIndex(c => new { c.WorkspaceId, c.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
        b.HasIndex(c => new { c.WorkspaceId, c.PaymentKey }).IsUnique().HasFilter("\"PaymentKey\" IS NOT NULL");
    }
}

sealed class FundProofConfiguration : IEntityTypeConfiguration<FundProof>
{
    public void Configure(EntityTypeBuilder<FundProof> b)
    {
        b.Property(p => p.FileName).HasMaxLength(200);
        b.Property(p => p.ContentType).HasMaxLength(100);
        b.Property(p => p.UploadedByName).HasMaxLength(256);
        b.HasOne(p => p.Claim).WithMany(c => c.Proofs).HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.ClaimId);
    }
}
