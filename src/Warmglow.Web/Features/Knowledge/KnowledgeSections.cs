using Microsoft.AspNetCore.Mvc;

namespace Warmglow.Web.Features.Knowledge;

/// <summary>The partnership page's "Lessons learned" card, shown once the partnership is sunsetting or ended.</summary>
public sealed class LessonsSectionViewComponent(KnowledgeService knowledge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int partnershipId)
    {
        var lessons = await knowledge.LessonsAsync(partnershipId, HttpContext.RequestAborted);
        return lessons.CanRecord || lessons.ArticleId is not null ? View(lessons) : Content("");
    }
}
