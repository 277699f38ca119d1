using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Warmglow.Core.Knowledge;

namespace Warmglow.Web.Features.Knowledge;

/// <summary>
/// Renders an article's Markdown to HTML that is safe to put in a page: raw HTML is off in the pipeline (a &lt;script&gt;
/// or &lt;img onerror=…&gt; shows as text), no extension that lets authors write attributes is used, and every link or
/// image whose address is not http(s), mailto or relative (<see cref="KnowledgeRules.IsSafeUrl"/>) is dropped: the link
/// keeps its text, the image its description. Links get rel="nofollow noopener noreferrer".
/// </summary>
public static class KnowledgeMarkdown
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var doc = Markdown.Parse(markdown, Pipeline);
        foreach (var link in doc.Descendants<LinkInline>().ToList())
        {
            if (KnowledgeRules.IsSafeUrl(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                if (!link.IsImage) link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
                continue;
            }
            if (link.IsImage)
            {
                link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
                continue;
            }
            // Keep the link's text (with its emphasis), drop the link.
            while (link.FirstChild is { } child)
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
        }
        foreach (var auto in doc.Descendants<AutolinkInline>().ToList())
            if (!auto.IsEmail && !KnowledgeRules.IsSafeUrl(auto.Url)) auto.ReplaceBy(new LiteralInline(auto.Url));
        return doc.ToHtml(Pipeline);
    }

    /// <summary>A plain-text excerpt (Markdown marks stripped) for lists.</summary>
    public static string Excerpt(string? markdown, int max = 180)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var text = Markdown.ToPlainText(markdown, Pipeline);
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= max ? text : text[..max].TrimEnd() + "…";
    }
}
