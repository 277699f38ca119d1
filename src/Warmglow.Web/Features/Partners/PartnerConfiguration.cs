using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Core.Partners;

namespace Warmglow.Web.Features.Partners;

sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.Property(p => p.Name).HasMaxLength(PartnerRules.NameMax);
        b.Property(p => p.Website).HasMaxLength(300);
        b.Property(p => p.Industry).HasMaxLength(PartnerRules.ShortTextMax);
        b.Property(p => p.Size).HasMaxLength(PartnerRules.ShortTextMax);
        b.Property(p => p.Region).HasMaxLength(PartnerRules.ShortTextMax);
        b.Property(p => p.Notes).HasMaxLength(PartnerRules.NotesMax);
        b.HasIndex(p => new { p.WorkspaceId, p.Name });
        b.HasMany(p => p.Contacts).WithOne(c => c.Partner).HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Name).HasMaxLength(PartnerRules.NameMax);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.Title).HasMaxLength(PartnerRules.ShortTextMax);
        b.Property(c => c.Phone).HasMaxLength(40);
        b.HasIndex(c => new { c.WorkspaceId, c.PartnerId });
    }
}
