using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Accounts;

/// <summary>Which workspace a sign-in is for (set by the token endpoint and the switcher before signing in).</summary>
public sealed class WorkspaceChoice
{
    public int? WorkspaceId { get; set; }
}

/// <summary>
/// The claims of a sign-in (cookie and bearer token): who, the current workspace, and the roles and partner of that
/// membership. Roles come from the membership, never from the user row, so they are per workspace.
/// </summary>
public sealed class WarmglowClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, WarmglowDb db, WorkspaceChoice choice)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user); // id, e-mail, security stamp
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id).OrderBy(m => m.WorkspaceId).ToListAsync();
        var membership = choice.WorkspaceId is { } wanted
            ? memberships.FirstOrDefault(m => m.WorkspaceId == wanted)
            : memberships.FirstOrDefault(m => m.WorkspaceId == user.WorkspaceId) ?? memberships.FirstOrDefault();
        if (membership is not null) identity.AddClaim(new Claim(WarmglowClaims.Workspace, membership.WorkspaceId.ToString()));
        AccountPrincipal.AddFreshClaims(identity, membership?.Roles, membership?.PartnerId, user.DisplayName, user.IsOwner);
        return identity;
    }
}

public static class AccountPrincipal
{
    static readonly HashSet<string> Refreshed = [ClaimTypes.Role, WarmglowClaims.Partner, WarmglowClaims.DisplayName, WarmglowClaims.Owner];

    public static void AddFreshClaims(ClaimsIdentity identity, string? roles, int? partnerId, string displayName, bool owner)
    {
        foreach (var role in Membership.Split(roles)) identity.AddClaim(new Claim(identity.RoleClaimType, role));
        if (partnerId is { } p) identity.AddClaim(new Claim(WarmglowClaims.Partner, p.ToString()));
        identity.AddClaim(new Claim(WarmglowClaims.DisplayName, displayName));
        if (owner) identity.AddClaim(new Claim(WarmglowClaims.Owner, "true"));
    }

    /// <summary>
    /// Re-reads the signed-in person in one indexed query: null when their security stamp changed (password changed,
    /// roles changed, removed) or they no longer belong to the principal's workspace; otherwise the principal with the
    /// roles, partner and name they have now.
    /// </summary>
    public static async Task<ClaimsPrincipal?> RefreshAsync(WarmglowDb db, ClaimsPrincipal principal, string stampClaimType, CancellationToken ct)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(stampClaimType);
        if (userId is null || stamp is null || principal.Identity is not ClaimsIdentity old) return null;
        int? ws = int.TryParse(principal.FindFirstValue(WarmglowClaims.Workspace), out var w) ? w : null;
        var row = await (
            from u in db.Users.AsNoTracking()
            where u.Id == userId
            from m in db.Memberships.Where(m => m.UserId == u.Id && m.WorkspaceId == ws).DefaultIfEmpty()
            select new { u.SecurityStamp, u.IsOwner, u.DisplayName, Member = m != null, Roles = m != null ? m.Roles : null, PartnerId = m != null ? m.PartnerId : null })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.SecurityStamp != stamp || (ws is not null && !row.Member)) return null;
        var identity = new ClaimsIdentity(old.Claims.Where(c => !Refreshed.Contains(c.Type)), old.AuthenticationType, old.NameClaimType, old.RoleClaimType);
        AddFreshClaims(identity, row.Roles, row.PartnerId, row.DisplayName, row.IsOwner);
        return new ClaimsPrincipal(identity);
    }

    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Runs right after authentication: every cookie or bearer-token request is checked against the database, so a role
/// change, a removal or a password change takes effect on the very next request (API keys are checked by their handler).
/// </summary>
public sealed class FreshPrincipalMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, WarmglowDb db, IOptions<IdentityOptions> options)
    {
        if (http.User.Identity?.IsAuthenticated == true && !http.User.HasClaim(c => c.Type == WarmglowClaims.ApiKey))
        {
            // One connection for the whole request (EF closes it when the request's context is disposed) instead of one
            // open and close per query: on SQLite every open re-registers EF's dozen functions on the pooled handle.
            await db.Database.OpenConnectionAsync(http.RequestAborted);
            var fresh = await AccountPrincipal.RefreshAsync(db, http.User, options.Value.ClaimsIdentity.SecurityStampClaimType, http.RequestAborted);
            if (fresh is null)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!AccountPrincipal.IsBearer(http.Request)) await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
            else http.User = fresh;
        }
        await next(http);
    }
}
