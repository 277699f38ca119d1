using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Funds;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<FundAllocation> FundAllocations => Set<FundAllocation>();
    public DbSet<FundRequest> FundRequests => Set<FundRequest>();
    public DbSet<FundClaim> FundClaims => Set<FundClaim>();
    public DbSet<FundProof> FundProofs => Set<FundProof>();

    [Infrastructure.Modules.ModelPart]
    void OnFundsModel(ModelBuilder b)
    {
        // Partner users see the funds allocated to their own partnerships, those allocations, and the requests, claims
        // and proofs of their own partnerships; other partnerships' allocations and requests stay invisible (404).
        b.Entity<Fund>().PartnerSees(f => CurrentPartnerId == null
            || f.Allocations.Any(a => a.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
        b.Entity<FundAllocation>().PartnerSees(a => CurrentPartnerId == null || a.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        b.Entity<FundRequest>().PartnerSees(r => CurrentPartnerId == null || r.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        b.Entity<FundClaim>().PartnerSees(c => CurrentPartnerId == null || c.Request!.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        b.Entity<FundProof>().PartnerSees(p => CurrentPartnerId == null || p.Claim!.Request!.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
    }
}
