using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Warmglow.Web.Features.Tasks;

sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> b)
    {
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Details).HasMaxLength(2000);
        b.Property(t => t.Source).HasMaxLength(40);
        b.Property(t => t.SourceKey).HasMaxLength(200);
        b.Property(t => t.Link).HasMaxLength(300);
        b.Property(t => t.AssigneeId).HasMaxLength(450);
        b.HasOne(t => t.Partnership).WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.WorkspaceId, t.SourceKey }).IsUnique();
        b.HasIndex(t => new { t.WorkspaceId, t.Status, t.DueOn });
        b.HasIndex(t => new { t.AssigneeId, t.Status });
    }
}
