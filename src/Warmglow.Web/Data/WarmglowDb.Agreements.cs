using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Agreements;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<AgreementApproval> AgreementApprovals => Set<AgreementApproval>();
    public DbSet<AgreementTransition> AgreementTransitions => Set<AgreementTransition>();
    public DbSet<AgreementReview> AgreementReviews => Set<AgreementReview>();
    public DbSet<PartnershipCharter> Charters => Set<PartnershipCharter>();
    public DbSet<CharterRevision> CharterRevisions => Set<CharterRevision>();

    partial void OnAgreementsModel(ModelBuilder b)
    {
        // Partner users read the terms (versions) and the charter of their own partnerships; approvals, moves and
        // reviews are internal.
        b.Entity<AgreementVersion>().HasQueryFilter(v => v.WorkspaceId == CurrentWorkspaceId
            && (CurrentPartnerId == null || v.Agreement!.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
        b.Entity<AgreementApproval>().HasQueryFilter(a => a.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<AgreementTransition>().HasQueryFilter(t => t.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<AgreementReview>().HasQueryFilter(r => r.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<PartnershipCharter>().HasQueryFilter(c => c.WorkspaceId == CurrentWorkspaceId
            && (CurrentPartnerId == null || c.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
        b.Entity<CharterRevision>().HasQueryFilter(r => r.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
    }
}
