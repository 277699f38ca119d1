using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Onboarding;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<OnboardingTemplate> OnboardingTemplates => Set<OnboardingTemplate>();
    public DbSet<OnboardingChecklist> OnboardingChecklists => Set<OnboardingChecklist>();
    public DbSet<OnboardingStep> OnboardingSteps => Set<OnboardingStep>();

    [Infrastructure.Modules.ModelPart]
    void OnOnboardingModel(ModelBuilder b)
    {
        // Partner users see the checklists of their own partnerships and their steps (the step texts, notes to and from
        // the partner are shared by design); templates stay internal (the default).
        b.Entity<OnboardingChecklist>().PartnerSees(c => CurrentPartnerId == null || c.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        b.Entity<OnboardingStep>().PartnerSees(s => CurrentPartnerId == null || s.Checklist!.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
    }
}
