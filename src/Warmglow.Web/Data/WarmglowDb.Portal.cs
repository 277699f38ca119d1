using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Portal;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<PartnerAdminGrant> PartnerAdminGrants => Set<PartnerAdminGrant>();

    [Infrastructure.Modules.ModelPart]
    void OnPortalModel(ModelBuilder b)
    {
        // A partner user reads the partner-admin grants of their own partner only (who on their team is an admin).
        b.Entity<PartnerAdminGrant>().PartnerSees(g => CurrentPartnerId == null || g.PartnerId == CurrentPartnerId);
    }
}
