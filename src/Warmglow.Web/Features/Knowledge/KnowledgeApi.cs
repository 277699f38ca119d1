using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Core.Knowledge;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Knowledge;

public static class KnowledgeApi
{
    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        // Everyone signed in reads; partner users (portal or their API keys) see only shared articles their tier admits.
        var g = app.MapGroup("/api/knowledge").WithTags("Knowledge").RequireAuthorization(Policies.Member);
        g.MapGet("/", (string? search, string? tag, ArticleKind? kind, int? page, int? pageSize, KnowledgeService s, CancellationToken ct) =>
                s.ListAsync(new(search, tag, kind, page, pageSize), ct))
            .WithSummary("Articles, last edited first, searched in title, body and tags (case-insensitive), filtered by tag or kind; partner users: shared ones for their tier");
        g.MapGet("/tags", (KnowledgeService s, CancellationToken ct) => s.TagsAsync(ct))
            .WithSummary("The tags in use on the articles you can read, most used first");
        g.MapGet("/{id:int}", (int id, KnowledgeService s, CancellationToken ct) => s.GetAsync(id, ct))
            .WithSummary("One article: its Markdown and the sanitized HTML to show (no raw HTML, no script or data links)");

        var staff = g.MapGroup("").RequireAuthorization(Policies.Internal);
        staff.MapGet("/{id:int}/versions", (int id, KnowledgeService s, CancellationToken ct) => s.VersionsAsync(id, ct))
            .WithSummary("Every saved version of an article, newest first, with who saved it and when");
        staff.MapGet("/{id:int}/versions/{number:int}", (int id, int number, KnowledgeService s, CancellationToken ct) => s.VersionAsync(id, number, ct))
            .WithSummary("One older version of an article as it was saved");
        // Lessons learned have their own prefix: "/api/knowledge/lessons/{id}" would be ambiguous with "/api/knowledge/{id}/versions".
        var lessons = app.MapGroup("/api/lessons-learned").WithTags("Knowledge").RequireAuthorization(Policies.Internal);
        lessons.MapGet("/", (string? search, PartnerAgain? partnerAgain, int? page, KnowledgeService s, CancellationToken ct) =>
                s.LessonListAsync(search, partnerAgain, page, ct))
            .WithSummary("Lessons learned across partnerships, newest first, searched in their text and the partnership's name");
        lessons.MapGet("/{partnershipId:int}", (int partnershipId, KnowledgeService s, CancellationToken ct) => s.LessonsAsync(partnershipId, ct))
            .WithSummary("A partnership's lessons learned (version 0 and empty when none are recorded yet)");

        var manage = g.MapGroup("").RequireAuthorization(Policies.Manage);
        manage.MapPost("/", async Task<Created<ArticleDto>> (ArticleInput input, KnowledgeService s, CancellationToken ct) =>
            {
                var a = await s.CreateAsync(input, ct);
                return TypedResults.Created($"/api/knowledge/{a.Id}", a);
            })
            .WithSummary("Write an article (Markdown); internal unless shared, optionally limited to tiers");
        manage.MapPut("/{id:int}", (int id, ArticleInput input, KnowledgeService s, CancellationToken ct) => s.UpdateAsync(id, input, ct))
            .WithSummary("Save an edit as the next version; send the version you read (a stale one is a conflict)");
        manage.MapDelete("/{id:int}", async Task<NoContent> (int id, int? version, KnowledgeService s, CancellationToken ct) =>
            {
                await s.DeleteAsync(id, version, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete an article and its versions; send the version you read (a stale one is a conflict). Lessons learned stay while their partnership's lessons do");
        lessons.MapPut("/{partnershipId:int}", (int partnershipId, KnowledgeService.LessonsInput input, KnowledgeService s, CancellationToken ct) =>
                s.SaveLessonsAsync(partnershipId, input, ct))
            .RequireAuthorization(Policies.Manage)
            .WithSummary("Record (version 0) or edit a sunsetting or ended partnership's lessons learned; published as its internal lesson-learned article");
    }
}
