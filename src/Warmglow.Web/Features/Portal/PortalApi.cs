using Microsoft.AspNetCore.Http.HttpResults;
using Warmglow.Web.Features.Accounts;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Features.Portal;

public static class PortalApi
{
    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal").WithTags("Portal").RequireAuthorization(PortalModule.PartnerPolicy);
        portal.MapGet("/home", (PortalHomeService home, CancellationToken ct) => home.HomeAsync(ct))
            .WithSummary("The partner user's home: next actions, earnings (payable and upcoming per currency), joint goals, upcoming meetings");

        var team = app.MapGroup("/api/portal/team").WithTags("Portal").RequireAuthorization(PortalModule.PartnerAdminPolicy);
        team.MapGet("/", (PartnerTeamService s, CancellationToken ct) => s.TeamAsync(ct))
            .WithSummary("Partner admin: the portal users of your own organization");
        team.MapPost("/", async (TeamInviteInput input, PartnerTeamService s, HttpRequest req, CancellationToken ct) =>
            TypedResults.Created("/api/portal/team", await s.InviteAsync(input, req.LinkBase(), ct)))
            .WithSummary("Partner admin: invite a colleague as a portal user (the one-time link is mailed, or returned when e-mail is not set up)");
        team.MapDelete("/{userId}", async (string userId, PartnerTeamService s, CancellationToken ct) =>
        {
            await s.DeactivateAsync(userId, ct);
            return TypedResults.NoContent();
        }).WithSummary("Partner admin: deactivate a colleague (their sign-ins stop at once; invite them again to bring them back)");

        var staff = app.MapGroup("/api/portal-users").WithTags("Portal").RequireAuthorization(Policies.Manage);
        staff.MapGet("/", (PartnerTeamService s, int? partnerId, int? page, int? pageSize, CancellationToken ct) => s.PortalUsersAsync(partnerId, page, pageSize, ct))
            .WithSummary("Every partner's portal users, with who is a partner admin");
        staff.MapPut("/{userId}/partner-admin", (string userId, PartnerAdminInput input, PartnerTeamService s, CancellationToken ct) =>
                s.SetPartnerAdminAsync(userId, input, ct))
            .WithSummary("Make a partner user a partner admin of their organization (true) or take it back (false)");

        app.MapPost("/api/auth/email-link", async (EmailInput input, EmailSignInService s, CancellationToken ct) =>
        {
            await s.RequestAsync(input.Email, ct);
            return TypedResults.Accepted((string?)null, new { detail = "If the address belongs to an account, a sign-in link is on its way." });
        }).WithTags("Auth").AllowAnonymous()
          .WithSummary("Mail a one-time sign-in link (15 minutes; needs SMTP); answers the same whether or not the address is known");

        var me = app.MapGroup("/api/me/profile").WithTags("Auth").RequireAuthorization(Policies.Member);
        me.MapGet("/", (ProfileService s) => s.GetAsync()).WithSummary("Your profile: e-mail and display name");
        me.MapPut("/", (ProfileInput input, ProfileService s) => s.UpdateAsync(input)).WithSummary("Change your display name");
    }
}
