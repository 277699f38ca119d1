using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Revenue;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<RevenueTerms> RevenueTerms => Set<RevenueTerms>();
    public DbSet<RevenueEntry> RevenueEvents => Set<RevenueEntry>();
    public DbSet<RevenueStatement> RevenueStatements => Set<RevenueStatement>();
    public DbSet<RevenueStatementLineSet> RevenueStatementLines => Set<RevenueStatementLineSet>();
    public DbSet<StatementPayment> StatementPayments => Set<StatementPayment>();

    [Infrastructure.Modules.ModelPart]
    void OnRevenueModel(ModelBuilder b)
    {
        // Terms and raw events are internal; partner users see only issued statements of their own partnerships.
        b.Entity<RevenueStatement>().PartnerSees(s => CurrentPartnerId == null || Set<PartnershipMember>().Any(m => m.PartnershipId == s.PartnershipId && m.PartnerId == CurrentPartnerId));
        b.Entity<RevenueStatementLineSet>().PartnerSees(l => CurrentPartnerId == null || Set<RevenueStatement>().Any(s => s.Id == l.StatementId));
        b.Entity<StatementPayment>().PartnerSees(p => CurrentPartnerId == null || Set<RevenueStatement>().Any(s => s.Id == p.StatementId));
    }
}
