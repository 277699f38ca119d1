using Microsoft.Playwright;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Tests;

namespace Warmglow.Browser.Tests;

/// <summary>The measurement dashboards in a real browser, on the demo data: charts render and axe finds nothing serious on them or on the other module pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MeasurementBrowserTests(BrowserApp browser)
{
    /// <summary>How many chart.js instances the page made, and how many of their canvases have any painted pixel.</summary>
    static async Task<(int Charts, int Painted)> Charts(IPage page)
    {
        await page.WaitForFunctionAsync("() => Array.isArray(window.warmglowCharts) && window.warmglowCharts.length > 0");
        var counts = await page.EvaluateAsync<int[]>(@"() => {
            const charts = window.warmglowCharts;
            const painted = charts.filter(c => {
                const canvas = c.canvas;
                if (!canvas.width || !canvas.height) return false;
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
                return false;
            });
            return [charts.length, painted.length];
        }");
        return (counts[0], counts[1]);
    }

    [SkippableFact]
    public async Task Dashboards_OnDemoData_RenderTheirCharts_AndAreAccessible()
    {
        Skip.If(BrowserApp.Unavailable is not null, BrowserApp.Unavailable);
        var ws = await browser.App.CreateWorkspaceAsync("Measure demo");
        var page = await browser.SignedInPage(ws);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load demo data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Demo data loaded");

        await page.GotoAsync("/Health?sort=-composite");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partnership health", Level = 1 })).ToBeVisibleAsync();
        var (charts, painted) = await Charts(page);
        Assert.Equal(1, charts);
        Assert.Equal(1, painted);
        await Assertions.Expect(page.Locator("table caption", new() { HasText = "Partnerships per composite score band" })).ToHaveCountAsync(1);
        await BrowserApp.AssertAccessible(page);

        // The best-scored partnership: scorecard chart plus one trend chart per attached metric, all painted.
        await page.Locator("table tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scorecard" })).ToBeVisibleAsync();
        var (detailCharts, detailPainted) = await Charts(page);
        Assert.True(detailCharts >= 2, $"expected the scorecard and trend charts, got {detailCharts}");
        Assert.Equal(detailCharts, detailPainted);
        await Assertions.Expect(page.Locator("#health-h")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessible(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Metrics, observations and costs" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attached metrics" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessible(page);
        // A valid observation is recorded (and the page comes back without errors)…
        await page.Locator("#obs-metric").SelectOptionAsync(new SelectOptionValue { Label = "Shared goals on track (percent, 0–100)" });
        await page.Locator("#obs-value").FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Observation recorded");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        // …bad input shows an error and saves nothing.
        await page.Locator("#obs-value").FillAsync("120");
        await page.Locator("#obs-metric").SelectOptionAsync(new SelectOptionValue { Label = "Shared goals on track (percent, 0–100)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(page.Locator("#obs-h-Value-error")).ToContainTextAsync("from 0 to 100");
        await BrowserApp.AssertAccessible(page);

        // The other pages of the measurement, health and revenue modules, on the same demo data.
        foreach (var url in new[] { "/Metrics", "/Metrics/Edit", "/Metrics/Weights", "/Surveys", "/Surveys/Create", "/Health/Engagement", "/Health/Alerts", "/Revenue", "/Agreements", "/Governance", "/Tasks?Scope=All&AnyStatus=true" })
        {
            await page.GotoAsync(url);
            await BrowserApp.AssertAccessible(page);
        }
    }
}
