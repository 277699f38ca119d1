using Microsoft.AspNetCore.Identity;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Features.Users;

public class AppUser : IdentityUser
{
    /// <summary>The workspace this person last worked in (where the next sign-in lands); their workspaces are their <c>Memberships</c>.</summary>
    public int? WorkspaceId { get; set; }
    public Workspace? Workspace { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>Legacy (before memberships): the partner of the home workspace. The membership's PartnerId is what counts.</summary>
    public int? PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? InvitedAt { get; set; }
    /// <summary>The deployment owner (the first admin, created at /Setup): may create workspaces and invite their first admin.</summary>
    public bool IsOwner { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Executive = "executive";
    public const string Evaluator = "evaluator";
    public const string Partner = "partner";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, Executive, Evaluator, Partner];

    public static string Describe(string role) => role switch
    {
        Admin => "Users, roles, workspace settings, templates; everything a manager can do",
        Manager => "Runs partnerships day to day: partners, pipeline, stages, imports",
        Executive => "Sees the portfolio and history; approves gates",
        Evaluator => "Reads partners and partnerships; scores candidates",
        Partner => "A person at a partner organization: sees only their own partnership(s)",
        _ => role,
    };

    /// <summary>Whether someone holding <paramref name="held"/> may hand out <paramref name="wanted"/> (e.g. to an API key):
    /// the same role, or one below it (admin covers every staff role; manager and executive cover evaluator).</summary>
    public static bool Covers(IEnumerable<string> held, string wanted) => held.Any(h => h == wanted
        || (h == Admin && wanted is Manager or Executive or Evaluator)
        || (h is Manager or Executive && wanted == Evaluator));
}

public static class Policies
{
    /// <summary>Any signed-in member of a workspace, partner users included (data is scoped by the DbContext).</summary>
    public const string Member = "member";
    /// <summary>Our own people: admin, manager, executive, evaluator.</summary>
    public const string Internal = "internal";
    /// <summary>May change partners and partnerships: admin, manager.</summary>
    public const string Manage = "manage";
    public const string Admin = "admin";
    /// <summary>Runs the process and sees every score: admin, manager, executive (not evaluators, who score blind).</summary>
    public const string Oversee = "oversee";
    /// <summary>May approve gates and record go / no-go decisions: executive, admin.</summary>
    public const string Approve = "approve";
    /// <summary>The deployment owner: creates workspaces.</summary>
    public const string Owner = "owner";
}

public static class WarmglowClaims
{
    public const string Workspace = "warmglow:workspace";
    public const string Partner = "warmglow:partner";
    public const string DisplayName = "warmglow:name";
    public const string Owner = "warmglow:owner";
    /// <summary>Set on principals authenticated by a personal API key (its id).</summary>
    public const string ApiKey = "warmglow:apikey";
}
