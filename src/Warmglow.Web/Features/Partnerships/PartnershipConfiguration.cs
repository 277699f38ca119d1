using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Warmglow.Web.Features.Partnerships;

sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Notes).HasMaxLength(4000);
        b.HasIndex(p => new { p.WorkspaceId, p.Stage });
        b.HasIndex(p => new { p.WorkspaceId, p.UpdatedAt });
        b.HasOne(p => p.Manager).WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(p => p.Sponsor).WithMany().HasForeignKey(p => p.SponsorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Strategy.PartnerPersona>().WithMany().HasForeignKey(p => p.PersonaId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Members).WithOne(m => m.Partnership).HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Transitions).WithOne(t => t.Partnership).HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PartnershipMemberConfiguration : IEntityTypeConfiguration<PartnershipMember>
{
    public void Configure(EntityTypeBuilder<PartnershipMember> b)
    {
        b.HasIndex(m => new { m.PartnershipId, m.PartnerId }).IsUnique();
        b.HasIndex(m => new { m.WorkspaceId, m.PartnerId });
        b.HasOne(m => m.Partner).WithMany(p => p.Memberships).HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class StageTransitionConfiguration : IEntityTypeConfiguration<StageTransition>
{
    public void Configure(EntityTypeBuilder<StageTransition> b)
    {
        b.Property(t => t.Reason).HasMaxLength(1000);
        b.Property(t => t.ByUserName).HasMaxLength(256);
        b.HasIndex(t => new { t.PartnershipId, t.At });
    }
}
