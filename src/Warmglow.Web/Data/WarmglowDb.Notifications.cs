using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Notifications;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<Notification> Notifications => Set<Notification>();

    // Read by the partner filter below (parameterized per context instance like CurrentPartnerId).
    string? CurrentUserId => tenant.UserId;

    [Infrastructure.Modules.ModelPart]
    void OnNotificationsModel(ModelBuilder b)
    {
        // A partner user reads only the notices addressed to them.
        b.Entity<Notification>().PartnerSees(n => CurrentPartnerId == null || n.UserId == CurrentUserId);
    }
}
