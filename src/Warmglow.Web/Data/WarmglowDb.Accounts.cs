using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Data;

// Accounts are deployment-wide (a person may belong to several workspaces), so these sets carry no tenant filter:
// every query names the workspace it means.
public abstract partial class WarmglowDb
{
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The people who belong to this workspace (its members, partner users included).</summary>
    public IQueryable<AppUser> MembersOf(int workspaceId) =>
        Users.Where(u => Memberships.Any(m => m.UserId == u.Id && m.WorkspaceId == workspaceId));

    /// <summary>Our own people in this workspace (members who are not partner users).</summary>
    public IQueryable<AppUser> StaffOf(int workspaceId) =>
        Users.Where(u => Memberships.Any(m => m.UserId == u.Id && m.WorkspaceId == workspaceId && m.PartnerId == null));
}
