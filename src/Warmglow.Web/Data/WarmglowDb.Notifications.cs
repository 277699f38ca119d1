using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Notifications;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationMailState> NotificationMailStates => Set<NotificationMailState>();

    [Infrastructure.Modules.ModelPart]
    void OnNotificationsModel(ModelBuilder b)
    {
        // A partner user reads only the notices addressed to them.
        b.Entity<Notification>().PartnerSees(n => CurrentPartnerId == null || n.UserId == CurrentUserId);
        // Likewise their own e-mail choices (the settings page; the mail job runs as staff).
        b.Entity<NotificationPreference>().PartnerSees(n => CurrentPartnerId == null || n.UserId == CurrentUserId);
        b.Entity<NotificationMailState>().PartnerSees(n => CurrentPartnerId == null || n.UserId == CurrentUserId);
    }
}
