using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Knowledge;
using Warmglow.Core.Partnerships;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Knowledge;
using Warmglow.Web.Features.Portfolio;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteKnowledgeTests(SqliteApp app) : KnowledgeTests<SqliteApp>(app);
public sealed class PostgresKnowledgeTests(PostgresApp app) : KnowledgeTests<PostgresApp>(app);

/// <summary>The knowledge base over HTTP: writing, versions and stale edits, search, sanitizing, who reads what (tiers), lessons learned.</summary>
public abstract partial class KnowledgeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    async Task<(TestWorkspace Ws, HttpClient Manager)> Workspace(string name = "Know")
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
    }

    static object Article(string title, string body = "Some **text**.", string kind = "Playbook", string? tags = null, bool shared = false,
        string[]? tiers = null, int? version = null) => new { title, kind, body, tags, shared, tiers = tiers ?? [], version };

    static async Task<JsonNode> Errors(HttpResponseMessage r) => (await r.Problem(400))["errors"]!;

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [SkippableFact]
    public async Task Manager_Writes_Edits_AsVersions_StaleEditIs409_Searches_AndBadInputNamesFields()
    {
        var (ws, manager) = await Workspace();

        // Bad input: every field named, nothing saved.
        var e = await Errors(await manager.PostJson("/api/knowledge", new { kind = "LessonLearned", tags = string.Join(',', Enumerable.Range(1, 12).Select(i => $"t{i}")), tiers = new[] { "Growth" } }));
        Assert.NotNull(e["title"]);
        Assert.NotNull(e["body"]);
        Assert.Contains("partnership's page", e["kind"]![0]!.GetValue<string>());
        Assert.Contains("at most 10 tags", e["tags"]![0]!.GetValue<string>());
        Assert.Contains("shared article", e["tiers"]![0]!.GetValue<string>());
        Assert.NotNull((await Errors(await manager.PostJson("/api/knowledge", new { title = "x", body = "y" })))["kind"]);
        Assert.Equal(0, (await (await manager.GetAsync("/api/knowledge")).Read<Paged<ArticleRow>>()).Total);

        var a = await (await manager.PostJson("/api/knowledge", Article("Onboarding in 30 days", "Name an **owner** on each side.", tags: "Onboarding, co-selling ,ONBOARDING"))).Read<ArticleDto>();
        Assert.Equal(["onboarding", "co-selling"], a.Tags);
        Assert.Equal(1, a.Number);
        Assert.Contains("<strong>owner</strong>", a.Html);
        Assert.Equal("Internal", a.Visibility);

        // An edit is a new version; the old one is still readable; a stale version is a conflict and changes nothing.
        var edited = await (await manager.PutJson($"/api/knowledge/{a.Id}", Article("Onboarding in 30 days", "Name an owner and a weekly call.", tags: "onboarding", version: a.Version))).Read<ArticleDto>();
        Assert.Equal(2, edited.Number);
        await (await manager.PutJson($"/api/knowledge/{a.Id}", Article("Lost update", "x", version: a.Version))).Problem(409);
        Assert.Equal("Onboarding in 30 days", (await (await manager.GetAsync($"/api/knowledge/{a.Id}")).Read<ArticleDto>()).Title);
        await Errors(await manager.PutJson($"/api/knowledge/{a.Id}", Article("No version", "x")));
        var versions = await (await manager.GetAsync($"/api/knowledge/{a.Id}/versions")).Read<List<VersionRow>>();
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.All(versions, v => Assert.False(string.IsNullOrEmpty(v.SavedBy)));
        var v1 = await (await manager.GetAsync($"/api/knowledge/{a.Id}/versions/1")).Read<VersionDto>();
        Assert.Contains("**owner**", v1.Body);
        Assert.Equal(2, v1.CurrentNumber);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/knowledge/{a.Id}/versions/9")).StatusCode);

        // Search: title, body and tags, case-insensitive, paged in the database; tag and kind filters.
        await (await manager.PostJson("/api/knowledge", Article("Agreement outline", "Term, termination and the EXIT clause.", kind: "AgreementTemplate", tags: "legal"))).Read<ArticleDto>();
        await (await manager.PostJson("/api/knowledge", Article("Review deck", "Eight slides.", kind: "ReviewDeckTemplate", tags: "reviews"))).Read<ArticleDto>();
        async Task<Paged<ArticleRow>> Find(string q) => await (await manager.GetAsync($"/api/knowledge?{q}")).Read<Paged<ArticleRow>>();
        Assert.Equal("Agreement outline", Assert.Single((await Find("search=exit%20CLAUSE")).Items).Title);
        Assert.Equal("Onboarding in 30 days", Assert.Single((await Find("search=WEEKLY")).Items).Title);
        Assert.Equal("Review deck", Assert.Single((await Find("search=review")).Items).Title);
        Assert.Equal("Agreement outline", Assert.Single((await Find("tag=Legal")).Items).Title);
        Assert.Equal("Review deck", Assert.Single((await Find("kind=ReviewDeckTemplate")).Items).Title);
        var page = await Find("pageSize=2&page=2");
        Assert.Equal((3, 1), (page.Total, page.Items.Count));
        Assert.Contains((await (await manager.GetAsync("/api/knowledge/tags")).Read<List<TagCount>>()), t => t.Tag == "legal");

        // Deleting: the version read is required (stale → 409), versions go with it, evaluators cannot; the page offers it.
        var doomed = await (await manager.PostJson("/api/knowledge", Article("To delete", "Soon gone."))).Read<ArticleDto>();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ws.As(Roles.Evaluator)).DeleteAsync($"/api/knowledge/{doomed.Id}?version={doomed.Version}")).StatusCode);
        await (await manager.DeleteAsync($"/api/knowledge/{doomed.Id}")).Problem(400);
        await (await manager.DeleteAsync($"/api/knowledge/{doomed.Id}?version={doomed.Version + 5}")).Problem(409);
        Assert.Contains("Delete article", await manager.GetStringAsync($"/Knowledge/Article/{doomed.Id}"));
        var deleted = await manager.PostFormAsync($"/Knowledge/Article/{doomed.Id}", $"/Knowledge/Article/{doomed.Id}?handler=Delete", [new("version", doomed.Version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/knowledge/{doomed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"/api/knowledge/{doomed.Id}?version={doomed.Version}")).StatusCode);
        await InDb(ws, async db => Assert.False(await db.KnowledgeArticleVersions.AnyAsync(v => v.ArticleId == doomed.Id)));

        // Pages: the list searches, the article renders, the history lists versions, the form shows errors by its fields.
        var list = await manager.GetStringAsync("/Knowledge?Search=exit");
        Assert.Contains("Agreement outline", list);
        Assert.DoesNotContain("Onboarding in 30 days", list);
        Assert.Contains("weekly call", await manager.GetStringAsync($"/Knowledge/Article/{a.Id}"));
        Assert.Contains("Version 1", await manager.GetStringAsync($"/Knowledge/History/{a.Id}"));
        Assert.Contains("<strong>owner</strong>", await manager.GetStringAsync($"/Knowledge/Version/{a.Id}/1"));
        var form = await manager.PostFormAsync("/Knowledge/Edit", "/Knowledge/Edit", [new("Input.Title", ""), new("Input.Kind", "Playbook"), new("Input.Body", "")]);
        var formHtml = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Title is required", formHtml);
        Assert.Contains("Body is required", formHtml);
        var created = await manager.PostFormAsync("/Knowledge/Edit", "/Knowledge/Edit",
            [new("Input.Title", "Written in the form"), new("Input.Kind", "Other"), new("Input.Body", "From the page."), new("Input.Shared", "true"), new("Input.Tiers", "Growth")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var fromForm = Assert.Single((await Find("search=written%20in%20the%20form")).Items);
        Assert.Equal([Tier.Growth], fromForm.Tiers);
    }

    [SkippableFact]
    public async Task UnsafeMarkdown_IsSanitized_NoScriptNoEventHandlersNoJavascriptLinks()
    {
        var (_, manager) = await Workspace("Unsafe");
        const string body = "# Hi\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<a href=\"javascript:alert(3)\">raw</a>\n\n" +
            "[click](javascript:alert(4)) and [also](JaVaScRiPt&#58;alert(5)) and [tab](java\tscript:alert(6))\n\n![pic](data:image/svg+xml;base64,PHN2Zz4=)\n\n" +
            "<javascript:alert(7)>\n\n[ref]\n\n[ref]: vbscript:msgbox(8)\n\n[fine](https://example.com/ok) and <https://example.org>\n\n<div onclick=\"x()\">div</div>\n";
        var a = await (await manager.PostJson("/api/knowledge", Article("Unsafe", body))).Read<ArticleDto>();
        var page = await manager.GetStringAsync($"/Knowledge/Article/{a.Id}");
        var start = page.IndexOf("knowledge-body\">", StringComparison.Ordinal);
        Assert.True(start > 0);
        foreach (var html in new[] { a.Html, page[start..page.IndexOf("</article>", start, StringComparison.Ordinal)] })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=\"x\"", html);
            Assert.DoesNotMatch(EventAttribute(), html.Replace("&lt;", "").Replace("&gt;", ""));
            Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"java", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=\"data:", html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("&lt;script&gt;", a.Html);
        Assert.Contains("click", a.Html);
        Assert.Contains("href=\"https://example.com/ok\"", a.Html);
        Assert.Contains("href=\"https://example.org\"", a.Html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", a.Html);
    }

    [SkippableFact]
    public async Task PartnerUsers_SeeOnlySharedArticlesForTheirTier_EvaluatorCannotWrite_OtherWorkspace404()
    {
        var (ws, manager) = await Workspace("Tiers");
        var admin = await ws.As(Roles.Admin);
        var (pid, partnerId) = await admin.NewPartnershipAsync("Strata");
        var (_, untieredPartnerId) = await admin.NewPartnershipAsync("Plain");
        await InDb(ws, async db =>
        {
            db.PartnershipTiers.Add(new PartnershipTier { PartnershipId = pid, Tier = Tier.Growth, TierRank = 1, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var internalOne = await (await manager.PostJson("/api/knowledge", Article("Internal playbook", "Our margins."))).Read<ArticleDto>();
        var all = await (await manager.PostJson("/api/knowledge", Article("Welcome kit", "Hello partners.", kind: "WelcomeKitTemplate", shared: true))).Read<ArticleDto>();
        var growth = await (await manager.PostJson("/api/knowledge", Article("Growth benefits", "For growth.", shared: true, tiers: ["Growth", "Strategic"]))).Read<ArticleDto>();
        var strategic = await (await manager.PostJson("/api/knowledge", Article("Strategic benefits", "For strategic.", shared: true, tiers: ["Strategic"]))).Read<ArticleDto>();
        Assert.Equal("Shared with partners in the growth, strategic tiers", growth.Visibility.Replace("strategic, growth", "growth, strategic"));

        var partner = await ws.AsPartnerUser(partnerId);
        var seen = await (await partner.GetAsync("/api/knowledge?pageSize=50")).Read<Paged<ArticleRow>>();
        Assert.Equal(new[] { all.Id, growth.Id }.Order(), seen.Items.Select(i => i.Id).Order());
        Assert.All(seen.Items, i => Assert.Equal("Our team", i.UpdatedBy));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/knowledge/{internalOne.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/knowledge/{strategic.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Portal/Knowledge/Article/{internalOne.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Portal/Knowledge/Article/{strategic.Id}")).StatusCode);
        Assert.Contains("For growth.", await partner.GetStringAsync($"/Portal/Knowledge/Article/{growth.Id}"));
        var portal = await partner.GetStringAsync("/Portal/Knowledge");
        Assert.Contains("Welcome kit", portal);
        Assert.DoesNotContain("Internal playbook", portal);
        Assert.DoesNotContain("Strategic benefits", portal);
        Assert.DoesNotContain("Internal playbook", await partner.GetStringAsync("/Portal/Knowledge?Search=margins"));
        Assert.Empty((await (await partner.GetAsync("/api/knowledge?search=margins")).Read<Paged<ArticleRow>>()).Items);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/knowledge/{growth.Id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostJson("/api/knowledge", Article("Mine", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJson($"/api/knowledge/{all.Id}", Article("Mine", "x", version: all.Version))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync("/Knowledge")).StatusCode);

        // A partner with no tiered partnership reads only the articles with no tier limit.
        var plain = await ws.AsPartnerUser(untieredPartnerId);
        Assert.Equal([all.Id], (await (await plain.GetAsync("/api/knowledge")).Read<Paged<ArticleRow>>()).Items.Select(i => i.Id));

        // Evaluators and executives read internal articles but cannot write.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal("Internal playbook", (await (await evaluator.GetAsync($"/api/knowledge/{internalOne.Id}")).Read<ArticleDto>()).Title);
        Assert.Contains("Internal playbook", await evaluator.GetStringAsync("/Knowledge"));
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson("/api/knowledge", Article("Nope", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutJson($"/api/knowledge/{internalOne.Id}", Article("Nope", "x", version: internalOne.Version))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await evaluator.GetAsync("/Knowledge/Edit")).StatusCode);
        Assert.DoesNotContain("Write an article", await evaluator.GetStringAsync("/Knowledge"));

        // Another workspace's ids are not found, for reads and writes.
        var other = await app.CreateWorkspaceAsync("Elsewhere");
        var otherManager = await other.As(Roles.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/knowledge/{internalOne.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/knowledge/{internalOne.Id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PutJson($"/api/knowledge/{internalOne.Id}", Article("Hijack", "x", version: internalOne.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/Knowledge/Article/{internalOne.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/lessons-learned/{pid}")).StatusCode);
        Assert.Equal(0, (await (await otherManager.GetAsync("/api/knowledge")).Read<Paged<ArticleRow>>()).Total);
    }

    [SkippableFact]
    public async Task LessonsLearned_OnlyWhenEnding_PublishedAsInternalArticle_OfferedOnThePartnershipPage()
    {
        var (ws, manager) = await Workspace("Lessons");
        var admin = await ws.As(Roles.Admin);
        var (pid, partnerId) = await admin.NewPartnershipAsync("Fading");
        var good = new { whatWorked = "The pilot.", whatDidNot = "No owner on their side.", whyEnded = "Usage stayed below 4%.", partnerAgain = "Maybe", notes = "Ask for KPIs.", tags = "kpis", version = 0 };

        // Not while the partnership is live; bad input names its fields.
        Assert.Contains("sunsetting or ended", (await (await manager.PutJson($"/api/lessons-learned/{pid}", good)).Problem(409))["detail"]!.GetValue<string>());
        Assert.DoesNotContain("Record lessons learned", await manager.GetStringAsync($"/Partnerships/{pid}"));
        await InDb(ws, db => db.Partnerships.Where(p => p.Id == pid).ExecuteUpdateAsync(u => u.SetProperty(p => p.Stage, PartnershipStage.Sunsetting)));
        Assert.Contains("Record lessons learned", await manager.GetStringAsync($"/Partnerships/{pid}"));
        await (await manager.PutJson($"/api/lessons-learned/{pid}", new { partnerAgain = "Perhaps", version = 0 })).Problem(400);
        var e = await Errors(await manager.PutJson($"/api/lessons-learned/{pid}", new { whatWorked = " ", version = 0 }));
        Assert.NotNull(e["partnerAgain"]);
        Assert.NotNull(e["whatWorked"]);
        Assert.NotNull(e["whatDidNot"]);
        Assert.NotNull(e["whyEnded"]);
        Assert.Equal(0, (await (await manager.GetAsync($"/api/lessons-learned/{pid}")).Read<KnowledgeService.LessonsDto>()).Version);
        var form = await (await manager.PostFormAsync($"/Knowledge/Lessons/{pid}", $"/Knowledge/Lessons/{pid}", [new("Input.Version", "0")])).Content.ReadAsStringAsync();
        Assert.Contains("What worked is required", form);
        Assert.Contains("Partner again is required", form);

        // An evaluator cannot record them.
        var evaluator = await ws.As(Roles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutJson($"/api/lessons-learned/{pid}", good)).StatusCode);

        var saved = await (await manager.PutJson($"/api/lessons-learned/{pid}", good)).Read<KnowledgeService.LessonsDto>();
        Assert.Equal(PartnerAgain.Maybe, saved.PartnerAgain);
        Assert.Contains("lesson learned", saved.Tags);
        var article = await (await manager.GetAsync($"/api/knowledge/{saved.ArticleId}")).Read<ArticleDto>();
        Assert.Equal((ArticleKind.LessonLearned, false, pid), (article.Kind, article.Shared, article.PartnershipId));
        Assert.Contains("No owner on their side.", article.Body);
        await (await manager.PutJson($"/api/lessons-learned/{pid}", good)).Problem(409); // version 0 again: stale
        var again = await (await manager.PutJson($"/api/lessons-learned/{pid}", good with { whyEnded = "Usage stayed low.", version = saved.Version })).Read<KnowledgeService.LessonsDto>();
        Assert.Equal("Usage stayed low.", again.WhyEnded);
        Assert.Equal(2, (await (await manager.GetAsync($"/api/knowledge/{saved.ArticleId}")).Read<ArticleDto>()).Number);
        var current = await (await manager.GetAsync($"/api/knowledge/{saved.ArticleId}")).Read<ArticleDto>();
        Assert.Contains("Edit the lessons instead", (await (await manager.DeleteAsync($"/api/knowledge/{saved.ArticleId}?version={current.Version}")).Problem(409))["detail"]!.GetValue<string>());

        // Searchable, in the knowledge base and in the lessons list; internal, so the partner does not see it.
        Assert.Single((await (await manager.GetAsync("/api/knowledge?search=no%20OWNER&kind=LessonLearned")).Read<Paged<ArticleRow>>()).Items);
        Assert.Equal(pid, Assert.Single((await (await manager.GetAsync("/api/lessons-learned?search=fading")).Read<Paged<KnowledgeService.LessonRow>>()).Items).PartnershipId);
        Assert.Contains("Read the lessons learned", await manager.GetStringAsync($"/Partnerships/{pid}"));
        var partner = await ws.AsPartnerUser(partnerId);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/knowledge/{saved.ArticleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/lessons-learned/{pid}")).StatusCode);

        // The lessons article keeps its kind: the generic editor cannot turn it into a playbook.
        Assert.NotNull((await Errors(await manager.PutJson($"/api/knowledge/{saved.ArticleId}", Article("x", "y", kind: "Playbook", version: article.Version + 1))))["kind"]);
    }
}
