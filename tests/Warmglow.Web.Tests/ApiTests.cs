using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Audit;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteApiTests(SqliteApp app) : ApiTests<SqliteApp>(app);
public sealed class PostgresApiTests(PostgresApp app) : ApiTests<PostgresApp>(app);

/// <summary>The API through real HTTP, run once per database provider.</summary>
public abstract class ApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    protected TApp App { get; } = app;

    protected void Ready() => Skip.If(App.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);

    async Task<(TestWorkspace Ws, HttpClient Admin)> Workspace(string name = "Acme")
    {
        Ready();
        var ws = await App.CreateWorkspaceAsync(name);
        return (ws, await ws.As(Roles.Admin));
    }

    static object NewPartner(string name = "Lotus Flow Studios") => new
    {
        name, website = "https://lotusflow.example", industry = "Fitness & Yoga", size = "11-50", region = "Europe", notes = "Yoga studio network",
    };

    async Task<PartnerDto> CreatePartner(HttpClient c, string name = "Lotus Flow Studios") =>
        await (await c.PostJson("/api/partners", NewPartner(name))).Read<PartnerDto>();

    async Task<PartnershipDto> CreatePartnership(HttpClient c, int partnerId, PartnershipType type = PartnershipType.CoMarketing) =>
        await (await c.PostJson("/api/partnerships", new { name = "Studio co-marketing", type, partnerId })).Read<PartnershipDto>();

    [SkippableFact]
    public async Task Anonymous_ApiCalls_Get401_AndPagesRedirectToSignIn()
    {
        await Workspace();
        var anon = App.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/api/partners", "/api/partnerships", "/api/audit", "/api/users", "/api/partnership-types" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostJson("/api/partners", NewPartner())).StatusCode);
        var page = await anon.GetAsync("/Partners");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
    }

    [SkippableFact]
    public async Task Token_WithWrongPassword_Is401Problem()
    {
        var (ws, _) = await Workspace();
        var anon = App.CreateClient();
        await (await anon.PostJson("/api/auth/token", new { email = ws.Emails[Roles.Admin], password = "wrong password!" })).Problem(401);
    }

    [SkippableFact]
    public async Task Health_ChecksTheDatabase()
    {
        Ready();
        var node = await (await App.CreateClient().GetAsync("/healthz")).Node();
        Assert.Equal("Healthy", node["status"]!.GetValue<string>());
        Assert.Equal("Healthy", node["checks"]!["database"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task OpenApi_DescribesTheApi_WithBearerScheme()
    {
        var (_, admin) = await Workspace();
        var doc = await (await admin.GetAsync("/openapi/v1.json")).Node();
        Assert.NotNull(doc["paths"]!["/api/partners"]);
        Assert.NotNull(doc["paths"]!["/api/partnerships/{id}/transitions"]);
        Assert.NotNull(doc["components"]!["securitySchemes"]!["bearer"]);
    }

    [SkippableFact]
    public async Task Partner_CreateReadUpdateDelete_RoundTrips()
    {
        var (_, admin) = await Workspace();
        var created = await CreatePartner(admin);
        Assert.Equal("Lotus Flow Studios", created.Name);
        var contact = await (await admin.PostJson($"/api/partners/{created.Id}/contacts", new { name = "Ana Ruiz", email = "ana@lotusflow.example", title = "Partnerships lead" })).Read<ContactDto>();
        var read = await (await admin.GetAsync($"/api/partners/{created.Id}")).Read<PartnerDto>();
        Assert.Equal("ana@lotusflow.example", Assert.Single(read.Contacts).Email);

        var updated = await (await admin.PutJson($"/api/partners/{created.Id}", new { name = "Lotus Flow", website = "https://lotusflow.example", region = "UK & Ireland", version = read.Version })).Read<PartnerDto>();
        Assert.Equal("Lotus Flow", updated.Name);
        Assert.Equal("UK & Ireland", updated.Region);
        Assert.Null(updated.Industry);
        Assert.True(updated.Version > read.Version);

        await (await admin.PutJson($"/api/partners/{created.Id}/contacts/{contact.Id}", new { name = "Ana Ruiz", email = "ana.ruiz@lotusflow.example", version = contact.Version })).Read<ContactDto>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/partners/{created.Id}/contacts/{contact.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/partners/{created.Id}")).StatusCode);
        await (await admin.GetAsync($"/api/partners/{created.Id}")).Problem(404);
    }

    [SkippableFact]
    public async Task Partner_List_SearchesFiltersSortsAndPages()
    {
        var (_, admin) = await Workspace();
        for (var i = 0; i < 12; i++)
            await admin.PostJson("/api/partners", new { name = $"Partner {i:00}", industry = i % 2 == 0 ? "Software" : "Retail", region = i < 6 ? "Europe" : "Asia Pacific" });
        var yoga = await CreatePartner(admin, "Zen Yoga");
        await CreatePartnership(admin, yoga.Id, PartnershipType.Licensing);

        var page1 = await (await admin.GetAsync("/api/partners?pageSize=5&sort=Name")).Read<Paged<PartnerSummary>>();
        Assert.Equal(13, page1.Total);
        Assert.Equal(["Partner 00", "Partner 01", "Partner 02", "Partner 03", "Partner 04"], page1.Items.Select(p => p.Name));
        var page3 = await (await admin.GetAsync("/api/partners?pageSize=5&page=3&sort=Name")).Read<Paged<PartnerSummary>>();
        Assert.Equal(["Partner 10", "Partner 11", "Zen Yoga"], page3.Items.Select(p => p.Name));
        var desc = await (await admin.GetAsync("/api/partners?pageSize=1&sort=NameDesc")).Read<Paged<PartnerSummary>>();
        Assert.Equal("Zen Yoga", desc.Items[0].Name);

        var software = await (await admin.GetAsync("/api/partners?industry=Software&region=Europe")).Read<Paged<PartnerSummary>>();
        Assert.Equal(["Partner 00", "Partner 02", "Partner 04"], software.Items.Select(p => p.Name));
        var search = await (await admin.GetAsync("/api/partners?search=ZEN")).Read<Paged<PartnerSummary>>();
        Assert.Equal("Zen Yoga", Assert.Single(search.Items).Name);
        var byType = await (await admin.GetAsync("/api/partners?type=Licensing&stage=Prospect")).Read<Paged<PartnerSummary>>();
        Assert.Equal(PartnershipStage.Prospect, Assert.Single(byType.Items).LatestStage);
        await (await admin.GetAsync("/api/partners?type=Franchise")).Problem(400);
    }

    [SkippableFact]
    public async Task Partner_BadInput_Is400NamingTheField_AndWritesNothing()
    {
        var (_, admin) = await Workspace();
        var cases = new (object Body, string Field)[]
        {
            (new { name = "" }, "name"),
            (new { name = "   " }, "name"),
            (new { name = new string('x', 201) }, "name"),
            (new { name = "Ok", website = "not a url" }, "website"),
            (new { name = "Ok", website = "ftp://files.example" }, "website"),
            (new { name = "Ok", region = new string('r', 101) }, "region"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await (await admin.PostJson("/api/partners", body)).Problem(400);
            Assert.NotNull(problem["errors"]![field]);
        }
        var p = await CreatePartner(admin);
        var contact = await (await admin.PostJson($"/api/partners/{p.Id}/contacts", new { name = "Bo", email = "bo@@example" })).Problem(400);
        Assert.NotNull(contact["errors"]!["email"]);
        var list = await (await admin.GetAsync("/api/partners")).Read<Paged<PartnerSummary>>();
        Assert.Equal(1, list.Total);
        Assert.Equal(0, list.Items[0].Contacts);
    }

    [SkippableFact]
    public async Task MalformedJson_And_UnknownEnum_Are400Problems()
    {
        var (_, admin) = await Workspace();
        var bad = await admin.PostAsync("/api/partners", new StringContent("{\"name\": \"Acme\",", Encoding.UTF8, "application/json"));
        var p1 = await bad.Problem(400);
        Assert.Equal("Malformed JSON", p1["title"]!.GetValue<string>());
        var partner = await CreatePartner(admin);
        var unknown = await admin.PostAsync("/api/partnerships", new StringContent($"{{\"name\":\"X\",\"type\":\"Franchise\",\"partnerId\":{partner.Id}}}", Encoding.UTF8, "application/json"));
        var p2 = await unknown.Problem(400);
        Assert.Contains("type", p2["detail"]!.GetValue<string>());
        var wrongType = await admin.PostAsync("/api/partners", new StringContent("{\"name\": 42}", Encoding.UTF8, "application/json"));
        Assert.Contains("name", (await wrongType.Problem(400))["detail"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task ConcurrentEdits_SecondSaveWithStaleVersion_Is409_AndFirstWins()
    {
        var (ws, admin) = await Workspace();
        var manager = await ws.As(Roles.Manager);
        var p = await CreatePartner(admin);
        var first = await admin.PutJson($"/api/partners/{p.Id}", new { name = "Edited by admin", version = p.Version });
        await first.Read<PartnerDto>();
        var second = await manager.PutJson($"/api/partners/{p.Id}", new { name = "Edited by manager", version = p.Version });
        var problem = await second.Problem(409);
        Assert.Contains("Reload", problem["detail"]!.GetValue<string>());
        Assert.Equal("Edited by admin", (await (await admin.GetAsync($"/api/partners/{p.Id}")).Read<PartnerDto>()).Name);
        await (await admin.PutJson($"/api/partners/{p.Id}", new { name = "No version" })).Problem(400);
    }

    [SkippableFact]
    public async Task OtherWorkspace_CannotSeeOrChange_APartner()
    {
        var (_, adminA) = await Workspace("Alpha");
        var (_, adminB) = await Workspace("Beta");
        var p = await CreatePartner(adminA, "Alpha's partner");
        var ps = await CreatePartnership(adminA, p.Id);

        await (await adminB.GetAsync($"/api/partners/{p.Id}")).Problem(404);
        await (await adminB.PutJson($"/api/partners/{p.Id}", new { name = "Hijacked", version = p.Version })).Problem(404);
        await (await adminB.DeleteAsync($"/api/partners/{p.Id}")).Problem(404);
        await (await adminB.PostJson($"/api/partners/{p.Id}/contacts", new { name = "Spy" })).Problem(404);
        await (await adminB.GetAsync($"/api/partnerships/{ps.Id}")).Problem(404);
        await (await adminB.PostJson($"/api/partnerships/{ps.Id}/transitions", new { to = "Research", reason = "x" })).Problem(404);
        var partnershipForeignPartner = await (await adminB.PostJson("/api/partnerships", new { name = "X", type = "Reseller", partnerId = p.Id })).Problem(400);
        Assert.NotNull(partnershipForeignPartner["errors"]!["partnerId"]);
        Assert.Equal(0, (await (await adminB.GetAsync("/api/partners")).Read<Paged<PartnerSummary>>()).Total);
        Assert.Equal(0, (await (await adminB.GetAsync("/api/audit")).Read<Paged<AuditDto>>()).Total);
        Assert.Equal("Alpha's partner", (await (await adminA.GetAsync($"/api/partners/{p.Id}")).Read<PartnerDto>()).Name);
    }

    [SkippableFact]
    public async Task PartnerUser_SeesOnlyOwnPartnership_AndCannotCallManagerEndpoints()
    {
        var (ws, admin) = await Workspace();
        var mine = await CreatePartner(admin, "Mine");
        var other = await CreatePartner(admin, "Other");
        var myPs = await CreatePartnership(admin, mine.Id);
        var otherPs = await CreatePartnership(admin, other.Id);
        var partnerUser = await ws.AsPartnerUser(mine.Id);

        var list = await (await partnerUser.GetAsync("/api/partnerships")).Read<Paged<PartnershipSummary>>();
        Assert.Equal(myPs.Id, Assert.Single(list.Items).Id);
        await (await partnerUser.GetAsync($"/api/partnerships/{myPs.Id}")).Read<PartnershipDto>();
        await (await partnerUser.GetAsync($"/api/partnerships/{otherPs.Id}")).Problem(404);

        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync("/api/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.PostJson("/api/partners", NewPartner())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.PostJson($"/api/partnerships/{myPs.Id}/transitions", new { to = "Research", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerUser.GetAsync("/api/users")).StatusCode);
    }

    [SkippableFact]
    public async Task Roles_EvaluatorAndExecutiveRead_ManagerWrites_OnlyAdminAdministers()
    {
        var (ws, admin) = await Workspace();
        var p = await CreatePartner(admin);
        foreach (var role in new[] { Roles.Evaluator, Roles.Executive })
        {
            var c = await ws.As(role);
            await (await c.GetAsync($"/api/partners/{p.Id}")).Read<PartnerDto>();
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PostJson("/api/partners", NewPartner())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.DeleteAsync($"/api/partners/{p.Id}")).StatusCode);
        }
        var manager = await ws.As(Roles.Manager);
        await CreatePartner(manager, "By manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson("/api/users", new { email = "x@y.example", displayName = "X", role = "admin" })).StatusCode);
    }

    [SkippableFact]
    public async Task Lifecycle_MovesAlongTheStateMachine_RecordsHistory_AndRefusesIllegalMoves()
    {
        var (_, admin) = await Workspace();
        var partner = await CreatePartner(admin);
        var ps = await CreatePartnership(admin, partner.Id);
        Assert.Equal(PartnershipStage.Prospect, ps.Stage);
        Assert.Single(ps.History);
        var withPartnership = await (await admin.GetAsync($"/api/partners/{partner.Id}")).Read<PartnerDto>();
        Assert.Equal(ps.Id, Assert.Single(withPartnership.Partnerships).Id);

        var move = await admin.PostJson($"/api/partnerships/{ps.Id}/transitions", new { to = "Research", reason = "Strong values fit" });
        Assert.Equal(HttpStatusCode.Created, move.StatusCode);
        var illegal = await (await admin.PostJson($"/api/partnerships/{ps.Id}/transitions", new { to = "Active", reason = "Skip ahead" })).Problem(400);
        var message = illegal["errors"]!["to"]![0]!.GetValue<string>();
        Assert.Contains("'Intro call'", message);
        Assert.Contains("'On hold'", message);
        await (await admin.PostJson($"/api/partnerships/{ps.Id}/transitions", new { to = "IntroCall" })).Problem(400); // reason required

        await admin.PostJson($"/api/partnerships/{ps.Id}/transitions", new { to = "OnHold", reason = "Budget freeze" });
        var held = await (await admin.GetAsync($"/api/partnerships/{ps.Id}")).Read<PartnershipDto>();
        Assert.Equal(PartnershipStage.Research, held.HeldFromStage);
        Assert.Equal([PartnershipStage.Research, PartnershipStage.Rejected], held.AllowedMoves);
        await (await admin.PostJson($"/api/partnerships/{ps.Id}/transitions", new { to = "IntroCall", reason = "x" })).Problem(400);
        await admin.PostJson($"/api/partnerships/{ps.Id}/transitions", new { to = "Research", reason = "Budget back" });

        var final = await (await admin.GetAsync($"/api/partnerships/{ps.Id}")).Read<PartnershipDto>();
        Assert.Equal(PartnershipStage.Research, final.Stage);
        Assert.Equal(4, final.History.Count);
        var latest = final.History[0];
        Assert.Equal((PartnershipStage.OnHold, PartnershipStage.Research, "Budget back", "admin user"), (latest.From!.Value, latest.To, latest.Reason, latest.By));

        var audit = await (await admin.GetAsync($"/api/audit?entityType=Partnership&entityId={ps.Id}&action=StageChanged")).Read<Paged<AuditDto>>();
        Assert.Equal(3, audit.Total);
        Assert.Contains("\"Stage\":\"OnHold\"", audit.Items[0].Before);
        Assert.Contains("\"Stage\":\"Research\"", audit.Items[0].After);
    }

    [SkippableFact]
    public async Task Audit_RecordsWhoWhenWhat_BeforeAndAfter()
    {
        var (_, admin) = await Workspace();
        var p = await CreatePartner(admin, "Before");
        await admin.PutJson($"/api/partners/{p.Id}", new { name = "After", website = p.Website, industry = p.Industry, size = p.Size, region = p.Region, notes = p.Notes, version = p.Version });
        await admin.DeleteAsync($"/api/partners/{p.Id}");
        var entries = await (await admin.GetAsync($"/api/audit?entityType=Partner&entityId={p.Id}")).Read<Paged<AuditDto>>();
        Assert.Equal(["Deleted", "Updated", "Created"], entries.Items.Select(e => e.Action));
        var update = entries.Items[1];
        Assert.Equal("admin user", update.UserName);
        Assert.Equal("{\"Name\":\"Before\"}", update.Before);
        Assert.Equal("{\"Name\":\"After\"}", update.After);
        Assert.Contains("\"Name\":\"After\"", entries.Items[0].Before);
        Assert.Contains("\"Industry\":\"Fitness & Yoga\"", entries.Items[0].Before);
        Assert.Null(entries.Items[0].After);
    }

    const string Header = "partner_name,website,industry,size,region,notes,contact_name,contact_email,contact_title,contact_phone\n";

    static MultipartFormDataContent CsvFile(byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", "partners.csv");
        return form;
    }

    static MultipartFormDataContent CsvFile(string text) => CsvFile(Encoding.UTF8.GetBytes(text));

    [SkippableFact]
    public async Task Csv_ExportThenImport_RoundTrips_IntoAnotherWorkspace()
    {
        var (_, a) = await Workspace("Exporter");
        var (_, b) = await Workspace("Importer");
        var p1 = await CreatePartner(a, "Café \"Ñandú\", Ltd");
        await a.PostJson($"/api/partners/{p1.Id}/contacts", new { name = "Zoë", email = "zoe@nandu.example", title = "CEO, founder" });
        await a.PostJson($"/api/partners/{p1.Id}/contacts", new { name = "Li Wei", email = "li@nandu.example", phone = "+44 20 7946 0000" });
        await a.PostJson("/api/partners", new { name = "No contacts", notes = "Line one\nLine two" });

        var csv = await (await a.GetAsync("/api/partners/export")).Content.ReadAsByteArrayAsync();
        var result = await (await b.PostAsync("/api/partners/import", CsvFile(csv))).Read<ImportResult>();
        Assert.Equal((3, 2, 0, 2, 0), (result.Rows, result.PartnersCreated, result.PartnersUpdated, result.ContactsCreated, result.ContactsUpdated));
        Assert.Equal(Encoding.UTF8.GetString(csv), await (await b.GetAsync("/api/partners/export")).Content.ReadAsStringAsync());

        // Importing the same file again updates, never duplicates.
        var again = await (await b.PostAsync("/api/partners/import", CsvFile(csv))).Read<ImportResult>();
        Assert.Equal((0, 2, 0, 2), (again.PartnersCreated, again.PartnersUpdated, again.ContactsCreated, again.ContactsUpdated));
        Assert.Equal(2, (await (await b.GetAsync("/api/partners")).Read<Paged<PartnerSummary>>()).Total);
    }

    [SkippableFact]
    public async Task Csv_WithAnyBadRow_ImportsNothing_AndReportsRowNumbers()
    {
        var (_, admin) = await Workspace();
        var text = Header
            + "Good One,https://good.example,Software,11-50,Europe,,Ann,ann@good.example,,\n"
            + ",https://noname.example,,,,,,,,\n"
            + "Bad Url,not-a-url,,,,,Bob,bob@bad,,\n"
            + "Good One,https://other.example,Software,11-50,Europe,,Cy,cy@good.example,,\n";
        var problem = await (await admin.PostAsync("/api/partners/import", CsvFile(text))).Problem(400);
        var errors = problem["errors"]!;
        Assert.Contains("partner_name", errors["row 3"]![0]!.GetValue<string>());
        var row4 = string.Join(" | ", errors["row 4"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Contains("website", row4);
        Assert.Contains("contact_email", row4);
        Assert.Contains("row 2", errors["row 5"]![0]!.GetValue<string>());
        Assert.Null(errors["row 2"]);
        Assert.Equal(0, (await (await admin.GetAsync("/api/partners")).Read<Paged<PartnerSummary>>()).Total);
    }

    [SkippableTheory]
    [InlineData("name,website\nAcme,https://acme.example\n", "header")]
    [InlineData("", "file")]
    [InlineData("partner_name,website,industry,size,region,notes,contact_name,contact_email,contact_title,contact_phone\nA \"quoted\" name,,,,,,,,,\n", "row 2")]
    [InlineData("partner_name,website,industry,size,region,notes,contact_name,contact_email,contact_title,contact_phone\n\"Never closed,,,,,,,,,\n", "row 2")]
    [InlineData("partner_name,website,industry,size,region,notes,contact_name,contact_email,contact_title,contact_phone\nToo,few\n", "row 2")]
    public async Task Csv_BrokenFiles_Are400_WithTheReason(string text, string key)
    {
        var (_, admin) = await Workspace();
        var problem = await (await admin.PostAsync("/api/partners/import", CsvFile(text))).Problem(400);
        Assert.NotNull(problem["errors"]![key]);
        Assert.Equal(0, (await (await admin.GetAsync("/api/partners")).Read<Paged<PartnerSummary>>()).Total);
    }

    [SkippableFact]
    public async Task Csv_NotUtf8_Is400()
    {
        var (_, admin) = await Workspace();
        var latin1 = Encoding.Latin1.GetBytes(Header + "Café Ñandú,,,,,,,,,\n");
        var problem = await (await admin.PostAsync("/api/partners/import", CsvFile(latin1))).Problem(400);
        Assert.Contains("UTF-8", problem["errors"]!["file"]![0]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Users_AdminInvites_InviteeSetsPassword_AndRolesChangeWithAudit()
    {
        var (_, admin) = await Workspace();
        var invitation = await (await admin.PostJson("/api/users", new { email = "new.person@acme.example", displayName = "New Person", role = "evaluator" })).Read<Invitation>();
        Assert.Contains("/Account/AcceptInvite?token=", invitation.AcceptUrl);
        Assert.Equal(["evaluator"], invitation.User.Roles);
        Assert.False(invitation.User.HasPassword);
        // Someone who never signed in can be invited again (a new link; the old one stops working).
        var again = await (await admin.PostJson("/api/users", new { email = "new.person@acme.example", displayName = "Again", role = "evaluator" })).Read<Invitation>();
        Assert.NotEqual(invitation.AcceptUrl, again.AcceptUrl);
        Assert.Equal(invitation.User.Id, again.User.Id);
        await (await admin.PostJson("/api/users", new { email = "p@acme.example", displayName = "P", role = "partner" })).Problem(400); // needs partnerId
        await (await admin.PostJson("/api/users", new { email = "q@acme.example", displayName = "Q", role = "superuser" })).Problem(400);

        var changed = await (await admin.PutJson($"/api/users/{invitation.User.Id}/roles", new { roles = new[] { "manager" } })).Read<UserDto>();
        Assert.Equal(["manager"], changed.Roles);
        var audit = await (await admin.GetAsync($"/api/audit?entityType=User&entityId={invitation.User.Id}")).Read<Paged<AuditDto>>();
        Assert.Equal(["RolesChanged", "Invited", "Invited"], audit.Items.Select(a => a.Action));
    }

    [SkippableFact]
    public async Task DataGenerator_FillsAWorkspace_WithLegalHistories_ThatTheApiPages()
    {
        var (ws, admin) = await Workspace("Volume");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
            await scope.ServiceProvider.GetRequiredService<Warmglow.Web.Features.Demo.DataGenerator>().GenerateAsync(250, batchSize: 100);
        }
        var partners = await (await admin.GetAsync("/api/partners?pageSize=100&page=3")).Read<Paged<PartnerSummary>>();
        Assert.Equal((250, 50, 3), (partners.Total, partners.Items.Count, partners.PageCount));
        // The pages page too: "page" in the query string is not shadowed by Razor's own "page" route value.
        foreach (var url in new[] { "/Partners?page=3", "/Partnerships?page=3" })
            Assert.Contains("page 3 of 10", await admin.GetStringAsync(url), StringComparison.Ordinal);
        var partnerships = await (await admin.GetAsync("/api/partnerships?pageSize=200")).Read<Paged<PartnershipSummary>>();
        Assert.Equal(250, partnerships.Total);
        Assert.True(partnerships.Items.Select(p => p.Stage).Distinct().Count() > 3);
        // Replay a few histories through the state machine: every recorded move was legal.
        foreach (var summary in partnerships.Items.Take(15))
        {
            var p = await (await admin.GetAsync($"/api/partnerships/{summary.Id}")).Read<PartnershipDto>();
            var (stage, held) = (PartnershipStage.Prospect, (PartnershipStage?)null);
            foreach (var t in p.History.AsEnumerable().Reverse().Skip(1))
            {
                Assert.Equal(stage, t.From);
                Assert.True(Lifecycle.Check(stage, t.To, held).IsAllowed, $"{stage} → {t.To}");
                (held, stage) = (t.To == PartnershipStage.OnHold ? stage : null, t.To);
            }
            Assert.Equal(p.Stage, stage);
        }
    }

    [SkippableFact]
    public async Task Migrations_AreAllApplied_AndTheModelHasNoPendingChanges()
    {
        Ready();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run tools/migrations.sh <Name>.");
    }
}
