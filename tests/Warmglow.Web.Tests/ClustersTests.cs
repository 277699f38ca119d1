using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Initiatives;
using Warmglow.Core.Measurement;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Clusters;
using Warmglow.Web.Features.Initiatives;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteClustersTests(SqliteApp app) : ClustersTests<SqliteApp>(app);
public sealed class PostgresClustersTests(PostgresApp app) : ClustersTests<PostgresApp>(app);

/// <summary>Partner clusters, partner-to-partner links and the ecosystem dashboard over HTTP: the rules, concurrency, isolation, denials and figures.</summary>
public abstract class ClustersTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Manager)> Workspace(string name)
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Manager));
    }

    async Task InDb(TestWorkspace ws, Func<WarmglowDb, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        await work(db);
        await db.SaveChangesAsync();
    }

    static async Task<int> Partner(HttpClient c, string name, string? industry = null, string? region = null) =>
        (await (await c.PostJson("/api/partners", new { name, industry, region })).Read<PartnerDto>()).Id;

    static object Cluster(string name, object[] members, int? version = null, string? segment = "Enterprise", string? region = "Europe") => new
    {
        name, description = "One combined analytics offer.", targetCustomers = "HR teams at large employers", targetSegment = segment, targetRegion = region, members, version,
    };

    static object Member(int partnerId, string part, string? segment = "Enterprise", string? model = "Services") => new { partnerId, part, segment, model };

    static async Task<JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    [SkippableFact]
    public async Task Cluster_CreateChangeDelete_WarningsNotRefusals_StaleVersionIs409()
    {
        var (_, manager) = await Workspace("Clusters");
        var pipe = await Partner(manager, "Pipeflow", "Data integration", "Europe");
        var chart = await Partner(manager, "Chartwise", "Business intelligence", "Europe");
        var consult = await Partner(manager, "Insightful", "Consulting", "North America");
        var rival = await Partner(manager, "Graphly", "Business intelligence", "Europe");

        var created = await manager.PostJson("/api/clusters", Cluster("Data analytics cluster",
            [Member(pipe, "Integration", model: "Subscription"), Member(chart, "Visualization", model: "Subscription"), Member(consult, "Consulting")]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var c = await created.Read<ClusterDto>();
        Assert.Equal(["Pipeflow", "Chartwise", "Insightful"], c.Members.Select(m => m.Partner));
        // One warning only: the consultant works outside the target region.
        var w = Assert.Single(c.Warnings);
        Assert.Equal("Aligned customer profiles", w.CharacteristicName);
        Assert.Equal("Insightful works in North America, outside the cluster's target region (Europe): check that it can serve those customers.", w.Message);

        // A competitor in the same industry and a licence seller: saved, with warnings (never refused).
        var changed = await manager.PutJson($"/api/clusters/{c.Id}", Cluster("Data analytics cluster",
            [Member(pipe, "Integration", model: "Subscription"), Member(chart, "Visualization", model: "Subscription"), Member(rival, "Dashboards", model: "Licence")], c.Version));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var c2 = await changed.Read<ClusterDto>();
        Assert.Equal(["Pipeflow", "Chartwise", "Graphly"], c2.Members.Select(m => m.Partner));
        Assert.Contains(c2.Warnings, x => x.Message == "Chartwise and Graphly are both in Business intelligence: check that their offerings complement each other rather than compete.");
        Assert.Contains(c2.Warnings, x => x.Message == "Pipeflow and Chartwise sell subscriptions and Graphly one-off licences: agree how the combined solution is priced and billed.");
        Assert.True(c2.Version > c.Version);

        // The stale version: 409, nothing changed.
        var stale = await manager.PutJson($"/api/clusters/{c.Id}", Cluster("Renamed", [Member(pipe, "a"), Member(chart, "b")], c.Version));
        await stale.Problem(409);
        Assert.Equal("Data analytics cluster", (await (await manager.GetAsync($"/api/clusters/{c.Id}")).Read<ClusterDto>()).Name);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.DeleteAsync($"/api/clusters/{c.Id}?version={c.Version}")).StatusCode);

        var list = await (await manager.GetAsync("/api/clusters")).Read<Paged<ClusterSummary>>();
        var row = Assert.Single(list.Items);
        Assert.Equal((3, "Pipeflow, Chartwise and Graphly", 2), (row.Members, row.MemberNames, row.Warnings));

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/clusters/{c.Id}?version={c2.Version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/clusters/{c.Id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Cluster_OneMember_Duplicates_UnknownPartners_AndBadInput_AreRefusedWithClearErrors()
    {
        var (ws, manager) = await Workspace("Refusals");
        var a = await Partner(manager, "Alpha");
        var b = await Partner(manager, "Beta");

        var e = await Errors(await manager.PostJson("/api/clusters", Cluster("Solo", [Member(a, "Everything")])));
        Assert.Equal("need at least two partners: a cluster is a combined solution of complementary partners.", e["members"]![0]!.GetValue<string>());
        e = await Errors(await manager.PostJson("/api/clusters", Cluster("Twice", [Member(a, "x"), Member(a, "y")])));
        Assert.Equal("is already a member of this cluster: each partner is listed once.", e["members[1].partnerId"]![0]!.GetValue<string>());
        e = await Errors(await manager.PostJson("/api/clusters", Cluster("", [Member(a, "x"), Member(999999, "y")])));
        Assert.Equal("is required.", e["name"]![0]!.GetValue<string>());
        e = await Errors(await manager.PostJson("/api/clusters", Cluster("Ghost", [Member(a, "x"), Member(999999, "y")])));
        Assert.Equal("is not a partner of this workspace.", e["members[1].partnerId"]![0]!.GetValue<string>());
        await (await manager.PostJson("/api/clusters", new { })).Problem(400);
        await (await manager.PostJson("/api/clusters", new { name = "Bad segment", targetSegment = "Galactic", members = new[] { Member(a, "x"), Member(b, "y") } })).Problem(400);

        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson("/api/clusters", Cluster("Pair", [Member(a, "x"), Member(b, "y")]))).StatusCode);
        e = await Errors(await manager.PostJson("/api/clusters", Cluster("Pair", [Member(a, "x"), Member(b, "y")])));
        Assert.Equal("is already taken by another cluster: pick another name.", e["name"]![0]!.GetValue<string>());

        // The page: the one-member refusal next to the form, nothing saved.
        var html = await (await manager.PostFormAsync("/Clusters/Edit", "/Clusters/Edit",
            [new("Name", "Page solo"), new("Members[0].PartnerId", a.ToString()), new("Members[0].Part", "All")])).Content.ReadAsStringAsync();
        Assert.Contains("Members need at least two partners", html);
        await InDb(ws, async db => Assert.False(await db.PartnerClusters.AnyAsync(c => c.Name == "Page solo")));
    }

    [SkippableFact]
    public async Task Clusters_AreIsolatedPerWorkspace_AndPartnerUsersAreDenied()
    {
        var (ws, manager) = await Workspace("Isolated");
        var (_, a) = await manager.NewPartnershipAsync("Own A");
        var b = await Partner(manager, "Own B");
        var c = await (await manager.PostJson("/api/clusters", Cluster("Ours", [Member(a, "x"), Member(b, "y")]))).Read<ClusterDto>();
        var link = await (await manager.PostJson("/api/clusters/links", new { fromPartnerId = a, toPartnerId = b, kind = "Resells" })).Read<PartnerLinkDto>();

        var (other, otherManager) = await Workspace("Elsewhere");
        var theirs = await Partner(otherManager, "Theirs");
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/clusters/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PutJson($"/api/clusters/{c.Id}", Cluster("Taken", [Member(theirs, "x"), Member(theirs, "y")], c.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.DeleteAsync($"/api/clusters/links/{link.Id}")).StatusCode);
        Assert.Empty((await (await otherManager.GetAsync("/api/clusters")).Read<Paged<ClusterSummary>>()).Items);
        Assert.Empty((await (await otherManager.GetAsync("/api/clusters/links")).Read<Paged<PartnerLinkDto>>()).Items);
        // Our partner cannot be put into their cluster, nor linked from their workspace.
        var e = await Errors(await otherManager.PostJson("/api/clusters", Cluster("Poach", [Member(theirs, "x"), Member(a, "y")])));
        Assert.Equal("is not a partner of this workspace.", e["members[1].partnerId"]![0]!.GetValue<string>());
        e = await Errors(await otherManager.PostJson("/api/clusters/links", new { fromPartnerId = theirs, toPartnerId = a, kind = "Resells" }));
        Assert.Equal("is not a partner of this workspace.", e["toPartnerId"]![0]!.GetValue<string>());
        Assert.Equal(0, (await (await otherManager.GetAsync("/api/clusters/ecosystem")).Read<EcosystemDto>()).Clusters);

        // Partner users (even of a member partner) reach none of it: not the API, not the pages.
        var partner = await ws.AsPartnerUser(a);
        foreach (var url in new[] { "/api/clusters", $"/api/clusters/{c.Id}", "/api/clusters/links", "/api/clusters/ecosystem" })
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson("/api/clusters", Cluster("Mine", [Member(a, "x"), Member(b, "y")]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.DeleteAsync($"/api/clusters/{c.Id}")).StatusCode);
        foreach (var page in new[] { "/Clusters", $"/Clusters/Details/{c.Id}", "/Clusters/Links", "/Clusters/Ecosystem" })
        {
            var r = await partner.GetAsync(page);
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{page}: {r.StatusCode}");
            Assert.DoesNotContain("Ours", await r.Content.ReadAsStringAsync());
        }
        // Evaluators read clusters but cannot change them.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/clusters/{c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.DeleteAsync($"/api/clusters/{c.Id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Links_BetweenTwoPartners_OnTheClusterPage_AndPerPartner()
    {
        var (_, manager) = await Workspace("Links");
        var a = await Partner(manager, "Linka");
        var b = await Partner(manager, "Linkb");
        var outside = await Partner(manager, "Outsider");
        var c = await (await manager.PostJson("/api/clusters", Cluster("Linked", [Member(a, "x"), Member(b, "y")]))).Read<ClusterDto>();

        var r = await manager.PostJson("/api/clusters/links", new { fromPartnerId = a, toPartnerId = b, kind = "IntegratesWith", note = "API connector" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal("Integrates with", (await r.Read<PartnerLinkDto>()).KindName);
        await manager.PostJson("/api/clusters/links", new { fromPartnerId = outside, toPartnerId = a, kind = "Resells" });
        var e = await Errors(await manager.PostJson("/api/clusters/links", new { fromPartnerId = a, toPartnerId = b, kind = "IntegratesWith" }));
        Assert.Equal("is already recorded for these two partners.", e["kind"]![0]!.GetValue<string>());
        e = await Errors(await manager.PostJson("/api/clusters/links", new { fromPartnerId = a, toPartnerId = a, kind = "CoDelivers" }));
        Assert.Equal("must be another partner: a partner cannot be linked to itself.", e["toPartnerId"]![0]!.GetValue<string>());

        var detail = await (await manager.GetAsync($"/api/clusters/{c.Id}")).Read<ClusterDto>();
        Assert.Equal([("Linka", "Integrates with", "Linkb", true), ("Outsider", "Resells", "Linka", false)],
            detail.Links.Select(l => (l.FromPartner, l.KindName, l.ToPartner, l.WithinCluster)));
        var ofB = await (await manager.GetAsync($"/api/clusters/links?partnerId={b}")).Read<Paged<PartnerLinkDto>>();
        Assert.Equal("Linka", Assert.Single(ofB.Items).FromPartner);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/clusters/links?partnerId=999999")).StatusCode);

        var html = await manager.GetStringAsync($"/Clusters/Details/{c.Id}");
        Assert.Contains("integrates with", html);
        Assert.Contains("API connector", html);
        Assert.Contains("Outsider", await manager.GetStringAsync($"/Clusters/Links?partnerId={a}"));
    }

    [SkippableFact]
    public async Task ClusterFigures_AndTheEcosystemDashboard_OnKnownData()
    {
        var (ws, manager) = await Workspace("Ecosystem");
        var now = DateTime.UtcNow;
        var thisQuarter = Quarter.Of(now);
        var twoAgo = thisQuarter.Previous.Previous;
        var (pa, a) = await manager.NewPartnershipAsync("Eco A", "TechnologyIntegration", twoAgo.Start.AddDays(5));
        var (pb, b) = await manager.NewPartnershipAsync("Eco B", "CoSellingReferral", DateOnly.FromDateTime(now));
        var solo = await Partner(manager, "Eco C");
        await InDb(ws, async db =>
        {
            await db.Partners.Where(p => p.Id == a).ExecuteUpdateAsync(s => s.SetProperty(p => p.Industry, "Analytics").SetProperty(p => p.Region, "Europe"));
            await db.Partners.Where(p => p.Id == b).ExecuteUpdateAsync(s => s.SetProperty(p => p.Industry, "Consulting").SetProperty(p => p.Region, "Europe"));
            await db.Partners.Where(p => p.Id == solo).ExecuteUpdateAsync(s => s.SetProperty(p => p.Region, "Asia Pacific"));
            await db.Partnerships.Where(p => p.Id == pb).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, PartnershipStage.Ended));
            db.StageTransitions.Add(new StageTransition { PartnershipId = pb, FromStage = PartnershipStage.Prospect, ToStage = PartnershipStage.Ended, Reason = "Ended.", ByUserName = "test", At = now });
            // Registrations of the members: two live (EUR 1,000 and 500), one won (EUR 2,000), one lost (not pipeline).
            foreach (var (pid, partner, stage, amount) in new[] { (pa, a, RegistrationStage.Approved, 1000m), (pa, a, RegistrationStage.Qualified, 500m),
                         (pb, b, RegistrationStage.Won, 2000m), (pb, b, RegistrationStage.Lost, 9000m) })
                db.Registrations.Add(new Registration
                {
                    PartnershipId = pid, PartnerId = partner, Kind = RegistrationKind.Deal, Stage = stage, CompanyName = $"Co {amount}", Website = "https://co.example",
                    NameKey = $"co{amount}", Amount = amount, Currency = "EUR", SubmittedAt = now, SubmittedByName = "test",
                });
            db.Initiatives.Add(new Initiative { PartnershipId = pa, Title = "Joint webinar", Currency = "EUR", Status = InitiativeStatus.Done, StatusChangedAt = now });
            db.Initiatives.Add(new Initiative { PartnershipId = pb, Title = "Pilot", Currency = "EUR", Status = InitiativeStatus.Running, StatusChangedAt = now });
        });
        var c = await (await manager.PostJson("/api/clusters", Cluster("Eco cluster", [Member(a, "Integration"), Member(b, "Consulting")]))).Read<ClusterDto>();
        await manager.PostJson("/api/clusters/links", new { fromPartnerId = a, toPartnerId = b, kind = "CoDelivers" });

        var f = c.Figures;
        Assert.Equal((2, 2, 1), (f.Partnerships, f.OpenRegistrations, f.WonRegistrations));
        Assert.Equal("1,500.00 EUR", Assert.Single(f.OpenPipeline).Text);
        Assert.Equal(2000m, Assert.Single(f.Won).Amount);
        Assert.Empty(f.Revenue);
        Assert.Equal((2, 1, 1), (f.Initiatives, f.InitiativesRunning, f.InitiativesDone));

        var d = await (await manager.GetAsync("/api/clusters/ecosystem")).Read<EcosystemDto>();
        Assert.Equal(8, d.Quarters.Count);
        Assert.Equal(thisQuarter.Label, d.Quarters[^1].Quarter);
        var q0 = d.Quarters.Single(q => q.Quarter == twoAgo.Label);
        var q2 = d.Quarters[^1];
        Assert.Equal((1, 1), (q0.NewPartners, q0.NewPartnerships));
        Assert.Equal((2, 1, 1), (q2.NewPartners, q2.NewPartnerships, q2.Ended)); // B by its start, C (no partnership) when added
        Assert.Equal(1, q2.InitiativesDone);
        Assert.Equal(0, d.Quarters.Sum(q => q.Ended) - 1);
        Assert.True(q2.Activity >= 3, $"activity {q2.Activity}"); // two creations and the end, at least
        Assert.Equal((3, 1, 1, 1), (d.Partners, d.LivePartnerships, d.Clusters, d.Links));
        Assert.Equal([("Analytics", 1), ("Consulting", 1), ("Not recorded", 1)], d.Industries.Select(i => (i.Label, i.Count)));
        Assert.Equal([("Europe", 2, "/Partners?region=Europe"), ("Asia Pacific", 1, "/Partners?region=Asia%20Pacific")], d.Regions.Select(i => (i.Label, i.Count, i.Link)));
        Assert.Equal([("Technology integration", 1, "/Partnerships?type=TechnologyIntegration")], d.Types.Select(i => (i.Label, i.Count, i.Link)));

        var html = await manager.GetStringAsync("/Clusters/Ecosystem");
        Assert.Contains("New partners and new partnerships per quarter", html);
        Assert.Contains("href=\"/Partners?industry=Analytics\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("1,500.00 EUR", await manager.GetStringAsync($"/Clusters/Details/{c.Id}"));
    }
}
