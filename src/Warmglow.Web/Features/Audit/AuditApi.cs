using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Audit;

public sealed record AuditDto(long Id, DateTime At, string UserName, string EntityType, string EntityId, string Action, string? Summary, string? Before, string? After);

public sealed record AuditQuery(string? EntityType = null, string? EntityId = null, string? Action = null, string? User = null,
    DateTime? From = null, DateTime? To = null, int? Page = null, int? PageSize = null);

public sealed class AuditService(WarmglowDb db)
{
    public Task<Paged<AuditDto>> ListAsync(AuditQuery q, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (FieldRules.Clean(q.EntityType) is { } type) query = query.Where(a => a.EntityType == type);
        if (FieldRules.Clean(q.EntityId) is { } id) query = query.Where(a => a.EntityId == id);
        if (FieldRules.Clean(q.Action) is { } action) query = query.Where(a => a.Action == action);
        if (FieldRules.Clean(q.User) is { } user) { var u = user.ToLower(); query = query.Where(a => a.UserName.ToLower().Contains(u)); }
        if (q.From is { } from) { var f = from.ToUniversalTime(); query = query.Where(a => a.At >= f); }
        if (q.To is { } to) { var t = to.ToUniversalTime(); query = query.Where(a => a.At <= t); }
        return query.OrderByDescending(a => a.Id)
            .Select(a => new AuditDto(a.Id, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Summary, a.Before, a.After))
            .ToPageAsync(q.Page, q.PageSize, ct);
    }

    public async Task<(List<string> Types, List<string> Actions)> FacetsAsync(CancellationToken ct = default) =>
        (await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(x => x).ToListAsync(ct),
         await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(x => x).ToListAsync(ct));
}

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", (AuditService s, string? entityType, string? entityId, string? action, string? user,
                DateTime? from, DateTime? to, int? page, int? pageSize, CancellationToken ct) =>
            s.ListAsync(new(entityType, entityId, action, user, from, to, page, pageSize), ct))
            .WithTags("Audit").RequireAuthorization(Policies.Admin)
            .WithSummary("Browse the audit log: who changed what, when, before → after");
}
