using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Governance;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Notifications;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Governance;

public enum RaciProposalStatus { Pending, Accepted, Rejected }

/// <summary>
/// A proposed RACI matrix (whole), usually from the partner's side, waiting for our manager. It names the matrix
/// version it was made from: accepting it after the matrix changed is refused (409) rather than overwriting the change.
/// The comment and the rejection reason are shared with the partner (the form says so).
/// </summary>
public class RaciProposal : IWorkspaceOwned, IVersioned, IAudited, ITimestamped, IAuditSummary
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public RaciDocument Matrix { get; set; } = new();
    public string? Comment { get; set; }
    public int BaseVersion { get; set; }
    public string? ProposedById { get; set; }
    public required string ProposedByName { get; set; }
    public bool FromPartner { get; set; }
    public DateTime ProposedAt { get; set; }
    public RaciProposalStatus Status { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? AuditSummary => $"RACI proposal by {ProposedByName}";
}

sealed class RaciProposalConfiguration : IEntityTypeConfiguration<RaciProposal>
{
    public void Configure(EntityTypeBuilder<RaciProposal> b)
    {
        b.Property(p => p.Matrix).HasConversion(JsonColumn.Converter<RaciDocument>(), JsonColumn.Comparer<RaciDocument>());
        b.Property(p => p.Comment).HasMaxLength(2000);
        b.Property(p => p.ProposedById).HasMaxLength(450);
        b.Property(p => p.ProposedByName).HasMaxLength(256);
        b.Property(p => p.DecidedByName).HasMaxLength(256);
        b.Property(p => p.Reason).HasMaxLength(2000);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(p => p.Partnership).WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.PartnershipId, p.ProposedAt });
    }
}

public sealed record RaciProposalInput(RaciMatrixData? Matrix, string? Comment);

public sealed record RaciProposalDecision(int? Version, string? Reason);

public sealed record RaciProposalDto(int Id, int PartnershipId, RaciMatrixData Matrix, string? Comment, int BaseVersion, string ProposedByName,
    bool FromPartner, DateTime ProposedAt, RaciProposalStatus Status, string StatusName, string? DecidedByName, DateTime? DecidedAt, string? Reason, int Version);

/// <summary>Proposed RACI changes: partner users (or our people) propose a whole matrix; a manager accepts or rejects it.</summary>
public sealed class RaciProposalService(WarmglowDb db, GovernanceService governance, INotifier notifier)
{
    public static string Describe(RaciProposalStatus s) => s switch
    {
        RaciProposalStatus.Pending => "waiting for our manager",
        RaciProposalStatus.Accepted => "accepted",
        _ => "rejected",
    };

    static RaciProposalDto ToDto(RaciProposal p) => new(p.Id, p.PartnershipId, p.Matrix.ToData(), p.Comment, p.BaseVersion, p.ProposedByName,
        p.FromPartner, p.ProposedAt, p.Status, Describe(p.Status), p.DecidedByName, p.DecidedAt, p.Reason, p.Version);

    async Task<string> PartnershipNameAsync(int partnershipId, CancellationToken ct) =>
        await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Name).FirstOrDefaultAsync(ct)
        ?? throw new NotFound($"Partnership {partnershipId}");

    /// <summary>The partnership's proposals, newest first (the latest 50).</summary>
    public async Task<IReadOnlyList<RaciProposalDto>> ListAsync(int partnershipId, CancellationToken ct = default)
    {
        await PartnershipNameAsync(partnershipId, ct);
        return (await db.RaciProposals.AsNoTracking().Where(p => p.PartnershipId == partnershipId)
            .OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).Take(50).ToListAsync(ct)).Select(ToDto).ToList();
    }

    public async Task<RaciProposalDto> GetAsync(int partnershipId, int proposalId, CancellationToken ct = default) =>
        ToDto(await db.RaciProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.PartnershipId == partnershipId, ct)
            ?? throw new NotFound("Proposal"));

    /// <summary>Proposes a whole matrix, validated as a save would be; it is made from the matrix version in force now.</summary>
    public async Task<RaciProposalDto> ProposeAsync(int partnershipId, RaciProposalInput input, CancellationToken ct = default)
    {
        var errors = Raci.Validate(input.Matrix);
        errors.Optional("comment", input.Comment, 2000);
        ValidationFailed.ThrowIfAny(errors);
        var name = await PartnershipNameAsync(partnershipId, ct);
        var current = await governance.RaciAsync(partnershipId, ct);
        var partner = db.Tenant.PartnerId is not null;
        var p = new RaciProposal
        {
            PartnershipId = partnershipId, Matrix = RaciDocument.From(Raci.Normalize(input.Matrix!)), Comment = FieldRules.Clean(input.Comment),
            BaseVersion = current.Version, ProposedById = db.Tenant.UserId, ProposedByName = db.Tenant.UserName, FromPartner = partner,
            ProposedAt = db.UtcNow, Status = RaciProposalStatus.Pending,
        };
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.RaciProposals.Add(p);
        await db.SaveChangesAsync(ct);
        await notifier.NotifyPartnershipAsync(new Notice("raci.proposed", $"{p.ProposedByName} proposed a change to the RACI matrix of {name}.", $"raci-proposal:{p.Id}:proposed")
            { PartnershipId = partnershipId, Link = $"/Governance/Raci/{partnershipId}#proposals" }, NoticeAudience.Manager, ct);
        await tx.CommitAsync(ct);
        return ToDto(p);
    }

    /// <summary>
    /// Accepts a pending proposal: the matrix is validated again and saved with the version the proposal was made from, so a
    /// matrix changed meanwhile is a conflict (409), as is a stale proposal version. The proposer's side is told.
    /// </summary>
    public async Task<RaciProposalDto> AcceptAsync(int partnershipId, int proposalId, RaciProposalDecision input, CancellationToken ct = default)
    {
        var version = Partners.PartnersApi.RequireVersion(input.Version);
        var name = await PartnershipNameAsync(partnershipId, ct);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var p = await PendingAsync(partnershipId, proposalId, version, ct);
        var matrix = p.Matrix.ToData();
        ValidationFailed.ThrowIfAny(Raci.Validate(matrix));
        if ((await governance.RaciAsync(partnershipId, ct)).Version != p.BaseVersion)
            throw new Conflict("The matrix changed since this proposal was made; reject it with that reason and ask for a new proposal.");
        await governance.SaveRaciAsync(partnershipId, new(matrix, p.BaseVersion), ct);
        p.Status = RaciProposalStatus.Accepted;
        p.DecidedByName = db.Tenant.UserName;
        p.DecidedAt = db.UtcNow;
        p.Reason = FieldRules.Clean(input.Reason);
        await db.SaveChangesAsync(ct);
        await TellAsync(p, name, ct);
        await tx.CommitAsync(ct);
        return ToDto(p);
    }

    /// <summary>Rejects a pending proposal with a reason (required; the partner reads it).</summary>
    public async Task<RaciProposalDto> RejectAsync(int partnershipId, int proposalId, RaciProposalDecision input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        errors.Required("reason", input.Reason, 2000);
        if (input.Version is null) errors.Add("version", "is required: send the version you read, so a change made meanwhile is not overwritten.");
        ValidationFailed.ThrowIfAny(errors);
        var name = await PartnershipNameAsync(partnershipId, ct);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var p = await PendingAsync(partnershipId, proposalId, input.Version!.Value, ct);
        p.Status = RaciProposalStatus.Rejected;
        p.DecidedByName = db.Tenant.UserName;
        p.DecidedAt = db.UtcNow;
        p.Reason = input.Reason!.Trim();
        await db.SaveChangesAsync(ct);
        await TellAsync(p, name, ct);
        await tx.CommitAsync(ct);
        return ToDto(p);
    }

    async Task<RaciProposal> PendingAsync(int partnershipId, int proposalId, int version, CancellationToken ct)
    {
        var p = await db.RaciProposals.FirstOrDefaultAsync(x => x.Id == proposalId && x.PartnershipId == partnershipId, ct) ?? throw new NotFound("Proposal");
        if (p.Version != version) throw new Conflict("This proposal changed since you read it; reload the page to see it.");
        Partners.PartnerService.ExpectVersion(db, p, version);
        if (p.Status != RaciProposalStatus.Pending) throw new Conflict($"This proposal was already {Describe(p.Status)}.");
        return p;
    }

    Task TellAsync(RaciProposal p, string partnership, CancellationToken ct) =>
        p.FromPartner
            ? notifier.NotifyPartnershipAsync(new Notice($"raci.{(p.Status == RaciProposalStatus.Accepted ? "accepted" : "rejected")}",
                    $"Your proposed RACI matrix for {partnership} was {Describe(p.Status)}.", $"raci-proposal:{p.Id}:decided")
                { PartnershipId = p.PartnershipId, Link = $"/Portal/Governance/Raci/{p.PartnershipId}" }, NoticeAudience.PartnerUsers, ct)
            : p.ProposedById is { } by
                ? notifier.NotifyAsync(new Notice($"raci.{(p.Status == RaciProposalStatus.Accepted ? "accepted" : "rejected")}",
                    $"Your proposed RACI matrix for {partnership} was {Describe(p.Status)}.", $"raci-proposal:{p.Id}:decided")
                    { PartnershipId = p.PartnershipId, Link = $"/Governance/Raci/{p.PartnershipId}#proposals" }, [by], ct)
                : Task.CompletedTask;
}
