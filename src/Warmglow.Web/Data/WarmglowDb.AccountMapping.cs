using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Mapping;
using Warmglow.Web.Features.AccountMapping;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<Population> Populations => Set<Population>();
    public DbSet<PopulationRecord> PopulationRecords => Set<PopulationRecord>();
    public DbSet<SharingRule> SharingRules => Set<SharingRule>();

    [Infrastructure.Modules.ModelPart]
    void OnAccountMappingModel(ModelBuilder b)
    {
        // A partner user reads their own partner's populations, records and rules through the context. What they see of
        // ours goes through AccountMappingService, which applies both sides' sharing rules (docs/decisions/0023).
        b.Entity<Population>().PartnerSees(p => CurrentPartnerId == null || p.PartnerId == CurrentPartnerId);
        b.Entity<PopulationRecord>().PartnerSees(r => CurrentPartnerId == null || r.PartnerId == CurrentPartnerId);
        b.Entity<SharingRule>().PartnerSees(r => CurrentPartnerId == null ||
            (r.Side == MappingSide.Partner && r.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
    }
}
