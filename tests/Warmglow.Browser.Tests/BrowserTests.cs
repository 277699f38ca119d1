using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Tests;

namespace Warmglow.Browser.Tests;

/// <summary>A real Warmglow on Kestrel, on its own SQLite database, driven by Debian's Chromium.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    const string ChromiumPath = "/usr/bin/chromium";
    public static string? Unavailable { get; private set; }

    public SqliteApp App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException("CI=true and " + Unavailable);
            return;
        }
        App.UseKestrel(0);
        App.StartServer();
        using (var client = App.CreateClient())
        {
            App.ServerAddress = client.BaseAddress;
            // Warm up (JIT, EF model, Razor) so that the first browser step is not timed against startup.
            await client.GetAsync("/healthz");
            await client.GetAsync("/Account/Login");
        }
        // CI runs the test projects in parallel on 2 cores: generous timeouts, so that load never reads as failure.
        Assertions.SetDefaultExpectTimeout(20_000);
        BaseUrl = App.ServerAddress!.ToString().TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context signed in as this workspace's user with that role, on /Partners.</summary>
    public Task<IPage> SignedInPage(TestWorkspace ws, string role = Roles.Admin) => SignedInPage(ws.Emails[role]);

    public async Task<IPage> SignedInPage(string email)
    {
        var context = await Browser!.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Partners");
        Assert.Contains("/Account/Login", page.Url);
        // Seen once in ~12 runs under parallel CI load: the sign-in did not reach /Partners. Until the cause is known
        // (see the issue notes), try a second time and report where the browser was stuck the first time.
        string? firstFailure = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(TestApp.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            try
            {
                await page.WaitForURLAsync("**/Partners", new() { Timeout = 25_000 });
                if (firstFailure is not null) Console.WriteLine($"Sign-in needed a second attempt; first: {firstFailure}");
                return page;
            }
            catch (TimeoutException e)
            {
                var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
                firstFailure = $"at {page.Url}: {text[..Math.Min(text.Length, 500)]}";
                if (attempt == 2) throw new TimeoutException($"Sign-in as {email} did not reach /Partners; {firstFailure}", e);
                await page.GotoAsync("/Partners");
                if (!page.Url.Contains("/Account/Login", StringComparison.Ordinal))
                {
                    Console.WriteLine($"Sign-in had succeeded but stalled; first: {firstFailure}");
                    return page;
                }
            }
        }
        return page;
    }

    /// <summary>No serious or critical axe-core violation on the page as it is now.</summary>
    public static async Task AssertAccessible(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n{string.Join("\n", serious)}");
    }
}

/// <summary>
/// Every browser test class shares one app and one Chromium and runs one after another: on a 2-core CI machine,
/// parallel browsers and servers only turn load into timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(BrowserApp browser)
{
    [SkippableFact]
    public async Task Manager_SignsIn_CreatesPartner_MovesItsPartnership_AndSeesTheHistory()
    {
        Skip.If(BrowserApp.Unavailable is not null, BrowserApp.Unavailable);
        var ws = await browser.App.CreateWorkspaceAsync("Browser");
        var page = await browser.SignedInPage(ws, Roles.Manager);
        await BrowserApp.AssertAccessible(page); // the empty state

        await page.GetByRole(AriaRole.Link, new() { Name = "New partner" }).First.ClickAsync();
        await page.GetByLabel("Name").First.FillAsync("Greenroot Food Co-op");
        await page.GetByLabel("Website").FillAsync("not a website");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        // Inline error, nothing lost.
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Website']")).ToContainTextAsync("http");
        Assert.Equal("Greenroot Food Co-op", await page.GetByLabel("Name").First.InputValueAsync());

        await page.GetByLabel("Website").FillAsync("https://greenroot.example");
        await page.GetByLabel("Industry").FillAsync("Food & Grocery");
        await page.GetByLabel("Partnership type").SelectOptionAsync("ResourceSharing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Matches(@"/Partners/\d+$", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Greenroot Food Co-op", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessible(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Greenroot Food Co-op — Complementary resource sharing" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline-item")).ToHaveCountAsync(1);
        await page.GetByLabel("Move to").SelectOptionAsync("Research");
        await page.GetByLabel("Why").FillAsync("Shared commitment to community wellness");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move stage" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Moved to Research");
        await Assertions.Expect(page.Locator(".timeline-item")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".timeline-item").First).ToContainTextAsync("Shared commitment to community wellness");
        await Assertions.Expect(page.Locator(".timeline-item").First).ToContainTextAsync("manager user");
        await BrowserApp.AssertAccessible(page);

        // The list filters in place (htmx) by stage.
        await page.GotoAsync("/Partners");
        await page.GetByLabel("Stage").SelectOptionAsync("Research");
        await Assertions.Expect(page.Locator("#results tbody tr")).ToHaveCountAsync(1);
        await page.GetByLabel("Stage").SelectOptionAsync("Active");
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("No partner matches these filters");
    }

    [SkippableFact]
    public async Task Admin_LoadsDemoData_AndEveryMainPageIsAccessible()
    {
        Skip.If(BrowserApp.Unavailable is not null, BrowserApp.Unavailable);
        var ws = await browser.App.CreateWorkspaceAsync("Demo");
        var page = await browser.SignedInPage(ws);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load demo data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Demo data loaded: 20 partners");
        await BrowserApp.AssertAccessible(page);
        foreach (var url in new[] { "/Partners", "/Partnerships", "/Partnerships/Types", "/Admin/Users", "/Admin/Audit", "/Partners/Import", "/Partnerships/Edit", "/Scorecards", "/Scorecards/Edit", "/Strategy", "/Strategy/Statement", "/Strategy/Goals", "/Strategy/Goals/Edit", "/Strategy/Personas", "/Strategy/Personas/Edit", "/Strategy/SelfAssessments", "/Strategy/SelfAssessments/New", "/Tasks", "/Tasks?Scope=All&AnyStatus=true" })
        {
            await page.GotoAsync(url);
            await BrowserApp.AssertAccessible(page);
        }
        // Edit a contact of a demo partner.
        await page.GotoAsync("/Partners?search=Lotus");
        await page.Locator("#results tbody tr a").First.ClickAsync();
        await page.Locator("a[aria-label^='Edit contact']").First.ClickAsync();
        await BrowserApp.AssertAccessible(page);
        await page.GetByLabel("Title").FillAsync("Head of partnerships");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Contact saved");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Head of partnerships");

        await page.GotoAsync("/Partnerships?sort=Stage");
        await page.Locator("#results tbody tr a").First.ClickAsync();
        await BrowserApp.AssertAccessible(page);
        var partnershipUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Assessments" }).ClickAsync();
        await BrowserApp.AssertAccessible(page);
        await page.GotoAsync(partnershipUrl);
        await page.Locator("#vetting a[href$='/Pilot']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pilot project" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessible(page);
        if (Environment.GetEnvironmentVariable("WARMGLOW_SCREENSHOT") is { } shot)
        {
            await page.GotoAsync("/Partnerships?search=Dreamwell");
            await page.Locator("#results tbody tr a").First.ClickAsync();
            await page.ScreenshotAsync(new() { Path = shot, FullPage = false });
            await page.Locator("#vetting").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.ChangeExtension(shot, ".vetting.png"), FullPage = true });
        }
    }

    [SkippableFact]
    public async Task TwoEvaluators_ScoreACandidate_AndTheRankingChanges()
    {
        Skip.If(BrowserApp.Unavailable is not null, BrowserApp.Unavailable);
        var ws = await browser.App.CreateWorkspaceAsync("Ranking");
        var admin = await ws.As(Roles.Admin);
        async Task<int> Candidate(string name)
        {
            var partner = await (await admin.PostJson("/api/partners", new { name })).Read<Warmglow.Web.Features.Partners.PartnerDto>();
            return (await (await admin.PostJson("/api/partnerships", new { name, type = "CoMarketing", partnerId = partner.Id })).Read<Warmglow.Web.Features.Partnerships.PartnershipDto>()).Id;
        }
        var early = await Candidate("Early Bird Studios");
        var late = await Candidate("Late Bloom Co-op");
        var cards = await (await admin.GetAsync("/api/scorecards")).Read<List<Warmglow.Web.Features.Discovery.ScorecardSummary>>();
        var card = await (await admin.GetAsync($"/api/scorecards/{cards.Single(c => c.Key == "assessment-1-5").Id}")).Read<Warmglow.Web.Features.Discovery.ScorecardDto>();
        var keys = card.Dimensions.SelectMany(d => d.Criteria).Select(c => c.Key).ToList();
        await admin.PostJson($"/api/partnerships/{early}/evaluations", new { scorecardId = card.Id, scores = keys.ToDictionary(k => k, _ => 4) }); // 75

        var manager = await browser.SignedInPage(ws, Roles.Manager);
        await manager.GotoAsync($"/Scorecards/{card.Id}/Ranking");
        await Assertions.Expect(manager.Locator("tbody tr").First).ToContainTextAsync("Early Bird Studios");
        await Assertions.Expect(manager.Locator("canvas#ranking-chart")).ToBeVisibleAsync();

        foreach (var email in new[] { ws.Emails[Roles.Evaluator], await ws.NewUserAsync(Roles.Evaluator) })
        {
            var evaluator = await browser.SignedInPage(email);
            await evaluator.GotoAsync($"/Partnerships/{late}/Evaluate?scorecard={card.Id}");
            foreach (var key in keys) await evaluator.Locator($"label[for='s-{key}-5']").ClickAsync();
            await evaluator.GetByRole(AriaRole.Button, new() { Name = "Submit scores" }).ClickAsync();
            await Assertions.Expect(evaluator.GetByRole(AriaRole.Status)).ToContainTextAsync("Your scores are in");
            await Assertions.Expect(evaluator.Locator(".scorecard-result")).ToContainTextAsync("Combined score");
            await BrowserApp.AssertAccessible(evaluator);
            await evaluator.Context.CloseAsync();
        }

        await manager.ReloadAsync();
        await Assertions.Expect(manager.Locator("tbody tr").First).ToContainTextAsync("Late Bloom Co-op");
        await Assertions.Expect(manager.Locator("tbody tr").First).ToContainTextAsync("100");
        await Assertions.Expect(manager.Locator("tbody tr").First).ToContainTextAsync("Shortlisted");
        await BrowserApp.AssertAccessible(manager);
    }
}
