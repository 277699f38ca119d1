using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Warmglow.Web.Features.Users;

namespace Warmglow.Browser.Tests;

/// <summary>
/// Every page an admin reaches on the demo data — the navigation and, breadth first, one page of each shape the pages
/// link to (a partnership, an agreement, a statement, a survey's results…) — fits a phone: nothing scrolls sideways at
/// 390 px (wide tables scroll inside their own box), and axe-core finds no violation of any impact at 1280 px or at
/// 390 px. Pages of later modules are covered as soon as something links to them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LayoutBrowserTests(BrowserApp browser)
{
    const int MaxPages = 120;

    [SkippableFact]
    public async Task EveryPage_FitsAPhone_AndHasNoAccessibilityViolation()
    {
        Skip.If(BrowserApp.Unavailable is not null, BrowserApp.Unavailable);
        var ws = await browser.App.CreateWorkspaceAsync("Layout demo");
        var page = await browser.SignedInPage(ws, Roles.Admin);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load demo data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Demo data loaded");

        var problems = new List<string>();
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var url = queue.Dequeue();
            await page.SetViewportSizeAsync(1280, 900);
            var response = await page.GotoAsync(url);
            if (response is null || !response.Ok || response.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html") != true) continue;
            visited++;
            problems.AddRange(await Violations(page, url, "1280 px"));
            foreach (var link in await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                if (!Followable(link) || !seen.Add(link)) continue;
                if (shapes.Add(Shape(link))) queue.Enqueue(link);
            }
            await page.SetViewportSizeAsync(390, 800);
            // A phone's page is laid out before anyone reads it: two animation frames, as a person sees it.
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 390) problems.Add($"{url} scrolls sideways at 390 px ({width} px wide)");
            problems.AddRange(await Violations(page, url, "390 px"));
        }
        Assert.True(visited >= 40, $"only {visited} pages were reached from the dashboard");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    static async Task<IEnumerable<string>> Violations(IPage page, string url, string at)
    {
        var result = await page.RunAxe();
        return result.Violations.Select(v => $"{url} at {at}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}");
    }

    // Sign-out, files and the API are not pages; the API docs are Swagger UI's own page, not ours to lay out.
    static bool Followable(string link) =>
        !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/api", StringComparison.Ordinal) &&
        !link.StartsWith("/Account/", StringComparison.Ordinal) && !link.Contains('#') && !link.Contains("handler=", StringComparison.Ordinal) &&
        !FileLink().IsMatch(link.Split('?')[0]);

    /// <summary>One page per route shape: "/Partnerships/12" and "/Partnerships/40" are the same layout.</summary>
    static string Shape(string link) => Number().Replace(link.Split('?')[0], "{n}");

    [GeneratedRegex(@"\.(csv|ics|pdf|png|ico|svg|json)$|/(Export|Feed|Download)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FileLink();
    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f-]{27}|\d+")]
    private static partial Regex Number();
}
