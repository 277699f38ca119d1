using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Referrals;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Referrals;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteReferralsConflictsTests(SqliteApp app) : ReferralsConflictsTests<SqliteApp>(app);
public sealed class PostgresReferralsConflictsTests(PostgresApp app) : ReferralsConflictsTests<PostgresApp>(app);

/// <summary>Deal registration against our side: alias groups, fuzzy names, our CRM accounts, posting won revenue, the demo, and the denials.</summary>
public abstract class ReferralsConflictsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name)
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    static readonly DateOnly Future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

    static object Body(int partnershipId, string company, string website, string country = "Germany", decimal amount = 12000m) => new
    {
        partnershipId, kind = "Deal", companyName = company, website, country, contactName = "Ann Lee", amount, currency = "EUR", expectedCloseOn = Future,
    };

    static MultipartFormDataContent Upload(string csv, string kind)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "crm.csv");
        form.Add(new StringContent(kind), "kind");
        return form;
    }

    [SkippableFact]
    public async Task AliasDomain_ConflictsWithAnotherPartnersProtectedRegistration_ExplainedToStaffOnly()
    {
        var (ws, admin) = await Workspace("Alias");
        var manager = await ws.As(Roles.Manager);
        var (pidA, partnerA) = await admin.NewPartnershipAsync("Anchor");
        var (pidB, partnerB) = await admin.NewPartnershipAsync("Buoy");
        var a = await ws.AsPartnerUser(partnerA);
        var b = await ws.AsPartnerUser(partnerB);

        // Bad groups are refused by field; a domain is in one group only.
        var e = (await (await manager.PostJson("/api/company-aliases", new { name = "", domains = new[] { "gmail.com", "northwind-x.com" } })).Problem(400))["errors"]!;
        Assert.NotNull(e["name"]);
        Assert.Contains("free-mail", e["domains"]![0]!.GetValue<string>());
        var group = await (await manager.PostJson("/api/company-aliases", new { name = "Northwind X", domains = new[] { "https://www.northwind-x.com", "northwind-x.de" } })).Read<AliasDto>();
        Assert.Equal("northwind-x.com", group.Key);
        e = (await (await manager.PostJson("/api/company-aliases", new { name = "Other", domains = new[] { "northwind-x.de", "other-x.de" } })).Problem(400))["errors"]!;
        Assert.Contains("already in the alias group Northwind X", e["domains"]![0]!.GetValue<string>());

        // A registers on the main domain and is approved (protected); B registers the same company on the alias domain.
        var first = await (await a.PostJson("/api/referrals", Body(pidA, "Northwind X", "northwind-x.com"))).Read<RegistrationDto>();
        Assert.False(first.ConflictOpen);
        await (await manager.PostJson($"/api/referrals/{first.Id}/decision", new { outcome = "Approve", version = first.Version })).Read<RegistrationDto>();
        var second = await (await b.PostJson("/api/referrals", Body(pidB, "Northwind X Handel GmbH", "https://shop.northwind-x.de/"))).Read<RegistrationDto>();
        Assert.True(second.ConflictOpen);
        var raw = await (await b.GetAsync($"/api/referrals/{second.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("northwind-x.com", raw);
        Assert.DoesNotContain("Anchor", raw);
        Assert.DoesNotContain("alias", raw);

        var conflict = Assert.Single(await (await manager.GetAsync($"/api/referrals/{second.Id}/conflicts")).Read<List<ConflictDto>>());
        Assert.True(conflict.Hard);
        Assert.Equal(first.Id, conflict.OtherId);
        Assert.Equal("Alias domain", conflict.Strength);
        Assert.Contains("northwind-x.de is an alias of northwind-x.com", conflict.Explanation);
        var refused = await (await manager.PostJson($"/api/referrals/{second.Id}/decision", new { outcome = "Approve", reason = "x", version = second.Version })).Problem(409);
        Assert.Contains("holds protection on northwind-x.com", refused["detail"]!.GetValue<string>());
        var page = await manager.GetStringAsync($"/Referrals/Details/{second.Id}");
        Assert.Contains("is an alias of", page);

        // A group made after a registration still counts: the stored keys follow the group.
        var early = await (await a.PostJson("/api/referrals", Body(pidA, "Fabrik Y", "fabrik-y.com"))).Read<RegistrationDto>();
        await (await manager.PostJson("/api/company-aliases", new { name = "Fabrik Y", domains = new[] { "fabrik-y.com", "fabrik-y.at" } })).Read<AliasDto>();
        var late = await (await b.PostJson("/api/referrals", Body(pidB, "Fabrik Y", "fabrik-y.at"))).Read<RegistrationDto>();
        Assert.Contains(await (await manager.GetAsync($"/api/referrals/{late.Id}/conflicts")).Read<List<ConflictDto>>(), c => c.OtherId == early.Id && c.Hard);

        // Editing: a stale version is refused; removing the alias domain leaves it matching only itself.
        var current = await (await manager.GetAsync($"/api/company-aliases/{group.Id}")).Read<AliasDto>();
        var edited = await (await manager.PutJson($"/api/company-aliases/{group.Id}", new { name = "Northwind X", domains = new[] { "northwind-x.com", "northwind-x.ch" }, version = current.Version })).Read<AliasDto>();
        await (await manager.PutJson($"/api/company-aliases/{group.Id}", new { name = "Stale", domains = new[] { "northwind-x.com", "northwind-x.fr" }, version = current.Version })).Problem(409);
        Assert.Equal(["northwind-x.com", "northwind-x.ch"], edited.Domains);
        var third = await (await b.PostJson("/api/referrals", Body(pidB, "Nordwand", "northwind-x.de", country: "France"))).Read<RegistrationDto>();
        Assert.DoesNotContain(await (await manager.GetAsync($"/api/referrals/{third.Id}/conflicts")).Read<List<ConflictDto>>(), c => c.OtherId == first.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/company-aliases/{group.Id}")).StatusCode);
        await (await manager.GetAsync($"/api/company-aliases/{group.Id}")).Problem(404);

        // Denials: partner users see no aliases (API or page); an evaluator reads but cannot change them; another workspace's is not found.
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync("/api/company-aliases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJson("/api/company-aliases", new { name = "N", domains = new[] { "n1.com", "n2.com" } })).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await a.GetAsync("/Referrals/Aliases")).StatusCode);
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/company-aliases", new { name = "N", domains = new[] { "n1.com", "n2.com" } })).StatusCode);
        var (otherWs, otherAdmin) = await Workspace("Alias other");
        var fabrik = (await (await manager.GetAsync("/api/company-aliases")).Read<List<AliasDto>>()).Single();
        await (await otherAdmin.GetAsync($"/api/company-aliases/{fabrik.Id}")).Problem(404);
        await (await otherAdmin.PutJson($"/api/company-aliases/{fabrik.Id}", new { name = "Mine", domains = new[] { "m1.com", "m2.com" }, version = fabrik.Version })).Problem(404);
        Assert.NotNull(otherWs);
    }

    [SkippableFact]
    public async Task SimilarName_IsASoftFlag_WithTheScore()
    {
        var (ws, admin) = await Workspace("Fuzzy");
        var manager = await ws.As(Roles.Manager);
        var (pidA, partnerA) = await admin.NewPartnershipAsync("Keel");
        var (pidB, partnerB) = await admin.NewPartnershipAsync("Mast");
        var first = await (await (await ws.AsPartnerUser(partnerA)).PostJson("/api/referrals", Body(pidA, "Brückner Maschinenbau GmbH", "brueckner-mb.de"))).Read<RegistrationDto>();
        var b = await ws.AsPartnerUser(partnerB);
        var near = await (await b.PostJson("/api/referrals", Body(pidB, "Bruckner Maschinebau AG", "brueckner-maschinen.com"))).Read<RegistrationDto>();
        var flag = Assert.Single(await (await manager.GetAsync($"/api/referrals/{near.Id}/conflicts")).Read<List<ConflictDto>>());
        Assert.Equal(first.Id, flag.OtherId);
        Assert.False(flag.Hard);
        Assert.True(flag.NameScore >= 0.9m);
        Assert.StartsWith("Similar name (name score 0.9", flag.Strength);
        Assert.Contains("name score", flag.Explanation);
        // A different company with the same first word, or the same name in another country, is not flagged.
        var other = await (await b.PostJson("/api/referrals", Body(pidB, "Brückner Logistik", "brueckner-logistik.de"))).Read<RegistrationDto>();
        Assert.False(other.ConflictOpen);
        var abroad = await (await b.PostJson("/api/referrals", Body(pidB, "Bruckner Maschinenbau", "brueckner-mb.fr", country: "France"))).Read<RegistrationDto>();
        Assert.False(abroad.ConflictOpen);
    }

    const string Salesforce = "Account Name,Website,Billing Country,Type,Account Owner\r\n" +
        "Contoso Y Ltd,https://www.contoso-y.com,United Kingdom,Customer - Direct,Ann\r\n" +
        "Litware Y,litware-y.com,United States,Customer - Channel,Bo\r\n" +
        "Contoso Y Limited,contoso-y.com,United Kingdom,Customer,Ann\r\n";

    [SkippableFact]
    public async Task CrmImport_AllOrNothing_ThenACustomerOfOursIsAHardConflict_AndPartnersSeeNothing()
    {
        var (ws, admin) = await Workspace("Crm");
        var manager = await ws.As(Roles.Manager);
        var (pid, partnerId) = await admin.NewPartnershipAsync("Quay");
        var partner = await ws.AsPartnerUser(partnerId);

        // A bad row: nothing saved, the row named.
        var bad = Salesforce + ",gmail.com,Germany,Customer,Ann\r\n";
        var problem = await (await manager.PostAsync("/api/crm-accounts/import", Upload(bad, "Customer"))).Problem(400);
        Assert.Contains("not a company domain", problem["errors"]!["row 5"]![0]!.GetValue<string>());
        Assert.Equal(0, (await (await manager.GetAsync("/api/crm-accounts")).Read<CrmListDto>()).Customers);
        var noKind = await (await manager.PostAsync("/api/crm-accounts/import", Upload(Salesforce, "nonsense"))).Problem(400);
        Assert.NotNull(noKind["errors"]!["kind"]);

        // A good Salesforce export; duplicates by domain merge; a HubSpot export of open opportunities.
        var imported = await (await manager.PostAsync("/api/crm-accounts/import", Upload(Salesforce, "Customer"))).Read<CrmImportResult>();
        Assert.Equal((3, 2, 1, "Salesforce"), (imported.Rows, imported.Imported, imported.DuplicatesMerged, imported.Format));
        var hub = await (await manager.PostAsync("/api/crm-accounts/import",
            Upload("Company name,Company Domain Name,Country/Region,Lifecycle Stage\r\nAdventure Y,adventure-y.de,Germany,opportunity\r\n", "Opportunity"))).Read<CrmImportResult>();
        Assert.Equal("HubSpot", hub.Format);
        var list = await (await manager.GetAsync("/api/crm-accounts")).Read<CrmListDto>();
        Assert.Equal((2, 1), (list.Customers, list.Opportunities));
        // Re-importing a list replaces it, and a bad re-import keeps the old one.
        await (await manager.PostAsync("/api/crm-accounts/import", Upload("Account Name,Website\r\n,\r\n", "Opportunity"))).Problem(400);
        Assert.Equal(1, (await (await manager.GetAsync("/api/crm-accounts?kind=Opportunity")).Read<CrmListDto>()).Accounts.Total);

        // A partner registers our customer (on a subdomain) and our open opportunity: hard conflicts, explained to staff only.
        var r = await (await partner.PostJson("/api/referrals", Body(pid, "Contoso", "https://shop.contoso-y.com", country: "UK"))).Read<RegistrationDto>();
        Assert.True(r.ConflictOpen);
        var conflict = Assert.Single(await (await manager.GetAsync($"/api/referrals/{r.Id}/conflicts")).Read<List<ConflictDto>>());
        Assert.True(conflict.Hard);
        Assert.Null(conflict.OtherId);
        Assert.Equal("Customer of ours", conflict.OurAccount);
        Assert.Contains("An existing customer of ours", conflict.Explanation);
        var raw = await (await partner.GetAsync($"/api/referrals/{r.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("customer", raw, StringComparison.OrdinalIgnoreCase);
        var o = await (await partner.PostJson("/api/referrals", Body(pid, "Adventure Y", "adventure-y.de"))).Read<RegistrationDto>();
        Assert.Contains("An open opportunity of ours", Assert.Single(await (await manager.GetAsync($"/api/referrals/{o.Id}/conflicts")).Read<List<ConflictDto>>()).Explanation);
        Assert.Contains("existing customer of ours", await manager.GetStringAsync($"/Referrals/Details/{r.Id}"));
        // The decision on it records a reason like any other.
        var decided = await (await manager.PostJson($"/api/referrals/{r.Id}/decision", new { outcome = "Reject", reason = "Contoso is our direct customer.", version = r.Version })).Read<RegistrationDto>();
        Assert.Equal(RegistrationStage.Rejected, decided.Stage);

        // Denials: partner users and evaluators cannot import; partner users cannot list our accounts or open the page.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/crm-accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync("/api/crm-accounts/import", Upload(Salesforce, "Customer"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).PostAsync("/api/crm-accounts/import", Upload(Salesforce, "Customer"))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync("/Referrals/Accounts")).StatusCode);
        var pageHtml = await manager.GetStringAsync("/Referrals/Accounts");
        Assert.Contains("Contoso Y Ltd", pageHtml);
        // Another workspace sees none of them.
        var (_, otherAdmin) = await Workspace("Crm other");
        Assert.Equal(0, (await (await otherAdmin.GetAsync("/api/crm-accounts")).Read<CrmListDto>()).Customers);
    }

    [SkippableFact]
    public async Task ApprovedWin_PostsOneRevenueEvent_OfferedWithoutTerms_AutomaticWithThem_TwiceIsANoOp()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Won");
        var s = await RevenueFixtures.AgreementAsync(app, ws, "Won", new DateOnly(2025, 1, 1));
        var manager = s.Manager;
        var partner = await ws.AsPartnerUser(s.PartnerIds[0]);

        async Task<RegistrationDto> Win(string company, string website)
        {
            var r = await (await partner.PostJson("/api/referrals", Body(s.PartnershipId, company, website))).Read<RegistrationDto>();
            r = await (await manager.PostJson($"/api/referrals/{r.Id}/decision", new { outcome = "Approve", version = r.Version })).Read<RegistrationDto>();
            foreach (var stage in new[] { "Qualified", "Opportunity", "Won" })
                r = await (await partner.PostJson($"/api/referrals/{r.Id}/stage", new { stage, version = r.Version })).Read<RegistrationDto>();
            return await (await manager.PostJson($"/api/referrals/{r.Id}/approve-win", new { version = r.Version })).Read<RegistrationDto>();
        }
        async Task<List<EventDto>> Events() => (await (await manager.GetAsync($"{s.Url}/revenue-events")).Read<Paged<EventDto>>()).Items.ToList();

        // No revenue terms yet: the win is not posted, but offered.
        var first = await Win("Alpha Won", "alpha-won.com");
        Assert.Null(first.RevenueEventId);
        var targets = await (await manager.GetAsync($"/api/referrals/{first.Id}/revenue-targets")).Read<List<Features.Signals.RevenueTarget>>();
        Assert.False(Assert.Single(targets).HasTerms);
        Assert.Contains("Post to the revenue ledger", await manager.GetStringAsync($"/Referrals/Details/{first.Id}"));
        // The partner cannot post it; a missing agreement is a field error.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson($"/api/referrals/{first.Id}/post-revenue", new { agreementId = s.AgreementId })).StatusCode);
        await (await manager.PostJson($"/api/referrals/{first.Id}/post-revenue", new { })).Problem(400);
        var posted = await (await manager.PostJson($"/api/referrals/{first.Id}/post-revenue", new { agreementId = s.AgreementId })).Read<RegistrationDto>();
        var again = await (await manager.PostJson($"/api/referrals/{first.Id}/post-revenue", new { agreementId = s.AgreementId })).Read<RegistrationDto>();
        Assert.NotNull(posted.RevenueEventId);
        Assert.Equal(posted.RevenueEventId, again.RevenueEventId);
        var one = Assert.Single(await Events());
        Assert.Equal((ReferralService.RevenueKey(first.Id), 12000m, "EUR"), (one.Key, one.Amount, one.Currency));
        Assert.Null((await (await partner.GetAsync($"/api/referrals/{first.Id}")).Read<RegistrationDto>()).RevenueEventId);

        // With revenue terms, the approval posts it; posting by hand afterwards records nothing new.
        await (await manager.PutJson($"{s.Url}/revenue-terms", new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 20m }, new { partyId = "org", percent = 80m } } })).Read<TermsDto>();
        var second = await Win("Beta Won", "beta-won.com");
        Assert.NotNull(second.RevenueEventId);
        await (await manager.PostJson($"/api/referrals/{second.Id}/post-revenue", new { agreementId = s.AgreementId })).Read<RegistrationDto>();
        Assert.Equal(2, (await Events()).Count);
        Assert.Contains("Posted as one sale", await manager.GetStringAsync($"/Referrals/Details/{second.Id}"));
    }

    [SkippableFact]
    public async Task Demo_HasTheAliasConflict_AndTheConflictWithOurOpportunity()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Demo alias");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
        await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var alias = await db.RegistrationConflicts.Include(c => c.Registration).Include(c => c.OtherRegistration)
            .Where(c => c.Registration!.Domain == "northwind.de" && c.OtherRegistration!.Domain == "northwind-traders.com").ToListAsync();
        Assert.NotEmpty(alias);
        Assert.Contains(alias, c => c.Hard && c.Explanation.Contains("northwind.de is an alias of northwind-traders.com") && c.Registration!.PartnerId != c.OtherRegistration!.PartnerId);
        Assert.True(await db.RegistrationConflicts.AnyAsync(c => c.OurAccountKind == CrmAccountKind.Opportunity && c.Hard));
        Assert.True(await db.CrmAccounts.CountAsync() >= 3);
    }
}
