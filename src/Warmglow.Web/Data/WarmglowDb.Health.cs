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

    [Infrastructure.Modules.ModelPart]
    void OnHealthModel(ModelBuilder b)
    {
        // Partner users see the survey rounds of their own partnerships (the service also checks they are a recipient).
        b.Entity<SurveyRound>().PartnerSees(s => CurrentPartnerId == null || s.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        b.Entity<SurveyRecipient>().PartnerSeesAll();
        // Answers are read only through aggregates for staff; partner users never read them directly.
    }
}
