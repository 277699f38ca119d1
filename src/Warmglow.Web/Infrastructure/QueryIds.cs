using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// Ids that arrive in the query string (filters such as <c>?partnershipId=</c>) are checked like route ids: one that is
/// not in the caller's workspace (or not visible to this partner user) is a 404, never an empty 200 that confirms
/// nothing and hides a mistake. The query filters of <see cref="WarmglowDb"/> do the scoping.
/// </summary>
public static class QueryIds
{
    public static async Task RequirePartnershipAsync(this WarmglowDb db, int? partnershipId, CancellationToken ct = default)
    {
        if (partnershipId is { } id && !await db.Partnerships.AsNoTracking().AnyAsync(p => p.Id == id, ct))
            throw new NotFound($"Partnership {id}");
    }

    public static async Task RequirePartnerAsync(this WarmglowDb db, int? partnerId, CancellationToken ct = default)
    {
        if (partnerId is { } id && !await db.Partners.AsNoTracking().AnyAsync(p => p.Id == id, ct))
            throw new NotFound($"Partner {id}");
    }

    /// <summary>A user id given as a filter (e.g. <c>?managerId=</c>) must be a person of the caller's workspace.</summary>
    public static async Task RequireStaffAsync(this WarmglowDb db, string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId)) return;
        var ws = db.Tenant.WorkspaceId;
        if (!await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.WorkspaceId == ws, ct))
            throw new NotFound("The person");
    }

    public static async Task RequireMetricAsync(this WarmglowDb db, int? metricId, CancellationToken ct = default)
    {
        if (metricId is { } id && !await db.MetricDefinitions.AsNoTracking().AnyAsync(m => m.Id == id, ct))
            throw new NotFound($"Metric {id}");
    }
}
