using System.Net;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqlitePartnerSearchTests(SqliteApp app) : PartnerSearchTests<SqliteApp>(app);
public sealed class PostgresPartnerSearchTests(PostgresApp app) : PartnerSearchTests<PostgresApp>(app);

/// <summary>
/// Partner search through the indexes (SQLite FTS5 trigram table kept by triggers, PostgreSQL pg_trgm; decision 0032):
/// Unicode case, contacts, edits and deletes kept in step, query syntax in the term taken as text, short terms, workspaces.
/// </summary>
public abstract class PartnerSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<HttpClient> Manager(string name)
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        return await (await app.CreateWorkspaceAsync(name)).As(Roles.Manager);
    }

    static async Task<PartnerDto> NewPartner(HttpClient c, string name, string? website = null)
    {
        var r = await c.PostJson("/api/partners", new { name, website });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.Read<PartnerDto>();
    }

    static async Task<List<string>> Search(HttpClient c, string term)
    {
        var r = await c.GetAsync($"/api/partners?pageSize=100&search={Uri.EscapeDataString(term)}");
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{term}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Read<Paged<PartnerSummary>>()).Items.Select(p => p.Name).ToList();
    }

    [Fact]
    public async Task Search_FoldsUnicodeCase_InNamesAndWebsites()
    {
        var c = await Manager("Search unicode");
        await NewPartner(c, "École Polytechnique", "https://polytechnique.example");
        await NewPartner(c, "Ärzte Örebro");
        await NewPartner(c, "Plain Partner");
        Assert.Equal(["École Polytechnique"], await Search(c, "ÉCOLE"));
        Assert.Equal(["École Polytechnique"], await Search(c, "école poly"));
        Assert.Equal(["École Polytechnique"], await Search(c, "POLYTECHNIQUE.EXAMPLE"));
        Assert.Equal(["Ärzte Örebro"], await Search(c, "ärzte öREBRO"));
        Assert.Empty(await Search(c, "nothing like it"));
        // The page runs the same search.
        var html = await (await c.GetAsync("/Partners?search=%C3%89COLE")).Content.ReadAsStringAsync();
        Assert.Contains("Polytechnique", html);
        Assert.DoesNotContain("Plain Partner", html);
    }

    [Fact]
    public async Task Search_FindsAPartner_ByItsContactsNameOrEmail_AndFollowsContactEdits()
    {
        var c = await Manager("Search contacts");
        var p = await NewPartner(c, "Harbour Logistics");
        await NewPartner(c, "Other Company");
        var contact = await (await c.PostJson($"/api/partners/{p.Id}/contacts", new { name = "Zoë Müller", email = "zoe.mueller@harbour.example" })).Read<ContactDto>();
        Assert.Equal(["Harbour Logistics"], await Search(c, "ZOË MÜL"));
        Assert.Equal(["Harbour Logistics"], await Search(c, "mueller@HARBOUR"));
        await (await c.PutJson($"/api/partners/{p.Id}/contacts/{contact.Id}", new { name = "Zoë Schmidt", email = "zoe@harbour.example", version = contact.Version })).Read<ContactDto>();
        Assert.Empty(await Search(c, "mueller@"));
        Assert.Equal(["Harbour Logistics"], await Search(c, "schmidt"));
        Assert.Equal(HttpStatusCode.NoContent, (await c.DeleteAsync($"/api/partners/{p.Id}/contacts/{contact.Id}")).StatusCode);
        Assert.Empty(await Search(c, "schmidt"));
        Assert.Equal(["Harbour Logistics"], await Search(c, "harbour"));
    }

    [Fact]
    public async Task AnEditedPartner_IsFoundByItsNewName_NotItsOld_AndADeletedOneNotAtAll()
    {
        var c = await Manager("Search edits");
        var p = await NewPartner(c, "Quartzline Analytics", "https://quartzline.example");
        var updated = await c.PutJson($"/api/partners/{p.Id}", new { name = "Beryllium Analytics", website = "https://beryllium.example", version = p.Version });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Empty(await Search(c, "quartzline"));
        Assert.Equal(["Beryllium Analytics"], await Search(c, "BERYLLIUM"));
        Assert.Equal(HttpStatusCode.NoContent, (await c.DeleteAsync($"/api/partners/{p.Id}")).StatusCode);
        Assert.Empty(await Search(c, "beryllium"));
        Assert.Empty(await Search(c, "analytics"));
    }

    [Fact]
    public async Task QuerySyntaxInTheTerm_IsText_NeverAnError()
    {
        var c = await Manager("Search syntax");
        await NewPartner(c, "Alpha OR Beta \"Quoted\" 50% off_cut (co*op) C:\\path ^NEAR");
        await NewPartner(c, "Alpha Only");
        foreach (var term in new[] { "alpha OR beta", "\"quoted\"", "\"", "\"\"", "co*op", "*", "**", "50%", "%", "_", "off_cut", "f_c",
                     "(co", ")", "NEAR(", "^near", "c:\\path", "\\", "a AND NOT b", "-alpha", "+", "'", "';--", "{x}", ":", "col:alpha" })
            await Search(c, term); // 200 for each: asserted in Search
        Assert.Equal(["Alpha OR Beta \"Quoted\" 50% off_cut (co*op) C:\\path ^NEAR"], await Search(c, "alpha OR beta"));
        Assert.Equal(["Alpha OR Beta \"Quoted\" 50% off_cut (co*op) C:\\path ^NEAR"], await Search(c, "\"quoted\""));
        Assert.Equal(["Alpha OR Beta \"Quoted\" 50% off_cut (co*op) C:\\path ^NEAR"], await Search(c, "co*op"));
        Assert.Equal(["Alpha OR Beta \"Quoted\" 50% off_cut (co*op) C:\\path ^NEAR"], await Search(c, "50%"));
        Assert.Equal(["Alpha OR Beta \"Quoted\" 50% off_cut (co*op) C:\\path ^NEAR"], await Search(c, "f_c"));
        Assert.Empty(await Search(c, "f%c"));
        Assert.Empty(await Search(c, "alpha AND beta"));
    }

    [Fact]
    public async Task ShortTerms_StillFindPartners()
    {
        var c = await Manager("Search short");
        await NewPartner(c, "Qx Labs");
        await NewPartner(c, "Zed Systems");
        Assert.Equal(["Qx Labs"], await Search(c, "QX"));
        Assert.Equal(["Qx Labs"], await Search(c, "x "));
        Assert.Equal(["Zed Systems"], await Search(c, "z"));
        Assert.Equal(2, (await Search(c, "s")).Count);
    }

    [Fact]
    public async Task Search_NeverShowsAnotherWorkspacesPartner_AndKeepsTheOtherFilters()
    {
        var mine = await Manager("Search mine");
        var theirs = await Manager("Search theirs");
        await (await mine.PostJson("/api/partners", new { name = "Vantablack Mine", industry = "Software" })).Read<PartnerDto>();
        await (await mine.PostJson("/api/partners", new { name = "Vantablack Retail", industry = "Retail" })).Read<PartnerDto>();
        var other = await NewPartner(theirs, "Vantablack Theirs");
        await (await theirs.PostJson($"/api/partners/{other.Id}/contacts", new { name = "Vanta Person", email = "vantablack@theirs.example" })).Read<ContactDto>();
        Assert.Equal(["Vantablack Mine", "Vantablack Retail"], await Search(mine, "VANTABLACK"));
        Assert.Equal(["Vantablack Theirs"], await Search(theirs, "vantablack"));
        Assert.Empty(await Search(mine, "theirs"));
        Assert.Empty(await Search(mine, "vanta person"));
        var software = await (await mine.GetAsync("/api/partners?search=vantablack&industry=Software")).Read<Paged<PartnerSummary>>();
        Assert.Equal(["Vantablack Mine"], software.Items.Select(p => p.Name));
        var paged = await (await mine.GetAsync("/api/partners?search=vantablack&pageSize=1&page=2&sort=NameDesc")).Read<Paged<PartnerSummary>>();
        Assert.Equal(2, paged.Total);
        Assert.Equal(["Vantablack Mine"], paged.Items.Select(p => p.Name));
    }

    /// <summary>"ß" folds to itself, not to "ss" (simple case folding on both providers): STRASSE and straße do not find each other.</summary>
    [Fact]
    public async Task SharpS_MatchesItself_NotDoubleS()
    {
        var c = await Manager("Search sharp s");
        await NewPartner(c, "Hauptstraße Werke");
        Assert.Equal(["Hauptstraße Werke"], await Search(c, "STRAßE"));
        Assert.Empty(await Search(c, "STRASSE"));
    }
}
