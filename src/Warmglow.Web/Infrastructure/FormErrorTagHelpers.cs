using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// The one way a form shows what went wrong: <c>&lt;form-errors /&gt;</c> renders the form's own errors (not tied to a
/// field) in a red alert, and nothing at all when there are none, so no empty alert box ever shows. With
/// <c>all="true"</c> it also lists field errors (for forms whose fields sit far from the top).
/// </summary>
[HtmlTargetElement("form-errors", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormErrorsTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Also list the errors of individual fields.</summary>
    public bool All { get; set; }

    /// <summary>A sentence shown above the list (e.g. "Nothing was saved. Please fix:").</summary>
    public string? Lead { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        var messages = state
            .Where(e => All || e.Key.Length == 0)
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage))
            .Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToList();
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-danger");
        output.Attributes.SetAttribute("role", "alert");
        if (Lead is not null)
        {
            var p = new TagBuilder("p");
            p.AddCssClass("mb-1 fw-semibold");
            p.InnerHtml.Append(Lead);
            output.Content.AppendHtml(p);
        }
        if (messages.Count == 1 && Lead is null)
        {
            output.Content.Append(messages[0]);
            return;
        }
        var ul = new TagBuilder("ul");
        ul.AddCssClass("mb-0");
        foreach (var m in messages)
        {
            var li = new TagBuilder("li");
            li.InnerHtml.Append(m);
            ul.InnerHtml.AppendHtml(li);
        }
        output.Content.AppendHtml(ul);
    }
}
