using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// Makes the OpenAPI document complete and lint-clean (Redocly's recommended rules, tools/openapi-lint) for every
/// endpoint at once, so no endpoint has to remember: an operationId and a summary for each operation, the security it
/// needs (bearer unless it allows anonymous callers), the 4xx problems it can answer, tag descriptions, the token flow
/// in the description, and a server URL without a trailing slash.
/// </summary>
public static partial class OpenApiConventions
{
    public const string Authentication =
        "**Authentication.** Get a token with `POST /api/auth/token` and a JSON body `{\"email\": \"…\", \"password\": \"…\"}`; " +
        "send it on every call as `Authorization: Bearer <accessToken>` (in this page: **Authorize**, then paste the token). " +
        "The description of the API is public; its data is not: every other endpoint needs a token (or the browser session, " +
        "whose writes must also send `X-Requested-With: XMLHttpRequest`). Errors are RFC 9457 problem details.";

    static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Auth"] = "Tokens for API clients, and who the caller is.",
        ["Users"] = "The workspace's users and their roles.",
        ["Partners"] = "Organizations and their contacts; CSV import and export.",
        ["Partnerships"] = "Partnerships, their types and their lifecycle (stages and moves).",
        ["Assessments"] = "Candidate assessments: culture check, Three Horizon Test, value equation, capability map, values alignment.",
        ["Audit"] = "The audit log: every change, before and after.",
        ["Discovery"] = "Scorecard templates, blind evaluations, rankings, vetting steps, pilots and go / no-go decisions.",
        ["Agreements"] = "Agreements, their versions and clauses, approvals, review cadences and the partnership charter.",
        ["Revenue"] = "Revenue-share terms, revenue events and statements.",
        ["Measurement"] = "Metric definitions, observations, the balanced scorecard, ROI and impact goals.",
        ["Health"] = "Health surveys, the engagement index, alerts and dashboards.",
        ["Strategy"] = "Self-assessments, strategy statement, SWOT, goals and personas.",
        ["Tasks"] = "Tasks: check-ins, reviews and follow-ups.",
    };

    public static OpenApiOptions AddWarmglowConventions(this OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            // An endpoint open to anonymous callers says so with an empty requirement ({}: no credentials needed).
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            Apply(document);
            return Task.CompletedTask;
        });
        return options;
    }

    static void Apply(OpenApiDocument doc)
    {
        doc.Info ??= new OpenApiInfo { Title = "Warmglow API", Version = "v1" };
        if (doc.Info.Description?.Contains("/api/auth/token", StringComparison.Ordinal) != true)
            doc.Info.Description = (doc.Info.Description is { Length: > 0 } d ? d + "\n\n" : "") + Authentication;

        // Relative: the API is where this document is served, whatever host name or proxy the caller came through.
        doc.Servers = [new OpenApiServer { Url = "/", Description = "This Warmglow (where this document is served)" }];

        doc.Components ??= new OpenApiComponents();
        doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        doc.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        doc.Components.Schemas.TryAdd("ProblemDetails", ProblemSchema());
        var problems = new Dictionary<string, (string Code, string Text)>
        {
            ["BadRequest"] = ("400", "The input breaks a rule; the problem names each field and what is wrong with it."),
            ["Unauthorized"] = ("401", "No valid credentials: get a token with POST /api/auth/token."),
            ["Forbidden"] = ("403", "The caller's role may not do this (or a cookie-authenticated write lacks X-Requested-With)."),
            ["NotFound"] = ("404", "Nothing with this id in the caller's workspace."),
        };
        var used = new HashSet<string>();
        var security = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] };
        doc.Security = [security];

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in doc.Paths)
        {
            foreach (var (method, op) in item.Operations ?? [])
            {
                var name = method.Method.ToUpperInvariant();
                op.OperationId ??= Unique(ids, OperationId(name, path));
                ids.Add(op.OperationId);
                if (string.IsNullOrWhiteSpace(op.Summary))
                    op.Summary = op.Description is { Length: > 0 } desc ? FirstSentence(desc) : $"{name} {path}";

                var anonymous = op.Security is { Count: 1 } s && s[0].Count == 0;
                op.Security ??= [security];
                op.Responses ??= new OpenApiResponses();
                var hasInput = op.RequestBody is not null || op.Parameters is { Count: > 0 };
                void Add(string key)
                {
                    var (code, _) = problems[key];
                    if (op.Responses.ContainsKey(code)) return;
                    op.Responses[code] = new OpenApiResponseReference(key, doc);
                    used.Add(key);
                }
                if (hasInput) Add("BadRequest");
                if (!anonymous) { Add("Unauthorized"); Add("Forbidden"); }
                if (path.Contains('{')) Add("NotFound");
                if (op.Responses.Keys.All(k => !k.StartsWith('4'))) Add("BadRequest");
            }
        }
        foreach (var key in used)
            doc.Components.Responses.TryAdd(key, new OpenApiResponse
            {
                Description = problems[key].Text,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", doc) },
                },
            });

        doc.Tags ??= new HashSet<OpenApiTag>();
        var named = doc.Tags.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var tag in doc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name))
            if (tag is not null && named.Add(tag)) doc.Tags.Add(new OpenApiTag { Name = tag });
        foreach (var tag in doc.Tags)
            tag.Description ??= TagDescriptions.TryGetValue(tag.Name ?? "", out var text) ? text : $"The {tag.Name} endpoints.";
    }

    static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem: what went wrong, in words a person can act on.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For 400: each field and its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    /// <summary>GET /api/partners/{id}/contacts → getPartnersByIdContacts.</summary>
    static string OperationId(string method, string path)
    {
        var sb = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "api") continue;
            var isParameter = segment.StartsWith('{');
            if (isParameter) sb.Append("By");
            foreach (var word in Words().Matches(isParameter ? segment.Split(':')[0] : segment).Select(m => m.Value))
                sb.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
        }
        return sb.ToString();
    }

    static string Unique(HashSet<string> ids, string id)
    {
        if (!ids.Contains(id)) return id;
        for (var i = 2; ; i++)
            if (!ids.Contains(id + i)) return id + i;
    }

    static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '\n']);
        return (end > 0 ? text[..end] : text).Trim();
    }

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();
}
