using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Tasks;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();

    [Infrastructure.Modules.ModelPart]
    void OnTasksModel(ModelBuilder b)
    {
        // Partner users read the tasks of their own partnerships that are assigned to them or shared with them
        // (decision 0025); staff tasks without a partnership, and internal ones, stay internal.
        b.Entity<WorkTask>().PartnerSees(t => CurrentPartnerId == null
            || (t.PartnershipId != null && (t.Shared || t.AssigneeId == CurrentUserId) && t.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
        // Of those tasks, only the comments written as shared.
        b.Entity<TaskComment>().PartnerSees(c => CurrentPartnerId == null
            || (c.Shared && c.Task!.PartnershipId != null && (c.Task.Shared || c.Task.AssigneeId == CurrentUserId)
                && c.Task.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
    }
}
