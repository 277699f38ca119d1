using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// Puts every table of every page in its own horizontal scroll box, so a wide table scrolls inside the box and the page
/// never scrolls sideways on a phone. site.js makes a box that really scrolls reachable by keyboard (tabindex, a region
/// named after the table's caption). Pages write plain &lt;table&gt;; nobody wraps tables by hand.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableScrollTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.PreElement.SetHtmlContent("<div class=\"table-responsive\">");
        output.PostElement.SetHtmlContent("</div>");
    }
}
