using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Health;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<SurveyRound> SurveyRounds => Set<SurveyRound>();
    public DbSet<SurveyRecipient> SurveyRecipients => Set<SurveyRecipient>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<EngagementSnapshot> EngagementSnapshots => Set<EngagementSnapshot>();
    public DbSet<HealthSnapshot> HealthSnapshots => Set<HealthSnapshot>();

    partial void OnHealthModel(ModelBuilder b)
    {
        // Partner users see the survey rounds of their own partnerships (the service also checks they are a recipient).
        b.Entity<SurveyRound>().HasQueryFilter(s => s.WorkspaceId == CurrentWorkspaceId
            && (CurrentPartnerId == null || s.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId)));
        b.Entity<SurveyRecipient>().HasQueryFilter(r => r.WorkspaceId == CurrentWorkspaceId);
        // Answers are read only through aggregates for staff; partner users never read them directly.
        b.Entity<SurveyAnswer>().HasQueryFilter(a => a.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<EngagementSnapshot>().HasQueryFilter(s => s.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
        b.Entity<HealthSnapshot>().HasQueryFilter(s => s.WorkspaceId == CurrentWorkspaceId && CurrentPartnerId == null);
    }
}
