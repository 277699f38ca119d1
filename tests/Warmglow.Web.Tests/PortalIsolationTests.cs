using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Portal;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqlitePortalIsolationTests(SqliteApp app) : PortalIsolationTests<SqliteApp>(app);
public sealed class PostgresPortalIsolationTests(PostgresApp app) : PortalIsolationTests<PostgresApp>(app);

/// <summary>
/// Partner isolation, for every route there is: a partner user (and partner admin) of partner A, on the demo data, asks
/// every page and API route that takes an id with the ids of other partnerships' rows (B), and every list route with B's
/// ids in the query string. The routes come from the endpoint data source and B's ids from the EF model (every table
/// with a partnership, agreement, meeting or partner column), so a new module's routes and tables are covered without
/// touching this test. Nothing may answer with B's data: reads are 404/403 (or a page about A's own row of that
/// number), writes never succeed.
/// </summary>
public abstract class PortalIsolationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    sealed record Candidate(string Table, string Id);

    [SkippableFact]
    public async Task PartnerUserOfA_GetsNothingOfB_FromAnyPageOrApiRoute()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Isolation");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Use(ws.Id, "test");
            await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAsync();
        }

        // A: a live partner with exactly one partnership; its user is also a partner admin, so admin routes are tried too.
        int partnerA;
        HashSet<int> mine;
        List<string> markers;
        var candidates = new List<Candidate>();
        string userA;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
            db.Tenant.Use(ws.Id, "test");
            var members = await db.PartnershipMembers.AsNoTracking().Select(m => new { m.PartnerId, m.PartnershipId }).ToListAsync();
            var stated = (await db.RevenueStatements.AsNoTracking().Select(s => s.PartnershipId).Distinct().ToListAsync()).ToHashSet();
            partnerA = members.GroupBy(m => m.PartnerId).Where(g => g.Count() == 1 && stated.Contains(g.Single().PartnershipId)).Select(g => g.Key).First();
            var a = partnerA;
            mine = members.Where(m => m.PartnerId == a).Select(m => m.PartnershipId).ToHashSet();
            var coPartners = members.Where(m => mine.Contains(m.PartnershipId)).Select(m => m.PartnerId).ToHashSet();
            // What must never appear: names of partnerships not A's and of partners that share none with A.
            markers = (await db.Partnerships.AsNoTracking().Where(p => !mine.Contains(p.Id)).Select(p => p.Name).ToListAsync())
                .Concat(await db.Partners.AsNoTracking().Where(p => !coPartners.Contains(p.Id)).Select(p => p.Name).ToListAsync())
                .Where(n => n.Length >= 8).Distinct().ToList();
            Assert.True(markers.Count > 10);
            // A calendar feed of ours on a partnership that is not A's: the feed routes must refuse its id too.
            var managerId = await db.Users.Where(u => u.Email == ws.Emails[Roles.Manager]).Select(u => u.Id).SingleAsync();
            var notMine = await db.Partnerships.Where(p => !mine.Contains(p.Id)).Select(p => p.Id).FirstAsync();
            db.CalendarFeeds.Add(new Warmglow.Web.Features.Governance.CalendarFeed { UserId = managerId, PartnershipId = notMine, TokenHash = "not-a-real-token", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            candidates.AddRange(await ForeignIdsAsync(db, ws.Id, mine, a));
            userA = await ws.NewUserAsync(Roles.Partner, partnerA);
            var id = await db.Users.Where(u => u.Email == userA).Select(u => u.Id).SingleAsync();
            db.PartnerAdminGrants.Add(new PartnerAdminGrant { UserId = id, PartnerId = partnerA, GrantedAt = DateTime.UtcNow, GrantedBy = "test" });
            await db.SaveChangesAsync();
            // Another partner's portal user: a string id for routes such as /api/portal/team/{userId}.
            var otherUser = await db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == ws.Id && m.PartnerId != null && m.PartnerId != a)
                .Select(m => m.UserId).FirstAsync();
            candidates.Add(new("Users", otherUser));
        }
        Assert.Contains(candidates, c => c.Table == "RevenueStatements");
        Assert.Contains(candidates, c => c.Table == "Meetings");
        Assert.Contains(candidates, c => c.Table == "Agreements");

        var client = await app.ClientForAsync(userA);
        // The demo partner's home is real: earnings from its issued statements, and its own partnership's goals.
        var home = await (await client.GetAsync("/api/portal/home")).Read<PortalHomeDto>();
        Assert.Contains(home.Earnings, e => e.Payable + e.Upcoming > 0 && e.Statements > 0);
        Assert.Equal(mine.Order(), home.Goals.Select(g => g.PartnershipId).Order());
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var leaks = new List<string>();
        var refused = new HashSet<string>();
        var tried = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
            if (Skipped(raw)) continue;
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = page ? ["GET"] : endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var parameters = pattern.Parameters.Where(p => !p.IsCatchAll).ToList();
            if (pattern.Parameters.Any(p => p.IsCatchAll)) continue;
            foreach (var method in methods)
            {
                foreach (var url in Urls(pattern, parameters, candidates))
                {
                    tried++;
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    var leaked = markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)
                        || body.Contains(System.Net.WebUtility.HtmlEncode(m), StringComparison.OrdinalIgnoreCase));
                    if (leaked is not null) leaks.Add($"{method} {url} → {status} shows \"{leaked}\"");
                    else if (method != "GET" && status is >= 200 and < 300 && parameters.Count > 0) leaks.Add($"{method} {url} → {status}: a write with B's id succeeded");
                    else if (status is 403 or 404) refused.Add(raw);
                    else if (status >= 500) leaks.Add($"{method} {url} → {status}");
                }
            }
        }
        Assert.Empty(leaks);
        Assert.True(tried > 200, $"only {tried} requests");
        // Not vacuous: the portal's own pages and the partner-readable APIs did refuse B's ids.
        foreach (var route in new[] { "/Portal/Statement/{id:int}", "/Portal/Agreement/{id:int}", "/Portal/Charter/{partnershipId:int}",
                     "/api/partnerships/{id:int}", "/api/portal/team/{userId}", "/Portal/Tasks/{id:int}", "/api/tasks/{id:int}",
                     "/api/tasks/{id:int}/status", "/api/tasks/{id:int}/comments" })
            Assert.Contains(route, refused);
    }

    static bool Skipped(string raw) =>
        raw.StartsWith("/Account", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("/api/auth", StringComparison.OrdinalIgnoreCase)
        || raw.StartsWith("/Setup", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("/Error", StringComparison.OrdinalIgnoreCase)
        || raw.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("/healthz", StringComparison.OrdinalIgnoreCase)
        || raw.StartsWith("/api/invitations", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("/api/me", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The URLs to try: each route parameter filled with B's ids of the table its route names (the segment before it, or
    /// the parameter's own name: "meetings/{meetingId}" → Meetings), or with one id of every table when nothing matches;
    /// routes without parameters get B's ids in the query string instead (partnershipId, partnerId, agreementId).
    /// </summary>
    static IEnumerable<string> Urls(RoutePattern pattern, List<RoutePatternParameterPart> parameters, List<Candidate> candidates)
    {
        if (parameters.Count == 0)
        {
            string First(string table) => candidates.First(c => c.Table == table).Id;
            yield return Build(pattern, _ => "") + $"?partnershipId={First("Partnerships")}&partnerId={First("Partners")}&agreementId={First("Agreements")}";
            yield break;
        }
        // Vary one parameter at a time over its candidates; the others take their first candidate.
        var options = parameters.ToDictionary(p => p.Name, p => CandidatesFor(pattern, p, candidates));
        var seen = new HashSet<string>();
        foreach (var p in parameters)
            foreach (var value in options[p.Name])
            {
                var url = Build(pattern, name => name == p.Name ? value : options[name].First());
                if (seen.Add(url)) yield return url;
            }
    }

    static List<string> CandidatesFor(RoutePattern pattern, RoutePatternParameterPart parameter, List<Candidate> candidates)
    {
        var intOnly = parameter.ParameterPolicies.Any(p => p.Content is "int");
        var pool = candidates.Where(c => !intOnly || int.TryParse(c.Id, out _)).ToList();
        string Stem(string s) => s.Replace("-", "").Replace("Id", "").TrimEnd('s').ToLowerInvariant();
        var hints = new List<string>();
        if (parameter.Name != "id") hints.Add(Stem(parameter.Name));
        var segments = pattern.PathSegments.ToList();
        var index = segments.FindIndex(s => s.Parts.Any(p => p is RoutePatternParameterPart q && q.Name == parameter.Name));
        if (index > 0 && segments[index - 1].Parts is [RoutePatternLiteralPart literal]) hints.Add(Stem(literal.Content));
        foreach (var hint in hints.Where(h => h.Length > 2))
        {
            var matched = pool.Where(c => c.Table.ToLowerInvariant().Contains(hint)).ToList();
            if (matched.Count > 0) return matched.Select(c => c.Id).Distinct().ToList();
        }
        return pool.GroupBy(c => c.Table).Select(g => g.First().Id).Distinct().ToList();
    }

    static string Build(RoutePattern pattern, Func<string, string> value) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart p => Uri.EscapeDataString(value(p.Name)),
            RoutePatternSeparatorPart sep => sep.Content,
            _ => "",
        })))).TrimEnd('/');

    /// <summary>
    /// Up to two ids per table of rows that belong to other partnerships: tables with a PartnershipId outside A's, an
    /// AgreementId of such an agreement, a MeetingId of such a meeting, a PartnerId other than A; and the other
    /// partnerships and partners themselves. Read straight from the tables the EF model maps.
    /// </summary>
    static async Task<List<Candidate>> ForeignIdsAsync(WarmglowDb db, int ws, HashSet<int> mine, int partnerA)
    {
        var result = new List<Candidate>();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        async Task<List<(int Id, int? Ref)>> Rows(string table, string? refColumn)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT \"Id\", {(refColumn is null ? "NULL" : $"\"{refColumn}\"")} FROM \"{table}\" WHERE \"WorkspaceId\" = {ws}";
            var list = new List<(int, int?)>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) list.Add((Convert.ToInt32(reader.GetValue(0)), reader.IsDBNull(1) ? null : Convert.ToInt32(reader.GetValue(1))));
            return list;
        }
        var entities = db.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned() && e.GetTableName() is not null
            && e.FindPrimaryKey()?.Properties is [{ Name: "Id" } key] && key.ClrType == typeof(int) && e.FindProperty("WorkspaceId") is not null).ToList();
        var agreements = (await Rows("Agreements", "PartnershipId")).Where(r => r.Ref is { } p && !mine.Contains(p)).Select(r => r.Id).ToHashSet();
        var meetings = (await Rows("Meetings", "PartnershipId")).Where(r => r.Ref is { } p && !mine.Contains(p)).Select(r => r.Id).ToHashSet();
        foreach (var e in entities)
        {
            var table = e.GetTableName()!;
            IEnumerable<int> foreign;
            if (table == "Partnerships") foreign = (await Rows(table, null)).Select(r => r.Id).Where(id => !mine.Contains(id));
            else if (table == "Partners") foreign = (await Rows(table, null)).Select(r => r.Id).Where(id => id != partnerA);
            else if (e.FindProperty("PartnershipId") is { } pp) foreign = (await Rows(table, pp.GetColumnName())).Where(r => r.Ref is { } p && !mine.Contains(p)).Select(r => r.Id);
            else if (e.FindProperty("AgreementId") is { } ap) foreign = (await Rows(table, ap.GetColumnName())).Where(r => r.Ref is { } a && agreements.Contains(a)).Select(r => r.Id);
            else if (e.FindProperty("MeetingId") is { } mp) foreign = (await Rows(table, mp.GetColumnName())).Where(r => r.Ref is { } m && meetings.Contains(m)).Select(r => r.Id);
            else if (e.FindProperty("PartnerId") is { } pa) foreign = (await Rows(table, pa.GetColumnName())).Where(r => r.Ref is { } p && p != partnerA).Select(r => r.Id);
            else continue;
            result.AddRange(foreign.Order().Take(2).Select(id => new Candidate(table, id.ToString())));
        }
        return result;
    }
}
