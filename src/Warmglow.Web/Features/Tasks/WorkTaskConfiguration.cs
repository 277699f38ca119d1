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
        b.HasIndex(t => new { t.PartnershipId, t.Status, t.DueOn });
        b.Property(t => t.CreatedById).HasMaxLength(450);
    }
}

sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> b)
    {
        b.Property(c => c.Text).HasMaxLength(4000);
        b.Property(c => c.AuthorId).HasMaxLength(450);
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.HasOne(c => c.Task).WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.TaskId, c.At });
    }
}
