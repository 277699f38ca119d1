using System.Security.Claims;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Infrastructure;

/// <summary>
/// Who is asking, and on behalf of which workspace (and, for partner users, which partner).
/// Read from the signed-in principal; background work and seeding set it explicitly with <see cref="Use"/>.
/// </summary>
public sealed class Tenant(IHttpContextAccessor http)
{
    (int WorkspaceId, int? PartnerId, string? UserId, string UserName)? _override;

    ClaimsPrincipal? User => http.HttpContext?.User;

    public int? WorkspaceId => _override?.WorkspaceId
        ?? (int.TryParse(User?.FindFirstValue(WarmglowClaims.Workspace), out var id) ? id : null);

    public int? PartnerId => _override is { } o ? o.PartnerId
        : int.TryParse(User?.FindFirstValue(WarmglowClaims.Partner), out var id) ? id : null;

    public string? UserId => _override is { } o ? o.UserId : User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => _override?.UserName
        ?? User?.FindFirstValue(WarmglowClaims.DisplayName)
        ?? User?.Identity?.Name
        ?? "system";

    /// <summary>Acts for a workspace outside a request (startup, seeding, background jobs).</summary>
    public void Use(int workspaceId, string userName = "system", string? userId = null, int? partnerId = null) =>
        _override = (workspaceId, partnerId, userId, userName);

    public int RequireWorkspace() => WorkspaceId ?? throw new InvalidOperationException("No workspace in this context.");
}
