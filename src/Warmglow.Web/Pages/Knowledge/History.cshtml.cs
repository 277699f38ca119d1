using Warmglow.Web.Features.Knowledge;

namespace Warmglow.Web.Pages.Knowledge;

/// <summary>Every version of an article, newest first, each with who saved it and when.</summary>
public class HistoryModel(KnowledgeService knowledge) : WarmglowPage
{
    public ArticleDto Article { get; private set; } = null!;
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public async Task OnGetAsync(int id)
    {
        Article = await knowledge.GetAsync(id, HttpContext.RequestAborted);
        Versions = await knowledge.VersionsAsync(id, HttpContext.RequestAborted);
    }
}
