using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Governance;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<GovernancePerson> GovernancePeople => Set<GovernancePerson>();
    public DbSet<RaciMatrix> RaciMatrices => Set<RaciMatrix>();
    public DbSet<DecisionFrameworkSetting> DecisionFrameworks => Set<DecisionFrameworkSetting>();
    public DbSet<GovernanceDecision> GovernanceDecisions => Set<GovernanceDecision>();

    [Infrastructure.Modules.ModelPart]
    void OnGovernanceModel(ModelBuilder b)
    {
        // Partner users see who governs their own partnership and its RACI matrix; the decision framework and the
        // decision log stay internal.
        b.Entity<GovernancePerson>().PartnerSees(p => CurrentPartnerId == null || p.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        b.Entity<RaciMatrix>().PartnerSees(m => CurrentPartnerId == null || m.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId));
    }
}
