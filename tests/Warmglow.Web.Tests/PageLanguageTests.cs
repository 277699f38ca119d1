using System.Net;
using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

/// <summary>
/// Walks every page a manager, an evaluator and a partner user can reach from the demo workspace, following links, and
/// reads what a person reads: no page fails, and none shows an enum identifier ("JointVenture"), a field path
/// ("Input.Name") or an internal key. New modules' pages are covered as soon as they are linked.
/// </summary>
public sealed partial class PageLanguageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    const int MaxPages = 400;
    const int PerShape = 2; // pages per route shape (/Partners/Details/{n}), so a big demo does not mean a long walk

    [Fact]
    public async Task EveryReachablePage_SpeaksTheUsersLanguage()
    {
        var ws = await app.CreateWorkspaceAsync("Language");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
            await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync();
        }
        var identifiers = EnumIdentifiers();
        var problems = new List<string>();
        var visited = 0;
        foreach (var role in new[] { Roles.Manager, Roles.Evaluator, Roles.Admin })
            visited += await WalkAsync(await ws.As(role), role, identifiers, problems);
        var partnerId = await FirstLivePartnerAsync(ws);
        visited += await WalkAsync(await ws.AsPartnerUser(partnerId), "partner user", identifiers, problems, "/Portal");
        Assert.True(visited > 40, $"only {visited} pages were reached");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(80)));
    }

    async Task<int> FirstLivePartnerAsync(TestWorkspace ws)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Warmglow.Web.Data.WarmglowDb>();
        db.Tenant.Use(ws.Id, "test");
        return await db.PartnershipMembers.Where(m => Warmglow.Web.Features.Health.HealthService.LiveStages.Contains(m.Partnership!.Stage))
            .Select(m => m.PartnerId).FirstAsync();
    }

    static async Task<int> WalkAsync(HttpClient client, string who, HashSet<string> identifiers, List<string> problems, string start = "/")
    {
        var queue = new Queue<string>([start]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        while (queue.Count > 0 && count < MaxPages)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            count++;
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther) continue;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{who}: {url} answered {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            foreach (var finding in Read(html, identifiers)) problems.Add($"{who}: {url} shows {finding}");
            foreach (Match m in Href().Matches(html))
            {
                var link = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (!Followable(link) || !seen.Add(link)) continue;
                var shape = Digits().Replace(link.Split('?')[0], "{n}");
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (shapes[shape] <= PerShape) queue.Enqueue(link);
            }
        }
        return count;
    }

    static bool Followable(string link) =>
        link.StartsWith('/') && !link.StartsWith("//") && !link.StartsWith("/api/") && !link.StartsWith("/lib/") &&
        !link.StartsWith("/css/") && !link.StartsWith("/js/") && !link.StartsWith("/Account/") && !link.Contains("handler=") &&
        !link.Contains('#') && !Regex.IsMatch(link.Split('?')[0], @"\.(csv|ics|pdf|png|ico|svg|json)$");

    /// <summary>What a person reads on the page (text and the attributes read aloud), checked for identifiers.</summary>
    static IEnumerable<string> Read(string html, HashSet<string> identifiers)
    {
        var visible = Tags().Replace(NotRead().Replace(html, " "), " ");
        var attributes = string.Join(" ", ReadAttributes().Matches(html).Select(m => m.Groups[1].Value));
        var text = WebUtility.HtmlDecode(visible + " " + attributes);
        foreach (Match m in Word().Matches(text))
            if (identifiers.Contains(m.Value)) yield return $"the identifier \"{m.Value}\" in \"{Around(text, m.Index)}\"";
        foreach (Match m in FieldPath().Matches(text)) yield return $"the field path \"{m.Value}\" in \"{Around(text, m.Index)}\"";
        foreach (Match m in RazorCode().Matches(text)) yield return $"Razor code \"{m.Value}\" printed as text in \"{Around(text, m.Index)}\"";
    }

    static string Around(string text, int at)
    {
        var from = Math.Max(0, at - 40);
        return Regex.Replace(text.Substring(from, Math.Min(100, text.Length - from)), @"\s+", " ").Trim();
    }

    /// <summary>Every multi-word enum member of our assemblies (CoMarketing, FixedSplit, PartnerUsers…).</summary>
    static HashSet<string> EnumIdentifiers() =>
        new[] { typeof(Program).Assembly, typeof(Warmglow.Core.Csv.CsvTable).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum)
            .SelectMany(t => Enum.GetNames(t)).Where(n => CamelWord().IsMatch(n)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"<(script|style|template|select\s[^>]*hidden)[^>]*>.*?</\1>|<!--.*?-->|<input[^>]*type=""hidden""[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NotRead();
    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
    [GeneratedRegex(@"\s(?:title|aria-label|placeholder|alt)=""([^""]*)""")]
    private static partial Regex ReadAttributes();
    [GeneratedRegex(@"href=""([^""]+)""")]
    private static partial Regex Href();
    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9]*\b")]
    private static partial Regex Word();
    [GeneratedRegex(@"^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$")]
    private static partial Regex CamelWord();
    /// <summary>Razor code that reached the page as text (e.g. "Notifications@if (…)": Razor reads word@word as an e-mail address).</summary>
    [GeneratedRegex(@"@(?:if|foreach|for|switch|Model|await|Html)\b|@\(|@\{")]
    private static partial Regex RazorCode();
    [GeneratedRegex(@"\b(?:Input|Form|Model)\.[A-Z][A-Za-z]+\b")]
    private static partial Regex FieldPath();
}
