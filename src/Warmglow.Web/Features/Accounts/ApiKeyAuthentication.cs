using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Accounts;

/// <summary>
/// "Authorization: Bearer wg_…": a personal API key. Checked against the database on every request — revoked, its
/// owner removed from the workspace, or its owner no longer holding a role that covers the key's role: refused.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    WarmglowDb db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyPrefix = "wg_";

    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer " + KeyPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request)) return AuthenticateResult.NoResult();
        var key = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (key.Length > 200) return AuthenticateResult.Fail("The API key is not valid.");
        var hash = AccountTokens.Hash(key);
        var row = await (
            from k in db.ApiKeys.AsNoTracking()
            where k.KeyHash == hash && k.RevokedAt == null
            join u in db.Users on k.UserId equals u.Id
            join m in db.Memberships on new { k.UserId, k.WorkspaceId } equals new { m.UserId, m.WorkspaceId }
            select new { k.Id, k.Role, k.WorkspaceId, k.LastUsedAt, UserId = u.Id, u.Email, u.DisplayName, m.Roles, m.PartnerId })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (row is null || !Roles.Covers(Membership.Split(row.Roles), row.Role))
            return AuthenticateResult.Fail("The API key is not valid: unknown, revoked, or its owner no longer holds its role in the workspace.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1)) // at most one write a minute per key
            await db.ApiKeys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, row.UserId));
        identity.AddClaim(new Claim(ClaimTypes.Name, row.Email ?? row.UserId));
        identity.AddClaim(new Claim(WarmglowClaims.Workspace, row.WorkspaceId.ToString()));
        identity.AddClaim(new Claim(WarmglowClaims.ApiKey, row.Id.ToString()));
        AccountPrincipal.AddFreshClaims(identity, row.Role, row.Role == Roles.Partner ? row.PartnerId : null, row.DisplayName, owner: false);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
