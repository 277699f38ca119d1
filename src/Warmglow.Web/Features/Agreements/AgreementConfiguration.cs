using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Warmglow.Web.Features.Agreements;

sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Currency).HasMaxLength(3);
        b.HasOne(a => a.Partnership).WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.WorkspaceId, a.Status });
    }
}
