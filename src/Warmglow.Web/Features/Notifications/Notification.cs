using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Notifications;

/// <summary>
/// One notice for one person: what happened (<see cref="Title"/>), where to act (<see cref="Link"/>) and whether they
/// have read it. (workspace, user, occasion) is unique, so an occasion reaches each person once however often it is raised.
/// </summary>
public class Notification : IWorkspaceOwned
{
    public long Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    /// <summary>The stable event name, e.g. "statement.issued" (preferences and webhooks key on it).</summary>
    public required string Event { get; set; }
    public required string Title { get; set; }
    /// <summary>An app-relative link ("/Portal/Statement/4"); never an absolute URL.</summary>
    public string? Link { get; set; }
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public required string OccasionKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Event).HasMaxLength(80);
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.OccasionKey).HasMaxLength(200);
        b.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(n => n.Partnership).WithMany().HasForeignKey(n => n.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.WorkspaceId, n.UserId, n.OccasionKey }).IsUnique();
        // The inbox and the unread count: newest first per person.
        b.HasIndex(n => new { n.WorkspaceId, n.UserId, n.ReadAt, n.Id });
    }
}
