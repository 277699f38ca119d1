using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Demo;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Accounts;

/// <summary>Startup and operator tasks around accounts.</summary>
public static class AccountSetup
{
    /// <summary>
    /// Databases from before memberships: each user's workspace, partner and roles become their membership (idempotent:
    /// only users without any membership), and the first admin who signed up becomes the deployment owner.
    /// </summary>
    public static async Task UpgradeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var legacy = await db.Users.Where(u => u.WorkspaceId != null && !db.Memberships.Any(m => m.UserId == u.Id))
            .Select(u => new { u.Id, WorkspaceId = u.WorkspaceId!.Value, u.PartnerId, u.CreatedAt }).ToListAsync(ct);
        if (legacy.Count > 0)
        {
            var ids = legacy.Select(u => u.Id).ToList();
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
                .ToListAsync(ct);
            foreach (var u in legacy)
                db.Memberships.Add(new Membership
                {
                    UserId = u.Id, WorkspaceId = u.WorkspaceId, PartnerId = u.PartnerId, CreatedAt = u.CreatedAt,
                    Roles = Membership.Join(roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)),
                });
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Users.AnyAsync(u => u.IsOwner, ct))
        {
            var first = await db.Users.Where(u => u.PasswordHash != null
                    && db.Memberships.Any(m => m.UserId == u.Id && m.Roles.Contains(Roles.Admin)))
                .OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(ct);
            if (first is not null)
            {
                first.IsOwner = true;
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>
    /// The operator's way back in: `dotnet run --project src/Warmglow.Web -- reset-admin [--email x] [--url https://…]`
    /// prints a one-time reset link (24 hours) for that person (default: the deployment owner). No web server starts.
    /// </summary>
    public static async Task<int> ResetAdminAsync(IServiceProvider services, IConfiguration config, TextWriter output, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = config["email"];
        var user = email is { Length: > 0 }
            ? await users.FindByEmailAsync(email.Trim())
            : await db.Users.Where(u => u.IsOwner).OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            await output.WriteLineAsync(email is { Length: > 0 } ? $"No account has the e-mail {email}." : "There is no admin yet: open the app and create one at /Setup.");
            return 1;
        }
        var baseUrl = config["url"] ?? config["PublicUrl"] ?? "http://localhost:5000";
        var link = await scope.ServiceProvider.GetRequiredService<UserService>().ResetLinkAsync(user, baseUrl, "reset-admin (command line)", ct);
        await output.WriteLineAsync($"Password reset link for {user.Email} (works once, until {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC):");
        await output.WriteLineAsync(link.Url);
        return 0;
    }

    public sealed record DemoLink(string Role, string Email, string Token);

    /// <summary>
    /// --demo: one-time sign-in links (24 hours) for a manager, the executive, the evaluator and a partner user of the demo
    /// workspace, printed at startup so the demo accounts (which have no password) can be tried.
    /// </summary>
    public static async Task<List<DemoLink>> IssueDemoLinksAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var tokens = scope.ServiceProvider.GetRequiredService<AccountTokens>();
        var manager = DemoLoader.Staff.First(s => s.Role == Roles.Manager).Email;
        var ws = await db.Memberships.Where(m => m.User!.Email == manager).OrderBy(m => m.WorkspaceId).Select(m => (int?)m.WorkspaceId).FirstOrDefaultAsync(ct);
        if (ws is null) return [];
        var members = await db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == ws)
            .Select(m => new { m.UserId, m.User!.Email, m.Roles }).OrderBy(m => m.Email).ToListAsync(ct);
        var links = new List<DemoLink>();
        foreach (var role in new[] { Roles.Manager, Roles.Executive, Roles.Evaluator, Roles.Partner })
        {
            var person = role == Roles.Manager ? members.FirstOrDefault(m => m.Email == manager) : members.FirstOrDefault(m => Membership.Split(m.Roles).Contains(role));
            if (person is null) continue;
            var (token, _) = await tokens.IssueAsync(person.UserId, AccountTokenPurpose.SignIn, ws, AccountTokens.SignInLifetime, "--demo", ct);
            links.Add(new DemoLink(role, person.Email!, token));
        }
        return links;
    }

    public static string DescribeDemoLinks(IEnumerable<DemoLink> links, string baseUrl) =>
        "Demo accounts — one-time sign-in links (24 hours; create the admin at /Setup first if nobody has):" + Environment.NewLine +
        string.Join(Environment.NewLine, links.Select(l => $"  {l.Role,-10} {l.Email,-40} {baseUrl.TrimEnd('/')}/Account/SignInLink?token={l.Token}"));
}
