using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Warmglow.Web.Features.Audit;

sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(60);
        b.Property(a => a.Action).HasMaxLength(40);
        b.Property(a => a.Summary).HasMaxLength(300);
        b.HasIndex(a => new { a.WorkspaceId, a.At });
        b.HasIndex(a => new { a.WorkspaceId, a.EntityType, a.EntityId });
    }
}
