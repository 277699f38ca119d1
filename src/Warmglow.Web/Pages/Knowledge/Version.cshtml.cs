using Warmglow.Web.Features.Knowledge;

namespace Warmglow.Web.Pages.Knowledge;

/// <summary>One older version of an article, as it was saved.</summary>
public class VersionModel(KnowledgeService knowledge) : WarmglowPage
{
    public VersionDto Saved { get; private set; } = null!;

    public async Task OnGetAsync(int id, int number) => Saved = await knowledge.VersionAsync(id, number, HttpContext.RequestAborted);
}
