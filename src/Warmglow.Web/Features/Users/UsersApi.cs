using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Accounts;

namespace Warmglow.Web.Features.Users;

public sealed record TokenRequest(string? Email, string? Password, int? WorkspaceId = null);

public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        // Bearer tokens for API clients (ASP.NET Core Identity's bearer token handler), for one workspace of the person's.
        app.MapPost("/api/auth/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (TokenRequest request, SignInManager<AppUser> signIn,
            UserManager<AppUser> users, WarmglowDb db, WorkspaceChoice choice) =>
        {
            var user = await users.FindByEmailAsync(request.Email?.Trim() ?? "");
            var check = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            if (!check.Succeeded)
                return TypedResults.Problem(check.IsLockedOut ? "Too many failed attempts; try again in a few minutes." : "E-mail or password is wrong.",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
            if (request.WorkspaceId is { } ws && !await db.Memberships.AnyAsync(m => m.UserId == user!.Id && m.WorkspaceId == ws))
                return TypedResults.Problem($"You do not belong to workspace {ws}; GET /api/me/workspaces lists yours.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Not a member");
            choice.WorkspaceId = request.WorkspaceId;
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            await signIn.SignInAsync(user!, isPersistent: false);
            return TypedResults.Empty; // the handler has written { tokenType, accessToken, expiresIn, refreshToken }
        }).WithTags("Auth").AllowAnonymous().Produces<AccessTokenResponse>()
          .WithSummary("Exchange e-mail and password (and optionally a workspaceId) for a bearer token (send it as 'Authorization: Bearer …')");

        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (UserService s, int? page, int? pageSize, CancellationToken ct) => s.ListAsync(page, pageSize, ct));
        group.MapGet("/{id}", (string id, UserService s, CancellationToken ct) => s.GetAsync(id, ct));
        group.MapPost("/", async (InviteInput input, UserService s, HttpRequest req, CancellationToken ct) =>
            TypedResults.Created($"/api/users", await s.InviteAsync(input, req.LinkBase(), ct)))
            .WithSummary("Invite a user: returns a one-time link (7 days) for them to choose a password; someone who already has an account is added at once");
        group.MapPut("/{id}/roles", (string id, RolesInput input, UserService s, CancellationToken ct) => s.SetRolesAsync(id, input, ct));

        app.MapGet("/api/me", (HttpContext http) => new
        {
            Id = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            Name = http.User.FindFirst(WarmglowClaims.DisplayName)?.Value,
            Email = http.User.Identity?.Name,
            Workspace = http.User.FindFirst(WarmglowClaims.Workspace)?.Value,
            Roles = http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList(),
        }).WithTags("Auth").RequireAuthorization(Policies.Member);
    }
}
