using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Knowledge;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Portal.Knowledge;

/// <summary>The articles we share with the partner (only those for their tier), searchable and by tag.</summary>
public class IndexModel(KnowledgeService knowledge) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    public Paged<ArticleRow> Result { get; private set; } = null!;
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        Result = await knowledge.ListAsync(new(Search, Tag, null, page), HttpContext.RequestAborted);
        Tags = await knowledge.TagsAsync(HttpContext.RequestAborted);
    }
}
