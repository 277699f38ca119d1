using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Initiatives;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<InitiativeMilestone> InitiativeMilestones => Set<InitiativeMilestone>();
    public DbSet<InitiativeOutcome> InitiativeOutcomes => Set<InitiativeOutcome>();

    [Infrastructure.Modules.ModelPart]
    void OnInitiativesModel(ModelBuilder b)
    {
        // Partner users see the shared initiatives of their own partnerships (shared or internal is chosen when an
        // initiative is written), with their milestones and outcomes; internal initiatives stay internal.
        b.Entity<Initiative>().PartnerSees(i => CurrentPartnerId == null || (i.Shared && i.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
        b.Entity<InitiativeMilestone>().PartnerSees(m => CurrentPartnerId == null
            || (m.Initiative!.Shared && m.Initiative.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId)));
        b.Entity<InitiativeOutcome>().PartnerSees(o => CurrentPartnerId == null
            || (o.Initiative!.Shared && o.Initiative.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId)));
    }
}
