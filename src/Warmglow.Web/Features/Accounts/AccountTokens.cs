using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Accounts;

/// <summary>One-time links: issue (store only the hash), find a valid one, use it up.</summary>
public sealed class AccountTokens(WarmglowDb db, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromHours(24);

    /// <summary>A random secret of 256 bits, URL-safe.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Issues a new link for this purpose, revoking the person's earlier unused ones of the same purpose (and workspace).</summary>
    public async Task<(string Token, DateTime ExpiresAt)> IssueAsync(string userId, AccountTokenPurpose purpose, int? workspaceId, TimeSpan lifetime,
        string? createdBy, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await RevokeAsync(userId, purpose, workspaceId, ct);
        var token = NewSecret();
        var row = new AccountToken
        {
            Purpose = purpose, UserId = userId, WorkspaceId = workspaceId, TokenHash = Hash(token),
            CreatedAt = now, ExpiresAt = now + lifetime, CreatedBy = createdBy,
        };
        db.AccountTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return (token, row.ExpiresAt);
    }

    public async Task<int> RevokeAsync(string userId, AccountTokenPurpose purpose, int? workspaceId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.AccountTokens
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.RevokedAt == null
                        && (workspaceId == null || t.WorkspaceId == workspaceId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    /// <summary>The unused, unrevoked, unexpired link with this secret, or null.</summary>
    public async Task<AccountToken?> FindAsync(string? token, AccountTokenPurpose purpose, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = Hash(token.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.AccountTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose
            && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now, ct);
    }

    /// <summary>Marks the link used; refuses (409) when a concurrent request used it first, so it works exactly once.</summary>
    public async Task UseAsync(AccountToken token, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var won = await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (won == 0) throw new Conflict("This link was already used.");
        token.UsedAt = now;
    }
}
