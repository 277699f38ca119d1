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

    [Infrastructure.Modules.ModelPart]
    void OnAgreementsModel(ModelBuilder b)
    {
        // Partner users read the terms (versions) and the charter of their own partnerships; approvals, moves and
        // reviews are internal.
        b.Entity<AgreementVersion>().PartnerSees(v => CurrentPartnerId == null || v.Agreement!.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        b.Entity<PartnershipCharter>().PartnerSees(c => CurrentPartnerId == null || c.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
    }
}
