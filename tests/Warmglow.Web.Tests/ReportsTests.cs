using System.Text.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Warmglow.Web.Features.Reports;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteReportsTests(SqliteApp app) : ReportsTests<SqliteApp>(app);
public sealed class PostgresReportsTests(PostgresApp app) : ReportsTests<PostgresApp>(app);

/// <summary>The quarterly business review pack and the portfolio report: sections from the modules, print-ready HTML, PDF, and who may read them.</summary>
public abstract class ReportsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<TestWorkspace> Workspace(string name)
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        return await app.CreateWorkspaceAsync(name);
    }

    static ReportSection Section(JsonNode report, string title) =>
        report["sections"]!.AsArray().Select(s => s.Deserialize<ReportSection>(Json.Options)!).Single(s => s.Title.StartsWith(title, StringComparison.Ordinal));

    [SkippableFact]
    public async Task ReviewPack_CollectsEachModulesSection_InOrder_ForTheQuarterAsked()
    {
        var ws = await Workspace("Qbr");
        var manager = await ws.As(Roles.Manager);
        var (pid, _) = await manager.NewPartnershipAsync("Lumen <b>Labs</b>");
        var me = await (await manager.GetAsync("/api/me")).Read<JsonObject>();
        var overdue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson("/api/tasks", new { title = "Send the joint deck", partnershipId = pid, assigneeId = me["id"]!.GetValue<string>(), dueOn = overdue })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJson($"/api/partnerships/{pid}/charter",
            new { ours = new { primaryObjective = "Grow joint renewals", successMetrics = new[] { "Renewal rate" } }, theirs = new { primaryObjective = "Reach new clinics" }, version = 0 })).StatusCode);

        var report = await (await manager.GetAsync($"/api/reports/partnerships/{pid}/qbr")).Read<JsonObject>();
        Assert.Equal("Lumen <b>Labs</b> alliance", report["subject"]!.GetValue<string>());
        var titles = report["sections"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()).ToList();
        Assert.Equal("Scorecard and ROI", titles[0]);
        Assert.Contains("Health and engagement", titles);
        Assert.Contains("Revenue and statements", titles);
        Assert.Contains("Initiatives and outcomes", titles);
        Assert.Contains("Decisions", titles);
        Assert.StartsWith("Next quarter", titles[^1]);
        var orders = report["sections"]!.AsArray().Select(s => s!["order"]!.GetValue<int>()).ToList();
        Assert.Equal(orders.Order().ToList(), orders);

        var actions = Section(report, "Action items");
        Assert.Equal("1", actions.Figures.Single(f => f.Label == "Overdue").Value);
        Assert.Contains(actions.Tables[0].Rows, r => r[0] == "Send the joint deck" && r[2].EndsWith("(overdue)", StringComparison.Ordinal));
        var next = Section(report, "Next quarter");
        Assert.Contains(next.Tables[0].Rows, r => r[0] == "Ours" && r[1] == "Grow joint renewals");
        Assert.Contains(next.Tables[0].Rows, r => r[0] == "Theirs" && r[1] == "Reach new clinics");

        // An earlier quarter is asked by its name; a bad one names the field; the page picks from a list and says so.
        var old = await (await manager.GetAsync($"/api/reports/partnerships/{pid}/qbr?quarter=2025-Q1")).Read<JsonObject>();
        Assert.Equal("2025-Q1", old["quarter"]!.GetValue<string>());
        Assert.Equal("Done in Q1 2025", Section(old, "Action items").Figures[2].Label);
        Assert.NotNull((await (await manager.GetAsync($"/api/reports/partnerships/{pid}/qbr?quarter=2025-Q7")).Problem(400))["errors"]!["quarter"]);

        // The page: print-ready, every text encoded (the partnership's name holds markup), the PDF offered or explained.
        var html = await manager.GetStringAsync($"/Reports/Qbr/{pid}");
        Assert.Contains("Lumen &lt;b&gt;Labs&lt;/b&gt; alliance", html);
        Assert.DoesNotContain("<b>Labs</b>", html);
        Assert.Contains("/css/report.css", html);
        Assert.Contains("data-print", html);
        Assert.Contains("Choose a quarter", await manager.GetStringAsync($"/Reports/Qbr/{pid}?quarter=someday"));
        Assert.Contains($"/Reports/Qbr/{pid}", await manager.GetStringAsync($"/Partnerships/{pid}"));
    }

    [SkippableFact]
    public async Task Reports_AreForManagersExecutivesAndAdmins_OnlyTheirOwnWorkspace()
    {
        var ws = await Workspace("QbrWho");
        var manager = await ws.As(Roles.Manager);
        var (pid, partnerId) = await manager.NewPartnershipAsync("Quietly");
        Assert.Equal(HttpStatusCode.OK, (await (await ws.As(Roles.Executive)).GetAsync($"/api/reports/partnerships/{pid}/qbr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await ws.As(Roles.Executive)).GetAsync("/api/reports/portfolio")).StatusCode);

        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/api/reports/partnerships/{pid}/qbr")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/api/reports/portfolio")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await evaluator.GetAsync($"/Reports/Qbr/{pid}")).StatusCode);
        Assert.DoesNotContain($"/Reports/Qbr/{pid}", await evaluator.GetStringAsync($"/Partnerships/{pid}"));

        var partner = await ws.AsPartnerUser(partnerId);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/reports/partnerships/{pid}/qbr")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/reports/partnerships/{pid}/qbr.pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync("/Reports/Portfolio")).StatusCode);

        var other = await (await app.CreateWorkspaceAsync("QbrElsewhere")).As(Roles.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/reports/partnerships/{pid}/qbr")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/reports/partnerships/{pid}/qbr.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Reports/Qbr/{pid}")).StatusCode);
        var portfolio = await (await other.GetAsync("/api/reports/portfolio")).Read<JsonObject>();
        Assert.Equal("QbrElsewhere", portfolio["subject"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Pdf_IsMadeByChromium_WhenInstalled_AndRefusedInWordsWithout()
    {
        var ws = await Workspace("QbrPdf");
        var (pid, _) = await (await ws.As(Roles.Manager)).NewPartnershipAsync("Paperly");

        // Without Chromium (a path that does not exist): a 409 that says what to do, and the page offers printing instead.
        await using (var without = app.WithWebHostBuilder(b => b.UseSetting("Reports:Chromium", "/nonexistent/chromium")))
        {
            var c = await ClientFor(without, ws.Emails[Roles.Manager]);
            var problem = await (await c.GetAsync($"/api/reports/partnerships/{pid}/qbr.pdf")).Problem(409);
            Assert.Contains("Print the report page", problem["detail"]!.GetValue<string>());
            var page = await c.GetStringAsync($"/Reports/Qbr/{pid}");
            Assert.Contains("need Chromium", page);
            Assert.DoesNotContain("Download PDF", page);
        }

        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null && Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException("CI=true and Chromium is missing: .ci/run installs it.");
        Skip.If(chromium is null, "Chromium is not installed (apt-get install chromium).");
        var manager = await ws.As(Roles.Manager);
        var r = await manager.GetAsync($"/api/reports/partnerships/{pid}/qbr.pdf?quarter=2026-Q3");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/pdf", r.Content.Headers.ContentType!.MediaType);
        Assert.Equal("qbr-paperly-alliance-2026-Q3.pdf", r.Content.Headers.ContentDisposition!.FileNameStar ?? r.Content.Headers.ContentDisposition.FileName);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains("Download PDF", await manager.GetStringAsync($"/Reports/Qbr/{pid}"));
        var portfolio = await (await ws.As(Roles.Executive)).GetAsync("/api/reports/portfolio.pdf");
        Assert.Equal(HttpStatusCode.OK, portfolio.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(await portfolio.Content.ReadAsByteArrayAsync(), 0, 4));
    }

    static async Task<HttpClient> ClientFor(WebApplicationFactory<Program> host, string email)
    {
        var c = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await (await c.PostJson("/api/auth/token", new { email, password = TestApp.Password })).Read<JsonObject>();
        c.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        return c;
    }
}

/// <summary>The report markup alone: charts as SVG with a text alternative, tables with numeric columns, every text encoded.</summary>
public sealed class ReportHtmlTests
{
    [Fact]
    public void Charts_AreSvgWithTextAlternatives_AndEverythingIsEncoded()
    {
        var report = new Report("Quarterly business review · Q3 2026", "<script>x</script> Co", new Warmglow.Core.Measurement.Quarter(2026, 3), new DateTime(2026, 9, 30, 0, 0, 0, DateTimeKind.Utc), "Maya",
        [
            new ReportSection(100, "Scores & more", [new ReportFigure("Composite", "72 of 100")],
                [new ReportTable("Metrics", ["Metric", "Score"], [["Renewals <em>", "72"]], Numeric: [1]), new ReportTable("Flags", ["Flag"], [], Empty: "none raised.")],
                [new ReportChart("By quarter", ReportChartKind.Line, ["Q1", "Q2", "Q3"], [new ReportSeries("Engagement", [50, null, 70]), new ReportSeries("NPS", [-10, 5, 20])], Min: -100, Max: 100),
                 new ReportChart("Bars", ReportChartKind.Bar, ["A", "B"], [new ReportSeries("", [3, 4])])]),
        ]);
        var html = ReportHtml.Body(report);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; Co", html);
        Assert.Contains("Scores &amp; more", html);
        Assert.Contains("Renewals &lt;em&gt;", html);
        Assert.Contains("<td class=\"num\">72</td>", html);
        Assert.Contains("Flags:</strong> none raised.", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<svg viewBox").Count);
        Assert.Contains("Engagement: Q1 50, Q2 no data, Q3 70", html); // the chart's text alternative
        Assert.Contains("<rect", html);
        Assert.Contains("<polyline", html);
        Assert.DoesNotContain("style=", html); // the Content-Security-Policy allows no inline styles
        var doc = ReportHtml.Document(report, ".report{}");
        Assert.StartsWith("<!DOCTYPE html>", doc);
        Assert.Contains("<style>", doc);
    }

    [Theory]
    [InlineData("2026-Q3", 2026, 3)]
    [InlineData("q1 2025", 2025, 1)]
    [InlineData("2024Q4", 2024, 4)]
    public void Quarters_AreRead(string text, int year, int quarter) => Assert.True(ReportQuarters.TryRead(text, out var q) && q == new Warmglow.Core.Measurement.Quarter(year, quarter));

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("Q3")]
    [InlineData("1999-Q1")]
    [InlineData("")]
    public void BadQuarters_AreNot(string text) => Assert.False(ReportQuarters.TryRead(text, out _));

    [Fact]
    public void QuarterNamesAndBounds() =>
        Assert.Equal(("Q1 2027", new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            (new Warmglow.Core.Measurement.Quarter(2026, 4).Next.Name(), new Warmglow.Core.Measurement.Quarter(2026, 4).EndUtc()));
}
