using Microsoft.Playwright;
using Warmglow.Web.Features.Users;

namespace Warmglow.Browser.Tests;

/// <summary>
/// Under the Content-Security-Policy every page still works: on the demo data, every page the navigation reaches (and
/// the first record each list links to: a partnership, a revenue agreement, a health page with its charts…), the
/// partners list filtered with htmx and the API docs raise no CSP violation and no script error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CspBrowserTests(BrowserApp browser)
{
    const string Recorder = @"
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || location.pathname}:${e.lineNumber}`));";

    [SkippableFact]
    public async Task EveryPageFromTheNav_OnDemoData_HasNoCspViolation()
    {
        Skip.If(BrowserApp.Unavailable is not null, BrowserApp.Unavailable);
        var ws = await browser.App.CreateWorkspaceAsync("Csp demo");
        var page = await browser.SignedInPage(ws, Roles.Admin);
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
                problems.Add($"console on {page.Url}: {m.Text}");
        };
        page.PageError += (_, e) => problems.Add($"script error on {page.Url}: {e}");
        await page.Context.AddInitScriptAsync(Recorder);

        async Task Visit(string url)
        {
            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.NotNull(response);
            Assert.True(response.Ok, $"{url}: {response.Status}");
            var csp = await response.HeaderValueAsync("content-security-policy");
            Assert.True(csp?.Contains("frame-ancestors 'none'") == true, $"{url} has no Content-Security-Policy");
            await Collect();
        }
        async Task Collect()
        {
            foreach (var v in await page.EvaluateAsync<string[]>("() => window.__cspViolations || []"))
                problems.Add($"securitypolicyviolation on {page.Url}: {v}");
            await page.EvaluateAsync("() => { window.__cspViolations = []; }");
        }

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load demo data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Demo data loaded");
        await Collect();

        var nav = await page.Locator("nav[aria-label='Main'] a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var pages = nav.Distinct().ToList();
        Assert.Contains("/Partners", pages);
        Assert.Contains("/Health", pages);
        Assert.Contains("/api/docs", pages);
        var visited = new HashSet<string>();
        foreach (var url in pages)
        {
            await Visit(url);
            visited.Add(url);
            if (url.StartsWith("/api", StringComparison.Ordinal)) continue;
            // One level deeper: the first record the page lists (partnership page, revenue agreement, health page with charts…).
            var first = page.Locator("main table tbody a[href^='/']").First;
            if (await first.CountAsync() == 0) continue;
            var detail = await first.GetAttributeAsync("href");
            if (detail is not null && visited.Add(detail)) await Visit(detail);
        }
        Assert.Contains(visited, u => u.StartsWith("/Partnerships/", StringComparison.Ordinal));
        Assert.Contains(visited, u => u.StartsWith("/Health/", StringComparison.Ordinal));
        Assert.Contains(visited, u => u.StartsWith("/Revenue/", StringComparison.Ordinal));

        // The health dashboard's chart.js charts were drawn under the policy.
        await Visit("/Health");
        await page.WaitForFunctionAsync("() => Array.isArray(window.warmglowCharts) && window.warmglowCharts.length > 0");

        // htmx filtering on the partners list swaps results in place under the policy.
        await Visit("/Partners");
        var rowsBefore = await page.Locator("#results tbody tr").CountAsync();
        await page.RunAndWaitForResponseAsync(() => page.Locator("#search").FillAsync("Lotus"),
            r => r.Url.Contains("/Partners?", StringComparison.Ordinal) && r.Url.Contains("Lotus", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#results tbody tr")).Not.ToHaveCountAsync(rowsBefore);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Collect();

        // The Swagger UI renders under its own policy.
        await Visit("/api/docs/index.html");
        await Assertions.Expect(page.Locator(".swagger-ui .info .title")).ToContainTextAsync("Warmglow API");
        await Collect();
        // "Try it out" there runs with the session cookie: the docs page adds X-Requested-With to same-origin calls…
        const string Post = "() => fetch('/api/partners', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Docs page partner' }) }).then(r => r.status)";
        Assert.Equal(201, await page.EvaluateAsync<int>(Post));
        // …which any other page (or another site) making the same call with only the cookie does not: refused.
        await Visit("/Partners");
        Assert.Equal(403, await page.EvaluateAsync<int>(Post.Replace("Docs page partner", "Plain page partner")));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
