using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Knowledge;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Knowledge;

/// <summary>One article, rendered from its Markdown (sanitized), with its visibility, tags and history link.</summary>
public class ArticleModel(KnowledgeService knowledge) : WarmglowPage
{
    public ArticleDto Article { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(int id)
    {
        Article = await knowledge.GetAsync(id, HttpContext.RequestAborted);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int version)
    {
        if (!await AllowedAsync(Policies.Manage)) return Forbid();
        if (await TryAsync(() => knowledge.DeleteAsync(id, version, HttpContext.RequestAborted)))
        {
            Flash("Article deleted.");
            return Redirect("/Knowledge");
        }
        await OnGetAsync(id);
        return Page();
    }
}
