using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Knowledge;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<KnowledgeArticle> KnowledgeArticles => Set<KnowledgeArticle>();
    public DbSet<KnowledgeArticleVersion> KnowledgeArticleVersions => Set<KnowledgeArticleVersion>();
    public DbSet<LessonsLearned> LessonsLearned => Set<LessonsLearned>();

    [Infrastructure.Modules.ModelPart]
    void OnKnowledgeModel(ModelBuilder b)
    {
        // A partner user reads shared articles only (the service also applies the tier limit); one linked to a
        // partnership (a lesson learned) only if it is one of theirs. Versions and the lessons records stay internal.
        b.Entity<KnowledgeArticle>().PartnerSees(a => CurrentPartnerId == null
            || (a.Shared && (a.PartnershipId == null || a.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId))));
    }
}
