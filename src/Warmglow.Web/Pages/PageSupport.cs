using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages;

/// <summary>Links for one page of a list, keeping the current filters.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, string Noun, Func<int, string> Link)
{
    public static PagerModel For<T>(Paged<T> page, string noun, HttpRequest request) =>
        new(page.Page, page.PageCount, page.Total, noun, p =>
        {
            var query = request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").ToList();
            query.Add($"page={p}");
            return $"{request.Path}?{string.Join("&", query)}";
        });
}

/// <summary>Runs a change and turns rule violations into inline form errors instead of error pages.</summary>
public abstract class WarmglowPage : PageModel
{
    /// <summary>Form fields are bound under this prefix ("Input"), so "name" maps to "Input.Name".</summary>
    protected virtual string InputPrefix => "Input";

    protected async Task<bool> TryAsync(Func<Task> change)
    {
        try
        {
            await change();
            return true;
        }
        catch (ValidationFailed v)
        {
            foreach (var (field, messages) in v.Errors.ToDictionary())
                foreach (var m in messages)
                    ModelState.AddModelError(FieldKey(field), $"{Label(field)} {m}");
        }
        catch (Conflict c)
        {
            ModelState.AddModelError("", c.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else saved a change to this record after you opened it. Reload the page to see their change, then apply yours again.");
        }
        return false;
    }

    string FieldKey(string field) => field is "file" or "header" || field.StartsWith("row ", StringComparison.Ordinal)
        ? "" : InputPrefix.Length == 0 ? $"{char.ToUpperInvariant(field[0])}{field[1..]}" : $"{InputPrefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    static string Label(string field)
    {
        if (field.StartsWith("row ", StringComparison.Ordinal)) return $"Row {field[4..]}:";
        // "ours.decisionMakingSpeed" reads "Ours: decision making speed".
        var spaced = string.Concat(field.Replace(".", ": ").Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    protected void Flash(string message) => TempData["Flash"] = message;

    /// <summary>For handlers stricter than their page (e.g. a manager-only form on a page everyone reads).</summary>
    protected async Task<bool> AllowedAsync(string policy) =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, policy)).Succeeded;
}
