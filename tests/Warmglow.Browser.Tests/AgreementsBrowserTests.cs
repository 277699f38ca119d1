using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Tests;

namespace Warmglow.Browser.Tests;

/// <summary>The agreement pages in a real browser, on the demo data: accessible, and the edit form reports errors inline.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreementsBrowserTests(BrowserApp browser)
{
    [SkippableFact]
    public async Task AgreementPages_AreAccessible_AndTheEditFormShowsErrorsInline()
    {
        Skip.If(BrowserApp.Unavailable is not null, BrowserApp.Unavailable);
        var ws = await browser.App.CreateWorkspaceAsync("Agreements demo");
        var page = await browser.SignedInPage(ws);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load demo data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Demo data loaded");

        await page.GotoAsync("/Agreements");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue reviews" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessible(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lotus Flow booking integration agreement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Terms (version 3)" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessible(page);
        var details = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(page.Locator("ins").First).ToBeVisibleAsync();
        await BrowserApp.AssertAccessible(page);

        await page.GotoAsync(details);
        await page.GetByRole(AriaRole.Link, new() { Name = "Version 1", Exact = true }).ClickAsync();
        await BrowserApp.AssertAccessible(page);

        await page.GotoAsync(details);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change terms" }).ClickAsync();
        await BrowserApp.AssertAccessible(page);
        await page.GetByLabel("Wind-down (days)").FillAsync("-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 4" }).ClickAsync();
        await Assertions.Expect(page.Locator("#err-wind")).ToContainTextAsync("must not be negative");
        await Assertions.Expect(page.Locator("#err-reason")).ToContainTextAsync("is required");
        await page.GetByLabel("Wind-down (days)").FillAsync("120");
        await page.GetByLabel("Why this change").FillAsync("Longer wind-down for studio members");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 4" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Terms (version 4)" })).ToBeVisibleAsync();

        await page.GotoAsync("/Agreements/Create");
        await BrowserApp.AssertAccessible(page);
        await page.GotoAsync("/Partnerships");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wind-down audio on the sleep band" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Charter" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Different meeting cadences").First).ToBeVisibleAsync();
        await BrowserApp.AssertAccessible(page);
    }
}
