using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Features.Portal;

/// <summary>
/// Passwordless sign-in: a one-time link mailed to the account's address (the Accounts module's <see cref="AccountTokens"/>:
/// only the SHA-256 of a 256-bit secret is stored, it works once, a new one revokes the earlier ones) that expires after
/// <see cref="Lifetime"/>. It is redeemed on /Account/SignInLink (GET shows it, POST uses it, so link previews cannot).
/// The answer is the same whether or not the address belongs to anyone (no account probing).
/// </summary>
public sealed class EmailSignInService(WarmglowDb db, UserManager<AppUser> users, AccountTokens tokens, IMailSender mail, IConfiguration config,
    ILogger<EmailSignInService> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    string? PublicUrl => config["PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : null;

    /// <summary>Links go out by e-mail only, pointing at PublicUrl (never the request's Host header, which a stranger controls).</summary>
    public bool CanMail => mail.IsConfigured && PublicUrl is not null;

    public async Task RequestAsync(string? email, CancellationToken ct = default)
    {
        ValidationFailed.ThrowIfAny(new FieldErrors().Email("email", email, required: true));
        if (!CanMail) throw new Conflict("E-mail is not set up on this server, so sign-in links cannot be mailed. Sign in with your password.");
        var user = await users.FindByEmailAsync(email!.Trim());
        // Only accounts in use: an accepted invitation (a pending one is accepted through its own link), not deactivated,
        // and still a member of some workspace. Anyone else gets the same answer and no mail.
        if (user is null || !user.EmailConfirmed || user.PasswordHash is null || await users.IsLockedOutAsync(user)
            || !await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct)) return;
        var (token, expires) = await tokens.IssueAsync(user.Id, AccountTokenPurpose.SignIn, null, Lifetime, "e-mail sign-in link", ct);
        var url = $"{PublicUrl}/Account/SignInLink?token={Uri.EscapeDataString(token)}";
        try
        {
            await mail.SendAsync(user.Email!, "Your Warmglow sign-in link",
                $"Hello {user.DisplayName},\n\nsign in to Warmglow with this link:\n\n{url}\n\n" +
                $"It works once, until {expires:yyyy-MM-dd HH:mm} UTC ({(int)Lifetime.TotalMinutes} minutes). If you did not ask for it, ignore this e-mail.\n", ct);
        }
        catch (Exception e) when (e is System.Net.Mail.SmtpException or InvalidOperationException or IOException)
        {
            log.LogError(e, "Could not send the sign-in link e-mail");
            throw new Conflict("The e-mail could not be sent just now; try again in a few minutes or sign in with your password.");
        }
    }
}

public sealed record ProfileDto(string Email, string DisplayName, bool HasPassword);
public sealed record ProfileInput(string? DisplayName);

/// <summary>A person's own profile: the name others see (the e-mail is the sign-in and stays as invited).</summary>
public sealed class ProfileService(WarmglowDb db, UserManager<AppUser> users)
{
    async Task<AppUser> MeAsync() =>
        await users.FindByIdAsync(db.Tenant.UserId ?? throw new Forbidden("Sign in first.")) ?? throw new NotFound("User");

    public async Task<ProfileDto> GetAsync()
    {
        var me = await MeAsync();
        return new(me.Email ?? "", me.DisplayName, me.PasswordHash is not null);
    }

    /// <summary>Renames the signed-in person; their next request carries the new name (claims are re-read per request).</summary>
    public async Task<ProfileDto> UpdateAsync(ProfileInput input)
    {
        ValidationFailed.ThrowIfAny(new FieldErrors().Required("displayName", input.DisplayName, 200));
        var me = await MeAsync();
        me.DisplayName = input.DisplayName!.Trim();
        var result = await users.UpdateAsync(me);
        if (!result.Succeeded) throw new Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
        return new(me.Email ?? "", me.DisplayName, me.PasswordHash is not null);
    }
}
