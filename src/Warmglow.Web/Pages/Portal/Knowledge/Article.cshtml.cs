using Warmglow.Web.Features.Knowledge;

namespace Warmglow.Web.Pages.Portal.Knowledge;

/// <summary>One shared article (internal ones and those for other tiers are not found).</summary>
public class ArticleModel(KnowledgeService knowledge) : WarmglowPage
{
    public ArticleDto Article { get; private set; } = null!;

    public async Task OnGetAsync(int id) => Article = await knowledge.GetAsync(id, HttpContext.RequestAborted);
}
