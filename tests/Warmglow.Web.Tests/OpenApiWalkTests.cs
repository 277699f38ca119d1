using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Revenue;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteOpenApiWalkTests(SqliteApp app) : OpenApiWalkTests<SqliteApp>(app);
public sealed class PostgresOpenApiWalkTests(PostgresApp app) : OpenApiWalkTests<PostgresApp>(app);

/// <summary>
/// Walks every operation of the app's own OpenAPI document (/openapi/v1.json) as an admin, with malformed bodies and
/// parameters: wrong types, nulls, 1 MB strings, undefined enum numbers and names, NaN / ±1e308, an empty or broken
/// body, text/plain, unknown and out-of-range ids. Fails on any 5xx, and on any 4xx after which the row count of a
/// table (the audit log included) changed: a refused request must write nothing.
/// </summary>
public abstract class OpenApiWalkTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    static readonly string Huge = new('x', 1024 * 1024);
    const string Missing = "99999999";

    sealed record Case(string Method, string Operation, string Url, string What, HttpContent? Content);

    [SkippableFact]
    public async Task EveryOperation_WithMalformedInput_AnswersWithout5xx_AndRefusalsWriteNothing()
    {
        Skip.If(app.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        var ws = await app.CreateWorkspaceAsync("Walk");
        var ids = await FixtureAsync(ws);
        var admin = await ws.As(Roles.Admin);
        var doc = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;
        var schemas = doc["components"]?["schemas"]?.AsObject() ?? new JsonObject();

        var cases = new List<Case>();
        var operations = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject op) continue;
                operations++;
                cases.AddRange(CasesFor(method, path, op, schemas, ids));
            }
        Assert.True(operations > 100, $"only {operations} operations in the document");

        var failures = new List<string>();
        var counts = await CountsAsync();
        // Reads must never write: GET cases are counted around each operation's whole run, every other case around itself.
        foreach (var group in cases.GroupBy(c => (c.Method, c.Operation)))
        {
            var reads = group.Key.Method == "get";
            foreach (var c in group)
            {
                using var request = new HttpRequestMessage(new HttpMethod(c.Method.ToUpperInvariant()), c.Url) { Content = c.Content };
                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{status} {c.Method.ToUpperInvariant()} {Short(c.Url)} [{c.What}]: {Short(body)}");
                    continue;
                }
                if (reads) continue;
                var after = await CountsAsync();
                if (status >= 400 && Changed(counts, after) is { Length: > 0 } changed)
                    failures.Add($"partial write on {status} {c.Method.ToUpperInvariant()} {Short(c.Url)} [{c.What}]: {changed}");
                counts = after;
            }
            if (!reads) continue;
            var afterReads = await CountsAsync();
            if (Changed(counts, afterReads) is { Length: > 0 } wrote) failures.Add($"GET {group.Key.Operation} wrote: {wrote}");
            counts = afterReads;
        }
        Assert.True(cases.Count > 1000, $"only {cases.Count} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} requests over {operations} operations failed:\n" + string.Join("\n", failures.Take(80)));
    }

    static string Changed(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"{kv.Key} {before.GetValueOrDefault(kv.Key)}→{kv.Value}"));

    static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;

    // ------------------------------------------------------------------ fixture: real ids so requests get past the 404s

    async Task<Dictionary<string, string>> FixtureAsync(TestWorkspace ws)
    {
        var s = await RevenueFixtures.AgreementAsync(app, ws, "Walk", new DateOnly(2025, 1, 1));
        Assert.Equal(HttpStatusCode.OK, (await s.Manager.PutJson($"{s.Url}/revenue-terms", new { kind = "FixedSplit", shares = new[] { new { partyId = s.P(0), percent = 50m }, new { partyId = "org", percent = 50m } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await s.Manager.PostJson($"{s.Url}/revenue-events", RevenueFixtures.Sale("W-1", 10m, "2025-02-01"))).StatusCode);
        var statement = await (await s.Manager.PostJson($"{s.Url}/statements", new { from = "2025-01-01", to = "2025-03-31" })).Read<StatementDto>();
        var admin = await ws.As(Roles.Admin);
        var contact = (await (await admin.PostJson($"/api/partners/{s.PartnerIds[0]}/contacts", new { name = "Walk Contact", email = "walk@contact.example" })).Node())["id"]!.ToString();
        var spare = await ws.NewUserAsync(Roles.Evaluator);
        var users = (await (await admin.GetAsync("/api/users?pageSize=100")).Node())["items"]!.AsArray();
        var spareId = users.First(u => u!["email"]!.GetValue<string>() == spare)!["id"]!.GetValue<string>();
        var managerId = users.First(u => u!["email"]!.GetValue<string>() == ws.Emails[Roles.Manager])!["id"]!.GetValue<string>();
        var survey = (await (await s.Manager.PostJson("/api/surveys", new { partnershipId = s.PartnershipId, templateKey = "pulse", period = Warmglow.Core.Measurement.Quarter.Of(DateTime.UtcNow).Label, anonymous = true, recipientIds = new[] { managerId } })).Node())["id"]!.ToString();
        var scorecard = FirstId(await (await admin.GetAsync("/api/scorecards")).Node());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/metrics", new { name = "Walk deals", frame = "Balanced", category = "Financial", unit = "Count", direction = "HigherIsBetter", baseline = 0, target = 10, indicator = "Lagging" })).StatusCode);
        var metric = FirstId(await (await admin.GetAsync("/api/metrics")).Node());
        return new()
        {
            ["/api/partners/{id}"] = s.PartnerIds[0].ToString(), ["{contactId}"] = contact,
            ["/api/partnerships/{id}"] = s.PartnershipId.ToString(), ["/api/agreements/{id}"] = s.AgreementId.ToString(),
            ["{sid}"] = statement.Id!.Value.ToString(), ["/api/users/{id}"] = spareId, ["/api/surveys/{id}"] = survey,
            ["/api/scorecards/{id}"] = scorecard, ["/api/metrics/{id}"] = metric, ["{metricId}"] = metric,
            ["{step}"] = "DeskResearch", ["{number}"] = "1", ["{key}"] = "partner-program",
            ["partnerId"] = s.PartnerIds[0].ToString(), ["partnershipId"] = s.PartnershipId.ToString(), ["agreementId"] = s.AgreementId.ToString(),
            ["metricId"] = metric, ["scorecardId"] = scorecard,
        };
    }

    static string FirstId(JsonNode list) =>
        (list is JsonArray a ? a : list["items"]?.AsArray())?.FirstOrDefault()?["id"]?.ToString() ?? Missing;

    /// <summary>Row counts of every table of the model (one query), to tell a refused request that wrote something.</summary>
    async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct().Order().ToList();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\")"));
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return tables.Select((t, i) => (t!, Convert.ToInt64(reader.GetValue(i)))).ToDictionary(x => x.Item1, x => x.Item2);
    }

    // ------------------------------------------------------------------ cases

    static IEnumerable<Case> CasesFor(string method, string path, JsonObject op, JsonObject schemas, Dictionary<string, string> ids)
    {
        var parameters = op["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        var pathParams = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
        var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var content = op["requestBody"]?["content"]?.AsObject();
        var jsonSchema = content?["application/json"]?["schema"];
        var multipart = content?.ContainsKey("multipart/form-data") == true || path.EndsWith("/import", StringComparison.Ordinal);

        // Deleting real records would pull the fixture from under the other operations: deletes get unknown ids only.
        var real = method != "delete";
        string Url(Func<string, string> value) =>
            pathParams.Aggregate(path, (u, name) => u.Replace("{" + name + "}", Uri.EscapeDataString(value(name))));
        string RealId(string name)
        {
            if (!real) return Missing;
            var prefix = path[..path.IndexOf("{" + name + "}", StringComparison.Ordinal)] + "{" + name + "}";
            return ids.GetValueOrDefault(prefix) ?? ids.GetValueOrDefault("{" + name + "}") ?? Missing;
        }
        var url = Url(RealId);
        var sample = jsonSchema is null ? null : Sample(jsonSchema, schemas, ids, 0, null);

        // Path parameters: unknown, zero, negative, out of int range, not a number, an undefined enum value.
        foreach (var name in pathParams)
            foreach (var bad in new[] { Missing, "0", "-1", "2147483648", "abc", "999", "NoSuchValue" })
                yield return new(method, path, Url(n => n == name ? bad : RealId(n)), $"path {name}={bad}", Body(sample));

        // Query parameters, one at a time.
        foreach (var q in query)
        {
            var name = (string)q["name"]!;
            foreach (var bad in new[] { "abc", "", "999", "-1", "1e308", "NaN", "2147483648", "9999-12-31", new string('x', 100_000) })
                yield return new(method, path, $"{url}{(url.Contains('?') ? "&" : "?")}{name}={Uri.EscapeDataString(bad)}", $"query {name}={Short(bad)}", Body(sample));
        }

        if (multipart)
        {
            yield return new(method, path, url, "multipart: no file", new MultipartFormDataContent());
            yield return new(method, path, url, "multipart as text/plain", new StringContent("a,b\n1,2", Encoding.UTF8, "text/plain"));
            var garbage = new MultipartFormDataContent { { new ByteArrayContent(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray()), "file", "x.csv" } };
            yield return new(method, path, url, "multipart: binary file", garbage);
            var wide = new MultipartFormDataContent { { new StringContent("name,amount,date\n" + Huge + ",1e308,9999-12-31\n=cmd,NaN,x\n"), "file", "huge.csv" } };
            yield return new(method, path, url, "multipart: 1 MB cell", wide);
            yield return new(method, path, url, "json to a form endpoint", Json("{}"));
        }
        if (jsonSchema is null && !multipart)
        {
            if (method is "post" or "put" or "patch") yield return new(method, path, url, "unexpected json body", Json("{\"x\":1}"));
            yield return new(method, path, url, "plain", Body(null));
            yield break;
        }
        if (jsonSchema is null) yield break;

        // Whole-body malformations.
        yield return new(method, path, url, "valid-looking sample", Body(sample));
        yield return new(method, path, url, "empty body", new StringContent("", Encoding.UTF8, "application/json"));
        yield return new(method, path, url, "no content", null);
        foreach (var raw in new[] { "null", "[]", "{", "\"text\"", "12", "{\"a\":", "NaN", "{\"x\":1e999}", "\uFEFF{}", "{}" })
            yield return new(method, path, url, $"body {raw}", Json(raw));
        yield return new(method, path, url, "text/plain", new StringContent(sample?.ToJsonString() ?? "{}", Encoding.UTF8, "text/plain"));
        yield return new(method, path, url, "1 MB string body", Json(JsonSerializer.Serialize(Huge)));

        // Each property (two levels deep) replaced by a value of the wrong kind.
        if (sample is null) yield break;
        foreach (var (pointer, kind) in Leaves(sample, jsonSchema, schemas, "", 0))
            foreach (var (what, value) in BadValues(kind))
            {
                var copy = sample.DeepClone();
                Set(copy, pointer, value);
                yield return new(method, path, url, $"{pointer}={what}", Json(copy.ToJsonString()));
            }
    }

    static HttpContent? Body(JsonNode? sample) => sample is null ? null : Json(sample.ToJsonString());
    static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    static IEnumerable<(string What, JsonNode? Value)> BadValues(string kind)
    {
        yield return ("null", null);
        switch (kind)
        {
            case "enum":
                yield return ("999", JsonValue.Create(999));
                yield return ("-1", JsonValue.Create(-1));
                yield return ("unknown name", JsonValue.Create("NoSuchValue"));
                break;
            case "integer" or "number":
                yield return ("text", JsonValue.Create("abc"));
                yield return ("NaN", JsonValue.Create("NaN"));
                yield return ("1e308", JsonNode.Parse("1e308"));
                yield return ("-1e308", JsonNode.Parse("-1e308"));
                yield return ("1.5", JsonValue.Create(1.5));
                yield return ("2^63", JsonNode.Parse("9223372036854775808"));
                break;
            case "boolean":
                yield return ("text", JsonValue.Create("maybe"));
                yield return ("number", JsonValue.Create(2));
                break;
            case "array":
                yield return ("string", JsonValue.Create("x"));
                yield return ("[null]", new JsonArray((JsonNode?)null));
                yield return ("[1MB]", new JsonArray(JsonValue.Create(Huge)));
                yield return ("[{}]", new JsonArray(new JsonObject()));
                break;
            case "object":
                yield return ("string", JsonValue.Create("x"));
                yield return ("[]", new JsonArray());
                break;
            default: // string, date, date-time
                yield return ("1MB", JsonValue.Create(Huge));
                yield return ("number", JsonValue.Create(12345));
                yield return ("object", new JsonObject());
                yield return ("9999-12-31", JsonValue.Create("9999-12-31"));
                yield return ("NaN", JsonValue.Create("NaN"));
                yield return ("-1e308", JsonValue.Create("-1e308"));
                break;
        }
    }

    // ------------------------------------------------------------------ schema → sample and leaves

    static JsonObject Resolve(JsonNode schema, JsonObject schemas)
    {
        var s = schema.AsObject();
        for (var i = 0; i < 10 && s["$ref"] is { } r; i++)
            s = schemas[((string)r!).Split('/').Last()]!.AsObject();
        if ((s["oneOf"] ?? s["anyOf"] ?? s["allOf"]) is JsonArray options)
        {
            var pick = options.Select(o => o!).FirstOrDefault(o => Types(Resolve(o, schemas)).Any(t => t != "null")) ?? options[0]!;
            return Resolve(pick, schemas);
        }
        return s;
    }

    static List<string> Types(JsonObject s) => s["type"] switch
    {
        JsonArray a => a.Select(t => (string)t!).ToList(),
        JsonValue v => [(string)v!],
        _ => s["enum"] is not null ? ["string"] : s["properties"] is not null ? ["object"] : [],
    };

    static string Kind(JsonObject s)
    {
        if (s["enum"] is not null) return "enum";
        var types = Types(s).Where(t => t != "null").ToList();
        foreach (var t in new[] { "object", "array", "integer", "number", "boolean", "string" })
            if (types.Contains(t)) return t;
        return "string";
    }

    static JsonNode? Sample(JsonNode schema, JsonObject schemas, Dictionary<string, string> ids, int depth, string? name)
    {
        var s = Resolve(schema, schemas);
        if (s["enum"] is JsonArray e) return e.FirstOrDefault(x => x is not null)?.DeepClone();
        switch (Kind(s))
        {
            case "object":
                if (depth > 3) return new JsonObject();
                var o = new JsonObject();
                foreach (var (key, prop) in s["properties"]?.AsObject() ?? new JsonObject())
                    o[key] = Sample(prop!, schemas, ids, depth + 1, key);
                return o;
            case "array":
                return depth > 3 || s["items"] is null ? new JsonArray() : new JsonArray(Sample(s["items"]!, schemas, ids, depth + 1, null));
            case "integer":
                return name is not null && ids.TryGetValue(name, out var id) && int.TryParse(id, out var n) ? JsonValue.Create(n) : JsonValue.Create(name == "version" ? 0 : 1);
            case "number":
                return JsonValue.Create(10.5m);
            case "boolean":
                return JsonValue.Create(true);
            default:
                return (string?)s["format"] switch
                {
                    "date" => JsonValue.Create("2025-02-15"),
                    "date-time" => JsonValue.Create("2025-02-15T10:00:00Z"),
                    _ => name is not null && ids.TryGetValue(name, out var v) ? JsonValue.Create(v) : JsonValue.Create(name is "email" ? "walk@example.com" : "walk"),
                };
        }
    }

    static IEnumerable<(string Pointer, string Kind)> Leaves(JsonNode? node, JsonNode schema, JsonObject schemas, string pointer, int depth)
    {
        var s = Resolve(schema, schemas);
        var kind = Kind(s);
        if (pointer != "") yield return (pointer, kind);
        if (depth >= 3) yield break;
        if (kind == "object" && node is JsonObject o)
            foreach (var (key, prop) in s["properties"]?.AsObject() ?? new JsonObject())
                foreach (var leaf in Leaves(o[key], prop!, schemas, $"{pointer}/{key}", depth + 1))
                    yield return leaf;
        if (kind == "array" && node is JsonArray a && a.Count > 0 && s["items"] is { } items)
            foreach (var leaf in Leaves(a[0], items, schemas, $"{pointer}/0", depth))
                yield return leaf;
    }

    static void Set(JsonNode root, string pointer, JsonNode? value)
    {
        var parts = pointer.Trim('/').Split('/');
        var node = root;
        foreach (var part in parts[..^1])
            node = node is JsonArray arr ? arr[int.Parse(part)]! : node[part]!;
        if (node is JsonArray array) array[int.Parse(parts[^1])] = value;
        else node[parts[^1]] = value;
    }
}
