using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Features.Measurement;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Signals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteMeasurementTests(SqliteApp app) : MeasurementTests<SqliteApp>(app);
public sealed class PostgresMeasurementTests(PostgresApp app) : MeasurementTests<PostgresApp>(app);

/// <summary>Metrics, observations, scorecards, weights, costs, ROI, impact goals and dashboards, through the API.</summary>
public abstract class MeasurementTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Manager)> Workspace(string name = "Measure")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Manager));
    }

    static Task<(int PartnershipId, int PartnerId)> Partnership(HttpClient c, string name, DateOnly? start = null) =>
        c.NewPartnershipAsync(name, "CoMarketing", start);

    static async Task<int> Metric(HttpClient c, string name, string category, string unit, decimal baseline, decimal target, string direction = "HigherIsBetter", string frame = "Balanced")
    {
        var response = await c.PostJson("/api/metrics", new { name, frame, category, unit, direction, baseline, target, indicator = "Lagging" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<MetricDto>()).Id;
    }

    static async Task Attach(HttpClient c, int partnershipId, int metricId) =>
        Assert.Equal(HttpStatusCode.OK, (await c.PostJson($"/api/partnerships/{partnershipId}/metrics", new { metricId })).StatusCode);

    static string Day(int daysAgo) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-daysAgo)).ToString("yyyy-MM-dd");

    static async Task Observe(HttpClient c, int partnershipId, params object[] observations) =>
        Assert.Equal(HttpStatusCode.Created, (await c.PostJson($"/api/partnerships/{partnershipId}/observations", new { observations })).StatusCode);

    /// <summary>Four metrics, one per balanced category, with the worked example's numbers (composite 46.25).</summary>
    static async Task<int[]> WorkedExample(HttpClient c, int id)
    {
        int[] metrics =
        [
            await Metric(c, "Revenue", "Financial", "Currency", 100_000, 200_000),
            await Metric(c, "Goals on track", "StrategicAlignment", "Percent", 40, 80),
            await Metric(c, "Cycle time", "OperationalEfficiency", "Days", 30, 10, "LowerIsBetter"),
            await Metric(c, "Partner NPS", "RelationshipHealth", "Number", 0, 50),
        ];
        foreach (var m in metrics) await Attach(c, id, m);
        await Observe(c, id,
            new { metricId = metrics[0], on = Day(10), value = 150_000 }, new { metricId = metrics[1], on = Day(10), value = 90 },
            new { metricId = metrics[2], on = Day(10), value = 25 }, new { metricId = metrics[3], on = Day(10), value = -10 });
        return metrics;
    }

    [SkippableFact]
    public async Task Templates_ApplyInOneClick_AndOnlyOnce()
    {
        var (_, manager) = await Workspace();
        Assert.Equal(8, (await (await manager.PostAsync("/api/metrics/templates/balanced/apply", null)).Read<TemplateApplied>()).Added);
        Assert.Equal(5, (await (await manager.PostAsync("/api/metrics/templates/five-dimension/apply", null)).Read<TemplateApplied>()).Added);
        Assert.Equal(0, (await (await manager.PostAsync("/api/metrics/templates/balanced/apply", null)).Read<TemplateApplied>()).Added);
        var list = await (await manager.GetAsync("/api/metrics")).Read<List<MetricDto>>();
        Assert.Equal(13, list.Count);
        Assert.Equal(4, list.Where(m => m.Frame == MeasurementFrame.Balanced).Select(m => m.Category).Distinct().Count());
        Assert.Equal(5, list.Where(m => m.Frame == MeasurementFrame.FiveDimension).Select(m => m.Category).Distinct().Count());
        await (await manager.PostAsync("/api/metrics/templates/astrology/apply", null)).Problem(400);
    }

    [SkippableFact]
    public async Task Scorecard_WorkedNumbers_30_25_25_20_AndWeightsChangeTheComposite()
    {
        var (ws, manager) = await Workspace();
        var (id, _) = await Partnership(manager, "Scored");
        await WorkedExample(manager, id);
        var card = await (await manager.GetAsync($"/api/partnerships/{id}/scorecard")).Read<ScorecardDto>();
        // 50, 100 (90 clamped above target 80), 25 (lower is better: 30→10, at 25), 0 (−10 clamped at baseline 0).
        Assert.Equal([50m, 100m, 25m, 0m], card.Categories.Select(c => c.Score!.Value).ToArray());
        Assert.Equal(46.25m, card.Composite);   // 0.30×50 + 0.25×100 + 0.25×25 + 0.20×0
        Assert.False(card.Partial);
        Assert.Contains("clamped", card.Formula);

        var weights = await (await manager.GetAsync("/api/measurement/weights")).Read<SettingsDto>();
        Assert.Equal(30m, weights.Weights["Financial"]);
        var bad = await (await manager.PutJson("/api/measurement/weights", new { frame = "Balanced", weights = new { Financial = 30, StrategicAlignment = 25, OperationalEfficiency = 25, RelationshipHealth = 10 } })).Problem(400);
        Assert.Contains("100", bad["errors"]!["weights"]![0]!.GetValue<string>());
        await (await manager.PutJson("/api/measurement/weights", new { frame = "Balanced", weights = new { Financial = 100, Astrology = 0, StrategicAlignment = 0, OperationalEfficiency = 0, RelationshipHealth = 0 } })).Problem(400);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PutJson("/api/measurement/weights", new { frame = "Balanced" })).StatusCode);

        var saved = await manager.PutJson("/api/measurement/weights", new { frame = "Balanced", weights = new { Financial = 25, StrategicAlignment = 25, OperationalEfficiency = 25, RelationshipHealth = 25 } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(43.75m, (await (await manager.GetAsync($"/api/partnerships/{id}/scorecard")).Read<ScorecardDto>()).Composite);
        // The stored composite the dashboard sorts by follows the new weights.
        var dash = await (await manager.GetAsync("/api/dashboard?sort=-composite")).Read<DashboardDto>();
        Assert.Equal(43.75m, dash.Rows.Items.Single(r => r.PartnershipId == id).Composite);
        // A stale version is refused.
        var current = await (await manager.GetAsync("/api/measurement/weights")).Read<SettingsDto>();
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJson("/api/measurement/weights", new { frame = "Balanced", weights = new { Financial = 30, StrategicAlignment = 25, OperationalEfficiency = 25, RelationshipHealth = 20 }, version = current.Version })).StatusCode);
        await (await manager.PutJson("/api/measurement/weights", new { frame = "Balanced", weights = new { Financial = 40, StrategicAlignment = 20, OperationalEfficiency = 20, RelationshipHealth = 20 }, version = current.Version })).Problem(409);
    }

    [SkippableFact]
    public async Task Observations_BadInput_NamesTheField_AndSavesNothing()
    {
        var (_, manager) = await Workspace();
        var (id, _) = await Partnership(manager, "Strict");
        var pct = await Metric(manager, "Share", "Financial", "Percent", 10, 50);
        var count = await Metric(manager, "Deals", "Financial", "Count", 0, 10);
        var money = await Metric(manager, "Revenue", "Financial", "Currency", 0, 1000);
        var unattached = await Metric(manager, "Loose", "Financial", "Number", 0, 10);
        foreach (var m in new[] { pct, count, money }) await Attach(manager, id, m);

        var problem = await (await manager.PostJson($"/api/partnerships/{id}/observations", new
        {
            observations = new object[]
            {
                new { metricId = pct, on = Day(1), value = 20 },        // fine on its own
                new { metricId = pct, on = Day(1), value = 120 },       // percentage above 100
                new { metricId = count, on = Day(1), value = 2.5 },     // fractional count
                new { metricId = count, on = Day(1), value = -1 },      // negative count
                new { metricId = money, on = Day(1), value = 10.001 },  // too many decimals
                new { metricId = unattached, on = Day(1), value = 1 },  // not attached
                new { metricId = 999999, on = Day(1), value = 1 },      // unknown
                new { metricId = pct, on = Day(-30), value = 20 },      // in the future
            },
        })).Problem(400);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "observations[1].value", "observations[2].value", "observations[3].value", "observations[4].value", "observations[5].metricId", "observations[6].metricId", "observations[7].on" })
            Assert.True(errors.ContainsKey(field), $"expected an error for {field}: {problem}");
        Assert.False(errors.ContainsKey("observations[0].value"));
        Assert.Equal(0, (await (await manager.GetAsync($"/api/partnerships/{id}/observations")).Read<Paged<ObservationDto>>()).Total);

        // Definitions follow the same unit rules, and the direction must agree with baseline and target.
        var p2 = await (await manager.PostJson("/api/metrics", new { name = "Odd", frame = "Balanced", category = "Financial", unit = "Percent", direction = "HigherIsBetter", baseline = 50, target = 150 })).Problem(400);
        Assert.NotNull(p2["errors"]!["target"]);
        var p3 = await (await manager.PostJson("/api/metrics", new { name = "Odd", frame = "Balanced", category = "Financial", unit = "Number", direction = "LowerIsBetter", baseline = 5, target = 10 })).Problem(400);
        Assert.NotNull(p3["errors"]!["target"]);
        var p4 = await (await manager.PostJson("/api/metrics", new { name = "Odd", frame = "Balanced", category = "BrandEnhancement", unit = "Number", direction = "HigherIsBetter", baseline = 5, target = 10 })).Problem(400);
        Assert.NotNull(p4["errors"]!["category"]);
    }

    [SkippableFact]
    public async Task CsvImport_AllOrNothing_WithPerRowErrors_AndOneAuditEntry()
    {
        var (ws, manager) = await Workspace();
        var (id, _) = await Partnership(manager, "Importer", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-100)));
        var deals = await Metric(manager, "Deals won", "Financial", "Count", 0, 20);
        await Attach(manager, id, deals);

        var bad = $"metric,date,value,note\nDeals won,{Day(200)},2,baseline\nDeals won,{Day(50)},2.5,\nNope,{Day(10)},3,\nDeals won,31/12/2025,4,\n";
        var problem = await (await Upload(manager, id, bad)).Problem(400);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("row 3"));
        Assert.True(errors.ContainsKey("row 4"));
        Assert.True(errors.ContainsKey("row 5"));
        Assert.False(errors.ContainsKey("row 2"));
        Assert.Equal(0, (await (await manager.GetAsync($"/api/partnerships/{id}/observations")).Read<Paged<ObservationDto>>()).Total);

        var good = $"metric,date,value,note\nDeals won,{Day(200)},2,baseline\n{deals},{Day(50)},6,\nDEALS WON,{Day(10)},9,\n";
        var created = await (await Upload(manager, id, good)).Read<RecordResult>();
        Assert.Equal(3, created.Count);
        var series = await (await manager.GetAsync($"/api/partnerships/{id}/observations?metricId={deals}")).Read<Paged<ObservationDto>>();
        Assert.Equal(3, series.Total);
        Assert.True(series.Items.Single(o => o.Value == 2).BeforeLaunch);   // the baseline was captured before launch
        Assert.False(series.Items.Single(o => o.Value == 9).BeforeLaunch);
        var card = await (await manager.GetAsync($"/api/partnerships/{id}/scorecard")).Read<ScorecardDto>();
        Assert.Equal(45m, card.Categories.Single(c => c.Category == "Financial").Score);   // 9 of 0→20
        Assert.Equal("Improving", card.Metrics.Single().Trend);

        var admin = await ws.As(Roles.Admin);
        var audit = await (await admin.GetAsync("/api/audit?entityType=ObservationBatch")).Read<Paged<AuditDto>>();
        var entry = Assert.Single(audit.Items);
        Assert.Contains("3 observations", entry.Summary);
        Assert.Equal(0, (await (await admin.GetAsync("/api/audit?entityType=Observation")).Read<Paged<AuditDto>>()).Total);
    }

    static Task<HttpResponseMessage> Upload(HttpClient c, int id, string csv)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "observations.csv");
        return c.PostAsync($"/api/partnerships/{id}/observations/import", form);
    }

    [SkippableFact]
    public async Task Roi_CostsInReportingCurrency_IntangiblesApart()
    {
        var (ws, manager) = await Workspace();
        var (id, _) = await Partnership(manager, "Valued");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/costs", new { kind = "PeopleTime", description = "Manager time", on = Day(5), hours = 10, hourlyRate = 50 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/costs", new { kind = "Budget", description = "Event", on = Day(5), amount = 1000 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/costs", new { kind = "Tool", description = "Licence", on = Day(5), amount = 500, currency = "USD" })).StatusCode);
        var wrongCurrency = await (await manager.PostJson($"/api/partnerships/{id}/costs", new { kind = "Tool", description = "Licence", on = Day(5), amount = 500, currency = "EUR" })).Problem(400);
        Assert.Contains("reporting currency", wrongCurrency["errors"]!["currency"]![0]!.GetValue<string>());
        await (await manager.PostJson($"/api/partnerships/{id}/costs", new { kind = "Budget", description = "", on = Day(5), amount = -3 })).Problem(400);
        await (await manager.PostJson($"/api/partnerships/{id}/costs", new { kind = "Budget", description = "x", on = Day(5), amount = 1.005 })).Problem(400);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/intangibles", new { kind = "BrandTrust", description = "Trust", estimate = 10000, confidencePercent = 30 })).StatusCode);
        var conf = await (await manager.PostJson($"/api/partnerships/{id}/intangibles", new { kind = "Knowledge", description = "K", estimate = 100, confidencePercent = 130 })).Problem(400);
        Assert.NotNull(conf["errors"]!["confidencePercent"]);

        var roi = await (await manager.GetAsync($"/api/partnerships/{id}/roi")).Read<RoiDto>();
        Assert.Equal(2000m, roi.TotalCosts);      // 10 h × 50 + 1000 + 500
        Assert.Equal(500m, roi.PeopleTimeCosts);
        Assert.True(roi.RevenueSource);           // the revenue ledger is the source; no events yet: ROI −100%
        Assert.Equal(-1m, roi.Ratio);
        Assert.Equal(3000m, roi.ExpectedIntangibleValue);   // apart from the ROI
        // The reporting currency is fixed once costs exist.
        var weights = await (await manager.GetAsync("/api/measurement/weights")).Read<SettingsDto>();
        await (await manager.PutJson("/api/measurement/weights", new { reportingCurrency = "EUR", version = weights.Version })).Problem(409);

        // With a revenue source (the revenue module's contract, faked): USD counts, EUR is listed apart.
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
        var sp = scope.ServiceProvider;
        static InfluencedRevenue Rev(int partnershipId, string currency, decimal amount) =>
            new() { PartnershipId = partnershipId, Date = DateOnly.FromDateTime(DateTime.UtcNow), Currency = currency, Amount = amount };
        var revenue = new FakeRevenue([Rev(id, "USD", 3000m), Rev(id, "usd", 2000m), Rev(id, "EUR", 300m), Rev(id + 1, "USD", 99999m)]);
        var service = new ValueService(sp.GetRequiredService<WarmglowDb>(), sp.GetRequiredService<MeasurementService>(), [revenue]);
        var withRevenue = await service.RoiAsync(id);
        Assert.Equal(5000m, withRevenue.InfluencedRevenue);
        Assert.Equal(1.5m, withRevenue.Ratio);    // (5000 − 2000) / 2000
        Assert.Equal(150m, withRevenue.Percent);
        Assert.Equal(300m, Assert.Single(withRevenue.OtherCurrencyRevenue).Amount);
    }

    sealed class FakeRevenue(IReadOnlyList<InfluencedRevenue> rows) : IInfluencedRevenueSource
    {
        public IQueryable<InfluencedRevenue> Query(WarmglowDb db) => rows.AsQueryable();
    }

    sealed class FakeHealth(IReadOnlyDictionary<int, HealthSummary> rows) : IHealthSummarySource
    {
        public Task<IReadOnlyDictionary<int, HealthSummary>> SummariesAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<int, HealthSummary>>(rows.Where(r => ids.Contains(r.Key)).ToDictionary());
        public Task<HealthTotals> TotalsAsync(CancellationToken ct) => Task.FromResult(new HealthTotals(1, 0, 0, 1));
        public Task<IReadOnlyList<HealthPoint>> HistoryAsync(int partnershipId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<HealthPoint>>([new("2026-Q2", new DateOnly(2026, 6, 30), 72, new Dictionary<string, decimal> { ["Communication"] = 70 }, 20)]);
    }

    [SkippableFact]
    public async Task ImpactGoal_ConvertsActivityIntoWholeUnits()
    {
        var (_, manager) = await Workspace();
        var (id, _) = await Partnership(manager, "Trees");
        var entries = await Metric(manager, "Journal entries", "CustomerExperience", "Count", 0, 1000, frame: "FiveDimension");
        var pct = await Metric(manager, "Share", "Financial", "Percent", 0, 10);
        await Attach(manager, id, entries);
        await Attach(manager, id, pct);
        await Observe(manager, id, new { metricId = entries, on = Day(40), value = 120 }, new { metricId = entries, on = Day(5), value = 130 });
        var goal = await (await manager.PostJson($"/api/partnerships/{id}/impact-goals", new { metricId = entries, name = "Trees", activityUnit = "journal entries", impactUnit = "trees", activityPerImpact = 100, targetImpact = 10 })).Read<ImpactGoalDto>();
        Assert.Equal(250m, goal.Activity);
        Assert.Equal(2m, goal.Units);
        Assert.Equal(0.5m, goal.ProgressToNext);
        Assert.Equal(20m, goal.PercentOfTarget);
        var bad = await (await manager.PostJson($"/api/partnerships/{id}/impact-goals", new { metricId = pct, name = "x", activityUnit = "a", impactUnit = "b", activityPerImpact = 0 })).Problem(400);
        Assert.NotNull(bad["errors"]!["metricId"]);
        Assert.NotNull(bad["errors"]!["activityPerImpact"]);
    }

    [SkippableFact]
    public async Task Dashboard_PagesAndSorts_AndReadsHealthFromTheContract()
    {
        var (ws, manager) = await Workspace();
        var (a, _) = await Partnership(manager, "Alpha");
        var (b, _) = await Partnership(manager, "Bravo");
        await Partnership(manager, "Charlie");
        var m = await Metric(manager, "Deals", "Financial", "Count", 0, 10);
        await Attach(manager, a, m);
        await Attach(manager, b, m);
        await Observe(manager, a, new { metricId = m, on = Day(3), value = 2 });
        await Observe(manager, b, new { metricId = m, on = Day(3), value = 8 });

        var byName = await (await manager.GetAsync("/api/dashboard?pageSize=2")).Read<DashboardDto>();
        Assert.Equal(3, byName.Rows.Total);
        Assert.Equal(["Alpha alliance", "Bravo alliance"], byName.Rows.Items.Select(r => r.Name).ToArray());
        Assert.True(byName.HealthAvailable);    // the health module answers; no recompute yet, so no summaries
        Assert.All(byName.Rows.Items, r => Assert.Empty(r.RedFlags));
        var byScore = await (await (await ws.As(Roles.Executive)).GetAsync("/api/dashboard?sort=-composite")).Read<DashboardDto>();
        Assert.Equal(["Bravo alliance", "Alpha alliance", "Charlie alliance"], byScore.Rows.Items.Select(r => r.Name).ToArray());
        Assert.Equal(80m, byScore.Rows.Items[0].Composite);
        Assert.Equal(2, byScore.Totals.Scored);
        Assert.Equal(50m, byScore.Totals.AverageComposite);
        Assert.Equal([0, 1, 0, 0, 1], byScore.Totals.Distribution);   // 20 falls in 20–40, 80 in 80–100

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
        var sp = scope.ServiceProvider;
        var health = new FakeHealth(new Dictionary<int, HealthSummary> { [a] = new(a, 64, 20, 55, EngagementBand.NeedsCheckIn, ["Engagement declining 3 periods"]) });
        var dashboards = new DashboardService(sp.GetRequiredService<WarmglowDb>(), sp.GetRequiredService<MeasurementService>(), sp.GetRequiredService<ObservationService>(), sp.GetRequiredService<ValueService>(), [health]);
        var withHealth = await dashboards.WorkspaceAsync(new DashboardQuery());
        Assert.True(withHealth.HealthAvailable);
        var alpha = withHealth.Rows.Items.Single(r => r.PartnershipId == a);
        Assert.Equal(55m, alpha.Engagement);
        Assert.Single(alpha.RedFlags);
        Assert.Equal(1, withHealth.Health!.WithRedFlags);
        var detail = await dashboards.PartnershipAsync(a);
        Assert.Single(detail.HealthHistory);
    }

    [SkippableFact]
    public async Task Denials_Anonymous401_PartnerUser403_Evaluator403OnWrites_OtherWorkspace404()
    {
        var (ws, manager) = await Workspace();
        var (id, partnerId) = await Partnership(manager, "Guarded");
        var m = await Metric(manager, "Deals", "Financial", "Count", 0, 10);
        await Attach(manager, id, m);

        using var anonymous = app.CreateClient();
        foreach (var url in new[] { "/api/dashboard", "/api/metrics", $"/api/partnerships/{id}/scorecard", $"/api/partnerships/{id}/roi", "/api/measurement/weights" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);

        var partnerUser = await ws.AsPartnerUser(partnerId);
        foreach (var url in new[] { "/api/dashboard", "/api/metrics", $"/api/partnerships/{id}/scorecard", $"/api/partnerships/{id}/observations", $"/api/partnerships/{id}/roi", $"/api/partnerships/{id}/costs" })
            Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.PostJson($"/api/partnerships/{id}/observations", new { observations = new[] { new { metricId = m, on = Day(1), value = 1 } } })).StatusCode);

        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/partnerships/{id}/scorecard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/partnerships/{id}/observations", new { observations = new[] { new { metricId = m, on = Day(1), value = 1 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/metrics", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/partnerships/{id}/costs", new { kind = "Budget" })).StatusCode);

        var other = await app.CreateWorkspaceAsync("Elsewhere");
        var stranger = await other.As(Roles.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/partnerships/{id}/scorecard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/partnerships/{id}/roi")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/metrics/{m}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJson($"/api/partnerships/{id}/observations", new { observations = new[] { new { metricId = m, on = Day(1), value = 1 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJson($"/api/partnerships/{id}/costs", new { kind = "Budget", description = "x", on = Day(1), amount = 1 })).StatusCode);
        Assert.Equal(0, (await (await stranger.GetAsync("/api/dashboard")).Read<DashboardDto>()).Rows.Total);
    }

    [SkippableFact]
    public async Task Pages_RenderForStaff_ManagePagesForManagersOnly_PartnerUsersRefused()
    {
        var (ws, manager) = await Workspace();
        var (id, partnerId) = await Partnership(manager, "Paged");
        await WorkedExample(manager, id);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/costs", new { kind = "Budget", description = "Event", on = Day(5), amount = 1000 })).StatusCode);

        foreach (var url in new[] { "/Health", "/Health?sort=-composite&page=1", $"/Health/Partnership/{id}", $"/Health/Partnership/{id}/Manage", "/Metrics", "/Metrics/Edit", "/Metrics/Weights" })
        {
            var response = await manager.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
        var dashboard = await (await manager.GetAsync("/Health")).Content.ReadAsStringAsync();
        Assert.Contains("Paged alliance", dashboard);
        var detail = await (await manager.GetAsync($"/Health/Partnership/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("46.3", detail);   // the composite, rounded for display
        Assert.Contains("categories-chart", detail);
        Assert.Contains("No health data yet", detail);

        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/Health/Partnership/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/Health/Partnership/{id}/Manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/Metrics/Weights")).StatusCode);
        var partnerUser = await ws.AsPartnerUser(partnerId);
        foreach (var url in new[] { "/Health", $"/Health/Partnership/{id}", "/Metrics" })
            Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync(url)).StatusCode);
        // The liveness probe (/healthz) and the /Health page are distinct routes.
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync("/Health")).StatusCode);
    }

    [SkippableFact]
    public async Task EditingAMetric_RescoresAttachedPartnerships_AndDetachRemovesItsScore()
    {
        var (_, manager) = await Workspace();
        var (id, _) = await Partnership(manager, "Rescored");
        var deals = await Metric(manager, "Deals", "Financial", "Count", 0, 10);
        await Attach(manager, id, deals);
        await Observe(manager, id, new { metricId = deals, on = Day(2), value = 5 });
        Assert.Equal(50m, (await (await manager.GetAsync($"/api/partnerships/{id}/scorecard")).Read<ScorecardDto>()).Composite);

        var metric = await (await manager.GetAsync($"/api/metrics/{deals}")).Read<MetricDto>();
        var edited = await manager.PutJson($"/api/metrics/{deals}", new { name = "Deals", frame = "Balanced", category = "Financial", unit = "Count", direction = "HigherIsBetter", baseline = 0, target = 20, version = metric.Version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(25m, (await (await manager.GetAsync($"/api/partnerships/{id}/scorecard")).Read<ScorecardDto>()).Composite);
        var changeUnit = await manager.PutJson($"/api/metrics/{deals}", new { name = "Deals", frame = "Balanced", category = "Financial", unit = "Percent", direction = "HigherIsBetter", baseline = 0, target = 20, version = metric.Version + 1 });
        await changeUnit.Problem(409);
        // A partnership's own target overrides the metric's.
        var own = await (await manager.PostJson($"/api/partnerships/{id}/metrics", new { metricId = deals, target = 5 })).Read<AttachmentDto>();
        Assert.True(own.Overridden);
        Assert.Equal(100m, own.LatestScore);
        await (await manager.DeleteAsync($"/api/metrics/{deals}")).Problem(409);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/partnerships/{id}/metrics/{deals}")).StatusCode);
        Assert.Null((await (await manager.GetAsync($"/api/partnerships/{id}/scorecard")).Read<ScorecardDto>()).Composite);
        var dash = await (await manager.GetAsync("/api/dashboard")).Read<DashboardDto>();
        Assert.Null(dash.Rows.Items.Single(r => r.PartnershipId == id).Composite);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/metrics/{deals}")).StatusCode);
    }

    [SkippableFact]
    public async Task DeletingAPartnership_RemovesItsMeasurement()
    {
        var (ws, manager) = await Workspace();
        var (id, _) = await Partnership(manager, "Gone");
        var entries = await Metric(manager, "Entries", "CustomerExperience", "Count", 0, 1000, frame: "FiveDimension");
        await Attach(manager, id, entries);
        await Observe(manager, id, new { metricId = entries, on = Day(4), value = 300 });
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/impact-goals", new { metricId = entries, name = "Trees", activityUnit = "entries", impactUnit = "trees", activityPerImpact = 100 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/partnerships/{id}/costs", new { kind = "Tool", description = "Licence", on = Day(5), amount = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await (await ws.As(Roles.Admin)).DeleteAsync($"/api/partnerships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/partnerships/{id}/scorecard")).StatusCode);
        Assert.Equal(0, (await (await manager.GetAsync("/api/metrics")).Read<List<MetricDto>>()).Single().Attached);
    }
}
