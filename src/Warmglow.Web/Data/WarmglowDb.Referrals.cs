using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Referrals;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationConflict> RegistrationConflicts => Set<RegistrationConflict>();
    public DbSet<RegistrationCredit> RegistrationCredits => Set<RegistrationCredit>();
    public DbSet<ReferralSettings> ReferralSettings => Set<ReferralSettings>();
    public DbSet<CompanyAlias> CompanyAliases => Set<CompanyAlias>();
    public DbSet<CompanyAliasDomain> CompanyAliasDomains => Set<CompanyAliasDomain>();
    public DbSet<CrmAccount> CrmAccounts => Set<CrmAccount>();

    [Infrastructure.Modules.ModelPart]
    void OnReferralsModel(ModelBuilder b)
    {
        // A partner user reads only their own partner's registrations (not another member's in the same partnership);
        // conflicts, credits, settings, alias groups and
        // our CRM accounts stay internal (closed to partner users by default). Internal notes are left out of every partner-facing answer.
        b.Entity<Registration>().PartnerSees(r => CurrentPartnerId == null || r.PartnerId == CurrentPartnerId);
    }
}
