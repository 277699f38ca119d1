using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// Puts every table of every page in its own horizontal scroll box, so a wide table scrolls inside the box and the page
/// never scrolls sideways on a phone. The box is reachable by keyboard from the start, so its arrow keys scroll it: a
/// box that scrolls must be, and whether it scrolls depends on the screen, fonts and tabs, which the server cannot know
/// (marking it later in script raced with the first paint). Pages write plain &lt;table&gt;; nobody wraps tables by hand.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableScrollTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.PreElement.SetHtmlContent("<div class=\"table-responsive\" tabindex=\"0\">");
        output.PostElement.SetHtmlContent("</div>");
    }
}
