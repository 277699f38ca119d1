using Microsoft.AspNetCore.Identity;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Features.Users;

public class AppUser : IdentityUser
{
    public int? WorkspaceId { get; set; }
    public Workspace? Workspace { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>For partner users: the partner organization they belong to; they see only its partnerships.</summary>
    public int? PartnerId { get; set; }
    public Partner? Partner { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? InvitedAt { get; set; }
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
}

public static class WarmglowClaims
{
    public const string Workspace = "warmglow:workspace";
    public const string Partner = "warmglow:partner";
    public const string DisplayName = "warmglow:name";
}
