using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Knowledge;
using Warmglow.Web.Features.Knowledge;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Knowledge;

/// <summary>The knowledge base: search (title, body, tags), a tag and a kind filter, one page of articles at a time.</summary>
public class IndexModel(KnowledgeService knowledge) : WarmglowPage
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public ArticleKind? Kind { get; set; }
    public Paged<ArticleRow> Result { get; private set; } = null!;
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(Tag) || Kind is not null;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        var ct = HttpContext.RequestAborted;
        Result = await knowledge.ListAsync(new(Search, Tag, Kind, page), ct);
        Tags = await knowledge.TagsAsync(ct);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public string TagLink(string tag) => $"/Knowledge?Tag={Uri.EscapeDataString(tag)}{(Kind is { } k ? $"&Kind={k}" : "")}";
}
