using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Mapping;
using Warmglow.Web.Data;
using Warmglow.Web.Features.AccountMapping;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteAccountMappingTests(SqliteApp app) : AccountMappingTests<SqliteApp>(app);
public sealed class PostgresAccountMappingTests(PostgresApp app) : AccountMappingTests<PostgresApp>(app);

/// <summary>Account mapping over HTTP: uploads (Salesforce, HubSpot, mapped), bad input, the matrix, sharing rules from both sides, and the denials.</summary>
public abstract class AccountMappingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Map")
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    async Task<int> RecordCount(TestWorkspace ws)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        return await db.PopulationRecords.CountAsync();
    }

    static MultipartFormDataContent Upload(string csv, string? name = "Customers", string? kind = "customers", params (string Key, string Value)[] fields) =>
        Upload(Encoding.UTF8.GetBytes(csv), name, kind, fields);

    static MultipartFormDataContent Upload(byte[] bytes, string? name, string? kind, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", "accounts.csv");
        if (name is not null) form.Add(new StringContent(name), "name");
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        return form;
    }

    const string OurCustomers = """
        Account Name,Website,Billing Country,Type,Account Owner
        Acme Ltd,https://www.Acme.co.uk/about,United Kingdom,Customer,Ann
        Globex,globex.com,United States,Customer,Bob
        "Initech, Inc.",http://shop.initech.com,US,Customer,Cy
        Umbrella GmbH,,Germany,Customer,Di
        Hooli,hooli.com,US,Customer,Ed
        ACME LTD,acme.co.uk,UK,Customer,Ann
        Solo,gmail.com,France,Customer,Fay
        """;

    const string PartnerCustomers = """
        Company name,Company Domain Name,Country/Region,Lifecycle Stage
        Acme,acme.co.uk,United Kingdom,customer
        Initech,initech.com,United States,customer
        Umbrella,,DE,customer
        Vandelay,vandelay.com,US,customer
        """;

    static async Task<JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    [SkippableFact]
    public async Task Upload_Matrix_RulesFromBothSides_PartnerSeesExactlyWhatTheyAllow()
    {
        var (ws, admin) = await Workspace();
        var (pid, partnerId) = await admin.NewPartnershipAsync("Keel");
        var partner = await ws.AsPartnerUser(partnerId);

        // Preview first: Salesforce columns recognized, domains normalized, the duplicate reported, nothing written.
        var preview = await (await admin.PostAsync($"/api/account-mapping/partnerships/{pid}/populations/preview", Upload(OurCustomers))).Read<PreviewDto>();
        Assert.Equal("Salesforce", preview.Format);
        Assert.Equal("acme.co.uk", preview.FirstRows[0].Domain);
        Assert.Equal("initech.com", preview.FirstRows[2].Domain);
        Assert.Equal("name and country (weaker)", preview.FirstRows[3].MatchesBy);
        Assert.Equal(7, preview.Rows);
        Assert.Equal(6, preview.Records);
        Assert.Equal(1, preview.DuplicateRows);
        Assert.Equal((7, 2), (preview.Duplicates[0].Line, preview.Duplicates[0].MergedInto));
        Assert.Empty(preview.Errors);
        Assert.Equal(0, await RecordCount(ws));

        var ours = await (await admin.PostAsync($"/api/account-mapping/partnerships/{pid}/populations", Upload(OurCustomers))).Read<PopulationDto>();
        Assert.Equal((6, 1, MappingSide.Ours), (ours.RecordCount, ours.DuplicatesMerged, ours.Side));
        var theirs = await (await partner.PostAsync($"/api/account-mapping/partnerships/{pid}/populations", Upload(PartnerCustomers))).Read<PopulationDto>();
        Assert.Equal(("HubSpot", 4, MappingSide.Partner), (theirs.Format, theirs.RecordCount, theirs.Side));

        // Counts only by default: both see the count (Acme and Initech by domain, Umbrella by name and country), nobody opens it.
        var m = await (await admin.GetAsync($"/api/account-mapping/partnerships/{pid}/matrix")).Read<MatrixDto>();
        var cell = Assert.Single(m.Cells);
        Assert.Equal((3L, 1L, false), (cell.Accounts, cell.NameOnly, cell.CanOpen));
        var pm = await (await partner.GetAsync($"/api/account-mapping/partnerships/{pid}/matrix")).Read<MatrixDto>();
        Assert.Equal(3L, Assert.Single(pm.Cells).Accounts);
        var overlapUrl = $"/api/account-mapping/partnerships/{pid}/overlap?ourPopulationId={ours.Id}&partnerPopulationId={theirs.Id}";
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(overlapUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(overlapUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(overlapUrl.Replace("/overlap?", "/overlap.csv?"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/account-mapping/populations/{ours.Id}/records")).StatusCode);

        // We share the overlap: the partner opens the cell (with why each matched), pages it and exports it; we still cannot.
        var e = await Errors(await admin.PutJson($"/api/account-mapping/partnerships/{pid}/rules", new { level = "public" }));
        Assert.Contains("hidden, counts", e["level"]![0]!.GetValue<string>());
        await (await admin.PutJson($"/api/account-mapping/partnerships/{pid}/rules", new { level = "overlap" })).Read<RuleDto>();
        var page1 = await (await partner.GetAsync(overlapUrl + "&pageSize=2")).Read<Paged<OverlapRow>>();
        Assert.Equal((3, 2), (page1.Total, page1.Items.Count));
        Assert.Contains("Same web domain", page1.Items[0].Explanation);
        var page2 = await (await partner.GetAsync(overlapUrl + "&pageSize=2&page=2")).Read<Paged<OverlapRow>>();
        var weak = Assert.Single(page2.Items);
        Assert.True(weak.Weak);
        Assert.Equal("Umbrella GmbH", weak.Ours!.Name);
        var csv = await partner.GetStringAsync(overlapUrl.Replace("/overlap?", "/overlap.csv?"));
        Assert.Contains("Acme Ltd", csv);
        Assert.DoesNotContain("Globex", csv);
        Assert.DoesNotContain("Hooli", csv);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(overlapUrl)).StatusCode);
        // Overlap is not "all": our other accounts stay ours.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/account-mapping/populations/{ours.Id}/records")).StatusCode);

        // The partner shares all accounts with us: we open the cell and list their population; they hide the pair: nobody sees the count.
        await (await partner.PutJson($"/api/account-mapping/partnerships/{pid}/rules", new { level = "all accounts" })).Read<RuleDto>();
        Assert.Equal(3, (await (await admin.GetAsync(overlapUrl)).Read<Paged<OverlapRow>>()).Total);
        Assert.Equal(4, (await (await admin.GetAsync($"/api/account-mapping/populations/{theirs.Id}/records")).Read<Paged<RecordDto>>()).Total);
        await (await partner.PutJson($"/api/account-mapping/partnerships/{pid}/rules", new { ourPopulationId = ours.Id, partnerPopulationId = theirs.Id, level = "hidden" })).Read<RuleDto>();
        var hidden = await (await admin.GetAsync($"/api/account-mapping/partnerships/{pid}/matrix")).Read<MatrixDto>();
        Assert.Empty(hidden.Cells);
        Assert.Empty(hidden.Partners);
        Assert.Empty((await (await partner.GetAsync($"/api/account-mapping/partnerships/{pid}/matrix")).Read<MatrixDto>()).Ours);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(overlapUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(overlapUrl)).StatusCode);

        // The rule changes are audited.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SharingRule)) >= 3);
    }

    [SkippableFact]
    public async Task BadInput_ClearErrors_NothingWritten_ReuploadReplacesOnlyWhenValid()
    {
        var (ws, admin) = await Workspace("Bad");
        var (pid, partnerId) = await admin.NewPartnershipAsync("Bolt");
        var (otherPid, _) = await admin.NewPartnershipAsync("Nut");
        var partner = await ws.AsPartnerUser(partnerId);
        var url = $"/api/account-mapping/partnerships/{pid}/populations";

        var e = await Errors(await admin.PostAsync(url, Upload("Id,Revenue\n1,200\n")));
        Assert.Contains("neither a company name nor a website", e["file"]![0]!.GetValue<string>());
        e = await Errors(await admin.PostAsync(url, Upload("Account Name,Website\n")));
        Assert.Contains("no data rows", e["file"]![0]!.GetValue<string>());
        e = await Errors(await admin.PostAsync(url, Upload([.. "Account Name\nAcme "u8, 0xC3, 0x28, .. "\n"u8], "Customers", "customers")));
        Assert.Contains("not valid UTF-8", e["file"]![0]!.GetValue<string>());
        e = await Errors(await admin.PostAsync(url, Upload("Org,Site\nAcme,acme.com\n", fields: [("websiteColumn", "Homepage")])));
        Assert.Contains("Homepage", e["mapping"]![0]!.GetValue<string>());
        e = await Errors(await admin.PostAsync(url, Upload("Account Name,Website\nAcme,acme.com\n,gmail.com\n,\"unclosed\n", name: " ", kind: "friends")));
        Assert.NotNull(e["name"]);
        Assert.NotNull(e["kind"]);
        e = await Errors(await admin.PostAsync(url, Upload("Account Name,Website\nAcme,acme.com\n,gmail.com\nBeta,beta.com\n")));
        Assert.Contains("free mail", e["row 3"]![0]!.GetValue<string>());
        await (await admin.PostAsync(url, new MultipartFormDataContent { { new StringContent("x"), "name" } })).Problem(400);
        Assert.Equal(0, await RecordCount(ws));

        // A mapped file works; the name is then taken on our side (the partner's side has its own names).
        var mapped = await (await admin.PostAsync(url, Upload("Org,Site,Land\nAcme,acme.com,DE\nBeta,beta.com,FR\n",
            fields: [("nameColumn", "Org"), ("websiteColumn", "Site"), ("countryColumn", "Land")]))).Read<PopulationDto>();
        Assert.Equal(("Mapped columns", 2), (mapped.Format, mapped.RecordCount));
        e = await Errors(await admin.PostAsync(url, Upload("Account Name\nGamma\n")));
        Assert.Contains("already used", e["name"]![0]!.GetValue<string>());
        await (await partner.PostAsync(url, Upload("Account Name\nGamma\n"))).Read<PopulationDto>();
        Assert.Equal(3, await RecordCount(ws));

        // A partner user uploading into a partnership they are not in: not found, nothing written.
        await (await partner.PostAsync($"/api/account-mapping/partnerships/{otherPid}/populations", Upload("Account Name\nDelta\n", "Other"))).Problem(404);
        // An evaluator cannot upload ours; a partner cannot replace ours.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsync(url, Upload("Account Name\nDelta\n", "Other"))).StatusCode);
        await (await partner.PostAsync($"/api/account-mapping/populations/{mapped.Id}/upload", Upload("Account Name\nEvil\n", null, null))).Problem(404);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.DeleteAsync($"/api/account-mapping/populations/{mapped.Id}")).StatusCode);
        Assert.Equal(3, await RecordCount(ws));

        // Re-upload: a bad file leaves the old records; a good one replaces them.
        await (await admin.PostAsync($"/api/account-mapping/populations/{mapped.Id}/upload", Upload("Account Name,Website\n,\nZed,zed.com\n", null, null))).Problem(400);
        Assert.Equal(2, (await (await admin.GetAsync($"/api/account-mapping/populations/{mapped.Id}/records")).Read<Paged<RecordDto>>()).Total);
        var replaced = await (await admin.PostAsync($"/api/account-mapping/populations/{mapped.Id}/upload", Upload("Account Name,Website\nZed,zed.com\n", null, null))).Read<PopulationDto>();
        Assert.Equal(1, replaced.RecordCount);
        var records = await (await admin.GetAsync($"/api/account-mapping/populations/{mapped.Id}/records")).Read<Paged<RecordDto>>();
        Assert.Equal("zed.com", Assert.Single(records.Items).Domain);
    }

    [SkippableFact]
    public async Task Attacker_ForeignIds_OtherPartnerships_OtherWorkspaces_AreNotFound()
    {
        var (ws, admin) = await Workspace("Attack");
        var (pid, partnerId) = await admin.NewPartnershipAsync("Keep");
        var (otherPid, otherPartnerId) = await admin.NewPartnershipAsync("Rival");
        var partner = await ws.AsPartnerUser(partnerId);
        var rival = await ws.AsPartnerUser(otherPartnerId);
        var ours = await (await admin.PostAsync($"/api/account-mapping/partnerships/{pid}/populations", Upload(OurCustomers))).Read<PopulationDto>();
        var theirs = await (await partner.PostAsync($"/api/account-mapping/partnerships/{pid}/populations", Upload(PartnerCustomers))).Read<PopulationDto>();
        await (await admin.PutJson($"/api/account-mapping/partnerships/{pid}/rules", new { level = "all" })).Read<RuleDto>();
        await (await partner.PutJson($"/api/account-mapping/partnerships/{pid}/rules", new { level = "all" })).Read<RuleDto>();
        var rivalPop = await (await rival.PostAsync($"/api/account-mapping/partnerships/{otherPid}/populations", Upload(PartnerCustomers))).Read<PopulationDto>();

        // The rival partner: not a member of the partnership, so none of it exists for them, whatever ids they send.
        foreach (var u in new[]
        {
            $"/api/account-mapping/partnerships/{pid}/matrix", $"/api/account-mapping/partnerships/{pid}/populations", $"/api/account-mapping/partnerships/{pid}/rules",
            $"/api/account-mapping/partnerships/{pid}/overlap?ourPopulationId={ours.Id}&partnerPopulationId={theirs.Id}",
            $"/api/account-mapping/partnerships/{pid}/overlap.csv?ourPopulationId={ours.Id}&partnerPopulationId={theirs.Id}",
            $"/api/account-mapping/partnerships/{otherPid}/overlap?ourPopulationId={ours.Id}&partnerPopulationId={theirs.Id}",
            $"/api/account-mapping/populations/{ours.Id}/records", $"/api/account-mapping/populations/{theirs.Id}/records?page=2",
        })
            Assert.Equal(HttpStatusCode.NotFound, (await rival.GetAsync(u)).StatusCode);
        await (await rival.PutJson($"/api/account-mapping/partnerships/{pid}/rules", new { level = "all" })).Problem(404);
        // Our partner cannot mix in the rival's population or a rule about it.
        await (await partner.GetAsync($"/api/account-mapping/partnerships/{pid}/overlap?ourPopulationId={ours.Id}&partnerPopulationId={rivalPop.Id}")).Problem(404);
        var e = await Errors(await partner.PutJson($"/api/account-mapping/partnerships/{pid}/rules", new { partnerPopulationId = rivalPop.Id, level = "all" }));
        Assert.NotNull(e["partnerPopulationId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/account-mapping/populations/{rivalPop.Id}/records")).StatusCode);
        // The partner's answers never carry the rival's data.
        var seen = await (await partner.GetAsync($"/api/account-mapping/partnerships/{pid}/populations")).Read<List<PopulationDto>>();
        Assert.Equal([ours.Id, theirs.Id], seen.Select(p => p.Id).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/account-mapping/overview")).StatusCode);

        // Another workspace's admin: not found.
        var (_, stranger) = await Workspace("Elsewhere");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/account-mapping/partnerships/{pid}/matrix")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/account-mapping/populations/{ours.Id}/records")).StatusCode);

        // Paging past the end is an empty page, not an error; the workspace overview ranks the partnership.
        var beyond = await (await partner.GetAsync($"/api/account-mapping/populations/{ours.Id}/records?page=99")).Read<Paged<RecordDto>>();
        Assert.Empty(beyond.Items);
        var overview = await (await admin.GetAsync("/api/account-mapping/overview")).Read<Paged<PartnershipOverlap>>();
        Assert.Equal((pid, 3L), (overview.Items[0].PartnershipId, overview.Items[0].SharedAccounts));
    }

    static async Task<HttpResponseMessage> PostUploadForm(HttpClient c, string pageUrl, string postUrl, string csv, params (string Key, string Value)[] fields)
    {
        var html = await (await c.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var form = new MultipartFormDataContent { { new StringContent(TestHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "accounts.csv");
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        return await c.PostAsync(postUrl, form);
    }

    [SkippableFact]
    public async Task Pages_UploadPreviewAndRules_ThroughTheForms_PortalSide_AndALeadFromAnOverlap()
    {
        var (ws, admin) = await Workspace("Pages");
        var manager = await ws.As(Roles.Manager);
        var (pid, partnerId) = await admin.NewPartnershipAsync("Quill");
        var partner = await ws.AsPartnerUser(partnerId);
        var page = $"/AccountMapping/Partnership/{pid}";

        Assert.Contains("No lists yet", await manager.GetStringAsync(page));
        var preview = await (await PostUploadForm(manager, page, page + "?handler=Preview", OurCustomers, ("Input.Name", "Customers"), ("Input.Kind", "customers"))).Content.ReadAsStringAsync();
        Assert.Contains("acme.co.uk", preview);
        Assert.Contains("row 7 into row 2", preview);
        Assert.Equal(0, await RecordCount(ws));
        var bad = await (await PostUploadForm(manager, page, page + "?handler=Upload", "Id,Revenue\n1,2\n", ("Input.Name", "Customers"), ("Input.Kind", "customers"))).Content.ReadAsStringAsync();
        Assert.Contains("neither a company name nor a website", bad);
        var ok = await PostUploadForm(manager, page, page + "?handler=Upload", OurCustomers, ("Input.Name", "Customers"), ("Input.Kind", "customers"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("Customers", await manager.GetStringAsync(page));

        // The partner uploads in the portal and shares overlaps; we share them too, through the rule form.
        var portal = $"/Portal/AccountMapping?PartnershipId={pid}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostUploadForm(partner, portal, $"/Portal/AccountMapping?handler=Upload&PartnershipId={pid}", PartnerCustomers,
            ("Input.Name", "Clients"), ("Input.Kind", "customers"))).StatusCode);
        var rule = await partner.PostFormAsync(portal, $"/Portal/AccountMapping?handler=Rule&PartnershipId={pid}", [new("RuleLevel", "nonsense")]);
        Assert.Contains("must be one of", await rule.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await partner.PostFormAsync(portal, $"/Portal/AccountMapping?handler=Rule&PartnershipId={pid}", [new("RuleLevel", "overlap")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(page, page + "?handler=Rule", [new("RuleLevel", "overlap")])).StatusCode);

        var m = await (await manager.GetAsync($"/api/account-mapping/partnerships/{pid}/matrix")).Read<MatrixDto>();
        var cell = Assert.Single(m.Cells);
        Assert.True(cell.CanOpen);
        var cellPage = $"/AccountMapping/Overlap?PartnershipId={pid}&Ours={cell.OurPopulationId}&Theirs={cell.PartnerPopulationId}";
        var html = await manager.GetStringAsync(cellPage);
        Assert.Contains("Same web domain acme.co.uk", html);
        Assert.Contains("Weaker match", html);
        var portalCell = await partner.GetStringAsync($"/Portal/AccountMapping/Overlap?PartnershipId={pid}&Ours={cell.OurPopulationId}&Theirs={cell.PartnerPopulationId}");
        Assert.Contains("Initech", portalCell);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(page)).StatusCode);
        Assert.Contains("Account mapping", await manager.GetStringAsync($"/Partnerships/{pid}"));
        Assert.Contains("Quill", await manager.GetStringAsync("/AccountMapping"));

        // A lead from an overlapping account, through deal registration; an evaluator may look but not register.
        var overlap = await (await manager.GetAsync($"/api/account-mapping/partnerships/{pid}/overlap?ourPopulationId={cell.OurPopulationId}&partnerPopulationId={cell.PartnerPopulationId}")).Read<Paged<OverlapRow>>();
        var acme = overlap.Items.First(o => o.Ours!.Domain == "acme.co.uk");
        var referral = await manager.PostJson($"/api/account-mapping/partnerships/{pid}/overlap/referral",
            new { ourPopulationId = cell.OurPopulationId, partnerPopulationId = cell.PartnerPopulationId, recordId = acme.Ours!.Id });
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/account-mapping/partnerships/{pid}/overlap/referral",
            new { ourPopulationId = cell.OurPopulationId, partnerPopulationId = cell.PartnerPopulationId, recordId = acme.Ours!.Id })).StatusCode);
        // A record that is not in the overlap (Globex) cannot be referred from it.
        var all = await (await manager.GetAsync($"/api/account-mapping/populations/{cell.OurPopulationId}/records")).Read<Paged<RecordDto>>();
        var globex = all.Items.First(r => r.Name == "Globex");
        await (await manager.PostJson($"/api/account-mapping/partnerships/{pid}/overlap/referral",
            new { ourPopulationId = cell.OurPopulationId, partnerPopulationId = cell.PartnerPopulationId, recordId = globex.Id })).Problem(404);
    }
}
